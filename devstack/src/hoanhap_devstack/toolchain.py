"""The outside programs the devstack needs, each checked with a message saying how to get it."""

import re
import shutil
import subprocess

from hoanhap_devstack.errors import DevstackError

MIN_JAVA = 17


def require_java() -> str:
    """The path of a Java 17+ runtime, or a DevstackError saying how to install one."""
    java = shutil.which("java")
    if java is None:
        raise DevstackError(
            "Java 17 or newer is needed to run the Kafka broker, but `java` is not on PATH; "
            "install it (Debian: apt-get install openjdk-17-jre-headless) "
            "or set KAFKA_BOOTSTRAP_SERVERS to an existing broker"
        )
    version = _java_major_version(java)
    if version < MIN_JAVA:
        raise DevstackError(
            f"Java {MIN_JAVA} or newer is needed to run the Kafka broker, but `{java}` is Java {version}; "
            "install a newer JDK or put it first on PATH"
        )
    return java


def require_maven() -> str:
    """The path of Maven, or a DevstackError saying how to install it."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise DevstackError(
            "Maven is needed once to fetch the Kafka broker jars, but `mvn` is not on PATH; "
            "install it (Debian: apt-get install maven) or set KAFKA_BOOTSTRAP_SERVERS to an existing broker"
        )
    return mvn


def _java_major_version(java: str) -> int:
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)  # noqa: S603
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr)
    if match is None:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major
