# v2mom build and test entry points. `make help` lists them; CI runs `make test` (see .ci/run).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

# One shared, incremental target dir outside the clone (a target dir grows past 5 GB).
# cargo-leptos still writes the site (pkg/ JS, WASM, CSS) to ./target/site.
ifeq ($(strip $(CARGO_TARGET_DIR)),)
CARGO_TARGET_DIR := $(HOME)/.cache/v2mom/target
endif
export CARGO_TARGET_DIR

# wasm-opt comes from npm binaryen (scripts/tools.sh) and must come first on PATH:
# Debian's /usr/bin/wasm-opt (binaryen 108) builds bundles that fail to hydrate.
# (Not a V2MOM_* variable: the server rejects V2MOM_* settings it does not know.)
TOOLS_DIR ?= $(HOME)/.cache/v2mom/tools
TOOLS_BIN := $(TOOLS_DIR)/node_modules/.bin
export PATH := $(TOOLS_BIN):$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

BIN := $(CARGO_TARGET_DIR)/release/v2mom
# `make test` builds the server without whole-program optimisation (LTO), into a target dir of
# its own so that neither build overwrites the other's binary: the same code, built in a
# fraction of the time (the fat-LTO link alone takes about 13 minutes on one core). `make
# build`, `make run`, `make lighthouse`, `make bench` and the image keep LTO. The API and
# browser tests run SERVER_BIN: the LTO build, or in `make test` the one of test-build.
TEST_TARGET_DIR := $(CARGO_TARGET_DIR)/test-build
SERVER_BIN ?= $(BIN)
export SERVER_BIN
HADOLINT := $(TOOLS_DIR)/python/bin/hadolint
# `make tools TOOLS_ARGS=--build-only` installs only what `make build` needs (the Dockerfile).
TOOLS_ARGS ?=
# What `make test` runs, in order; each is a target below.
TEST_STAGES := tools lint test-rust test-build api-contract e2e cluster

say = @printf '\n==> %s\n'

.PHONY: help tools build test-build run demo dev lint test-rust test-e2e e2e test-cluster cluster api-contract test fuzz bench lighthouse sbom clean

help:
	@echo "make tools      install missing build tools (wasm32 target, cargo-leptos, wasm-bindgen-cli, wasm-opt, promtool)"
	@echo "make build      release build: $(BIN) and target/site/ (fails on an unoptimised or over-budget bundle)"
	@echo "make run        build, then serve http://127.0.0.1:3000 (SQLite in ./data unless DATABASE_URL is set)"
	@echo "make demo       build, then fill a new ./data database with a fictional company to try (v2mom demo); then make run"
	@echo "make dev        cargo leptos watch --split: debug build, rebuilds and reloads on change"
	@echo "make lint       rustfmt, clippy (server and wasm32 browser), alert rules, hadolint, cargo deny"
	@echo "make test-rust  cargo test on SQLite; again on PostgreSQL when TEST_DATABASE_URL is set"
	@echo "make test-e2e   build, then the Playwright tests in end2end/ (make e2e: without the build)"
	@echo "make test-cluster  build, then the Playwright tests through HAProxy in front of three processes on one PostgreSQL (make cluster: without the build)"
	@echo "make api-contract  Schemathesis (every check) over the REST API of the release build"
	@echo "make test-build the release build without LTO, into $(TEST_TARGET_DIR) (what make test runs)"
	@echo "make test       tools, lint, test-rust, test-build, api-contract, e2e, cluster; then a time per stage"
	@echo "make fuzz       the fuzz tests at length: FUZZ_CASES=$(FUZZ_CASES) per test, a new FUZZ_SEED each run (SQLite; PostgreSQL too with TEST_DATABASE_URL)"
	@echo "make bench      the V2MOM list at 100 vs 10,000 V2MOMs, team progress at 20 vs 200 reports, pages under load vs /healthz (SQLite; PostgreSQL too with TEST_DATABASE_URL, with the Express peer)"
	@echo "make lighthouse  build, then Lighthouse's performance score of the home page, a V2MOM page and the editor (Debian's Chromium; fails under 95)"
	@echo "make sbom       the CycloneDX SBOM of the server's dependencies: target/sbom/v2mom.cdx.json"
	@echo "make clean      remove ./target (the shared CARGO_TARGET_DIR=$(CARGO_TARGET_DIR) stays)"

