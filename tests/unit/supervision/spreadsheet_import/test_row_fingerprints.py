"""A row of an import is known by its content: the same model or activity sent again has the same fingerprint
whatever id it was given, and any change of a value (or of kind) gives another."""

import uuid
from dataclasses import replace
from datetime import date

from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap_supervision.application.community_import import fingerprint_of
from hoanhap_supervision.domain.local_models import LaunchModel
from hoanhap_supervision.domain.outreach import ReportOutreach

LAUNCH = LaunchModel(uuid.uuid4(), "Tổ tự quản", ModelLevel.COMMUNE, "01", ("00004",), None, "Hội Phụ nữ",
                     date(2026, 1, 5))
REPORT = ReportOutreach(uuid.uuid4(), OutreachActivity.LEAFLET, 200, None, "01", "00004", date(2026, 2, 1))


def test_the_same_content_with_another_id_has_the_same_fingerprint():
    assert fingerprint_of(replace(LAUNCH, model_id=uuid.uuid4())) == fingerprint_of(LAUNCH)
    assert fingerprint_of(replace(REPORT, outreach_id=uuid.uuid4())) == fingerprint_of(REPORT)


def test_any_other_value_gives_another_fingerprint():
    changed = [replace(REPORT, quantity=201), replace(REPORT, held_on=date(2026, 2, 2)),
               replace(REPORT, commune_code="00070"), replace(REPORT, activity=OutreachActivity.BANNER)]
    assert len({fingerprint_of(report) for report in [REPORT, *changed]}) == 5
    assert fingerprint_of(replace(LAUNCH, commune_codes=("00004", "00070"))) != fingerprint_of(LAUNCH)
