"""Principal by instalments: each tranche is split in equal whole-đồng shares over the instalments due after its
disbursement day, the remainder of the division on the last; an extension then moves one instalment's due day."""

from datetime import date

from hoanhap_credit.domain.schedule_dates import principal_due_days
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation
from hoanhap_credit.domain.schedule_terms import Extension, LoanTerms, PrincipalDue, Tranche


def equal_shares(amount: int, count: int) -> list[int]:
    """`count` equal whole shares of `amount`, the remainder of the division added to the last."""
    share = amount // count
    return [share] * (count - 1) + [amount - share * (count - 1)]


def tranche_shares(tranche: Tranche, due_days: list[date]) -> list[int]:
    """A tranche's principal on each due day: nothing on days up to its disbursement, equal shares after."""
    later = [day for day in due_days if day > tranche.disbursed_on]
    if not later:
        raise ScheduleRuleViolation("disbursed_on", f"a tranche disbursed on {tranche.disbursed_on} is on or after "
                                                    f"the last due day {due_days[-1]}")
    return [0] * (len(due_days) - len(later)) + equal_shares(tranche.amount, len(later))


def extended(due: PrincipalDue, extension: Extension) -> PrincipalDue:
    """The instalment with its due day moved; an extension only moves a due day later."""
    if extension.due_on <= due.due_on:
        raise ScheduleRuleViolation("due_on", f"instalment {due.number} falls due on {due.due_on}; an extension "
                                              f"to {extension.due_on} does not move it later")
    return PrincipalDue(due.number, extension.due_on, due.amount)


def principal_instalments(terms: LoanTerms, tranches: tuple[Tranche, ...],
                          extensions: tuple[Extension, ...] = ()) -> list[PrincipalDue]:
    """The principal instalments of a loan, numbered from 1, due days counted from the first disbursement."""
    if not tranches:
        raise ScheduleRuleViolation("tranches", "a schedule needs at least one disbursement")
    due_days = principal_due_days(min(t.disbursed_on for t in tranches), terms.term_months, terms.plan)
    amounts = [sum(column) for column in zip(*(tranche_shares(t, due_days) for t in tranches), strict=True)]
    dues = [PrincipalDue(number, day, amount)
            for number, (day, amount) in enumerate(zip(due_days, amounts, strict=True), 1)]
    for extension in extensions:
        if not 1 <= extension.instalment <= len(dues):
            raise ScheduleRuleViolation("instalment", f"the loan has instalments 1 to {len(dues)}, "
                                                      f"not {extension.instalment}")
        dues[extension.instalment - 1] = extended(dues[extension.instalment - 1], extension)
    return dues
