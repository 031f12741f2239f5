"""Who may call supervision: the commune police and the supervision agency's staff (officers and supervisors),
each only for the cases of their jurisdiction, where the case is now (a transferred case is the new commune's);
putting an officer in charge of a case is a supervisor's decision.

Analysts see aggregates only (in stats), admins operate the service without reading people; bank and
steering-committee tokens are refused here.
"""

from hoanhap.auth import Agency, Role
from hoanhap.auth.policy import AccessPolicy, Where, allow

CASEWORKING_AGENCIES = [Agency.POLICE, Agency.SUPERVISION]
CASEWORKERS = [Role.OFFICER, Role.SUPERVISOR]
SUPERVISORS = [Role.SUPERVISOR]
CASE = "/v1/people/{person_id}"
MODEL = "/v1/models/{model_id}"

POLICY = AccessPolicy("supervision", {
    # endpoint                                        agencies              roles        jurisdiction
    f"GET {CASE}":                               allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/history":                       allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/assessments":                   allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/assessments":                  allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/visits":                        allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/visits":                       allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/officer":                      allow(CASEWORKING_AGENCIES, SUPERVISORS, Where.RECORD),
    "GET /v1/communes/{commune_code}/caseload":  allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.PATH_COMMUNE),
    "GET /v1/officers/me/caseload":              allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.OWN),
    "GET /v1/sponsors/me/people":                allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.OWN),
    "GET /v1/communes/{commune_code}/alerts":    allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {CASE}/sponsors":                      allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/sponsors":                     allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/sponsors/{{sponsor_id}}/end":  allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/support":                       allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/support":                      allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/plan":                          allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/plan/{{area}}":                allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/appointments":                  allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/appointments":                 allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/appointments/{{appointment_id}}/outcome": allow(CASEWORKING_AGENCIES, CASEWORKERS,
                                                                  Where.RECORD),
    # local models and outreach: a place's, not a person's (changing a model needs all its communes)
    "POST /v1/models":                           allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.BODY_PLACE),
    "GET /v1/models":                            allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.OWN),
    f"GET {MODEL}":                              allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {MODEL}/members":                     allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {MODEL}/member-removals":             allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    f"POST {MODEL}/end":                         allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.RECORD),
    "GET /v1/communes/{commune_code}/models":    allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.PATH_COMMUNE),
    "POST /v1/outreach":                         allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.BODY_PLACE),
    "GET /v1/outreach":                          allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.OWN),
    "GET /v1/communes/{commune_code}/outreach":  allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.PATH_COMMUNE),
    "POST /v1/communes/{commune_code}/models/import": allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.PATH_COMMUNE),
    "POST /v1/communes/{commune_code}/outreach/import": allow(CASEWORKING_AGENCIES, CASEWORKERS,
                                                              Where.PATH_COMMUNE),
    # offline sync: each operation is checked against its case's place and, outside, answered rejected in the batch
    "POST /v1/sync":                             allow(CASEWORKING_AGENCIES, CASEWORKERS, Where.OWN),
    "GET /v1/communes/{commune_code}/sync-conflicts": allow(CASEWORKING_AGENCIES, SUPERVISORS, Where.PATH_COMMUNE),
})

SPONSORS_MAY = frozenset({f"POST {CASE}/visits", f"POST {CASE}/support", "GET /v1/sponsors/me/people"})
"""The only endpoints a sponsor's token (a subject starting "sponsor:", application/sponsor_tokens.py) may call,
and only for a person it sponsors now; it reads nothing but who it sponsors, not even that person's case (a sponsor
is a citizen helping, not the police). Enforced on every route by api/sponsor_scope.py, on top of the rules above."""