tools:
	$(say) "tools: wasm32 target, cargo-leptos, wasm-bindgen-cli, wasm-opt"
	@TOOLS_DIR="$(TOOLS_DIR)" bash scripts/tools.sh $(TOOLS_ARGS)

build: tools
	$(say) "build: cargo leptos build --release --split --precompress (the bundle in page groups; brotli and gzip copies of the site's files)"
	@[[ "$$(command -v wasm-opt)" == "$(TOOLS_BIN)/wasm-opt" ]] || \
	  { echo "build: wasm-opt on PATH is '$$(command -v wasm-opt)', not $(TOOLS_BIN)/wasm-opt: run make tools" >&2; exit 1; }
	cargo leptos build --release --split --precompress
	node scripts/check-bundle.mjs target/site/pkg

# The same build without LTO (see TEST_TARGET_DIR). The browser bundle is built as in `make
# build` (its own profile, wasm-release, sets its own LTO) and checked against the same budget.
test-build:
	$(say) "test-build: make build without LTO, into $(TEST_TARGET_DIR)"
	@$(MAKE) --no-print-directory build CARGO_TARGET_DIR="$(TEST_TARGET_DIR)" CARGO_PROFILE_RELEASE_LTO=false

# DATABASE_URL and V2MOM_* settings in the environment pass through to the server.
run: build
	$(say) "run: $(BIN) serve (default http://127.0.0.1:3000, SQLite in ./data)"
	V2MOM_SITE_ROOT="$${V2MOM_SITE_ROOT:-target/site}" "$(BIN)" serve

demo: build
	$(say) "demo: $(BIN) demo (a fictional company in a new ./data database; then make run)"
	"$(BIN)" demo

dev: tools
	$(say) "dev: cargo leptos watch --split (http://127.0.0.1:3000, rebuilds and reloads on change)"
	cargo leptos watch --split

lint:
	$(say) "lint: cargo fmt --all --check"
	cargo fmt --all --check
	$(say) "lint: clippy, server (ssr, all targets)"
	cargo clippy --features ssr --all-targets -- -D warnings
	$(say) "lint: clippy, browser (hydrate, wasm32)"
	cargo clippy --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings
	$(say) "lint: promtool check rules (docs/monitoring/alerts.yml)"
	promtool check rules docs/monitoring/alerts.yml
	$(say) "lint: hadolint Dockerfile (.hadolint.yaml)"
	$(HADOLINT) Dockerfile
	$(say) "lint: cargo deny check licenses bans sources (deny.toml)"
	cargo deny check licenses bans sources

# The first pass always uses SQLite, whatever the environment says; the PostgreSQL pass follows
# when TEST_DATABASE_URL is set (and fails loudly when that database cannot be reached).
# Tests named postgres_only_* / sqlite_only_* run only in their own pass.
# Incremental state is for edit-compile loops; in a test run it only fills the disk.
test-rust: export CARGO_INCREMENTAL = 0
test-rust:
	@bash scripts/prune-target.sh
	$(say) "test-rust: cargo test --features ssr (SQLite)"
	env -u TEST_DATABASE_URL cargo test --features ssr -- --skip postgres_only_
	@if [[ -n "$${TEST_DATABASE_URL:-}" ]]; then \
	  printf '\n==> %s\n' "test-rust: cargo test --features ssr --test integration (PostgreSQL, TEST_DATABASE_URL)"; \
	  echo "cargo test --features ssr --test integration -- --skip sqlite_only_"; \
	  cargo test --features ssr --test integration -- --skip sqlite_only_; \
	else \
	  echo "test-rust: TEST_DATABASE_URL is not set: no PostgreSQL pass (postgres_only_* tests not run)"; \
	fi

test-e2e: build
	@$(MAKE) --no-print-directory e2e

# The REST API's contract test against the release build that is there (scripts/api-contract.sh).
api-contract:
	$(say) "api-contract: schemathesis --checks all over /api/v1"
	bash scripts/api-contract.sh

