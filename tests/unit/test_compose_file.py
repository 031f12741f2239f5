"""docker-compose.yml runs every service with what its settings require (no engine here to run it)."""

from pathlib import Path

import pytest
import yaml

from hoanhap.service.settings import required_environment
from hoanhap_credit.settings import CreditSettings
from hoanhap_devstack.secrets import DEVELOPMENT_KEYS, KEYS_OF
from hoanhap_registry.settings import RegistrySettings
from hoanhap_stats.settings import StatsSettings
from hoanhap_supervision.settings import SupervisionSettings

REPO = Path(__file__).resolve().parents[2]
SETTINGS = {"registry": RegistrySettings, "supervision": SupervisionSettings,
            "credit": CreditSettings, "stats": StatsSettings}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]


@pytest.mark.parametrize("service", SETTINGS)
def test_service_is_built_from_the_one_dockerfile_named_by_its_build_argument(compose, service):
    build = compose[service]["build"]
    assert (REPO / build["context"] / build["dockerfile"]).is_file()
    assert build["dockerfile"] == "deploy/Dockerfile"
    assert build["args"] == {"SERVICE": service}


@pytest.mark.parametrize("service", SETTINGS)
def test_service_gets_every_environment_variable_its_settings_require(compose, service):
    required = required_environment(SETTINGS[service])
    assert required, "settings without required variables would make this test vacuous"
    assert required <= set(compose[service]["environment"])


@pytest.mark.parametrize("service", [*SETTINGS, "kafka", "postgres"])
def test_every_container_has_a_health_check(compose, service):
    assert compose[service]["healthcheck"]["test"]


@pytest.mark.parametrize("service", SETTINGS)
def test_service_waits_for_healthy_kafka_and_postgres(compose, service):
    depends = compose[service]["depends_on"]
    assert depends == {"kafka": {"condition": "service_healthy"},
                       "postgres": {"condition": "service_healthy"}}


def test_kafka_is_the_official_image_in_kraft_mode(compose):
    kafka = compose["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert kafka["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"


def test_each_service_gets_its_own_database(compose):
    urls = [compose[service]["environment"]["DATABASE_URL"] for service in SETTINGS]
    assert len({url.rsplit("/", 1)[1] for url in urls}) == len(SETTINGS)


@pytest.mark.parametrize("service", SETTINGS)
def test_each_service_gets_exactly_the_identity_keys_the_devstack_gives_it(compose, service):
    keys = {name for name in compose[service]["environment"] if name in DEVELOPMENT_KEYS}
    assert keys == set(KEYS_OF.get(service, ()))


def test_each_development_key_is_held_only_by_the_services_that_need_it():
    holders = {key: {service for service, keys in KEYS_OF.items() if key in keys} for key in DEVELOPMENT_KEYS}
    assert holders == {"IDENTITY_MASTER_KEY": {"registry"}, "IDENTITY_DIGEST_KEY": {"registry", "credit"},
                       "AUDIT_SIGNING_KEY": {"registry"}, "NOTES_MASTER_KEY": {"supervision"},
                       "BORROWER_MASTER_KEY": {"credit"}}
