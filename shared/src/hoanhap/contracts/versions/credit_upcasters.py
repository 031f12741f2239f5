"""The steps from credit's superseded event versions (hoanhap.contracts.credit.events_v1) to the newest."""

from typing import Any

from hoanhap.contracts.credit.events import LoanApplied, LoanRejected
from hoanhap.contracts.credit.servicing import LoanOverdue
from hoanhap.contracts.versions.upcasting import Upcasters


def register_credit_upcasters(upcasters: Upcasters) -> None:
    """Credit's steps, registered on the catalogue's upcasters."""
    upcasters.register(LoanApplied.event_type, from_version=1)(application_counts_its_workers)
    upcasters.register(LoanRejected.event_type, from_version=1)(rejection_lists_its_rule)
    upcasters.register(LoanOverdue.event_type, from_version=1)(overdue_on_its_first_day)


def application_counts_its_workers(data: dict[str, Any]) -> dict[str, Any]:
    """LoanApplied v1 -> v2: a business's eligible workers counted; no agent organisation was recorded."""
    workforce = data.get("workforce")
    if workforce is None:
        return data
    counted = {"total_workers": workforce["total_workers"], "eligible_workers": len(workforce["eligible_worker_ids"])}
    return {**data, "workforce": counted}


def rejection_lists_its_rule(data: dict[str, Any]) -> dict[str, Any]:
    """LoanRejected v1 -> v2: the one rule named is the list; the words are dropped, as v2 carries none."""
    kept = {name: value for name, value in data.items() if name not in ("failed_rule", "explanation")}
    return {**kept, "failed_rules": [data["failed_rule"]]}


def overdue_on_its_first_day(data: dict[str, Any]) -> dict[str, Any]:
    """LoanOverdue v1 -> v2: v1 was sent when principal fell overdue, so it is the arrears on their first day: one
    day past due, in the first debt group."""
    return {**data, "as_of": data["overdue_since"], "days_past_due": 1, "debt_group": 1}
