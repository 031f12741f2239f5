"""A one-node Apache Kafka broker (KRaft combined mode) run from the cached jars."""

import asyncio
import base64
import logging
import shutil
import subprocess
import time
import uuid
from pathlib import Path

from hoanhap_devstack import processes
from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.kafka_jars import ensure_kafka_jars
from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.toolchain import require_java

READY_TIMEOUT = 90.0

# log.cleaner.backoff.ms: the cleaner looks for compactable logs every second, not every 15 s, so a test that
# forces the compaction of an erased person's digest does not wait for it.
PROPERTIES = """process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{controller_port}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs={data}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.backoff.ms=1000
auto.create.topics.enable=true
"""

LOG4J2 = """rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName={log}
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
"""


class KafkaServer:
    """The broker of one devstack instance: its folder holds config, data, log and pid file."""

    def __init__(self, home: Path, ports: PortPlan) -> None:
        self.home = home
        self.ports = ports
        self.pid_file = home / "kafka.pid"

    @property
    def bootstrap_servers(self) -> str:
        """The address clients connect to."""
        return f"127.0.0.1:{self.ports.get('kafka')}"

    def start(self, fresh: bool = False) -> None:
        """Start the broker unless it already runs, and wait until it answers metadata requests."""
        if self.running_pid() is not None:
            return
        if fresh:
            shutil.rmtree(self.home / "data", ignore_errors=True)
        self.ports.claim("kafka", "HOANHAP_KAFKA_PORT")
        self.ports.claim("kafka-controller", "HOANHAP_KAFKA_CONTROLLER_PORT")
        java = require_java()
        libs = ensure_kafka_jars()
        self._write_config()
        self._format_once(java, libs)
        command = [java, "-Xms256m", "-Xmx1g", "-Djava.awt.headless=true",
                   f"-Dlog4j2.configurationFile=file:{self.home / 'log4j2.properties'}",
                   "-cp", f"{libs}/*", "kafka.Kafka", str(self.home / "server.properties")]
        processes.spawn(command, self.home / "stdout.log", self.pid_file)
        self._wait_ready()

    def stop(self) -> None:
        """Stop the broker cleanly (it flushes its logs), killing it if it hangs."""
        pid = self.running_pid()
        if pid is not None:
            processes.stop(pid, grace=30.0)
        self.pid_file.unlink(missing_ok=True)

    def running_pid(self) -> int | None:
        """The broker's pid when it runs."""
        return processes.running_pid(self.pid_file, str(self.home))

    def _write_config(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "server.properties").write_text(PROPERTIES.format(
            port=self.ports.get("kafka"), controller_port=self.ports.get("kafka-controller"),
            data=self.home / "data"))
        (self.home / "log4j2.properties").write_text(LOG4J2.format(log=self.home / "server.log"))

    def _format_once(self, java: str, libs: Path) -> None:
        data = self.home / "data"
        if (data / "meta.properties").exists():
            return
        shutil.rmtree(data, ignore_errors=True)
        command = [java, "-cp", f"{libs}/*", "kafka.tools.StorageTool", "format",
                   "-t", _cluster_id(), "-c", str(self.home / "server.properties")]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise DevstackError(f"could not format Kafka storage in {data}: {_last_line(result)}")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.running_pid() is None:
                raise DevstackError(f"the Kafka broker exited during start-up; see {self.home / 'server.log'}")
            if asyncio.run(broker_answers(self.bootstrap_servers)):
                return
            time.sleep(0.3)
        raise DevstackError(f"the Kafka broker did not become ready in {READY_TIMEOUT:.0f} s; "
                            f"see {self.home / 'server.log'}")


async def broker_answers(bootstrap_servers: str, timeout: float = 3.0) -> bool:
    """True when the broker answers a metadata request."""
    from aiokafka.admin import AIOKafkaAdminClient

    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)  # refused connections are expected here
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        await asyncio.wait_for(admin.list_topics(), timeout)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False
    finally:
        await admin.close()


def _cluster_id() -> str:
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def _last_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit code {result.returncode}"
