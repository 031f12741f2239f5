"""Each devstack problem a newcomer can hit gives one line saying what is wrong and what to do."""

import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from hoanhap_devstack.cli import main
from hoanhap_devstack.kafka_jars import KAFKA_VERSION, MANIFEST, ensure_kafka_jars, kafka_home

FAKE_MVN_UNREACHABLE = """#!/bin/sh
echo "[ERROR] Failed to execute goal on project kafka-broker-libs: Could not resolve dependencies: \\
Could not transfer artifact org.apache.kafka:kafka_2.13:pom:{version} from/to central: Network is unreachable"
exit 1
"""

FAKE_MVN_COPYING = """#!/bin/sh
for arg in "$@"; do case "$arg" in -DoutputDirectory=*) out="${arg#-DoutputDirectory=}";; esac; done
printf 'jar-a' > "$out/kafka-clients.jar"
printf 'jar-bb' > "$out/kafka-server.jar"
echo "$@" >> "${0%/*}/calls.log"
"""


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty PATH and an empty cache: the machine of a newcomer missing everything."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("HOANHAP_CACHE", str(tmp_path / "cache"))
    for variable in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_URL", "HOANHAP_KAFKA_PORT"):
        monkeypatch.delenv(variable, raising=False)
    return folder


def install(folder: Path, name: str, script: str) -> Path:
    path = folder / name
    path.write_text(script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def link_real_java(folder: Path) -> None:
    java = subprocess.run(["bash", "-lc", "command -v java"], capture_output=True, text=True,
                          env={"PATH": os.defpath + ":/usr/bin"}).stdout.strip()
    (folder / "java").symlink_to(os.path.realpath(java))


def only_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, f"expected one line, got: {err}"
    assert "Traceback" not in err[0]
    return err[0]


def test_missing_java_is_one_line_naming_java_and_how_to_install_it(bin_dir, capsys):
    assert main(["kafka", "start", "--instance", "newcomer"]) == 1
    line = only_line(capsys)
    assert line.startswith("devstack: Java 17 or newer is needed")
    assert "apt-get install" in line


def test_missing_maven_on_first_run_is_one_line_naming_maven(bin_dir, capsys):
    link_real_java(bin_dir)
    assert main(["kafka", "start", "--instance", "newcomer"]) == 1
    assert only_line(capsys).startswith("devstack: Maven is needed once")


def test_busy_configured_port_is_one_line_naming_the_port_and_the_variable(bin_dir, capsys, monkeypatch):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        monkeypatch.setenv("HOANHAP_KAFKA_PORT", str(port))
        assert main(["kafka", "start", "--instance", "newcomer"]) == 1
    line = only_line(capsys)
    assert f"port {port} (HOANHAP_KAFKA_PORT) is busy" in line


def test_unreachable_registry_on_first_run_is_one_line_with_maven_error(bin_dir, capsys):
    link_real_java(bin_dir)
    install(bin_dir, "mvn", FAKE_MVN_UNREACHABLE.format(version=KAFKA_VERSION))
    assert main(["kafka", "start", "--instance", "newcomer"]) == 1
    lines = capsys.readouterr()
    error = lines.err.strip().splitlines()
    assert len(error) == 1
    assert f"could not download the Kafka {KAFKA_VERSION} jars" in error[0]
    assert "Network is unreachable" in error[0]
    assert "reach the Maven Central registry" in error[0]
    assert not (kafka_home() / "libs").exists(), "a failed download must not look like a cache"


def test_half_written_jar_cache_is_named_and_fetched_again(bin_dir, capsys):
    install(bin_dir, "mvn", FAKE_MVN_COPYING)
    libs = kafka_home() / "libs"
    libs.mkdir(parents=True)
    (libs / "kafka-clients.jar").write_text("jar")

    assert ensure_kafka_jars() == libs

    out = capsys.readouterr().out
    assert "is half-written (no manifest); fetching it again" in out
    assert (libs / MANIFEST).exists()
    assert sorted(p.name for p in libs.glob("*.jar")) == ["kafka-clients.jar", "kafka-server.jar"]


def test_truncated_jar_in_cache_is_named_and_fetched_again(bin_dir, capsys):
    install(bin_dir, "mvn", FAKE_MVN_COPYING)
    libs = ensure_kafka_jars()
    (libs / "kafka-server.jar").write_text("j")

    ensure_kafka_jars()

    assert "damaged (kafka-server.jar is missing or truncated)" in capsys.readouterr().out
    assert (libs / "kafka-server.jar").read_text() == "jar-bb"


def test_complete_jar_cache_is_reused_without_running_maven(bin_dir, capsys):
    install(bin_dir, "mvn", FAKE_MVN_COPYING)
    libs = ensure_kafka_jars()
    (bin_dir / "mvn").unlink()

    assert ensure_kafka_jars() == libs
    assert capsys.readouterr().out.count("fetching") == 1
    assert len((bin_dir / "calls.log").read_text().splitlines()) == 1
