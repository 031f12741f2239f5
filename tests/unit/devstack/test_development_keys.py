"""The devstack makes each development key once per instance and gives each service only its share."""

import json

from hoanhap_devstack.secrets import development_keys


def test_the_registry_gets_the_master_digest_and_audit_keys_and_credit_the_digest_key_and_its_own(tmp_path):
    registry, credit = development_keys(tmp_path, "registry"), development_keys(tmp_path, "credit")
    assert set(registry) == {"IDENTITY_MASTER_KEY", "IDENTITY_DIGEST_KEY", "AUDIT_SIGNING_KEY"}
    assert credit == {"IDENTITY_DIGEST_KEY": registry["IDENTITY_DIGEST_KEY"],
                      "BORROWER_MASTER_KEY": credit["BORROWER_MASTER_KEY"]}
    assert credit["BORROWER_MASTER_KEY"] not in registry.values()


def test_supervision_gets_only_its_notes_key_and_stats_no_key(tmp_path):
    assert set(development_keys(tmp_path, "supervision")) == {"NOTES_MASTER_KEY"}
    assert development_keys(tmp_path, "stats") == {}


def test_keys_are_kept_across_starts_and_a_key_missing_from_an_older_instance_is_added(tmp_path):
    (tmp_path / "development-keys.json").write_text(json.dumps({"IDENTITY_MASTER_KEY": "kept"}))
    first = development_keys(tmp_path, "registry")
    assert first["IDENTITY_MASTER_KEY"] == "kept"
    assert development_keys(tmp_path, "registry") == first
