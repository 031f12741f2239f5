"""Registering the bank's borrowers (a person: found once in the registry, by scrypt, then by the bank's own cheap
digest of the citizen ID) and businesses (one per registration number), each with a key of its own sealing what is
said of it."""

import uuid
from datetime import date

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import new_person_key
from hoanhap.write_path.errors import Conflict, Forbidden, NotFound
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.application.borrower_again import RESIDENCE_ELSEWHERE, RegisteredAgain
from hoanhap_credit.application.borrower_identity import BorrowerIdentity, lookup_digest
from hoanhap_credit.application.borrower_storage import BorrowerTables
from hoanhap_credit.application.borrower_writes import Place, ensure_body_place, record_append
from hoanhap_credit.application.storage import HolderKeys, LoanStreams
from hoanhap_credit.domain.borrower_events import (
    BorrowerFact,
    BorrowerRegistered,
    BusinessRegistered,
    borrower_stream,
    business_stream,
)
from hoanhap_credit.domain.borrowers import BorrowerAlreadyRegistered, BorrowerOnRecord, BusinessOnRecord

NO_BORROWER = "no borrower with this id"
BUSINESS_ELSEWHERE = "this registration number is already a business of a commune outside your jurisdiction"


class Borrowers:
    """The borrower and business use cases."""

    def __init__(self, pool: asyncpg.Pool, storage: tuple[LoanStreams, HolderKeys, BorrowerTables],
                 lookup: ApplicantLookup) -> None:
        self.pool = pool
        self.streams, self.keys, self.tables = storage
        self.lookup = lookup
        self.again = RegisteredAgain(self.streams, self.keys, self.tables, lookup)

    async def register(self, connection: Connection, identity: BorrowerIdentity, place: Place,
                       principal: Principal, today: date) -> tuple[BorrowerOnRecord, bool]:
        """The borrower with this citizen ID, and whether this call registered them (False: already a borrower,
        see RegisteredAgain). A person the registry released is registered where the registry says they live (403
        outside the caller's jurisdiction, nothing recorded); one it has not, in the place the body names."""
        ensure_body_place(principal, place)
        digest = lookup_digest(identity.citizen_id, self.keys.master_key)
        if (known := await self.tables.borrower_with(connection, digest)) is not None:
            return await self.again.answer(connection, known, identity, principal, today), False
        person = await self.lookup.person_for_citizen_id(identity.citizen_id, identity.birth_date, connection)
        if person is not None:
            place = Place(person.province_code, person.commune_code)
            if not principal.can_access(place.province_code, place.commune_code):
                raise Forbidden(RESIDENCE_ELSEWHERE)
        borrower = BorrowerOnRecord(uuid.uuid4(), None if person is None else person.person_id, place.province_code,
                                    place.commune_code)
        key = new_person_key()
        event = BorrowerRegistered(sealed_identity=identity.sealed(key, borrower.borrower_id),
                                   person_id=borrower.person_id, province_code=place.province_code,
                                   commune_code=place.commune_code, registered_on=today)
        try:
            async with connection.transaction():  # a savepoint inside the caller's: a lost race reads the winner
                await self.first(connection, borrower_stream(borrower.borrower_id), event, principal,
                                 self.keys.stored_alongside(borrower.borrower_id, key),
                                 self.tables.borrower_alongside(borrower, digest))
        except BorrowerAlreadyRegistered:
            winner = await self.tables.borrower_with(connection, digest)
            assert winner is not None
            return await self.again.answer(connection, winner, identity, principal, today), False
        return borrower, True

    async def register_business(self, connection: Connection, business: BusinessOnRecord, principal: Principal,
                                today: date) -> tuple[BusinessOnRecord, bool]:
        """The business with this registration number, and whether this call registered it (False: the same
        business, already registered; 409 when it is of a commune outside the caller's jurisdiction)."""
        ensure_body_place(principal, Place(business.province_code, business.commune_code))
        async with connection.transaction():  # holds the number's lock until the business is written
            if business.registration_key is not None and (known := await self.tables.business_numbered(
                    connection, business.registration_key)) is not None:
                if not principal.can_access(known.province_code, known.commune_code):
                    raise Conflict(BUSINESS_ELSEWHERE)
                return known, False
            event = BusinessRegistered(name=business.name, registration=business.registration, kind=business.kind,
                                       province_code=business.province_code, commune_code=business.commune_code,
                                       registered_on=today)
            await self.first(connection, business_stream(business.business_id), event, principal,
                             self.keys.stored_alongside(business.business_id, new_person_key()),
                             self.tables.business_alongside(business))
        return business, True

    async def borrower_for(self, connection: Connection, borrower_id: uuid.UUID,
                           principal: Principal) -> BorrowerOnRecord:
        """The borrower for a caller of their commune (NotFound elsewhere in the country, Forbidden elsewhere in
        the province)."""
        borrower = await self.tables.borrower(connection, borrower_id)
        if borrower is None:
            raise NotFound(NO_BORROWER)
        ensure_place_access(principal, borrower.province_code, borrower.commune_code, not_found=NO_BORROWER)
        return borrower

    async def first(self, connection: Connection, stream_id: str, event: BorrowerFact, principal: Principal,
                    *alongside: Alongside) -> None:
        """A record's first event, with its rows alongside."""
        await self.streams.append_many(connection, [record_append(stream_id, 0, event, principal, *alongside)])
