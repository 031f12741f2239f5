"""Closed sets of values used by the registry service's events."""

from enum import StrEnum


class ReoffenceStatus(StrEnum):
    """Whether a reoffence is a new conviction, an arrest still awaiting trial, or an arrest that came to nothing
    (acquitted, charges dropped): a withdrawn arrest is no reoffence and counts in no figure."""

    NEW_CONVICTION = "new_conviction"
    ARREST_PENDING_TRIAL = "arrest_pending_trial"
    ARREST_WITHDRAWN = "arrest_withdrawn"


class CaseClosureReason(StrEnum):
    """Why a person's management case ended."""

    RECORD_CLEARED = "record_cleared"
    DECEASED = "deceased"
    OTHER = "other"
