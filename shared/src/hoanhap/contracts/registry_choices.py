"""Closed sets of values used by the registry service's events."""

from enum import StrEnum


class ReoffenceStatus(StrEnum):
    """Whether a reoffence is a new conviction or an arrest still awaiting trial."""

    NEW_CONVICTION = "new_conviction"
    ARREST_PENDING_TRIAL = "arrest_pending_trial"


class CaseClosureReason(StrEnum):
    """Why a person's management case ended."""

    RECORD_CLEARED = "record_cleared"
    DECEASED = "deceased"
    OTHER = "other"
