"""`hoanhap-stats rebuild`, the operator's command: rebuild the read models from every topic and swap them in,
saying how long it took."""

import asyncio

from hoanhap_stats.rebuild.fresh_schema import rebuild
from hoanhap_stats.settings import StatsSettings


def rebuild_command(settings: StatsSettings) -> None:
    """Run the rebuild to its switch-over and report it."""
    seconds = asyncio.run(rebuild(settings))
    print(f"stats read models rebuilt from every topic and switched over in {seconds:.1f} s")
