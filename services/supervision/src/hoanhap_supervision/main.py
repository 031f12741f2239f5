"""Console entry point: `hoanhap-supervision` serves the supervision service."""

from hoanhap.service.runner import load_settings, run_service
from hoanhap_supervision.app import SERVICE, create_app
from hoanhap_supervision.settings import SupervisionSettings


def main() -> None:
    """Read settings from the environment and serve until stopped."""
    run_service(SERVICE, create_app, load_settings(SERVICE, SupervisionSettings))


if __name__ == "__main__":
    main()
