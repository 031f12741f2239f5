"""The reviewer's case: a borrower sent with a commune of another province is answered 422 at commune_code,
saying which province the commune is in, and the answer holds none of the body: no citizen ID, birth date, name
or address."""

from fastapi.testclient import TestClient

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from tests.support.services import bearer_headers
from tests.unit.service.test_openapi_error_answers import service_apps

BORROWER = {"citizen_id": "001090000123", "birth_date": "1990-02-03", "full_name": "Nguyễn Văn Bình",
            "address": "Tổ 5, Phường Ba Đình", "household_representative": "Nguyễn Thị Hoa",
            "province_code": "79", "commune_code": "00004"}
OFFICER = Principal(sub="officer", agency=Agency.BANK, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))


def test_a_commune_of_another_province_is_answered_at_commune_code_without_the_body():
    [credit] = [app for app in service_apps() if app.title.endswith("credit")]

    answer = TestClient(credit).post("/v1/borrowers", json=BORROWER, headers=bearer_headers(OFFICER))

    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "commune_code"] and "belongs to province 01" in problem["msg"]
    assert "input" not in problem
    quoted = [value for field, value in BORROWER.items() if "code" not in field and value in answer.text]
    assert quoted == []
