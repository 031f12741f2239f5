"""Whether a caller may act on a record held at a place: other provinces are invisible (NotFound), other communes
of the caller's province forbidden (Forbidden), neither naming where the record is."""

from hoanhap.auth import Principal
from hoanhap.auth.access import describe
from hoanhap.write_path.errors import Forbidden, NotFound


def ensure_place_access(principal: Principal, province_code: str, commune_code: str, *,
                        not_found: str = "not found", forbidden: str | None = None) -> None:
    """NotFound for a record of another province, Forbidden for another commune of the caller's province (by
    default saying what the caller's jurisdiction is, never where the record is)."""
    if not principal.sees_province(province_code):
        raise NotFound(not_found)
    if not principal.can_access(province_code, commune_code):
        raise Forbidden(forbidden or f"this record is outside your jurisdiction ({describe(principal)})")
