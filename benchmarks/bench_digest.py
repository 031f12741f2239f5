"""`make bench-digest`: what one guess at the identity digest costs, and what reversing it costs per person.

Measures the identity digest (scrypt) and the old HMAC on one core, scrypt on two threads, and the memory one
guess takes; then prints the brute-force arithmetic for an attacker who holds the deployment key. Figures, not a
test: nothing here fails. No servers needed.
"""

import hashlib
import hmac
import multiprocessing
import os
import platform
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from hoanhap.contracts.digest import SCRYPT_MEMORY_BYTES, SCRYPT_N, SCRYPT_P, SCRYPT_R, identity_digest

DIGESTS = int(os.environ.get("BENCH_DIGESTS", "20"))
HMACS = int(os.environ.get("BENCH_HMACS", "200000"))
KEY = os.urandom(32)
BIRTH_PROVINCES = 63  # the pre-2025 birth-province codes of the Ministry of Public Security
RANDOM_DIGITS = 10**6  # the last six digits of a CCCD
DAYS_IN_A_YEAR = 365.25
SECONDS_IN_A_YEAR = DAYS_IN_A_YEAR * 86400
BIRTH_YEARS = range(1940, 2009)  # the years of birth a registry of released adults holds, give or take


def guesses(count: int) -> list[tuple[str, date]]:
    """Citizen IDs and birth dates as an attacker would try them: one birth year and sex, any province and day."""
    return [(f"079090{i:06d}", date(1990, 1, 1) + timedelta(days=i % 365)) for i in range(count)]


def scrypt_seconds_per_guess() -> float:
    """Median wall time of one identity digest on one thread."""
    times = []
    for citizen_id, birth_date in guesses(DIGESTS):
        started = time.perf_counter()
        identity_digest(citizen_id, birth_date, KEY)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scrypt_guesses_per_second(threads: int) -> float:
    """Identity digests a second with `threads` threads at once (scrypt runs outside the GIL)."""
    with ThreadPoolExecutor(threads) as pool:
        started = time.perf_counter()
        list(pool.map(lambda guess: identity_digest(*guess, KEY), guesses(DIGESTS)))
        return DIGESTS / (time.perf_counter() - started)


def hmac_seconds_per_guess() -> float:
    """Mean time of the old digest as an attacker computes it: bare HMAC-SHA256 of the 12 digits."""
    candidates = [f"079090{i:06d}".encode() for i in range(HMACS)]
    started = time.perf_counter()
    for candidate in candidates:
        hmac.digest(KEY, candidate, hashlib.sha256)
    return (time.perf_counter() - started) / HMACS


def peak_memory_of_digests(threads: int) -> int:
    """Bytes the process's peak resident memory grows by while `threads` digests run at once (Linux)."""
    def high_water_mark() -> int:
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024

    before = high_water_mark()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda guess: identity_digest(*guess, KEY), guesses(threads)))
    return high_water_mark() - before


def in_a_fresh_process(threads: int) -> int:
    """The peak memory of digests measured in a new process, so nothing earlier has raised its high-water mark."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(peak_memory_of_digests, (threads,))


def cpu_time(seconds: float) -> str:
    """A duration of CPU in the unit a person reads best."""
    if seconds >= SECONDS_IN_A_YEAR:
        return f"{seconds / SECONDS_IN_A_YEAR:,.1f} CPU-years"
    if seconds >= 7 * 86400:
        return f"{seconds / 86400:,.0f} CPU-days"
    if seconds >= 3600:
        return f"{seconds / 3600:,.1f} CPU-hours"
    return f"{seconds:,.1f} CPU-seconds"


def row(attacker_knows: str, new_space: float, old_space: float, scrypt: float, hmac_cost: float,
        one_person: bool = True) -> str:
    """One line of the arithmetic: guesses and CPU time for the identity digest and the old HMAC."""
    def cells(space: float, cost: float) -> str:
        average = cpu_time(space / 2 * cost) if one_person else "—"
        return f"{space:.2e} | {average} | {cpu_time(space * cost)}"

    return f"| {attacker_knows} | {cells(new_space, scrypt)} | {cells(old_space, hmac_cost)} |"


def arithmetic(scrypt: float, hmac_cost: float) -> list[str]:
    """The brute-force cost per person at the measured cost of a guess, and its residuals."""
    published = BIRTH_PROVINCES * RANDOM_DIGITS * DAYS_IN_A_YEAR
    old_published = BIRTH_PROVINCES * RANDOM_DIGITS  # the HMAC had no birth date in it
    cohorts = len(BIRTH_YEARS) * 2
    return [
        "| an attacker with the key who knows | identity digest: guesses | on average | all | "
        "old HMAC: guesses | on average | all |",
        "|---|---:|---:|---:|---:|---:|---:|",
        row("birth year and sex (published); province of birth (63), 6 digits, day of birth unknown",
            published, old_published, scrypt, hmac_cost),
        row("(a) also the province of birth (from the province of residence, say)",
            RANDOM_DIGITS * DAYS_IN_A_YEAR, RANDOM_DIGITS, scrypt, hmac_cost),
        row("(a) also the day and province of birth: only the 6 digits unknown",
            RANDOM_DIGITS, RANDOM_DIGITS, scrypt, hmac_cost),
        row("(b) every digest of one birth year and sex at once (one key, no per-person salt)",
            published, old_published, scrypt, hmac_cost, one_person=False),
        row(f"(b) every digest of people born {BIRTH_YEARS[0]}–{BIRTH_YEARS[-1]}, both sexes ({cohorts} cohorts)",
            published * cohorts, old_published * cohorts, scrypt, hmac_cost, one_person=False),
        "",
        f"(c) one guess costs {scrypt / hmac_cost:,.0f} times the HMAC's; with the day of birth in it, one person "
        f"costs {published * scrypt / (old_published * hmac_cost):.1e} times as much to reverse.",
        f"Wall time on 1,000 cores for every digest of one birth year and sex: "
        f"{published * scrypt / 1000 / 86400:,.0f} days (memory: 1,000 × {SCRYPT_MEMORY_BYTES / 2**20:.0f} MiB).",
    ]


def machine() -> str:
    """One line describing where the figures come from."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, {platform.processor() or platform.machine()}")


def main() -> None:
    one_thread = scrypt_seconds_per_guess()
    rates = {threads: scrypt_guesses_per_second(threads) for threads in (1, 2)}
    memory = {threads: in_a_fresh_process(threads) for threads in (1, 2)}
    hmac_cost = hmac_seconds_per_guess()
    print(f"\nbench-digest on {machine()}\n")
    print(f"identity digest: scrypt N=2^{SCRYPT_N.bit_length() - 1}, r={SCRYPT_R}, p={SCRYPT_P} "
          f"({SCRYPT_MEMORY_BYTES / 2**20:.0f} MiB table)\n")
    print("| measure | figure |")
    print("|---|---:|")
    print(f"| identity digest, one thread, median of {DIGESTS} | {one_thread * 1000:.1f} ms per guess |")
    print(f"| identity digest, 1 thread / 2 threads | {rates[1]:.2f} / {rates[2]:.2f} guesses/s "
          f"({rates[2] / rates[1]:.2f}×) |")
    print(f"| peak memory added by 1 / 2 digests at once | {memory[1] / 2**20:.1f} / {memory[2] / 2**20:.1f} MiB |")
    print(f"| old HMAC-SHA256, mean of {HMACS:,} | {hmac_cost * 1e6:.2f} µs per guess |")
    print()
    print("\n".join(arithmetic(one_thread, hmac_cost)))


if __name__ == "__main__":
    main()
