"""The privacy boundary: a loan's internal events, stored as the service stores them (stamped with whose loan it
is), become the credit contract's events with no name, savings group or free text (sealed or not); a borrower the
registry does not know, an extension, and the borrowers' and businesses' own streams publish nothing."""

import uuid
from datetime import date

import pytest

from hoanhap import contracts as c
from hoanhap.contracts import from_kafka_message
from hoanhap.eventstore import EventMetadata, InMemoryEventStore, StoredEvent
from hoanhap_credit.adapters.loan_projection import projection_alongside
from hoanhap_credit.adapters.publishing import credit_message
from hoanhap_credit.application.loan_writes import loan_append
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import replay
from tests.unit.credit.credit_applications import of_business, personal
from tests.unit.credit.credit_loans import approve, disburse, repay, run
from tests.unit.credit.test_credit_loan_state_json import BUSINESS, PERSON

SEALED = "U0VBTEVELVJFQVNPTi1NQVJLRVI="
METADATA = EventMetadata(correlation_id="c", actor="bank-officer-secret", agency="bank")


async def published(party: LoanParty, facts: list[ev.LoanFact]) -> list[c.IntegrationEvent | None]:
    """The events stored as the service stores them, each then mapped by the relay's mapper."""
    loan = replay(facts)
    assert loan is not None
    append = loan_append(projection_alongside, LoanRecord(uuid.uuid4(), party, loan), 0, facts, METADATA)
    [stored] = await InMemoryEventStore().append_many([append])
    return [mapped(event) for event in stored]


def mapped(event: StoredEvent) -> c.IntegrationEvent | None:
    message = credit_message(event)
    if message is None:
        return None
    for secret in ("Tổ 3".encode(), SEALED.encode(), b"bank-officer-secret", b"savings"):
        assert secret not in message.value + (message.key or b"")
    return from_kafka_message(message.key, message.value, message.headers).data


async def test_a_persons_loan_reaches_the_topic_under_the_registrys_person_id_only() -> None:
    applying = cmd.ApplyForLoan(personal(), "officer")
    _, facts = run([applying, approve(), disburse(), repay("0c0f7c1a-3b6d-4e8f-9a21-7c4d2b1e0f33",
                                                          date(2025, 7, 1), 1_200_000)])
    events = await published(PERSON, facts)
    assert [type(event).__name__ for event in events] == ["LoanApplied", "LoanApproved", "LoanDisbursed",
                                                          "RepaymentReceived"]
    applied, approved, disbursed, repaid = events
    assert isinstance(applied, c.LoanApplied) and applied.borrower == c.IndividualBorrower(
        kind="individual", person_id=PERSON.person_id)
    assert (applied.purpose, applied.agent_organisation, applied.commune_code) == (
        c.LoanPurpose.PRODUCTION, c.AgentOrganisation.FARMERS_UNION, "00004")
    assert isinstance(approved, c.LoanApproved) and approved.annual_interest_rate_bp == 660
    assert isinstance(disbursed, c.LoanDisbursed) and disbursed.final_due_on == date(2026, 6, 1)
    assert isinstance(repaid, c.RepaymentReceived)
    assert repaid.principal + repaid.interest == 1_200_000 and repaid.outstanding_principal == \
        12_000_000 - repaid.principal


async def test_a_rejection_names_every_failed_rule_and_never_the_supervisors_reason() -> None:
    _, by_rules = run([cmd.ApplyForLoan(personal(listing=None, completed_on=date(2019, 3, 2)), "officer")])
    [_, rejected] = await published(PERSON, by_rules)
    assert isinstance(rejected, c.LoanRejected)
    assert rejected.failed_rules == (c.LoanRule.NOT_ON_COMMUNE_LIST, c.LoanRule.MORE_THAN_FIVE_YEARS_SINCE_RELEASE)
    _, by_supervisor = run([cmd.ApplyForLoan(personal(), "officer"),
                            cmd.RejectLoan(date(2025, 5, 12), SEALED, "supervisor")])
    [_, refused] = await published(PERSON, by_supervisor)
    assert isinstance(refused, c.LoanRejected) and refused.failed_rules == ()


async def test_a_business_is_published_by_its_id_kind_and_workforce_counts() -> None:
    _, facts = run([cmd.ApplyForLoan(of_business(), "officer")])
    [applied] = await published(BUSINESS, facts)
    assert isinstance(applied, c.LoanApplied)
    assert applied.borrower == c.BusinessBorrower(kind="business", business_id=BUSINESS.business_id,
                                                  business_type=c.BusinessType.COOPERATIVE)
    assert (applied.workforce, applied.agent_organisation) == (
        c.BusinessWorkforce(total_workers=20, eligible_workers=5), None)


@pytest.mark.parametrize("facts", [
    run([cmd.ApplyForLoan(personal(), "officer")])[1],
    run([cmd.ApplyForLoan(personal(), "officer"), cmd.WithdrawApplication(date(2025, 5, 11), "officer")])[1]])
async def test_a_borrower_the_registry_does_not_know_publishes_nothing(facts: list[ev.LoanFact]) -> None:
    unknown = PERSON.model_copy(update={"person_id": None})
    assert await published(unknown, facts) == [None] * len(facts)


async def test_an_extension_is_kept_inside() -> None:
    _, facts = run([cmd.ApplyForLoan(personal(), "officer"), approve(), disburse(),
                    cmd.ExtendInstalment(1, date(2025, 7, 20), SEALED, "supervisor")])
    assert (await published(PERSON, facts))[-1] is None
