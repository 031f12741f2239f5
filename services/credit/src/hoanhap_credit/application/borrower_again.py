"""A citizen ID the bank already knows, registered again (docs/credit.md, "The borrower first, then the loans").

Staff of the borrower's commune must type the birth date sealed with the identity (422 naming birth_date
otherwise; they may read the record anyway, so the answer tells them nothing new), and get the same borrower, linked
to the registry's person once the registry has released them; the new name or address is not recorded (the answer
says `updated: false`). Staff elsewhere get the record only when the registry finds the person by the citizen ID
and the birth date typed (which proves both) and says they now live in the caller's jurisdiction: the record moves
to them (BorrowerMoved), even when whoever registered it first typed another birth date (a record made elsewhere
cannot hold the person's own commune off). Otherwise they get the answer an unknown citizen ID gets when the
registry's person lives elsewhere (403, the same words), whatever birth date they typed: they learn neither the
borrower's commune nor whether a birth date is the sealed one. The registry is searched (scrypt) in every case, so
the time taken tells no more."""

from contextlib import suppress
from dataclasses import replace
from datetime import date

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, ConcurrencyConflict
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Forbidden, RuleViolation
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.application.borrower_identity import BorrowerIdentity
from hoanhap_credit.application.borrower_storage import BorrowerTables
from hoanhap_credit.application.borrower_writes import record_append
from hoanhap_credit.application.storage import HolderKeys, LoanStreams
from hoanhap_credit.domain.borrower_events import (
    BorrowerFact,
    BorrowerLinked,
    BorrowerMoved,
    BorrowerRegistered,
    borrower_stream,
)
from hoanhap_credit.domain.borrowers import BorrowerOnRecord
from hoanhap_credit.domain.registry_person import RegistryPerson

RESIDENCE_ELSEWHERE = "the person's registered residence is outside your jurisdiction"
OTHER_BIRTH_DATE = "the birth date is not the one on record for this citizen ID"


class RegisteredAgain:
    """The answer to registering a citizen ID the bank knows."""

    def __init__(self, streams: LoanStreams, keys: HolderKeys, tables: BorrowerTables,
                 lookup: ApplicantLookup) -> None:
        self.streams, self.keys, self.tables, self.lookup = streams, keys, tables, lookup

    async def answer(self, connection: Connection, known: BorrowerOnRecord, identity: BorrowerIdentity,
                     principal: Principal, today: date) -> BorrowerOnRecord:
        """The same borrower (linked or moved as the registry says), or a refusal that names nothing of them."""
        person = await self.lookup.person_for_citizen_id(identity.citizen_id, identity.birth_date, connection)
        if principal.can_access(known.province_code, known.commune_code):
            if await self.sealed_birth_date(connection, known) not in (None, identity.birth_date):
                raise RuleViolation("birth_date", OTHER_BIRTH_DATE)
            return await self.linked(connection, known, person, principal, today)
        if person is None or not principal.can_access(person.province_code, person.commune_code):
            raise Forbidden(RESIDENCE_ELSEWHERE)
        return await self.moved(connection, await self.linked(connection, known, person, principal, today), person,
                                principal, today)

    async def sealed_birth_date(self, connection: Connection, known: BorrowerOnRecord) -> date | None:
        """The birth date sealed with the borrower's identity; None once their key is destroyed."""
        key = await self.keys.fetch(connection, known.borrower_id)
        if key is None:
            return None
        registered, *_ = await self.streams.read_stream(connection, borrower_stream(known.borrower_id))
        sealed = BorrowerRegistered.model_validate(registered.payload).sealed_identity
        return BorrowerIdentity.unsealed(sealed, key, known.borrower_id).birth_date

    async def linked(self, connection: Connection, borrower: BorrowerOnRecord, person: RegistryPerson | None,
                     principal: Principal, today: date) -> BorrowerOnRecord:
        """A borrower the registry had no release of yet, linked to the registry's person now found (the registry's
        facts of a release reach credit minutes after it is registered)."""
        if borrower.person_id is not None or person is None:
            return borrower
        await self.appended(connection, borrower, BorrowerLinked(person_id=person.person_id, linked_on=today),
                            principal, self.tables.link_alongside(borrower.borrower_id, person.person_id))
        return replace(borrower, person_id=person.person_id)

    async def moved(self, connection: Connection, borrower: BorrowerOnRecord, person: RegistryPerson,
                    principal: Principal, today: date) -> BorrowerOnRecord:
        """The borrower's record held from now on by the commune the registry says they live in."""
        event = BorrowerMoved(province_code=person.province_code, commune_code=person.commune_code, moved_on=today)
        await self.appended(connection, borrower, event, principal, self.tables.moved_alongside(
            borrower.borrower_id, person.province_code, person.commune_code))
        return replace(borrower, province_code=person.province_code, commune_code=person.commune_code)

    async def appended(self, connection: Connection, borrower: BorrowerOnRecord, event: BorrowerFact,
                       principal: Principal, *alongside: Alongside) -> None:
        """One more event of the borrower's record; registered again at the same time, the other request wrote it."""
        stream = borrower_stream(borrower.borrower_id)
        version = len(await self.streams.read_stream(connection, stream))
        with suppress(ConcurrencyConflict):
            async with connection.transaction():
                await self.streams.append_many(connection, [record_append(stream, version, event, principal,
                                                                          *alongside)])
