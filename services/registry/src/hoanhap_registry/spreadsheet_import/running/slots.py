"""A bound on the imports one service process runs at once.

Each import holds its upload (up to 20 MB) and a reading process (up to 512 MB of address space) until its last
row is registered, so a burst of uploads could take the machine's memory. An upload past the bound is refused at
once, before its body is read, with when to try again.
"""

from collections.abc import Callable

CONCURRENT_IMPORTS = 2
RETRY_AFTER_SECONDS = 30


class ImportsBusy(Exception):
    """Every import slot of this process is taken; the message says so and when to try again."""

    def __init__(self) -> None:
        super().__init__(f"the registry is already running {CONCURRENT_IMPORTS} imports, the most it runs at once; "
                         f"try again in {RETRY_AFTER_SECONDS} s")


class ImportSlots:
    """CONCURRENT_IMPORTS slots; an import takes one when its upload starts and gives it back when it ends."""

    def __init__(self, size: int = CONCURRENT_IMPORTS) -> None:
        self.size = size
        self.taken = 0

    def take(self) -> Callable[[], None]:
        """A slot, as the function that gives it back (once, however often it is called); ImportsBusy when none
        is free."""
        if self.taken >= self.size:
            raise ImportsBusy()
        self.taken += 1
        given_back = False

        def give_back() -> None:
            nonlocal given_back
            if not given_back:
                given_back = True
                self.taken -= 1

        return give_back
