"""The 3-working-day confirmation deadline skips weekends and Vietnam's public holidays, Tết included."""

from datetime import date

from hoanhap.working_days import WorkingCalendar, confirm_due_on, public_holidays


def test_a_notification_just_before_tet_is_due_after_the_five_days_of_tet() -> None:
    # Tết Bính Ngọ is 17 Feb 2026: days off Mon 16 to Fri 20 Feb.
    assert confirm_due_on(date(2026, 2, 13), WorkingCalendar.of_vietnam()) == date(2026, 2, 25)


def test_without_the_holidays_the_same_notification_would_be_due_during_tet() -> None:
    assert confirm_due_on(date(2026, 2, 13), WorkingCalendar()) == date(2026, 2, 18)


def test_tet_follows_the_vietnamese_lunar_calendar_not_the_chinese_one() -> None:
    # Tết 2030 is 2 Feb in Vietnam (UTC+7) and 3 Feb in China (UTC+8): the eve, 1 Feb, is a day off.
    assert date(2030, 2, 1) in public_holidays(2030)
    assert date(2030, 1, 31) not in public_holidays(2030)


def test_a_holiday_on_a_weekend_gives_the_next_working_day_off() -> None:
    # 1 Jan 2028 is a Saturday: Monday 3 Jan is off instead.
    assert date(2028, 1, 3) in public_holidays(2028)
    assert not WorkingCalendar.of_vietnam().is_working_day(date(2028, 1, 3))


def test_the_day_beside_national_day_is_the_first_when_the_second_is_a_tuesday_else_the_third() -> None:
    assert {date(2025, 9, 1), date(2025, 9, 2)} <= public_holidays(2025)  # a Tuesday
    assert {date(2026, 9, 2), date(2026, 9, 3)} <= public_holidays(2026)  # a Wednesday
    assert date(2026, 9, 1) not in public_holidays(2026)


def test_an_announced_bridge_day_is_a_day_off_too() -> None:
    calendar = WorkingCalendar.of_vietnam([date(2026, 1, 2)])
    assert confirm_due_on(date(2025, 12, 31), calendar) == date(2026, 1, 7)


def test_the_hung_kings_day_is_the_tenth_of_the_third_lunar_month() -> None:
    assert date(2026, 4, 26) in public_holidays(2026)  # a Sunday: Monday 27 April is off instead
    assert date(2026, 4, 27) in public_holidays(2026)
