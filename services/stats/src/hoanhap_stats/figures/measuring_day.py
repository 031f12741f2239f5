"""The day a stock is measured on for a period (people under supervision whose contacts comply, loans outstanding):
the period's last day, or Vietnam's today while the period runs, so a running period shows the stock as it is now
and a past one as it stood at its end."""

from datetime import date

from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.selection import Selection


def measured_on(period: Selection) -> date:
    """The period's last day, or Vietnam's today while it runs."""
    return min(period.end, vietnam_today())
