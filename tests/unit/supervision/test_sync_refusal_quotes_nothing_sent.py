"""An offline operation whose body its kind refuses is answered naming the field, never quoting the value sent (a
validator's message may repeat it: a day written wrong, a name typed into it)."""

import uuid
from datetime import UTC, datetime

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap_supervision.api.sync import taken_operation
from hoanhap_supervision.api.sync_requests import OperationRequest
from hoanhap_supervision.domain.sync_records import DeviceTimes

NOW = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)
SENT = "Nguyễn Văn An 001090001234"


def test_a_refused_operation_names_its_field_without_the_value_sent() -> None:
    asked = OperationRequest(operation_id=uuid.uuid4(), person_id=uuid.uuid4(), device_at=NOW, based_on_version=1,
                             kind="visit", body={"kind": "home_visit", "visited_on": SENT, "outcome": "met"})
    principal = Principal(sub="officer-1", agency=Agency.POLICE, role=Role.OFFICER,
                          jurisdiction=Jurisdiction(province="01"))
    answer = taken_operation(asked, DeviceTimes(NOW, NOW, NOW), principal, bytes(32))
    assert isinstance(answer, dict) and answer["field"] == "body.visited_on"
    assert "001090001234" not in str(answer) and "Nguyễn" not in str(answer)
