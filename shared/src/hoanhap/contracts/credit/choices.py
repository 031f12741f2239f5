"""Closed sets of values used by the credit service's events (Decision 22/2023/QĐ-TTg)."""

from enum import StrEnum


class LoanPurpose(StrEnum):
    """What a loan pays for."""

    TRAINING = "training"
    PRODUCTION = "production"
    BUSINESS = "business"  # production and business are one purpose under Decision 22: credit sends "production"
    JOB_CREATION = "job_creation"


class BusinessType(StrEnum):
    """Kinds of business that may borrow to employ eligible people."""

    SMALL_MEDIUM_ENTERPRISE = "small_medium_enterprise"
    COOPERATIVE = "cooperative"
    COOPERATIVE_GROUP = "cooperative_group"
    HOUSEHOLD_BUSINESS = "household_business"


class LoanRule(StrEnum):
    """A lending rule of Decision 22/2023; a rejection names the one that failed."""

    NOT_ON_COMMUNE_LIST = "not_on_commune_list"
    INELIGIBLE_RELEASE_TYPE = "ineligible_release_type"
    MORE_THAN_FIVE_YEARS_SINCE_RELEASE = "more_than_five_years_since_release"
    BUSINESS_NOT_LEGALLY_ESTABLISHED = "business_not_legally_established"
    TOO_FEW_ELIGIBLE_WORKERS = "too_few_eligible_workers"
    LOAN_PLAN_NOT_CONFIRMED = "loan_plan_not_confirmed"
    OUTSTANDING_DEBT_SAME_PURPOSE = "outstanding_debt_same_purpose"
    AMOUNT_ABOVE_LIMIT = "amount_above_limit"
    SECURITY_MISSING = "security_missing"
    COMMUNE_LIST_NOT_CERTIFIED = "commune_list_not_certified"
    PROBATION_NOT_ENDED = "probation_not_ended"
    STANDING_REOFFENCE = "standing_reoffence"
    AMOUNT_ABOVE_PROJECT_LIMIT = "amount_above_project_limit"
    AMOUNT_ABOVE_PER_WORKER_LIMIT = "amount_above_per_worker_limit"
    TERM_ABOVE_LIMIT = "term_above_limit"


class AgentOrganisation(StrEnum):
    """The socio-political organisation acting as the bank's agent for a household's loan (ủy thác)."""

    WOMENS_UNION = "womens_union"
    FARMERS_UNION = "farmers_union"
    VETERANS_ASSOCIATION = "veterans_association"
    YOUTH_UNION = "youth_union"
