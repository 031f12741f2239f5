"""How a local model and an outreach report are shown (dates and ids as text)."""

from typing import Any

from asyncpg import Record

from hoanhap_supervision.adapters.views import jsonable
from hoanhap_supervision.domain.local_models import LocalModel


def model_view(model: LocalModel, version: int | None = None) -> dict[str, Any]:
    """The model, its communes and members (its version when read alone)."""
    view = jsonable({
        "model_id": model.model_id, "title": model.title, "level": model.level.value,
        "province_code": model.province_code, "former_district_name": model.former_district_name,
        "lead_organisation": model.lead_organisation, "launched_on": model.launched_on,
        "ended_on": model.ended_on, "status": "running" if model.is_running else "ended"})
    view |= {"commune_codes": list(model.commune_codes), "members": sorted(str(member) for member in model.members)}
    return view if version is None else {**view, "version": version}


def outreach_view(row: Record) -> dict[str, Any]:
    """One outreach report."""
    return jsonable(dict(row))
