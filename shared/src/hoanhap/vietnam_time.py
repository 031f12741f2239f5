"""Vietnam's clock: times are stored in UTC and shown in Asia/Ho_Chi_Minh, and "today" is Vietnam's day (at 06:00
in Hà Nội it is still yesterday in UTC)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_today(now: datetime | None = None) -> date:
    """The day it is in Vietnam now (or at `now`, a timezone-aware instant)."""
    return (now or datetime.now(UTC)).astimezone(VIETNAM).date()
