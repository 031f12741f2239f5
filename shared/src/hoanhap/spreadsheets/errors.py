"""The one error that stops a whole import: the file itself cannot be read as the list it should be."""


class ImportFileError(ValueError):
    """The file is unreadable or lacks a required column; `reason` says which and what to do, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
