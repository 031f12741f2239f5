"""Certifying a commune's borrower list (Form 01): once, not before it was drawn, not in the future; one
PersonListed per person still known."""

import uuid
from datetime import date

import pytest

from hoanhap_registry.domain import borrower_list_events as ev
from hoanhap_registry.domain.borrower_list import certify, replay_list
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation

KEPT, ERASED = uuid.uuid4(), uuid.uuid4()
DRAWN = ev.BorrowerListDrawn(list_id=uuid.uuid4(), province_code="01", commune_code="00004",
                             drawn_on=date(2026, 3, 2), person_ids=(KEPT, ERASED), excluded_person_ids=())
SIGNATORY = "Chủ tịch UBND xã Nguyễn Văn An"


def drawn_list():
    borrowers = replay_list([DRAWN])
    assert borrowers is not None
    return borrowers


def test_certifying_records_the_signatory_and_lists_each_person_still_known_with_the_day():
    certified, *listed = certify(drawn_list(), date(2026, 3, 5), SIGNATORY, date(2026, 3, 6), {KEPT})
    assert isinstance(certified, ev.BorrowerListCertified) and certified.certified_by == SIGNATORY
    assert listed == [ev.PersonListed(person_id=KEPT, province_code="01", commune_code="00004",
                                      certified_on=date(2026, 3, 5))]


def test_a_list_is_certified_once():
    events = certify(drawn_list(), date(2026, 3, 5), SIGNATORY, date(2026, 3, 6), {KEPT})
    again = replay_list([DRAWN, *events])
    assert again is not None and again.certified is not None
    with pytest.raises(CaseConflict, match="certified on 2026-03-05 already"):
        certify(again, date(2026, 3, 6), SIGNATORY, date(2026, 3, 6), {KEPT})


@pytest.mark.parametrize(("certified_on", "accepted"), [(date(2026, 3, 1), False), (date(2026, 3, 2), True),
                                                        (date(2026, 3, 6), True), (date(2026, 3, 7), False)])
def test_the_certification_day_lies_between_the_drawing_and_today(certified_on: date, accepted: bool):
    if accepted:
        assert certify(drawn_list(), certified_on, SIGNATORY, date(2026, 3, 6), {KEPT})
        return
    with pytest.raises(RuleViolation) as refused:
        certify(drawn_list(), certified_on, SIGNATORY, date(2026, 3, 6), {KEPT})
    assert refused.value.field == "certified_on"
