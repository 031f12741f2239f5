"""The rules on what is asked (Decision 22/2023/QĐ-TTg, conditions for all borrowers, amounts, security, term):
no same-purpose debt under another programme, the amount within its limits, security above the threshold, the term
within its configured maximum."""

from hoanhap_credit.domain.applications import Application, Purpose
from hoanhap_credit.domain.eligibility_failures import Citation, Failure, RuleCode
from hoanhap_credit.domain.lending_limits import LendingLimits
from hoanhap_credit.domain.wording import dong, vnd


def debt_failures(application: Application) -> list[Failure]:
    """No outstanding debt at the bank under another programme with the same purpose. The service counts its own
    outstanding loans of the same purpose in it too (application_input.request): a loan under this programme still
    owed blocks another for the same purpose, so the words say "loans with the same purpose", not "another
    programme", which would be false read out for this programme's own loan."""
    owed = application.request.same_purpose_debt
    if owed == 0:
        return []
    return [Failure(RuleCode.OUTSTANDING_DEBT_SAME_PURPOSE, Citation.SHARED_CONDITIONS, "same_purpose_debt",
                    f"{vnd(owed)} is still owed to the Bank for Social Policies on loans with the same purpose "
                    "(under this programme or another)",
                    f"còn dư nợ {dong(owed)} tại Ngân hàng Chính sách xã hội ở các khoản vay cùng mục đích "
                    "(của chương trình này hoặc chương trình khác)")]


def amount_above(code: RuleCode, asked: int, limit: int, en: str, vi: str) -> list[Failure]:
    """One amount limit: a failure when the amount asked is above it; en and vi say the limit after the amount."""
    if asked <= limit:
        return []
    return [Failure(code, Citation.AMOUNTS, "amount", f"asked {vnd(asked)}{en}", f"đề nghị vay {dong(asked)}{vi}")]


def amount_failures(application: Application, limits: LendingLimits) -> list[Failure]:
    """Training: per month of the course; a person: per person; a business: per project and per eligible worker."""
    request, business = application.request, application.business
    asked, course = request.amount, request.course_months
    if request.purpose is Purpose.TRAINING and course is not None:
        per_month, limit = limits.training_per_course_month, limits.training_per_course_month * course
        return amount_above(RuleCode.AMOUNT_ABOVE_LIMIT, asked, limit,
                            f" for a {course}-month course; the limit is {vnd(per_month)} a month of the course, "
                            f"{vnd(limit)}",
                            f" cho khóa học {course} tháng; tối đa {dong(per_month)} mỗi tháng học, tức {dong(limit)}")
    if business is None:
        return amount_above(RuleCode.AMOUNT_ABOVE_LIMIT, asked, limits.per_person,
                            f"; the limit is {vnd(limits.per_person)} per person",
                            f"; tối đa {dong(limits.per_person)} mỗi người")
    workers, per_worker = business.eligible_workers_on_contract, limits.business_per_eligible_worker
    project = limits.business_per_project
    return [*amount_above(RuleCode.AMOUNT_ABOVE_PROJECT_LIMIT, asked, project,
                          f"; the limit is {vnd(project)} per project", f"; tối đa {dong(project)} mỗi dự án"),
            *amount_above(RuleCode.AMOUNT_ABOVE_PER_WORKER_LIMIT, asked, per_worker * workers,
                          f" with {workers} eligible workers; the limit is {vnd(per_worker)} per eligible worker, "
                          f"{vnd(per_worker * workers)}",
                          f" với {workers} lao động là người chấp hành xong án phạt tù; "
                          f"tối đa {dong(per_worker)} mỗi lao động, tức {dong(per_worker * workers)}")]


def security_failures(application: Application, limits: LendingLimits) -> list[Failure]:
    """A loan above limits.secured_above must be secured."""
    asked = application.request.amount
    if asked <= limits.secured_above or application.request.security_offered:
        return []
    return [Failure(RuleCode.SECURITY_MISSING, Citation.SECURITY, "security_offered",
                    f"asked {vnd(asked)} without security; a loan above {vnd(limits.secured_above)} must be secured",
                    f"đề nghị vay {dong(asked)} không có tài sản bảo đảm; khoản vay trên "
                    f"{dong(limits.secured_above)} phải có bảo đảm tiền vay")]


def term_failures(application: Application, limits: LendingLimits) -> list[Failure]:
    """Training: the course plus its repayment period; any other purpose: limits.max_term_months."""
    term, course = application.request.term_months, application.request.course_months
    if course is None:
        longest, en, vi = limits.max_term_months, "", ""
    else:
        longest = limits.max_training_term_months(course)
        en, vi = f" for a {course}-month course", f" cho khóa học {course} tháng"
    if term <= longest:
        return []
    return [Failure(RuleCode.TERM_ABOVE_LIMIT, Citation.TERM, "term_months",
                    f"asked a term of {term} months{en}; the limit is {longest} months",
                    f"đề nghị thời hạn vay {term} tháng{vi}; tối đa {longest} tháng")]


def loan_failures(application: Application, limits: LendingLimits) -> list[Failure]:
    """Every rule on the request that fails, in a fixed order."""
    return [*debt_failures(application), *amount_failures(application, limits),
            *security_failures(application, limits), *term_failures(application, limits)]
