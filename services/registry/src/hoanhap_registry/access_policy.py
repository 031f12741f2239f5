"""Who may call the registry: police only, since every endpoint reads or writes identified people.

Officers and supervisors of the commune police record and read the cases of their jurisdiction; closing a case
and erasing a person need a supervisor. Analysts see aggregates only (in stats), and admins operate the service
(health, metrics) without reading people, so neither calls any of these. Bank, supervision and steering-committee
tokens are refused here.
"""

from hoanhap.auth import Agency, Role
from hoanhap.auth.policy import AccessPolicy, Where, allow

POLICE = [Agency.POLICE]
CASEWORKERS = [Role.OFFICER, Role.SUPERVISOR]
SUPERVISORS = [Role.SUPERVISOR]
CASE = "/v1/people/{person_id}"
LISTS = "/v1/communes/{commune_code}/borrower-lists"

POLICY = AccessPolicy("registry", {
    # endpoint                                                 agencies  roles        jurisdiction
    "POST /v1/releases":                                 allow(POLICE, CASEWORKERS, Where.BODY_PLACE),
    "POST /v1/imports":                                  allow(POLICE, CASEWORKERS, Where.OWN),
    "GET /v1/imports/{import_id}":                       allow(POLICE, CASEWORKERS, Where.OWN),
    "POST /v1/people/search":                            allow(POLICE, CASEWORKERS, Where.OWN),
    "GET /v1/communes/{commune_code}/people":             allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    "GET /v1/communes/{commune_code}/overdue-confirmations": allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    "GET /v1/communes/{commune_code}/transfer-requests":  allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"POST {LISTS}":                                     allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {LISTS}/{{list_id}}":                          allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {LISTS}/{{list_id}}.csv":                      allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {LISTS}/{{list_id}}.xlsx":                     allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {LISTS}/{{list_id}}.html":                     allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"POST {LISTS}/{{list_id}}/certification":           allow(POLICE, CASEWORKERS, Where.PATH_COMMUNE),
    f"GET {CASE}":                                       allow(POLICE, CASEWORKERS, Where.RECORD),
    f"GET {CASE}/history":                               allow(POLICE, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/residence-confirmation":               allow(POLICE, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/intake":                               allow(POLICE, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/residence-changes":                    allow(POLICE, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/reoffences":                           allow(POLICE, CASEWORKERS, Where.RECORD),
    f"POST {CASE}/closure":                              allow(POLICE, SUPERVISORS, Where.RECORD),
    f"POST {CASE}/erasure":                              allow(POLICE, SUPERVISORS, Where.RECORD),
})
