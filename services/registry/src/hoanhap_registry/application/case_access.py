"""Whether a caller may act on a case: other provinces are invisible (404), other communes forbidden (403)."""

from fastapi import HTTPException

from hoanhap.auth import Principal
from hoanhap_registry.domain.state import PersonCase


def ensure_case_access(principal: Principal, case: PersonCase) -> None:
    """404 for a case in another province, 403 for another commune of the caller's province."""
    if not principal.sees_province(case.province_code):
        raise HTTPException(404, "no such person")
    if not principal.can_access(case.province_code, case.commune_code):
        raise HTTPException(403, "this case is outside your jurisdiction")
