"""`hoanhap-devstack`: start and stop the local Kafka, PostgreSQL and services."""

import argparse
import os
import signal
import sys
import threading
import time
from types import FrameType

from hoanhap_devstack.demo import load_demo
from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.instance import Instance
from hoanhap_devstack.paths import cache_root


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command; a DevstackError becomes one line on stderr."""
    args = _parser().parse_args(argv)
    try:
        return int(args.command(args) or 0)
    except DevstackError as error:
        print(f"devstack: {error}", file=sys.stderr)
        return 1


def up(args: argparse.Namespace) -> int:
    """Start everything, print where it is, and stop everything on Ctrl-C or SIGTERM."""
    instance = Instance(args.instance)
    _stop_on_signals()
    try:
        endpoints = instance.start()
        print(f"Kafka       {endpoints.kafka_bootstrap_servers}")
        print(f"PostgreSQL  {endpoints.postgres_url}")
        for service in instance.services:
            print(f"{service.name:<11} {service.url}  (docs {service.url}/docs, log {service.log_file})")
        print(f"Dashboard   {instance.services[-1].url}/dashboard/")
        print("Hoà Nhập is up. Press Ctrl-C to stop everything.", flush=True)
        if os.environ.get("HOANHAP_DEMO", "1") != "0" and instance.registry_is_empty(endpoints):
            threading.Thread(target=_load_demo, args=(instance.services[0].url,), daemon=True).start()
        return _watch(instance)
    except KeyboardInterrupt:
        return 0
    finally:
        print("Stopping services, Kafka and PostgreSQL...", flush=True)
        instance.stop()
        print("Stopped.", flush=True)


def _load_demo(registry_url: str) -> None:
    print("Empty registry: loading demo data (a province, 5 years of releases) through the registry's API...",
          flush=True)
    try:
        done = load_demo(registry_url)
    except Exception as error:  # noqa: BLE001 - the stack stays up without demo data
        print(f"devstack: demo data could not be loaded ({error}); the stack is up without it", flush=True)
        return
    print("Demo data loaded: " + ", ".join(f"{count:,} {kind}" for kind, count in done.items())
          + ". Open the dashboard to see it.", flush=True)


def down(args: argparse.Namespace) -> int:
    """Stop every instance, or the one named."""
    homes = [args.instance] if args.instance else _instance_names()
    for name in homes:
        Instance(name).stop()
    return 0


def kafka(args: argparse.Namespace) -> int:
    """Start or stop only the Kafka broker of an instance."""
    broker = Instance(args.instance).stack.kafka
    broker.start() if args.action == "start" else broker.stop()
    return 0


def _watch(instance: Instance) -> int:
    while True:
        dead = instance.dead_services()
        if dead:
            names = ", ".join(f"{service.name} (log {service.log_file})" for service in dead)
            print(f"devstack: a service stopped unexpectedly: {names}", file=sys.stderr)
            return 1
        time.sleep(1.0)


def _stop_on_signals() -> None:
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # SIGINT too: a process started in the background by a shell without job control (a CI script's `cmd &`)
    # inherits SIGINT ignored, and Python then never turns Ctrl-C into KeyboardInterrupt.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)


def _instance_names() -> list[str]:
    root = cache_root() / "devstack"
    return sorted(path.name for path in root.iterdir() if path.is_dir()) if root.exists() else []


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoanhap-devstack", description=__doc__)
    commands = parser.add_subparsers(required=True)
    start = commands.add_parser("up", help="start Kafka, PostgreSQL and the four services")
    start.add_argument("--instance", default="up", help="name of this stack's folder under .cache/devstack")
    start.set_defaults(command=up)
    stop = commands.add_parser("down", help="stop everything the devstack started")
    stop.add_argument("--instance", help="only this instance (default: all)")
    stop.set_defaults(command=down)
    broker = commands.add_parser("kafka", help="start or stop only the Kafka broker")
    broker.add_argument("action", choices=["start", "stop"])
    broker.add_argument("--instance", default="up")
    broker.set_defaults(command=kafka)
    return parser


if __name__ == "__main__":
    sys.exit(main())
