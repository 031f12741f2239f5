"""Jurisdiction checks a handler makes once it knows the place (agency and role: the access policy).

Reading a record of another province answers 404: such people are invisible, not forbidden (`visible_to`, or
`ensure_record_access`). A record of another commune of the caller's province answers 403. Acting at a place the
caller names (registering there, listing a commune) answers 403 when it lies outside (`ensure_jurisdiction`).
"""

from fastapi import HTTPException

from hoanhap.auth.principal import Principal


def visible_to(principal: Principal, province_code: str) -> bool:
    """True when records of this province exist for the caller at all; answer 404 when False."""
    return principal.sees_province(province_code)


def ensure_jurisdiction(principal: Principal, province_code: str, commune_code: str | None = None) -> None:
    """403 naming the place when the caller may not act there (commune None: the whole province)."""
    if principal.can_access(province_code, commune_code):
        return
    place = f"province {province_code}"
    if commune_code is not None:
        place = f"commune {commune_code} ({place})"
    raise HTTPException(403, f"{place} is outside your jurisdiction ({describe(principal)})")


def ensure_record_access(principal: Principal, province_code: str, commune_code: str,
                         not_found: str = "not found") -> None:
    """404 for a record of another province (it is invisible), 403 for another commune of the caller's, without
    naming that commune: where a person lives is not the caller's to learn."""
    if not visible_to(principal, province_code):
        raise HTTPException(404, not_found)
    if not principal.can_access(province_code, commune_code):
        raise HTTPException(403, f"this record is outside your jurisdiction ({describe(principal)})")


def describe(principal: Principal) -> str:
    """The caller's jurisdiction in words, e.g. "province 01, communes 00004, 00007"."""
    communes = ", ".join(principal.jurisdiction.communes)
    return f"province {principal.jurisdiction.province}, " + (f"communes {communes}" if communes else "all communes")
