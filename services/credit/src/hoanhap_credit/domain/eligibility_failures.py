"""A failed Decision 22 rule as a loan officer reads it to the applicant: a stable code, the article, the field,
and the reason with its figures in English and Vietnamese.

Codes that name the same rule as the contract's LoanRule (hoanhap.contracts.credit.choices) carry the same value;
the others are new and will be added to that contract compatibly when rejections are published."""

from dataclasses import dataclass
from enum import StrEnum


class RuleCode(StrEnum):
    """Every rule an application can fail."""

    NOT_ON_COMMUNE_LIST = "not_on_commune_list"
    COMMUNE_LIST_NOT_CERTIFIED = "commune_list_not_certified"
    INELIGIBLE_RELEASE_TYPE = "ineligible_release_type"
    PROBATION_NOT_ENDED = "probation_not_ended"
    STANDING_REOFFENCE = "standing_reoffence"
    MORE_THAN_FIVE_YEARS_SINCE_RELEASE = "more_than_five_years_since_release"
    BUSINESS_NOT_LEGALLY_ESTABLISHED = "business_not_legally_established"
    TOO_FEW_ELIGIBLE_WORKERS = "too_few_eligible_workers"
    LOAN_PLAN_NOT_CONFIRMED = "loan_plan_not_confirmed"
    OUTSTANDING_DEBT_SAME_PURPOSE = "outstanding_debt_same_purpose"
    AMOUNT_ABOVE_LIMIT = "amount_above_limit"
    AMOUNT_ABOVE_PROJECT_LIMIT = "amount_above_project_limit"
    AMOUNT_ABOVE_PER_WORKER_LIMIT = "amount_above_per_worker_limit"
    SECURITY_MISSING = "security_missing"
    TERM_ABOVE_LIMIT = "term_above_limit"


class Citation(StrEnum):
    """Where each rule is written. The Decision's article numbers were not checked against its text this session,
    so each says so rather than guess a number."""

    BORROWERS = "Decision 22/2023/QĐ-TTg, borrowers (article to verify)"
    INDIVIDUAL_CONDITIONS = "Decision 22/2023/QĐ-TTg, conditions for individuals (article to verify)"
    BUSINESS_CONDITIONS = "Decision 22/2023/QĐ-TTg, conditions for businesses (article to verify)"
    SHARED_CONDITIONS = "Decision 22/2023/QĐ-TTg, conditions for all borrowers (article to verify)"
    AMOUNTS = "Decision 22/2023/QĐ-TTg, loan amounts (article to verify)"
    SECURITY = "Decision 22/2023/QĐ-TTg, security for loans (article to verify)"
    TERM = "Decision 22/2023/QĐ-TTg, loan term (article to verify; maxima unverified, configured)"
    REOFFENCE = "Decision 22/2023/QĐ-TTg, conditions for individuals (article to verify); Penal Code 2015 Art. 53"


@dataclass(frozen=True)
class Failure:
    """One failed rule of one application."""

    code: RuleCode
    citation: Citation
    field: str
    message: str
    message_vi: str
