"""Who may call stats. The figures are for anyone, since they are aggregates; what a caller is shown depends on who
they are: exact figures for the figure's own jurisdiction (steering committee or police whose token covers the
place), the public disclosure rules for everyone else (hoanhap_stats.figures.disclosure, docs/disclosure-control.md).
The jurisdiction's live feed, one message per change, is for the steering committee and the police, and holds only
the changes of the caller's own province or communes."""

from hoanhap.auth import Agency, Role
from hoanhap.auth.policy import PUBLIC, AccessPolicy, Where, allow

JURISDICTIONS = [Agency.STEERING_COMMITTEE, Agency.POLICE]

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
    "GET /v1/supervision/contact-compliance": PUBLIC,
    "GET /v1/supervision/plan-areas": PUBLIC,
    "GET /v1/credit/loans": PUBLIC,
    "GET /v1/credit/activity": PUBLIC,
    "GET /v1/credit/portfolio": PUBLIC,
    "GET /v1/feed": PUBLIC,  # a notice that public figures may have changed, no figure in it
    "GET /v1/jurisdiction/feed": allow(JURISDICTIONS, Role, Where.OWN),
    "GET /v1/lag": PUBLIC,
})
