"""`make bench-credit`: the applications part (benchmarks/bench_credit_applications.py), then the end-of-day part
(benchmarks/bench_credit_end_of_day.py); each starts its own Kafka and PostgreSQL and prints its own table."""

from benchmarks import bench_credit_applications, bench_credit_end_of_day


def main() -> None:
    bench_credit_applications.main()
    bench_credit_end_of_day.main()


if __name__ == "__main__":
    main()
