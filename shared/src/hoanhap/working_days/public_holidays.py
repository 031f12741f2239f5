"""Vietnam's public holidays (Labour Code 2019, Art. 112), for the working-day deadlines: 1 January; Tết, five
days; the Hùng Kings' commemoration (10th day of the 3rd lunar month); 30 April; 1 May; 2 September and a day next
to it. A holiday on a Saturday or Sunday gives the next working day off instead (Art. 112(3)).

Which five days of Tết and which day beside 2 September are decided by the Prime Minister each year; the defaults
here (the last day of the lunar year and the first four of the new one; the day before 2 September when it is a
Tuesday, else the day after) are unverified: a deployment adds what is announced (bridge days) with
PUBLIC_HOLIDAYS. The lunar dates are those of the Vietnamese calendar (UTC+7), which sometimes differs from the
Chinese one (Tết 2030: 2 February in Vietnam, 3 February in China).
"""

from datetime import date, timedelta

# First day of the lunar year (Tết Nguyên Đán) and the 10th day of the 3rd lunar month, by year.
LUNAR_DATES: dict[int, tuple[date, date]] = {
    2020: (date(2020, 1, 25), date(2020, 4, 2)), 2021: (date(2021, 2, 12), date(2021, 4, 21)),
    2022: (date(2022, 2, 1), date(2022, 4, 10)), 2023: (date(2023, 1, 22), date(2023, 4, 29)),
    2024: (date(2024, 2, 10), date(2024, 4, 18)), 2025: (date(2025, 1, 29), date(2025, 4, 7)),
    2026: (date(2026, 2, 17), date(2026, 4, 26)), 2027: (date(2027, 2, 6), date(2027, 4, 16)),
    2028: (date(2028, 1, 26), date(2028, 4, 4)), 2029: (date(2029, 2, 13), date(2029, 4, 23)),
    2030: (date(2030, 2, 2), date(2030, 4, 12)), 2031: (date(2031, 1, 23), date(2031, 4, 1)),
    2032: (date(2032, 2, 11), date(2032, 4, 19)), 2033: (date(2033, 1, 31), date(2033, 4, 9)),
    2034: (date(2034, 2, 19), date(2034, 4, 28)), 2035: (date(2035, 2, 8), date(2035, 4, 17)),
}
TUESDAY = 1
SATURDAY = 5


def public_holidays(year: int) -> set[date]:
    """The year's statutory days off with their compensatory days; the solar ones only for a year whose lunar
    dates are not in the table."""
    holidays = {date(year, 1, 1), date(year, 4, 30), date(year, 5, 1), *national_day(year)}
    if year in LUNAR_DATES:
        new_year, hung_kings = LUNAR_DATES[year]
        holidays |= {new_year + timedelta(days=offset) for offset in range(-1, 4)} | {hung_kings}
    return holidays | compensatory_days(holidays)


def national_day(year: int) -> set[date]:
    """2 September and the day beside it."""
    second = date(year, 9, 2)
    beside = second - timedelta(days=1) if second.weekday() == TUESDAY else second + timedelta(days=1)
    return {second, beside}


def compensatory_days(holidays: set[date]) -> set[date]:
    """For each holiday on a weekend, the next weekday that is no holiday (Art. 112(3))."""
    given: set[date] = set()
    for holiday in sorted(day for day in holidays if day.weekday() >= SATURDAY):
        day = holiday + timedelta(days=1)
        while day.weekday() >= SATURDAY or day in holidays or day in given:
            day += timedelta(days=1)
        given.add(day)
    return given
