"""The rules on the person who applies (Decision 22/2023/QĐ-TTg, borrowers and conditions for individuals): on the
certified commune list, a completed sentence or special amnesty, no reoffence that stands, at most 5 years since."""

from datetime import date

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap.working_days.calendar_periods import elapsed_between, years_after
from hoanhap_credit.domain.applications import Applicant
from hoanhap_credit.domain.eligibility_failures import Citation, Failure, RuleCode
from hoanhap_credit.domain.lending_limits import LendingLimits
from hoanhap_credit.domain.wording import day, elapsed_en, elapsed_vi

NEVER_QUALIFY = {  # Decision 22 lends to people who completed a prison sentence; these never served one
    ReleaseType.SUSPENDED_SENTENCE: ("a suspended sentence", "án treo"),
    ReleaseType.NON_CUSTODIAL_REFORM: ("non-custodial reform", "cải tạo không giam giữ"),
}
STANDING = {  # a withdrawn arrest (acquittal, charges dropped) is no reoffence (the registry's contract)
    ReoffenceStatus.NEW_CONVICTION: ("a new conviction", "bị kết án mới"),
    ReoffenceStatus.ARREST_PENDING_TRIAL: ("an arrest pending trial", "bị bắt chờ xét xử"),
}
COMPLETED_HOW = {  # the words for the day the sentence counts as completed, and the field that holds it
    ReleaseType.COMPLETED_SENTENCE: ("released on", "ra trại ngày", "completed_on"),
    ReleaseType.SPECIAL_AMNESTY: ("amnestied on", "được đặc xá ngày", "completed_on"),
    ReleaseType.CONDITIONAL_EARLY_RELEASE: ("probation ended on", "hết thời gian thử thách ngày", "probation_ends_on"),
}


def listing_failures(applicant: Applicant, applied_on: date) -> list[Failure]:
    """On the commune list (Form 01), certified by the commune People's Committee by the day of the application."""
    listing, cite = applicant.listing, Citation.INDIVIDUAL_CONDITIONS
    if listing is None:
        return [Failure(RuleCode.NOT_ON_COMMUNE_LIST, cite, "listing",
                        "not on the commune's list of people who may borrow (Form 01)",
                        "không có tên trong danh sách của xã (Mẫu 01)")]
    if listing.certified_by is None or listing.certified_on is None:
        return [Failure(RuleCode.COMMUNE_LIST_NOT_CERTIFIED, cite, "listing.certified_on",
                        "the commune list (Form 01) is not certified by the commune People's Committee",
                        "danh sách (Mẫu 01) chưa được UBND xã xác nhận")]
    if listing.certified_on > applied_on:
        return [Failure(RuleCode.COMMUNE_LIST_NOT_CERTIFIED, cite, "listing.certified_on",
                        f"the commune list (Form 01) was certified on {day(listing.certified_on)}, "
                        f"after applying on {day(applied_on)}",
                        f"danh sách (Mẫu 01) được UBND xã xác nhận ngày {day(listing.certified_on)}, "
                        f"sau ngày đề nghị vay {day(applied_on)}")]
    return []


def completion_failures(applicant: Applicant, applied_on: date) -> list[Failure]:
    """A completed sentence or special amnesty; a conditional early release once its probation has ended (the
    day after its last day)."""
    if applicant.release_type is None:
        return [Failure(RuleCode.INELIGIBLE_RELEASE_TYPE, Citation.BORROWERS, "release_type",
                        "the registry records no completed prison sentence or special amnesty of this person",
                        "cơ sở dữ liệu không ghi nhận người này đã chấp hành xong án phạt tù hoặc được đặc xá")]
    if applicant.release_type in NEVER_QUALIFY:
        en, vi = NEVER_QUALIFY[applicant.release_type]
        return [Failure(RuleCode.INELIGIBLE_RELEASE_TYPE, Citation.BORROWERS, "release_type",
                        f"{en} does not qualify: only a completed prison sentence or a special amnesty does",
                        f"{vi} không thuộc đối tượng vay: chỉ người chấp hành xong án phạt tù hoặc được đặc xá")]
    ends_on = applicant.probation_ends_on
    early = applicant.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE
    if early and ends_on is not None and ends_on >= applied_on:
        return [Failure(RuleCode.PROBATION_NOT_ENDED, Citation.BORROWERS, "probation_ends_on",
                        f"released early on condition; the probation runs to {day(ends_on)}, "
                        f"not over when applying on {day(applied_on)}",
                        f"tha tù trước thời hạn có điều kiện; thời gian thử thách đến hết ngày {day(ends_on)}, "
                        f"chưa kết thúc vào ngày đề nghị vay {day(applied_on)}")]
    return []


def reoffence_failures(applicant: Applicant) -> list[Failure]:
    """No recorded reoffence that stands (a new conviction or an arrest still pending trial)."""
    standing = [found for found in applicant.reoffences if found.status in STANDING]
    if not standing:
        return []
    en = "; ".join(f"committed on {day(found.committed_on)}, {STANDING[found.status][0]}" for found in standing)
    vi = "; ".join(f"phạm tội ngày {day(found.committed_on)}, {STANDING[found.status][1]}" for found in standing)
    return [Failure(RuleCode.STANDING_REOFFENCE, Citation.REOFFENCE, "reoffences",
                    f"a reoffence is recorded: {en}", f"có ghi nhận tái phạm: {vi}")]


def completed_on(applicant: Applicant) -> date | None:
    """The day the sentence counts as completed: release or amnesty, or the last day of an early release's
    probation; None for the types that never complete a prison sentence."""
    if applicant.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE:
        return applicant.probation_ends_on
    known = applicant.release_type is not None and applicant.release_type not in NEVER_QUALIFY
    return applicant.completed_on if known else None


def five_year_failures(applicant: Applicant, applied_on: date, limits: LendingLimits) -> list[Failure]:
    """At most limits.years_since_completion calendar years from completing the sentence to the application:
    applying on the anniversary itself still qualifies (hoanhap.working_days.calendar_periods says how a year is
    counted)."""
    since = completed_on(applicant)
    if since is None or since > applied_on or applied_on <= years_after(since, limits.years_since_completion):
        # since > applied_on: an early release still on probation, refused by completion_failures instead
        return []
    elapsed, limit = elapsed_between(since, applied_on), limits.years_since_completion
    assert applicant.release_type is not None  # completed_on gives no day without one
    en, vi, field = COMPLETED_HOW[applicant.release_type]
    return [Failure(RuleCode.MORE_THAN_FIVE_YEARS_SINCE_RELEASE, Citation.INDIVIDUAL_CONDITIONS, field,
                    f"{en} {day(since)}, {elapsed_en(elapsed)} before applying on {day(applied_on)}; "
                    f"the limit is {limit} years",
                    f"{vi} {day(since)}, {elapsed_vi(elapsed)} trước ngày đề nghị vay {day(applied_on)}; "
                    f"tối đa {limit} năm")]


def person_failures(applicant: Applicant, applied_on: date, limits: LendingLimits) -> list[Failure]:
    """Every rule on the person that fails, in a fixed order."""
    return [*listing_failures(applicant, applied_on), *completion_failures(applicant, applied_on),
            *reoffence_failures(applicant), *five_year_failures(applicant, applied_on, limits)]
