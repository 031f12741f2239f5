"""The applicant's facts as an application needs them, from credit's view of the registry: ONE function builds
them, the commune list (Form 01) included."""

from hoanhap.contracts import ReleaseType
from hoanhap_credit.domain.applications import Applicant
from hoanhap_credit.domain.registry_person import RegistryPerson

COMPLETING = {ReleaseType.COMPLETED_SENTENCE, ReleaseType.SPECIAL_AMNESTY}


def applicant_of(person: RegistryPerson | None) -> Applicant:
    """The registry's facts of the person as an applicant: release type, the day the sentence was completed (the
    release or amnesty day; for an early release the probation's last day, the supervision period's end), the
    reoffences, and the commune list (Form 01) the person is on now (RegistryPerson.listing). None (no registry
    person): no release type and no listing, which fail the borrower rules naming why."""
    if person is None:
        return Applicant(release_type=None)
    completed_on = person.release_date if person.release_type in COMPLETING else None
    probation_ends_on = None
    if person.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE:
        probation_ends_on = person.supervision_ends_on or person.release_date
    return Applicant(release_type=person.release_type, completed_on=completed_on, probation_ends_on=probation_ends_on,
                     reoffences=person.applicant_reoffences(), listing=person.listing)
