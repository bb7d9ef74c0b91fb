# Rekrut. `make` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
JOBS ?= $(shell nproc)

.PHONY: help bootstrap build-dev build-release deb run test unit http-test browser-test bench fmt lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

bootstrap: ## Install the Debian and npm packages Rekrut needs (idempotent)
	@./scripts/bootstrap

build-dev: bootstrap ## Build the dev preset (debug, AddressSanitizer + UBSan)
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev -j $(JOBS)

build-release: bootstrap ## Build the release preset
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

deb: bootstrap ## Build the release binary and the Debian package build/release/rekrut_*.deb (docs/deployment.md)
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target rekrut catalogs
	@cd build/release && cpack -G DEB

run: build-release ## Migrate, seed demo data on an empty database and serve on http://127.0.0.1:8080
	@./scripts/run

test: build-dev ## Run every test: unit, HTTP on SQLite and PostgreSQL, browser
	@./scripts/test

unit: build-dev ## Unit tests only
	@ctest --preset dev -j $(JOBS)

http-test: build-dev ## HTTP integration tests only (SQLite and PostgreSQL)
	@./scripts/test http

browser-test: build-dev ## Browser tests only
	@./scripts/test browser

bench: build-release ## Load benchmarks against nginx as the reference (see docs/benchmarks.md)
	@./bench/http.sh
	@./bench/career.sh
	@./bench/pages.sh
	@./bench/pages.sh --postgresql
	@./bench/applications.sh
	@./bench/mail.sh
	@./bench/assessment.sh
	@./bench/pdf.sh
	@./bench/jobnet.sh

fmt: ## Format the C++ sources (clang-format 14)
	@./scripts/lint format

lint: build-dev ## Check formatting, run clang-tidy; fails on any finding (clang 14)
	@./scripts/lint

clean: ## Remove build output
	@rm -rf build
