"""Applying for a loan: the borrower's or business's record gives whose loan it is and where; credit's view of the
registry gives a person's facts (applicant.applicant_of); the domain records the application and, when it fails
Decision 22's rules, rejects it at once naming every failure."""

import uuid
from collections.abc import Callable

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import NotFound, RuleViolation
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_credit.application.applicant import applicant_of
from hoanhap_credit.application.applicant_lookup import PeopleView
from hoanhap_credit.application.application_input import LoanAsked
from hoanhap_credit.application.borrower_storage import BorrowerTables
from hoanhap_credit.application.lending import Lending
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import replay

NO_BORROWER = "no borrower with this id"
NO_BUSINESS = "no business with this id"


class LoanApplications:
    """The application use case, over the loans (Lending), the borrowers' tables and the registry view."""

    def __init__(self, lending: Lending, tables: BorrowerTables, people: PeopleView) -> None:
        self.lending = lending
        self.tables = tables
        self.people = people

    async def apply(self, connection: Connection, asked: LoanAsked,
                    principal: Principal) -> tuple[LoanRecord, list[ev.LoanFact]]:
        """The new loan: applied, or applied and rejected with every failed rule; with the events it made."""
        party, application = await self.facts(connection, asked, principal)
        events = decide(None, cmd.ApplyForLoan(application, principal.role.value), self.lending.rules.rates,
                        self.lending.rules.limits)
        loan = replay(events)
        assert loan is not None
        record = LoanRecord(uuid.uuid4(), party, loan)
        return await self.lending.append(connection, record, 0, events, principal), events

    async def facts(self, connection: Connection, asked: LoanAsked,
                    principal: Principal) -> tuple[LoanParty, Application]:
        """Whose loan it is, and the application's facts; NotFound or Forbidden as for a loan of that commune."""
        if asked.business_id is not None:
            business = await self.tables.business(connection, asked.business_id)
            if business is None:
                raise NotFound(NO_BUSINESS)
            ensure_place_access(principal, business.province_code, business.commune_code, not_found=NO_BUSINESS)
            party = LoanParty(province_code=business.province_code, commune_code=business.commune_code,
                              business_id=business.business_id, business_kind=business.kind)
            outstanding = await self.lending.streams.outstanding_same_purpose(connection, party.holder_id,
                                                                              asked.purpose)
            return party, contradictions_refused(lambda: asked.of_business(business, outstanding))
        assert asked.borrower_id is not None
        borrower = await self.tables.borrower(connection, asked.borrower_id)
        if borrower is None:
            raise NotFound(NO_BORROWER)
        ensure_place_access(principal, borrower.province_code, borrower.commune_code, not_found=NO_BORROWER)
        party = LoanParty(province_code=borrower.province_code, commune_code=borrower.commune_code,
                          borrower_id=borrower.borrower_id, person_id=borrower.person_id,
                          agent_organisation=asked.agent_organisation, savings_group=asked.savings_group)
        person = None if borrower.person_id is None else await self.people.person(connection, borrower.person_id)
        outstanding = await self.lending.streams.outstanding_same_purpose(connection, party.holder_id, asked.purpose)
        return party, contradictions_refused(lambda: asked.personal(applicant_of(person), outstanding))


def contradictions_refused(build: Callable[[], Application]) -> Application:
    """The application, or a 422 at applied_on when its facts contradict each other (e.g. the registry's release
    day after the day of the application)."""
    try:
        return build()
    except ValueError as contradiction:
        raise RuleViolation("applied_on", str(contradiction)) from contradiction
