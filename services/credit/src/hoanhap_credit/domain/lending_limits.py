"""The figures of Decision 22/2023/QĐ-TTg a deployment may configure, with the Decision's values as defaults.

Amounts are integer VND. The loan-term maxima are *unverified* (DOMAIN.md): they are the project's reading, kept
here so a province can correct them without touching a rule."""

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class LendingLimits:
    """Every number a Decision 22 eligibility rule compares against."""

    years_since_completion: int = 5
    """Decision 22/2023/QĐ-TTg, conditions for individuals (article to verify): at most 5 years from completing the
    sentence to the application."""
    min_eligible_worker_share: Fraction = Fraction(1, 10)
    """Decision 22/2023/QĐ-TTg, conditions for businesses (article to verify): at least 10% of the workers are
    eligible people on labour contracts."""
    training_per_course_month: int = 4_000_000
    """Decision 22/2023/QĐ-TTg, loan amounts (article to verify): training, VND 4 million per month of the course."""
    per_person: int = 100_000_000
    """Decision 22/2023/QĐ-TTg, loan amounts (article to verify): production, business, job creation per person."""
    business_per_project: int = 2_000_000_000
    """Decision 22/2023/QĐ-TTg, loan amounts (article to verify): a business, per project."""
    business_per_eligible_worker: int = 100_000_000
    """Decision 22/2023/QĐ-TTg, loan amounts (article to verify): a business, per eligible worker it employs."""
    secured_above: int = 100_000_000
    """Decision 22/2023/QĐ-TTg, security (article to verify): a loan above this amount must be secured."""
    max_term_months: int = 120
    """Longest term of a production, business or job-creation loan (*unverified*)."""
    short_course_months: int = 12
    """A course up to this long is repaid over up to short_course_repayment_multiple times its length (*unverified*)."""
    short_course_repayment_multiple: int = 2
    """Training: the repayment period after a course of up to a year, in multiples of the course (*unverified*)."""
    long_course_repayment_multiple: int = 1
    """Training: the repayment period after a longer course, in multiples of the course (*unverified*: the Decision's
    text found so far covers courses up to a year; this default mirrors the student-loan practice of repaying over
    at most the disbursement period)."""

    max_extension_months: int = 12
    """An instalment may be extended to at most this many months after the term's end (*unverified*: the bank's own
    rules on extension were not read this session)."""

    def max_training_term_months(self, course_months: int) -> int:
        """The longest term of a training loan: the course (disbursement period) plus its repayment period."""
        short = course_months <= self.short_course_months
        multiple = self.short_course_repayment_multiple if short else self.long_course_repayment_multiple
        return course_months * (1 + multiple)


DEFAULT_LIMITS = LendingLimits()
