"""The rules on a business that applies (Decision 22/2023/QĐ-TTg, conditions for businesses): legally established,
at least 10% of its workers eligible people on labour contracts, a loan plan confirmed by the commune (Form 02)."""

from datetime import date
from fractions import Fraction

from hoanhap_credit.domain.applications import Business
from hoanhap_credit.domain.eligibility_failures import Citation, Failure, RuleCode
from hoanhap_credit.domain.lending_limits import LendingLimits
from hoanhap_credit.domain.wording import day, percent

CITE = Citation.BUSINESS_CONDITIONS


def establishment_failures(business: Business) -> list[Failure]:
    """Legally established: it holds a business, cooperative or household-business registration."""
    if business.registration and business.registration.strip():
        return []
    return [Failure(RuleCode.BUSINESS_NOT_LEGALLY_ESTABLISHED, CITE, "business.registration",
                    "the business shows no registration, so it is not legally established",
                    "cơ sở không có đăng ký thành lập nên chưa được thành lập hợp pháp")]


def workforce_failures(business: Business, limits: LendingLimits) -> list[Failure]:
    """Eligible people on labour contracts are at least limits.min_eligible_worker_share of all workers (exact
    fractions: 1 of 10 qualifies, 9 of 91 does not)."""
    eligible, total = business.eligible_workers_on_contract, business.total_workers
    share, least = Fraction(eligible, total), limits.min_eligible_worker_share
    if share >= least:
        return []
    return [Failure(RuleCode.TOO_FEW_ELIGIBLE_WORKERS, CITE, "business.eligible_workers_on_contract",
                    f"{eligible} of {total} workers ({percent(share)}) are eligible people on labour contracts; "
                    f"at least {percent(least)} are required",
                    f"{eligible} trên {total} lao động ({percent(share, ',')}) là người chấp hành xong án phạt tù "
                    f"có hợp đồng lao động; tối thiểu {percent(least, ',')}")]


def plan_failures(business: Business, applied_on: date) -> list[Failure]:
    """The loan plan (Form 02) confirmed by the commune People's Committee by the day of the application."""
    confirmed_on = business.plan_confirmed_on
    if confirmed_on is None:
        return [Failure(RuleCode.LOAN_PLAN_NOT_CONFIRMED, CITE, "business.plan_confirmed_on",
                        "the loan plan (Form 02) is not confirmed by the commune People's Committee",
                        "phương án vay vốn (Mẫu 02) chưa được UBND xã xác nhận")]
    if confirmed_on > applied_on:
        return [Failure(RuleCode.LOAN_PLAN_NOT_CONFIRMED, CITE, "business.plan_confirmed_on",
                        f"the loan plan (Form 02) was confirmed on {day(confirmed_on)}, "
                        f"after applying on {day(applied_on)}",
                        f"phương án vay vốn (Mẫu 02) được UBND xã xác nhận ngày {day(confirmed_on)}, "
                        f"sau ngày đề nghị vay {day(applied_on)}")]
    return []


def business_failures(business: Business, applied_on: date, limits: LendingLimits) -> list[Failure]:
    """Every rule on the business that fails, in a fixed order."""
    return [*establishment_failures(business), *workforce_failures(business, limits),
            *plan_failures(business, applied_on)]
