"""The Apache Kafka broker's jars, fetched once from Maven Central with Maven into the cache."""

import json
import shutil
import subprocess
from pathlib import Path

from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.paths import cache_root
from hoanhap_devstack.toolchain import require_maven

KAFKA_VERSION = "4.1.1"
LOG4J_VERSION = "2.24.3"
MANIFEST = "manifest.json"

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>hoanhap.devstack</groupId><artifactId>kafka-broker-libs</artifactId>
  <version>{kafka}</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId>
      <version>{log4j}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
      <version>{log4j}</version></dependency>
  </dependencies>
</project>
"""


def kafka_home() -> Path:
    """The cache folder of the pinned Kafka version."""
    return cache_root() / f"kafka-{KAFKA_VERSION}"


def ensure_kafka_jars() -> Path:
    """The folder of broker jars, fetching them first when the cache lacks a complete copy."""
    libs = kafka_home() / "libs"
    problem = _cache_problem(libs)
    if problem is None:
        return libs
    if problem != "absent":
        print(f"devstack: the Kafka jar cache at {libs} is {problem}; fetching it again")
    _fetch(libs)
    return libs


def _cache_problem(libs: Path) -> str | None:
    manifest = libs / MANIFEST
    if not libs.exists():
        return "absent"
    if not manifest.exists():
        return "half-written (no manifest)"
    try:
        expected = json.loads(manifest.read_text())
    except ValueError:
        return "half-written (unreadable manifest)"
    for name, size in expected.items():
        jar = libs / name
        if not jar.exists() or jar.stat().st_size != size:
            return f"damaged ({name} is missing or truncated)"
    return None


def _fetch(libs: Path) -> None:
    mvn = require_maven()
    home = libs.parent
    partial = home / "libs.partial"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(libs, ignore_errors=True)
    partial.mkdir(parents=True)
    pom = home / "pom.xml"
    pom.write_text(POM.format(kafka=KAFKA_VERSION, log4j=LOG4J_VERSION))
    log = home / "maven.log"
    print(f"devstack: fetching Apache Kafka {KAFKA_VERSION} jars with Maven (once; log: {log})")
    command = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
               "-DincludeScope=runtime", f"-DoutputDirectory={partial}"]
    with open(log, "wb") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)  # noqa: S603
    if result.returncode != 0:
        raise DevstackError(
            f"Maven could not download the Kafka {KAFKA_VERSION} jars ({_last_error(log)}); "
            "check that this machine can reach the Maven Central registry, then run again"
        )
    manifest = {jar.name: jar.stat().st_size for jar in partial.glob("*.jar")}
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    partial.rename(libs)


def _last_error(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if "ERROR" in line]
    return lines[0].replace("[ERROR]", "").strip()[:200] if lines else f"see {log}"
