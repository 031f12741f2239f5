"""Recognising a sponsor's token, and the role its contacts and support are recorded under.

A sponsor signs in with a token of the supervision agency, role officer, whose subject starts with "sponsor:"
(the prefix the identity provider gives sponsors' accounts); the sponsor's record on the case names that subject.
Any token whose subject carries the prefix is held to the sponsor scope whatever agency or role it names, so a
mis-issued sponsor token is narrower than an officer's, never wider.
"""

from hoanhap.auth import Principal
from hoanhap_supervision.domain.sponsorship import is_sponsor_subject

SPONSOR_ROLE = "sponsor"


def is_sponsor(principal: Principal) -> bool:
    """True for a sponsor's token."""
    return is_sponsor_subject(principal.sub)


def acting_role(principal: Principal) -> str:
    """The role a contact or support is recorded as given by: "sponsor" for a sponsor's token."""
    return SPONSOR_ROLE if is_sponsor(principal) else principal.role.value
