"""Who may call credit: the bank's staff only (Agency.BANK), each in their jurisdiction: where the loan, the
borrower or the business is (Where.RECORD), or the place a new borrower or business is registered in
(Where.BODY_PLACE). An officer registers borrowers, applies, disburses, posts repayments and records a withdrawal;
a supervisor does all of that and approves, rejects, extends an instalment and writes off. Analysts (aggregates
only, in stats), admins and every other agency are refused."""

from hoanhap.auth import Agency, Role
from hoanhap.auth.policy import AccessPolicy, Where, allow

BANK = [Agency.BANK]
STAFF = [Role.OFFICER, Role.SUPERVISOR]
SUPERVISORS = [Role.SUPERVISOR]
LOAN = "/v1/loans/{loan_id}"
BORROWER = "/v1/borrowers/{borrower_id}"

POLICY = AccessPolicy("credit", {
    # endpoint                               agencies roles         jurisdiction
    "POST /v1/borrowers":               allow(BANK, STAFF,       Where.BODY_PLACE),
    f"GET {BORROWER}":                  allow(BANK, STAFF,       Where.RECORD),
    f"GET {BORROWER}/loans":            allow(BANK, STAFF,       Where.RECORD),
    "POST /v1/businesses":              allow(BANK, STAFF,       Where.BODY_PLACE),
    "POST /v1/loans":                   allow(BANK, STAFF,       Where.RECORD),  # the borrower's or business's
    f"GET {LOAN}":                      allow(BANK, STAFF,       Where.RECORD),
    f"GET {LOAN}/schedule":             allow(BANK, STAFF,       Where.RECORD),
    f"GET {LOAN}/schedule.html":        allow(BANK, STAFF,       Where.RECORD),
    f"POST {LOAN}/approval":            allow(BANK, SUPERVISORS, Where.RECORD),
    f"POST {LOAN}/disbursements":       allow(BANK, STAFF,       Where.RECORD),
    f"POST {LOAN}/repayments":          allow(BANK, STAFF,       Where.RECORD),
    f"POST {LOAN}/extensions":          allow(BANK, SUPERVISORS, Where.RECORD),
    f"POST {LOAN}/write-off":           allow(BANK, SUPERVISORS, Where.RECORD),
    f"POST {LOAN}/rejection":           allow(BANK, SUPERVISORS, Where.RECORD),
    f"POST {LOAN}/withdrawal":          allow(BANK, STAFF,       Where.RECORD),
})
