# Antrean — the commands a newcomer runs. Each target installs what it needs (Debian packages) and builds.
#   make run     simulate the bundled Samarinda scenario (release build); makes the replay demo's secrets
#   make replay-secrets  the replay demo's random secret files (git-ignored), if missing
#   make test    lint (style + a warning-free build) + the whole test suite + a short fuzz run of each
#                fuzz target + a short schemathesis run against `antrean serve` (what CI runs)
#   make contract-fuzz  schemathesis against `antrean serve` from its OpenAPI document, every role
#                (CONTRACT_FUZZ_ARGS, default a 60 s budget per role; docs/server.md)
#   make warnings  rebuilds the project's own modules and tests and fails on any compiler warning in them
#   make fuzz    the fuzz targets for FUZZ_SECONDS each (default 3600; docs/fuzzing.md)
#   make bench   the benchmark suite (Benchmarks/, ordo-one/benchmark)
#   make city-bench  the city model's year-long runs (1 and 100 replications), wall time and memory
#   make peers   Antrean vs SimPy, Ciw and salabim on the same M/M/5 model, in one run
#   make openapi-check  regenerates the server's OpenAPI code in a temporary folder and fails when the
#                committed Sources/AntreanServer/Generated differs (not in `make test`: see docs/server.md)
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# curl, jq: the README's `antrean serve` session (run by a test); php-cli, php-curl: the PHP client example's test;
# python3-venv: the virtual environment scripts/schemathesis.sh installs schemathesis (pinned, PyPI) into.
DEBIAN_PACKAGES := libsqlite3-dev libjemalloc-dev curl jq php-cli php-curl python3-venv time
SCENARIO ?= Simulations/samarinda.yaml
ARGS ?=
# Seconds per fuzz target: `make test` runs each briefly; `make fuzz` is the long campaign.
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_SECONDS ?= 3600
# Empty: every target; or a subset, e.g. FUZZ_TARGETS="FuzzTime FuzzToken".
FUZZ_TARGETS ?=
# scripts/schemathesis.sh options: `make test` runs a short bounded pass; `make contract-fuzz` a longer one.
CONTRACT_FUZZ_SMOKE_ARGS ?= -t 15 -r "admin display unauthenticated"
CONTRACT_FUZZ_ARGS ?= -t 60

REPLAY_SECRETS := Simulations/replay/secrets

.PHONY: deps build release run replay-secrets test lint warnings format fuzz fuzz-smoke bench city-bench peers \
  clean clean-modules openapi-check openapi-generate contract-fuzz contract-fuzz-smoke

# Installs the Debian packages that are missing (apt-get update only when something is).
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@scripts/schemathesis.sh -i

build: deps
	swift build

release: deps
	swift build -c release --product antrean

run: release replay-secrets
	.build/release/antrean simulate $(SCENARIO) $(ARGS)

# The secrets Simulations/replay/config.json names: made once from the OS's random source, mode 600,
# never committed (.gitignore) and never overwritten.
replay-secrets: release
	@for name in nik-pepper token-2026a; do \
	  [ -e $(REPLAY_SECRETS)/$$name ] || .build/release/antrean secrets generate --output $(REPLAY_SECRETS)/$$name; \
	done

# Style (swift format) and a warning-free build of the project's code (see warnings).
lint: warnings
	swift format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks \
	  Fuzz/Package.swift Fuzz/Sources

format:
	swift format format --in-place --recursive --parallel Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks

# Warnings are printed only when a file is compiled, so this first drops the project's compiled modules
# (the dependencies stay built, and their warnings are not ours): every file of Sources/ and Tests/ is
# compiled again and any "warning:" outside .build/checkouts fails the target (a macro expansion's warning
# names no file, so every other warning counts). SwiftPM's own note that a dependency's package ships
# files it does not declare (swift-distributed-tracing, through the server's Hummingbird) is about their
# manifest, not our code, and is left out. Costs a rebuild of the project's modules (about 200 s
# on the shared 2-core machine; the dependencies are not rebuilt).
warnings: deps clean-modules
	@mkdir -p .build
	set -o pipefail; swift build --build-tests 2>&1 | tee .build/warnings.log
	@found=$$(grep -E "warning:" .build/warnings.log | grep -v "/.build/checkouts/" \
	  | grep -vE "^warning: '[^']+': found [0-9]+ file\(s\) which are unhandled" | sort -u); \
	if [ -n "$$found" ]; then \
	  echo "$$found"; echo "make warnings: the build has warnings (above); fix them" >&2; exit 1; \
	fi; echo "make warnings: no warnings in the project's code"

test: deps lint
	swift test --skip-build
	$(MAKE) fuzz-smoke
	$(MAKE) contract-fuzz-smoke

# schemathesis against a fresh `antrean serve` (scripts/schemathesis.sh; docs/server.md).
contract-fuzz-smoke: deps
	scripts/schemathesis.sh $(CONTRACT_FUZZ_SMOKE_ARGS)

contract-fuzz: deps
	scripts/schemathesis.sh $(CONTRACT_FUZZ_ARGS)

# Replays Fuzz/Regressions, then fuzzes each target briefly (its own build in Fuzz/.build, ~5 min the
# first time). ANTREAN_FUZZ_REGRESSIONS=skip leaves the regression inputs out (docs/fuzzing.md).
fuzz-smoke: deps
	Fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

# The long campaign: FUZZ_SECONDS (default 3600) of CPU time per target, resumable (docs/fuzzing.md).
fuzz: deps
	Fuzz/campaign.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

city-bench: deps
	Benchmarks/city-year.sh

peers: deps
	Benchmarks/compare-peers.sh

# The server's generated OpenAPI code (scripts/openapi-generate.sh): the pinned generator is built once
# into .build-openapi (about 15 min on the shared 2-core machine, then seconds), so this is not part of
# `make test`; ServerContractTests there checks, in milliseconds, that the committed code was generated
# from the committed openapi.yaml and configuration.
openapi-check:
	scripts/openapi-generate.sh --check

openapi-generate:
	scripts/openapi-generate.sh

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build

# Forces the project's own modules to recompile (dependencies stay built): an incremental build can keep
# a dependent module compiled against a struct's old layout (swiftlang/swift-package-manager#10502).
clean-modules:
	for d in .build/*/debug .build/*/release; do \
	  rm -rf $$d/Antrean*.build $$d/antrean.build $$d/Modules/Antrean* $$d/description.json; \
	done
