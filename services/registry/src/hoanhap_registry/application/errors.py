"""What the registry's use cases refuse beyond the case rules, as the write-path kit's refusals (the API answers
them 404 / 409); the domain's own refusals stay in `domain/errors.py`."""

from hoanhap.write_path.errors import Conflict, NotFound, StaleVersion

__all__ = ["AlreadyRegistered", "PersonNotFound", "StaleVersion"]


class PersonNotFound(NotFound):
    """No case with this person id (or none the caller may see)."""

    def __init__(self, detail: str = "no such person") -> None:
        super().__init__(detail)


class AlreadyRegistered(Conflict):
    """This citizen ID was registered for this release date meanwhile (by another request): ask again, looking
    for that registration first."""

    def __init__(self) -> None:
        super().__init__("this release was registered meanwhile")
