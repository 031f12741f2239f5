# Hoà Nhập: `make up` runs the whole system locally; `make test` runs every test against real servers.
SHELL := /bin/bash
UV_VERSION := 0.13.9
TOOLS := .cache/tools
UV := $(TOOLS)/bin/uv
VENV := .venv/bin
INSTANCE ?= up
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: install up down test unit integration e2e fuzz lint bench-core bench-registry bench-stats bench-digest bench-supervision bench-credit

install:
	@tools/install-uv.sh $(UV_VERSION) $(TOOLS)
	@$(UV) sync --frozen --quiet || { echo "make: uv could not install the Python packages (is the Python package registry reachable?)" >&2; exit 1; }

up: install
	@$(VENV)/hoanhap-devstack up --instance $(INSTANCE)

down: install
	@$(VENV)/hoanhap-devstack down

test: install
	@$(VENV)/pytest

unit: install
	@$(VENV)/pytest tests/unit

integration: install
	@$(VENV)/pytest tests/integration

e2e: install
	@$(VENV)/pytest tests/e2e

fuzz: install
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-600} FUZZ_SEED=$${FUZZ_SEED:-random} $(VENV)/pytest tests/e2e/test_openapi_fuzzing.py --timeout 0

lint: install
	@$(VENV)/ruff check .
	@$(VENV)/mypy shared/src devstack/src services/registry/src services/supervision/src services/credit/src services/stats/src

bench-core: install
	@$(VENV)/python -m benchmarks.bench_core

bench-registry: install
	@$(VENV)/python -m benchmarks.bench_registry

bench-stats: install
	@$(VENV)/python -m benchmarks.bench_stats

bench-digest: install
	@$(VENV)/python -m benchmarks.bench_digest

bench-supervision: install
	@$(VENV)/python -m benchmarks.bench_supervision

bench-credit: install
	@$(VENV)/python -m benchmarks.bench_credit
