# Lagoa's entry points. `make test` is what CI runs (.ci/run); `make demo` shows the CLI.
# GNU make. Every target can be run on its own; `make help` lists them.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

# Extra flags for every swift invocation, e.g. SWIFT_FLAGS="--scratch-path .build-mine" to build
# beside someone else's .build.
SWIFT_FLAGS ?=
SWIFT ?= swift

# C libraries behind LagoaCompression (see Package.swift's systemLibrary targets).
APT_PACKAGES := libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libsqlite3-dev libpq-dev postgresql pkg-config

# Python peers for the interop tests, pinned in scripts/requirements-test.txt.
VENV := $(ROOT)/.venv
PYTHON3 ?= python3
export LAGOA_PYTHON := $(VENV)/bin/python

.PHONY: help deps venv build test soundness demo demo-formats bench-parquet bench-catalog bench-tpch bench-ingest clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

deps: ## Install missing system packages (zstd, snappy, lz4, zlib, SQLite, libpq headers; PostgreSQL server; pkg-config)
	@"$(ROOT)/scripts/deps.sh" $(APT_PACKAGES)

venv: ## Create or update .venv/ with the pinned pyarrow and DuckDB
	@PYTHON3="$(PYTHON3)" "$(ROOT)/scripts/venv.sh" "$(VENV)" "$(ROOT)/scripts/requirements-test.txt"

build: ## Debug build of every target
	$(SWIFT) build $(SWIFT_FLAGS)

soundness: ## Layer, file-size, large-file and print() checks
	@"$(ROOT)/scripts/soundness.sh"

# Swift Testing already runs tests in parallel inside one process; `--parallel` would switch on
# XCTest's multi-process runner, which gains nothing on 2 cores and interleaves the output.
test: deps venv build soundness ## Everything CI checks: soundness, unit and interop tests
	LAGOA_INTEGRATION=1 $(SWIFT) test $(SWIFT_FLAGS)

demo: deps ## Build lagoa (release) and run CornLake end to end: databases, two days of ingestion, SOT/SPEC models and tests (./lagoa-demo)
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product lagoa
	@"$(ROOT)/scripts/demo.sh" "$$($(SWIFT) build $(SWIFT_FLAGS) -c release --show-bin-path)/lagoa"

demo-formats: deps ## Build lagoa (release): CSV to Parquet and back, then an Iceberg table with time travel and branches
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product lagoa
	@"$(ROOT)/scripts/demo-formats.sh" "$$($(SWIFT) build $(SWIFT_FLAGS) -c release --show-bin-path)/lagoa"

bench-parquet: ## Parquet read/write benchmarks (results go to BENCHMARKS.md)
	@"$(ROOT)/scripts/bench-parquet.sh"

bench-catalog: ## Iceberg commit rate and scan against PyIceberg's SqlCatalog (results go to BENCHMARKS.md)
	@"$(ROOT)/scripts/bench-catalog.sh"

bench-ingest: ## lineitem SF1 from PostgreSQL: lagoa ingest vs psql COPY binary vs connectorx/ADBC (results go to BENCHMARKS.md)
	@"$(ROOT)/scripts/bench-ingest.sh"

bench-tpch: ## TPC-H SF1 in Lagoa and DuckDB at 2 threads, best of 3 (results go to BENCHMARKS.md)
	@"$(ROOT)/scripts/bench-tpch.sh"

clean: ## Remove the default build folder (.build/); keeps .venv/
	rm -rf "$(ROOT)/.build"
