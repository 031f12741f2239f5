"""Demo data for `make up`: a realistic province driven through the registry's HTTP API, so a newcomer sees a
living dashboard. About 2,000 releases a year over 5 years in Hà Nội, the usual release-type mix, a few percent
reoffending a year, some transfers and closures. Deterministic (seeded); names and ID numbers are invented."""

import csv
import io
import json
import random
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from functools import cache

from hoanhap.auth import AuthSettings, Principal, mint_token
from hoanhap.auth.principal import Agency, Jurisdiction, Role
from hoanhap.places import official_places

PROVINCE = "01"
YEARS = (2021, 2022, 2023, 2024, 2025)
RELEASES_PER_YEAR = 2000
RELEASE_TYPES = [("Chấp hành xong án phạt tù", 70), ("Đặc xá", 10), ("Tha tù trước thời hạn có điều kiện", 10),
                 ("Án treo", 7), ("Cải tạo không giam giữ", 3)]
SUPERVISED = {"Tha tù trước thời hạn có điều kiện", "Án treo", "Cải tạo không giam giữ"}
OFFENCES = [173, 173, 173, 171, 249, 251, 134, 321, 174, 168]
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVEN_NAMES = ["Văn An", "Văn Bình", "Đức Cường", "Minh Dũng", "Quang Huy", "Thị Lan", "Văn Long", "Thị Mai"]
REOFFENDING_SHARE = 0.12  # of each year's releases, within 36 months: a few percent a year


def load_demo(registry_url: str, seed: int = 138) -> dict[str, int]:
    """Register the province's demo history; return what was done."""
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {demo_token()}"}
    rows = [demo_release(rng, province_communes(), year) for year in YEARS for _ in range(RELEASES_PER_YEAR)]
    people = import_releases(registry_url, headers, rows)
    done = {"releases": len(people), "reoffences": 0, "transfers": 0, "closures": 0}
    with ThreadPoolExecutor(8) as pool:
        for kind in pool.map(lambda item: follow_up(registry_url, headers, *item),
                             [(person, row, random.Random(seed + i)) for i, (person, row) in enumerate(people)]):
            if kind:
                done[kind] += 1
    return done


@cache
def province_communes() -> list[str]:
    """Forty communes of the demo province, by official code."""
    return sorted(c.code for c in official_places().communes.values() if c.province_code == PROVINCE)[:40]


def demo_token() -> str:
    principal = Principal(sub="demo-loader", agency=Agency.POLICE, role=Role.SUPERVISOR,  # closes cases too
                          jurisdiction=Jurisdiction(province=PROVINCE))
    settings = AuthSettings()
    return mint_token(settings, principal, 3600, [settings.audience_of("registry")])


def demo_release(rng: random.Random, communes: list[str], year: int) -> dict[str, str]:
    released = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    release_type = rng.choices([t for t, _ in RELEASE_TYPES], [w for _, w in RELEASE_TYPES])[0]
    return {"Họ và tên": f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}",
            "Số CCCD": f"001{rng.randrange(10**9):09d}", "Ngày sinh": f"{rng.randrange(1,28):02d}/"
            f"{rng.randrange(1,13):02d}/{rng.randrange(1962, year - 19)}",
            "Giới tính": "Nam" if rng.random() < 0.86 else "Nữ", "Mã tỉnh": PROVINCE, "Mã xã": rng.choice(communes),
            "Trại giam": "Trại giam Thanh Xuân", "Tội danh (Điều)": str(rng.choice(OFFENCES)),
            "Thời hạn án": str(rng.choice([6, 12, 18, 24, 36, 48, 60])), "Hình thức ra trại": release_type,
            "Ngày ra trại": released.strftime("%d/%m/%Y"),
            "Ngày hết thời gian thử thách": (released + timedelta(days=365)).strftime("%d/%m/%Y")
            if release_type in SUPERVISED else ""}


def import_releases(url: str, headers: dict[str, str], rows: list[dict[str, str]]) -> list[tuple[str, dict]]:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    started = call(url + "/v1/imports?filename=demo.csv", headers, text.getvalue().encode(), "text/csv")
    while (report := call(url + f"/v1/imports/{started['import_id']}?rows=all", headers))["status"] == "running":
        time.sleep(0.5)
    return [(row["person_id"], rows[row["row_number"] - 2]) for row in report["rows"] if row["person_id"]]


def follow_up(url: str, headers: dict[str, str], person: str, row: dict[str, str], rng: random.Random) -> str | None:
    """Perhaps a reoffence, a transfer or a closure, dated after the release and not after today."""
    released = date(*reversed([int(part) for part in row["Ngày ra trại"].split("/")]))
    later = released + timedelta(days=rng.randrange(30, 1100))
    if later > date.today():
        return None
    draw = rng.random()
    if draw < REOFFENDING_SHARE:
        body = {"committed_on": later.isoformat(), "offence_articles": [rng.choice(OFFENCES)],
                "status": "new_conviction"}
        return "reoffences" if call(url + f"/v1/people/{person}/reoffences", headers, body) else None
    if draw < REOFFENDING_SHARE + 0.03:
        moved_to = rng.choice([code for code in province_communes() if code != row["Mã xã"]])
        body = {"province_code": PROVINCE, "commune_code": moved_to, "moved_on": later.isoformat()}
        return "transfers" if call(url + f"/v1/people/{person}/residence-changes", headers, body) else None
    if draw < REOFFENDING_SHARE + 0.25 and later.year <= date.today().year - 1:
        body = {"closed_on": later.isoformat(), "reason": "record_cleared"}
        return "closures" if call(url + f"/v1/people/{person}/closure", headers, body) else None
    return None


def call(url: str, headers: dict[str, str], body: object = None, content_type: str = "application/json") -> dict:
    """One HTTP call; the parsed answer, or an empty dict when the registry refused it."""
    data = body if isinstance(body, bytes) else None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={**headers, "Content-Type": content_type},
                                     method="GET" if data is None else "POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError:
        return {}
