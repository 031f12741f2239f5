"""Reading a loan's state on a past day from loan_days: its latest row by the end of that day."""


def state_on(day: str, alias: str, join: str = "JOIN") -> str:
    """SQL joining each loan `l` to its state (as `alias`) at the end of `day` (an SQL date expression). With JOIN
    a loan not yet applied for that day is left out; with LEFT JOIN its state is all nulls."""
    return (f"{join} LATERAL (SELECT d.* FROM loan_days d WHERE d.loan_id = l.loan_id AND d.on_day <= {day} "
            f"ORDER BY d.on_day DESC LIMIT 1) {alias} ON true")
