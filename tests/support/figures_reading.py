"""Reading a stats figure in e2e tests once stats has caught up with what the test did."""

import time

import httpx

DESCRIBING = {"from", "to", "province_code", "commune_code", "release_type", "sex", "age_band", "offence_group",
              "disclosure", "measure"}
"""The fields every answer starts with (the question and how it is shown); every other field is a figure."""


def settled_figures(stats: httpx.Client, path: str, params: dict[str, str], headers: dict[str, str],
                    expected: dict[str, object], timeout: float = 90) -> dict[str, object]:
    """The figure's answer, less the question it repeats, once it equals the expected (stats caught up) or at the
    deadline; every figure in the answer must be expected, and the reader must see exact figures."""
    deadline = time.monotonic() + timeout
    while True:
        answer = stats.get(path, params=params, headers=headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["disclosure"]["view"] == "jurisdiction", "the reader sees exact figures"
        assert set(answer.json()) - DESCRIBING == set(expected), f"{path}: every figure in the answer is counted"
        shown = {name: answer.json()[name] for name in expected}
        if shown == expected or time.monotonic() > deadline:
            return shown
        time.sleep(0.5)