# The browser tests against the build that is there (make test-e2e builds first).
e2e:
	$(say) "e2e: Chromium, npm ci if needed, npx playwright test"
	bash scripts/e2e.sh

test-cluster: build
	@$(MAKE) --no-print-directory cluster

# The browser tests again, through HAProxy (docs/haproxy.cfg) in front of three release
# processes sharing one PostgreSQL database (end2end/serve.sh cluster). Needs TEST_DATABASE_URL.
cluster:
	$(say) "cluster: npx playwright test through HAProxy, three processes on one PostgreSQL"
	@if [[ -n "$${TEST_DATABASE_URL:-}" ]]; then \
	  E2E_CLUSTER=1 bash scripts/e2e.sh; \
	else \
	  echo "cluster: TEST_DATABASE_URL is not set: no cluster run (it needs PostgreSQL)"; \
	fi

# Stops at the first failing stage, and prints the time of each stage either way.
test:
	@bash scripts/stage.sh --reset
	@status=0; \
	for stage in $(TEST_STAGES); do \
	  bash scripts/stage.sh "$$stage" -- $(MAKE) --no-print-directory "$$stage" \
	    SERVER_BIN="$(TEST_TARGET_DIR)/release/v2mom" || { status=$$?; break; }; \
	done; \
	bash scripts/stage.sh --summary; \
	exit $$status

# The SBOM (CycloneDX JSON) of what the server binary is built from: every crate of the ssr
# build, with versions, licences and checksums.
lighthouse: build
	$(say) "lighthouse: performance of the home page, a V2MOM page and the editor (scripts/lighthouse.sh)"
	bash scripts/lighthouse.sh

sbom:
	$(say) "sbom: cargo cyclonedx (CycloneDX JSON) -> target/sbom/v2mom.cdx.json"
	@TOOLS_DIR="$(TOOLS_DIR)" bash scripts/tools.sh --sbom
	cargo cyclonedx --format json --features ssr --spec-version 1.5 --override-filename v2mom.cdx
	mkdir -p target/sbom
	mv v2mom.cdx.json target/sbom/v2mom.cdx.json
	@echo "sbom: target/sbom/v2mom.cdx.json"

clean:
	rm -rf target

# The fuzz tests of test-rust (tests/integration/fuzz.rs), ten times longer and with a new seed
# each run; a failure prints the FUZZ_SEED and FUZZ_CASES that send the same requests again.
FUZZ_CASES ?= 40000
ifeq ($(origin FUZZ_SEED),undefined)
FUZZ_SEED := $(shell date +%s)
endif
fuzz:
	$(say) "fuzz: FUZZ_SEED=$(FUZZ_SEED) FUZZ_CASES=$(FUZZ_CASES) (SQLite)"
	env -u TEST_DATABASE_URL FUZZ_SEED=$(FUZZ_SEED) FUZZ_CASES=$(FUZZ_CASES) \
	  cargo test --features ssr --test integration -- --skip postgres_only_ --nocapture fuzz_
	@if [[ -n "$${TEST_DATABASE_URL:-}" ]]; then \
	  printf '\n==> %s\n' "fuzz: FUZZ_SEED=$(FUZZ_SEED) FUZZ_CASES=$(FUZZ_CASES) (PostgreSQL, TEST_DATABASE_URL)"; \
	  FUZZ_SEED=$(FUZZ_SEED) FUZZ_CASES=$(FUZZ_CASES) \
	    cargo test --features ssr --test integration -- --skip sqlite_only_ --nocapture fuzz_; \
	else \
	  echo "fuzz: TEST_DATABASE_URL is not set: no PostgreSQL pass"; \
	fi

bench:
	$(say) "bench: V2MOM list, 100 vs 10,000 V2MOMs (ratios)"
	cargo bench --features ssr --bench v2mom_list
	$(say) "bench: team progress, 20 vs 200 reports (ratio)"
	cargo bench --features ssr --bench team_progress
	$(say) "bench: pages under load, against /healthz (ratios), queries per page, the Express peer"
	@if command -v npm >/dev/null; then npm ci --prefix benches/peer --no-audit --no-fund --silent; \
	else echo "bench: npm not found: the Express peer is left out"; fi
	cargo bench --features ssr --bench pages
