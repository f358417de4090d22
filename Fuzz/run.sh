#!/usr/bin/env bash
# Builds Antrean's libFuzzer targets (the package in this folder) and runs each for a bounded time.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     e.g. Fuzz/run.sh 20, Fuzz/run.sh 3600 FuzzStore
#
# SECONDS (default 20) is each target's -max_total_time; TARGET defaults to all of them. Before
# fuzzing, every input in Fuzz/Regressions/<target>/ is replayed once: inputs that crashed before and
# must not crash again. New crashes go to Fuzz/Crashes/<target>/ (crash-…, timeout-…, oom-…), each with
# a .log of its replay (message and stack). The exit status is 1 when any regression input or any fuzzed
# input crashed, 0 otherwise. Inputs libFuzzer finds interesting are kept between runs in
# Fuzz/.build/corpus/<target>/ (never in the committed seed corpus, Fuzz/Corpus/<target>/).
#
# Environment:
#   ANTREAN_FUZZ_REGRESSIONS=skip   do not replay Fuzz/Regressions (the smoke run while known crashes
#                                   are still being fixed elsewhere); =only replays them and fuzzes nothing
#   ANTREAN_FUZZ_JOBS=N             run N targets at once (default 1: the machine may be shared)
#   ANTREAN_FUZZ_FLAGS="…"          extra libFuzzer flags for the fuzzing runs
# See docs/fuzzing.md.
set -uo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$FUZZ_DIR")"
ALL_TARGETS=(FuzzScenario FuzzReplayRequest FuzzTime FuzzToken FuzzStore FuzzFitLog FuzzClientKeys FuzzAvailabilityQuery)
SECONDS_PER_TARGET="${1:-20}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")
REGRESSIONS="${ANTREAN_FUZZ_REGRESSIONS:-run}"
JOBS="${ANTREAN_FUZZ_JOBS:-1}"

if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]]; then
  echo "usage: Fuzz/run.sh [SECONDS] [TARGET...]   (targets: ${ALL_TARGETS[*]})" >&2
  exit 64
fi
for target in "${TARGETS[@]}"; do
  if [[ ! " ${ALL_TARGETS[*]} " =~ " $target " ]]; then
    echo "run.sh: unknown target '$target' (targets: ${ALL_TARGETS[*]})" >&2
    exit 64
  fi
done
# SwiftPM names a package by its folder: a checkout in a folder named "fuzz" would have the same
# identity as this package ("Fuzz") and SwiftPM would not find the main package's products.
if [ "$(basename "$ROOT" | tr '[:upper:]' '[:lower:]')" = fuzz ]; then
  echo "run.sh: the repository's folder is named '$(basename "$ROOT")', which SwiftPM confuses with Fuzz/;" \
    "clone or link it under another name" >&2
  exit 64
fi

