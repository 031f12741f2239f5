"""Who sponsors a person (nhận đỡ đầu) as the case remembers it, and whether a sponsor's token subject may act for
them: only while one of its sponsorships of the person has not ended."""

from dataclasses import dataclass
from datetime import date

SPONSOR_SUBJECT_PREFIX = "sponsor:"
"""A sponsor's token subject starts with it (the identity provider issues sponsors' accounts so); any token whose
subject does is held to the sponsor scope, whatever agency or role it names."""


@dataclass(frozen=True)
class Sponsorship:
    """One sponsor of the person: the token subject it signs in with (None: it does not sign in), from when, and
    until when once ended."""

    token_subject: str | None
    assigned_on: date
    ended_on: date | None = None

    @property
    def is_active(self) -> bool:
        """Not ended."""
        return self.ended_on is None


def is_sponsor_subject(subject: str) -> bool:
    """True for a sponsor's token subject."""
    return subject.startswith(SPONSOR_SUBJECT_PREFIX)
