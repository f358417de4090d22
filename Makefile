# Antrean — the commands a newcomer runs. Each target installs what it needs (Debian packages) and builds.
#   make run     simulate the bundled Samarinda scenario (release build)
#   make test    lint + the whole test suite + a short fuzz run of each fuzz target (what CI runs)
#   make fuzz    the fuzz targets for FUZZ_SECONDS each (default 3600; docs/fuzzing.md)
#   make bench   the benchmark suite (Benchmarks/, ordo-one/benchmark)
#   make city-bench  the city model's year-long runs (1 and 100 replications), wall time and memory
#   make peers   Antrean vs SimPy, Ciw and salabim on the same M/M/5 model, in one run
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := libsqlite3-dev libjemalloc-dev
SCENARIO ?= Simulations/samarinda.yaml
ARGS ?=
# Seconds per fuzz target: `make test` runs each briefly; `make fuzz` is the long campaign.
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_SECONDS ?= 3600
# Empty: every target; or a subset, e.g. FUZZ_TARGETS="FuzzTime FuzzToken".
FUZZ_TARGETS ?=

.PHONY: deps build release run test lint format fuzz fuzz-smoke bench city-bench peers clean clean-modules

# Installs the Debian packages that are missing (apt-get update only when something is).
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --product antrean

run: release
	.build/release/antrean simulate $(SCENARIO) $(ARGS)

lint:
	swift format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks \
	  Fuzz/Package.swift Fuzz/Sources

format:
	swift format format --in-place --recursive --parallel Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks

test: deps lint
	swift build --build-tests
	swift test --skip-build
	$(MAKE) fuzz-smoke

# Replays Fuzz/Regressions, then fuzzes each target briefly (its own build in Fuzz/.build, ~5 min the
# first time). ANTREAN_FUZZ_REGRESSIONS=skip leaves the regression inputs out (docs/fuzzing.md).
fuzz-smoke: deps
	Fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

fuzz: deps
	Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

city-bench: deps
	Benchmarks/city-year.sh

peers: deps
	Benchmarks/compare-peers.sh

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build

# Forces the project's own modules to recompile (dependencies stay built): an incremental build can keep
# a dependent module compiled against a struct's old layout (swiftlang/swift-package-manager#10502).
clean-modules:
	for d in .build/*/debug .build/*/release; do \
	  rm -rf $$d/Antrean*.build $$d/antrean.build $$d/Modules/Antrean* $$d/description.json; \
	done
