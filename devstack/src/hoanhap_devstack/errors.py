"""The one error type the devstack raises: a single line saying what is wrong and what to do."""


class DevstackError(Exception):
    """A problem a developer can fix; its message says what is wrong and what to do."""
