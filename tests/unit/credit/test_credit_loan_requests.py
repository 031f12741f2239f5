"""An application's body: a person's or a business's loan with the details of each, named at the field that does
not fit; the citizen ID refused without repeating it."""

import pytest
from pydantic import ValidationError

from hoanhap_credit.api.requests import BorrowerRequest, LoanRequestBody

PERSON_LOAN = {"borrower_id": "6f1c0a3e-8d0b-4b8e-9d51-2f0c6f1f4a11", "purpose": "production_business",
               "amount": 50_000_000, "term_months": 36, "agent_organisation": "womens_union", "savings_group": "Tổ 3"}


def problems(**body: object) -> list[tuple[str, ...]]:
    with pytest.raises(ValidationError) as refused:
        LoanRequestBody.model_validate(body)
    return [tuple(str(part) for part in error["loc"]) for error in refused.value.errors()]


def test_a_persons_loan_passes_and_each_misfit_is_named_at_its_field() -> None:
    LoanRequestBody.model_validate(PERSON_LOAN)
    assert problems(**{**PERSON_LOAN, "savings_group": None}) == [("savings_group",)]
    assert problems(**{**PERSON_LOAN, "business_id": "0d1c0a3e-8d0b-4b8e-9d51-2f0c6f1f4a11"}) == [("borrower_id",)]
    assert problems(**{**PERSON_LOAN, "course_months": 3}) == [("course_months",)]
    assert problems(**{**PERSON_LOAN, "purpose": "training"}) == [("course_months",)]
    assert problems(**{**PERSON_LOAN, "amount": 0}) == [("amount",)]
    assert problems(**{**PERSON_LOAN, "amount": 1.5}) == [("amount",)]


def test_a_business_loan_gives_its_workforce_and_no_agent() -> None:
    business = {**PERSON_LOAN, "borrower_id": None, "business_id": "0d1c0a3e-8d0b-4b8e-9d51-2f0c6f1f4a11",
                "agent_organisation": None, "savings_group": None}
    assert problems(**business) == [("workforce",)]
    LoanRequestBody.model_validate({**business, "workforce": {"total_workers": 10, "eligible_workers_on_contract": 1}})
    assert problems(**{**business, "workforce": {"total_workers": 1, "eligible_workers_on_contract": 2}}) == [
        ("workforce",)]


def test_a_malformed_citizen_id_is_refused_without_repeating_it() -> None:
    body = {"citizen_id": "999123456789", "birth_date": "1990-02-03", "full_name": "A", "address": "B",
            "household_representative": "C", "province_code": "01", "commune_code": "00004"}
    with pytest.raises(ValidationError) as refused:
        BorrowerRequest.model_validate(body)
    [error] = refused.value.errors()
    assert error["loc"] == ("citizen_id",) and "999123456789" not in error["msg"]


def test_a_commune_of_another_province_is_refused_at_commune_code_quoting_only_the_codes() -> None:
    body = {"citizen_id": "001090000123", "birth_date": "1990-02-03", "full_name": "Nguyễn Văn Bình",
            "address": "Tổ 5", "household_representative": "C", "province_code": "79", "commune_code": "00004"}
    with pytest.raises(ValidationError) as refused:
        BorrowerRequest.model_validate(body)
    [error] = refused.value.errors()
    assert error["loc"] == ("commune_code",) and error["input"] is None
    assert "00004" in error["msg"] and "79" in error["msg"] and "001090000123" not in error["msg"]
