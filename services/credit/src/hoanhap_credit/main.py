"""Console entry point: `hoanhap-credit` serves the credit service."""

from hoanhap.service.runner import load_settings, run_service
from hoanhap_credit.app import SERVICE, create_app
from hoanhap_credit.settings import CreditSettings


def main() -> None:
    """Read settings from the environment and serve until stopped."""
    run_service(SERVICE, create_app, load_settings(SERVICE, CreditSettings))


if __name__ == "__main__":
    main()
