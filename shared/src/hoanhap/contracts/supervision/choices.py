"""Closed sets of values used by the supervision service's events."""

from enum import StrEnum


class VisitKind(StrEnum):
    """How an officer or sponsor met the person."""

    HOME_VISIT = "home_visit"
    REPORTED_AT_COMMUNE = "reported_at_commune"
    PHONE_CALL = "phone_call"


class SupportKind(StrEnum):
    """What help the person was given (Circular 10/2024 support measures)."""

    COUNSELLING = "counselling"
    VOCATIONAL_TRAINING = "vocational_training"
    JOB_REFERRAL = "job_referral"
    LOAN_ASSISTANCE = "loan_assistance"
    RESIDENCE_AND_ID_PAPERS = "residence_and_id_papers"
    MATERIAL_AID = "material_aid"


class SponsorKind(StrEnum):
    """Who took on sponsorship (nhận đỡ đầu, giúp đỡ)."""

    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"
    BUSINESS = "business"


class ModelLevel(StrEnum):
    """Level a local support model (mô hình) runs at; district level exists only before 2025-07-01."""

    COMMUNE = "commune"
    DISTRICT = "district"


class OutreachActivity(StrEnum):
    """Kinds of outreach a province reports in its support figures: news items and reports in the media, posts on
    social platforms, banners (posters and slogans too), booklets and documents handed out, and the gatherings."""

    LOUDSPEAKER_BROADCAST = "loudspeaker_broadcast"
    NEWS_ITEM = "news_item"
    MOBILE_SESSION = "mobile_session"
    BANNER = "banner"
    LEAFLET = "leaflet"
    JOB_COUNSELLING = "job_counselling"
    SOCIAL_MEDIA_POST = "social_media_post"
    DOCUMENT_HANDOUT = "document_handout"
    JOB_INTRODUCTION_CONFERENCE = "job_introduction_conference"

    @property
    def is_gathering(self) -> bool:
        """True for activities people attend, whose attendance is counted."""
        return self in (OutreachActivity.MOBILE_SESSION, OutreachActivity.JOB_COUNSELLING,
                        OutreachActivity.JOB_INTRODUCTION_CONFERENCE)


class SupervisionClosureReason(StrEnum):
    """Why a supervision case ended."""

    SUPERVISION_PERIOD_ENDED = "supervision_period_ended"
    RECORD_CLEARED = "record_cleared"
    MOVED_AWAY = "moved_away"
    DECEASED = "deceased"
    OTHER = "other"


class NeedArea(StrEnum):
    """What a person may need to settle back: the areas of their reintegration plan."""

    WORK_AND_INCOME = "work_and_income"
    VOCATIONAL_TRAINING = "vocational_training"
    HOUSING_AND_RESIDENCE_PAPERS = "housing_and_residence_papers"
    ID_CARD = "id_card"
    FAMILY = "family"
    HEALTH = "health"
    SUBSTANCE_USE = "substance_use"
    LEGAL_AID = "legal_aid"
    LOANS = "loans"


class PlanStatus(StrEnum):
    """Where an area of the plan stands; every area starts not started."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUPPORT_NEEDED = "support_needed"
    SUPPORT_DECLINED = "support_declined"
    MET = "met"