cd "$ROOT" || exit 66
SCRATCH="$FUZZ_DIR/.build"
# -parse-as-library: the targets have no top-level code; libFuzzer's driver is the program.
BUILD_FLAGS=(--package-path "$FUZZ_DIR" --scratch-path "$SCRATCH" -c debug
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
BUILD_LOG="$SCRATCH/build.log"
mkdir -p "$SCRATCH"
echo "== building the fuzz targets (log: $BUILD_LOG)"
build_start=$(date +%s)
if ! swift build "${BUILD_FLAGS[@]}" >"$BUILD_LOG" 2>&1; then
  # The linker warns about every sanitizer symbol it cannot export; the rest is the real error.
  grep -v "Cannot export local symbol" "$BUILD_LOG" | tail -40 >&2
  echo "run.sh: the build failed" >&2
  exit 70
fi
echo "   built in $(($(date +%s) - build_start)) s"
BIN="$(swift build "${BUILD_FLAGS[@]}" --show-bin-path)"

# The Swift runtime's own backtracer would hold a crashing process for interactive use; libFuzzer's
# handler prints the stack instead. Leak checking is off: a leak is not a crash, and the Swift runtime's
# caches look like leaks to LeakSanitizer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}"
COMMON_FLAGS=(-timeout=20 -rss_limit_mb=2048 -detect_leaks=0)

failures=0
report() { echo "$1" >>"$SCRATCH/failures.txt"; }
rm -f "$SCRATCH/failures.txt"

# Replays one input; prints its message and stack to $2 when it crashes.
replay_input() {
  local target="$1" input="$2" log="$3"
  "$BIN/$target" "${COMMON_FLAGS[@]}" -runs=1 "$input" >"$log" 2>&1
}

replay_regressions() {
  local target="$1" folder="$FUZZ_DIR/Regressions/$target"
  [ -d "$folder" ] || return 0
  local input
  for input in "$folder"/*; do
    [ -f "$input" ] || continue
    case "$input" in *.md | *.txt) continue ;; esac
    local log="$SCRATCH/regression-$target-$(basename "$input").log"
    if replay_input "$target" "$input" "$log"; then
      echo "   ok       $target regression $(basename "$input")"
    else
      echo "   CRASH    $target regression $(basename "$input") (log: $log)"
      grep -m1 -E "Fatal error|Precondition failed|Assertion failed|ERROR: " "$log" | sed 's/^/            /'
      report "$target regression $(basename "$input")"
    fi
  done
}

fuzz_target() {
  local target="$1"
  local work="$SCRATCH/corpus/$target" crashes="$FUZZ_DIR/Crashes/$target" log="$SCRATCH/fuzz-$target.log"
  mkdir -p "$work" "$crashes"
  local dict=()
  [ -f "$FUZZ_DIR/Dictionaries/$target.dict" ] && dict=(-dict="$FUZZ_DIR/Dictionaries/$target.dict")
  # -close_fd_mask=2: the targets' own stderr (a replay writes one line per malformed request) would
  # slow the run; a crash's message is recovered by replaying it below.
  # shellcheck disable=SC2086
  "$BIN/$target" "${COMMON_FLAGS[@]}" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
    -close_fd_mask=2 -artifact_prefix="$crashes/" "${dict[@]}" ${ANTREAN_FUZZ_FLAGS:-} \
    "$work" "$FUZZ_DIR/Corpus/$target" >"$log" 2>&1
  local status=$?
  local runs rate
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  if [ -z "$runs" ]; then # fork mode prints no final stats: its last status line instead
    local status_line
    status_line=$(grep -E '^#[0-9]+:' "$log" | tail -1)
    runs=$(echo "$status_line" | sed -E 's/^#([0-9]+):.*/\1/')
    rate=$(echo "$status_line" | grep -oE 'exec/s: [0-9]+' | grep -oE '[0-9]+')
  fi
  # A new artifact is replayed once with its stderr open, for the message the fuzzing run closed.
  local artifact new=()
  for artifact in "$crashes"/*; do
    [ -f "$artifact" ] || continue
    case "$artifact" in *.log) continue ;; esac
    if [ ! -f "$artifact.log" ]; then
      replay_input "$target" "$artifact" "$artifact.log"
      new+=("$artifact")
    fi
  done
  if [ "$status" -ne 0 ] || [ ${#new[@]} -gt 0 ]; then
    echo "   CRASH    $target after ${runs:-?} runs (${rate:-?}/s): log $log"
    for artifact in "${new[@]}"; do
      echo "            $artifact:"
      grep -m1 -E "Fatal error|Precondition failed|Assertion failed|ERROR: " "$artifact.log" | sed 's/^/              /'
    done
    report "$target fuzzing"
  else
    echo "   ok       $target: ${runs:-?} runs in ${SECONDS_PER_TARGET} s (${rate:-?}/s), corpus $(ls "$work" | wc -l) inputs"
  fi
}

if [ "$REGRESSIONS" != skip ]; then
  echo "== replaying Fuzz/Regressions"
  for target in "${TARGETS[@]}"; do replay_regressions "$target"; done
fi
if [ "$REGRESSIONS" != only ] && [ "$SECONDS_PER_TARGET" -gt 0 ]; then
  echo "== fuzzing ${TARGETS[*]} for $SECONDS_PER_TARGET s each"
  running=0
  for target in "${TARGETS[@]}"; do
    fuzz_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
      wait -n
      running=$((running - 1))
    fi
  done
  wait
fi

if [ -s "$SCRATCH/failures.txt" ]; then
  echo "== $(wc -l <"$SCRATCH/failures.txt") failure(s):"
  sed 's/^/   /' "$SCRATCH/failures.txt"
  exit 1
fi
echo "== no crash"
