"""Console entry point: `hoanhap-stats` serves the stats service."""

from hoanhap.service.runner import load_settings, run_service
from hoanhap_stats.app import SERVICE, create_app
from hoanhap_stats.settings import StatsSettings


def main() -> None:
    """Read settings from the environment and serve until stopped."""
    run_service(SERVICE, create_app, load_settings(SERVICE, StatsSettings))


if __name__ == "__main__":
    main()
