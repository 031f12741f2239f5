"""Credit's public release cannot be differenced (credit/release.py), against the real PostgreSQL: province 01 with a
threshold of 3. In 2023 L3, L6, L7 and L8 are paid out; in 2024 L1, L2 and L4 are applied for, approved and paid
out, L5 (applied 30 December 2023) is approved on 3 January 2024, and L6 is written off: one loan, a withheld cell. The
attacks the review found are tried on the public answers: the cohort's sum approved against the period's, the
cohort's statuses against the period's decisions, and the stock identity outstanding(end) = outstanding(start) +
paid out - settled (or repaid) - written off; none of them gives one loan."""

from datetime import date

import pytest

import hoanhap.contracts as c
from hoanhap_stats.credit import api
from hoanhap_stats.credit.projection import project_credit_events
from hoanhap_stats.figures.selection import Selection
from tests.integration.stats.test_credit_figures import PUBLIC, M, applied, approved, on, paid

WRITTEN_OFF = 40
STORY = [
    *(event for loan in ("L6", "L3", "L7", "L8") for event in (
        applied(loan, "production", WRITTEN_OFF, "2023-02-01"), approved(loan, WRITTEN_OFF, "2023-02-05"),
        paid(loan, WRITTEN_OFF, "2023-02-10"))),
    *(event for loan, amount in (("L1", 10), ("L2", 20), ("L4", 30)) for event in (
        applied(loan, "production", amount, "2024-02-01"), approved(loan, amount, "2024-02-05"),
        paid(loan, amount, "2024-02-10"))),
    applied("L5", "production", 77, "2023-12-30"), approved("L5", 77, "2024-01-03"),  # the one loan approved
    on("L6", c.LoanWrittenOff, written_off_on=date(2024, 6, 1), principal_written_off=WRITTEN_OFF * M,
       interest_written_off=M)]  # the one loan written off


@pytest.fixture
async def public(pool):
    """The public answers of province 01 for 2023 and 2024, by endpoint and year."""
    async with pool.acquire() as connection, connection.transaction():
        await project_credit_events(connection, STORY)
    answers = {}
    async with pool.acquire() as connection:
        for year in (2023, 2024):
            selection = Selection(date(year, 1, 1), date(year, 12, 31), "01", None)
            for name in ("loans", "activity", "portfolio"):
                answers[name, year] = await getattr(api, name)(selection, PUBLIC, connection)
    return answers


def difference(*terms: int | None) -> int | None:
    """The first term less the others, or None when any is withheld (the attack cannot be made)."""
    return None if None in terms else terms[0] - sum(terms[1:])  # type: ignore[arg-type,operator]


def written_off_by_identity(start: int | None, paid_out: int | None, end: int | None,
                            repaid: int | None) -> int | None:
    """What the stock identity says was written off: start + paid out - end - repaid (None: it cannot be solved)."""
    return None if None in (start, paid_out, end, repaid) else start + paid_out - end - repaid  # type: ignore


async def test_the_cohorts_sum_approved_and_the_periods_do_not_difference_to_one_loan(public):
    cohort = public["loans", 2024]["amounts_vnd"]["approved"]
    decided = public["activity", 2024]["amounts_vnd"]["approved"]
    assert decided == (10 + 20 + 30 + 77) * M, "the period's decisions are public"
    assert difference(decided, cohort) is None, "L5's 77M would be the difference"
    assert set(public["loans", 2024]["amounts_vnd_by_purpose"]["approved"].values()) == {None}


async def test_the_cohorts_statuses_and_the_periods_decisions_do_not_difference_to_one_loan(public):
    cohort = public["loans", 2024]
    assert cohort["loans"] == 3 and public["activity", 2024]["approved"] == 4
    assert set(cohort["by_status"].values()) == {None}, "approved 4 less the cohort's 3 approved would tell L5"


async def test_the_stock_identity_gives_away_no_loan_written_off_nor_its_principal(public):
    start, end, flows = public["portfolio", 2023], public["portfolio", 2024], public["activity", 2024]
    assert (start["loans_outstanding"], end["loans_outstanding"]) == (4, 6), "the stocks are public"
    assert flows["written_off"] is None, "one loan written off: under the threshold"
    assert written_off_by_identity(start["loans_outstanding"], flows["disbursed"], end["loans_outstanding"],
                                   flows["settled"]) is None
    money = flows["amounts_vnd"]
    assert money["written_off_principal"] is None
    assert written_off_by_identity(start["outstanding_principal_vnd"], money["disbursed"],
                                   end["outstanding_principal_vnd"], money["repaid_principal"]) is None
    assert {money["disbursed"], money["repaid_principal"], flows["disbursed"], flows["repaid"]} == {None}
