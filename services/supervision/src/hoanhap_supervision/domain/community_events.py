"""Supervision's internal events about a place rather than a person: a local model (mô hình) and its members, and
an outreach report. Each model and each report has a stream of its own (``community_streams``); only the mapping
in ``hoanhap_supervision.adapters.community_publishing`` decides what leaves the service."""

from datetime import date
from uuid import UUID

from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap_supervision.domain.events import SupervisionFact


class ModelStarted(SupervisionFact):
    """A commune (or, before 2025-07-01, a district) launched a local model covering these communes, the first of
    which runs it."""

    model_id: UUID
    title: str
    level: ModelLevel
    province_code: str
    commune_codes: list[str]
    former_district_name: str | None
    lead_organisation: str
    launched_on: date


class MemberJoined(SupervisionFact):
    """A supervised person joined the model."""

    person_id: UUID
    joined_on: date


class MemberLeft(SupervisionFact):
    """A member left the model."""

    person_id: UUID
    left_on: date


class ModelEnded(SupervisionFact):
    """The model stopped running; where it ran is copied from its launch, so that its end is published with its
    place (None on an end recorded before the copy was kept: that end stays inside)."""

    ended_on: date
    province_code: str | None = None
    commune_codes: list[str] | None = None


class OutreachReported(SupervisionFact):
    """One outreach activity held in a commune (or province-wide: no commune), how many, and who attended."""

    outreach_id: UUID
    activity: OutreachActivity
    quantity: int
    attendance: int | None
    province_code: str
    commune_code: str | None
    held_on: date


COMMUNITY_FACTS: dict[str, type[SupervisionFact]] = {fact.type_name(): fact for fact in (
    ModelStarted, MemberJoined, MemberLeft, ModelEnded, OutreachReported)}
