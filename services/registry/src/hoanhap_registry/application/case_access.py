"""Whether a caller may act on a case: other provinces are invisible (PersonNotFound's 404), other communes
forbidden (403), neither naming where the case is."""

from hoanhap.auth import Principal
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_registry.domain.state import PersonCase

NOT_FOUND = "no such person"
FORBIDDEN = "this case is outside your jurisdiction"


def ensure_case_access(principal: Principal, case: PersonCase) -> None:
    """NotFound for a case in another province, Forbidden for another commune of the caller's province."""
    ensure_place_access(principal, case.province_code, case.commune_code, not_found=NOT_FOUND, forbidden=FORBIDDEN)
