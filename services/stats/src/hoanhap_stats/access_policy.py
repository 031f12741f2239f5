"""Who may call stats: anyone, since it serves aggregates only. What a caller is shown depends on who they are:
small cells are withheld from everyone outside the figure's jurisdiction (see the figures' disclosure rules)."""

from hoanhap.auth.policy import PUBLIC, AccessPolicy

POLICY = AccessPolicy("stats", {
    "GET /": PUBLIC,  # redirects to the dashboard
    "GET /dashboard": PUBLIC,
    "GET /v1/recidivism/cohort": PUBLIC,
    "GET /v1/recidivism/period": PUBLIC,
    "GET /v1/releases": PUBLIC,
    "GET /v1/provinces/{province_code}/communes": PUBLIC,
    "GET /v1/supervision/visits": PUBLIC,
    "GET /v1/supervision/risk-groups": PUBLIC,
    "GET /v1/supervision/support": PUBLIC,
    "GET /v1/supervision/sponsors": PUBLIC,
    "GET /v1/supervision/community": PUBLIC,
    "GET /v1/credit/loans": PUBLIC,
    "GET /v1/feed": PUBLIC,
    "GET /v1/lag": PUBLIC,
})
