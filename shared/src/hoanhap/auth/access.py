"""Jurisdiction checks a handler makes once it knows the place (agency and role: the access policy).

Acting at a place the caller names (registering there, listing a commune) answers 403 when it lies outside
(`ensure_jurisdiction`). A record the caller reaches by its id is checked against the record's own place by the
write-path kit (`hoanhap.write_path.jurisdiction.ensure_place_access`): another province's is invisible (404),
another commune's of the caller's province forbidden (403), neither naming where it is.
"""

from fastapi import HTTPException

from hoanhap.auth.principal import Principal


def ensure_jurisdiction(principal: Principal, province_code: str, commune_code: str | None = None) -> None:
    """403 naming the place when the caller may not act there (commune None: the whole province)."""
    if principal.can_access(province_code, commune_code):
        return
    place = f"province {province_code}"
    if commune_code is not None:
        place = f"commune {commune_code} ({place})"
    raise HTTPException(403, f"{place} is outside your jurisdiction ({describe(principal)})")


def describe(principal: Principal) -> str:
    """The caller's jurisdiction in words, e.g. "province 01, communes 00004, 00007"."""
    communes = ", ".join(principal.jurisdiction.communes)
    return f"province {principal.jurisdiction.province}, " + (f"communes {communes}" if communes else "all communes")
