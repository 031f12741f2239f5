"""A release to register, from a release notice over HTTP or a row of a spreadsheet: the identity still in clear,
and the event to record once it is sealed."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hoanhap.vietnam_time import vietnam_today
from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.periods import age_on
from hoanhap_registry.identity.sealing import Identity


@dataclass(frozen=True)
class Registration:
    """A new release as the HTTP layer or the import validated it, identity still in clear."""

    identity: Identity
    release: Callable[[str], ev.ReleaseRegistered]  # sealed identity -> event


def registration_of(body: ReleaseFields, notified_on: date | None) -> Registration:
    """The identity to seal and the event to build once it is sealed (notified today unless told)."""
    identity = Identity(body.full_name, body.citizen_id, body.birth_date, body.certificate_number)

    def release(sealed_identity: str) -> ev.ReleaseRegistered:
        return ev.ReleaseRegistered(
            sealed_identity=sealed_identity, birth_year=body.birth_date.year,
            age_at_release=age_on(body.release_date, body.birth_date),
            sex=body.sex, province_code=body.province_code, commune_code=body.commune_code, village=body.village,
            former_place_name=body.former_place_name, facility=body.facility,
            offence_articles=tuple(body.offence_articles), sentence_months=body.sentence_months,
            release_type=body.release_type, release_date=body.release_date, supervision_end=body.supervision_end,
            notified_on=notified_on or vietnam_today())

    return Registration(identity=identity, release=release)
