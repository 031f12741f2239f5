"""What the registry's use cases refuse beyond the case rules, as the write-path kit's refusals (the API answers
them 404 / 409); the domain's own refusals stay in `domain/errors.py`."""

from hoanhap.write_path.errors import NotFound, StaleVersion

__all__ = ["PersonNotFound", "StaleVersion"]


class PersonNotFound(NotFound):
    """No case with this person id (or none the caller may see)."""

    def __init__(self, detail: str = "no such person") -> None:
        super().__init__(detail)

