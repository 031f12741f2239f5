"""The loans table's state column: a loan written and read back is the same loan, its rate (Decimal) and exact
overdue interest (Fraction) to the last digit, over loans in every status; another shape or version reads as
missing (the stream is replayed instead)."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from hoanhap.contracts.credit.choices import AgentOrganisation, BusinessType
from hoanhap_credit.adapters.loan_states import state_json, state_of
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import Loan
from tests.unit.credit.credit_applications import of_business
from tests.unit.credit.credit_loans import approve, disburse, disbursed, repay, run, small_loan_application, step

PERSON = LoanParty(province_code="01", commune_code="00004", borrower_id=uuid4(), person_id=uuid4(),
                   agent_organisation=AgentOrganisation.FARMERS_UNION, savings_group="Tổ 3")
BUSINESS = LoanParty(province_code="79", commune_code="26734", business_id=uuid4(),
                     business_kind=BusinessType.COOPERATIVE)


def loans_in_every_status() -> list[Loan]:
    applying = cmd.ApplyForLoan(small_loan_application(), "officer")
    paid, _ = step(disbursed(), repay("p1", date(2025, 9, 3), 1_700_000))
    assert paid is not None
    return [run([applying])[0], run([applying, approve()])[0], disbursed(), paid,
            run([applying, cmd.RejectLoan(date(2025, 5, 12), "c2VhbGVk", "supervisor")])[0],
            run([cmd.ApplyForLoan(of_business(), "officer")])[0],
            run([applying, approve(), disburse(5_000_000), disburse(7_000_000, date(2025, 7, 9))])[0]]


def test_every_kind_of_loan_reads_back_as_written() -> None:
    for loan in loans_in_every_status():
        for party in (PERSON, BUSINESS):
            record = LoanRecord(uuid4(), party, loan)
            assert state_of(state_json(record), record.version) == record


@settings(max_examples=200)
@given(numerator=st.integers(0, 10**18), denominator=st.integers(1, 10**9),
       rate=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=6),
       days=st.integers(0, 3650), index=st.integers(0, 6))
def test_exact_fractions_and_rates_survive_the_round_trip(numerator: int, denominator: int, rate: Decimal,
                                                          days: int, index: int) -> None:
    loan = replace(loans_in_every_status()[index], overdue_interest_accrued=Fraction(numerator, denominator),
                   annual_rate=rate, accrued_through=date(2025, 6, 1) + timedelta(days=days))
    record = LoanRecord(uuid4(), PERSON, loan)
    back = state_of(state_json(record), record.version)
    assert back == record and back is not None
    assert (back.loan.overdue_interest_accrued, back.loan.annual_rate) == (Fraction(numerator, denominator), rate)


def test_a_state_of_another_shape_or_version_reads_as_missing() -> None:
    record = LoanRecord(uuid4(), PERSON, disbursed())
    assert state_of(state_json(record), record.version + 1) is None
    assert state_of(state_json(record).replace('"shape":1', '"shape":0'), record.version) is None
    assert state_of('{"shape": 1, "record": {}}', 1) is None
    assert state_of(None, 1) is None
