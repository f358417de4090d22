#!/usr/bin/env bash
# The long fuzzing campaign, measured in CPU time and resumable.
#
#   Fuzz/campaign.sh [CPU_SECONDS] [TARGET...]     e.g. Fuzz/campaign.sh 3600, Fuzz/campaign.sh 3600 FuzzStore
#   Fuzz/campaign.sh --summary [TARGET...]         the table of what has been run so far
#
# Each target is fuzzed until it has had CPU_SECONDS (default 3600) of CPU time in all, counted with
# /usr/bin/time over every chunk it ran. Why CPU and not wall time: on a shared machine libFuzzer's
# -max_total_time (wall) can pass with the fuzzer starved, so "an hour each" would not say how much
# fuzzing was done. The runs go in chunks of at most 15 minutes of wall time; the CPU each chunk used is
# added to Fuzz/.build/campaign/<target>/cpu, so a campaign stopped by a reboot or the end of a working
# session goes on where it was when started again, on the corpus it had grown (Fuzz/.build/corpus).
# A chunk that crashes leaves its input in Fuzz/Crashes/<target>/ (as run.sh does) and the campaign goes
# on with the next chunk. The exit status is 1 when any chunk of this invocation crashed, 0 otherwise.
# To stop a campaign (for calm measurements, or at the end of a working day), press Ctrl-C or send the
# script's own process SIGTERM (`kill PID`; a script started in the background with `&` ignores SIGINT,
# and a signal to its whole process group would kill its loops before they book). Each fuzzer is then
# interrupted (libFuzzer stops between inputs and exits with status 72), the CPU of the chunks in flight
# is booked, and the script exits 130; started again, it goes on. Never pause it with SIGSTOP:
# libFuzzer's -timeout counts wall time, so the input in flight would be reported as a timeout.
#
# Environment: ANTREAN_FUZZ_JOBS=N runs N targets at once (default 1). See docs/fuzzing.md.
set -uo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCRATCH="$FUZZ_DIR/.build"
STATE="$SCRATCH/campaign"
# The one list of targets is run.sh's.
read -r -a ALL_TARGETS <<<"$(sed -n 's/^ALL_TARGETS=(\(.*\))$/\1/p' "$FUZZ_DIR/run.sh")"

summary_only=false
if [ "${1:-}" = --summary ]; then
  summary_only=true
  shift
  BUDGET=0
else
  BUDGET="${1:-3600}"
  shift || true
  if ! [[ "$BUDGET" =~ ^[0-9]+$ ]]; then
    echo "usage: Fuzz/campaign.sh [CPU_SECONDS] [TARGET...] | --summary [TARGET...]" >&2
    exit 64
  fi
fi
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
  if [[ ! " ${ALL_TARGETS[*]} " =~ " $target " ]]; then
    echo "campaign.sh: unknown target '$target' (targets: ${ALL_TARGETS[*]})" >&2
    exit 64
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "campaign.sh: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 69
fi

# Reads a number kept in the target's state folder, 0 when absent.
state_value() { cat "$STATE/$1/$2" 2>/dev/null || echo 0; }

# Counts the files of the target's Crashes folder whose names start with one of the given prefixes.
count_artifacts() {
  local target="$1" prefix count=0
  shift
  for prefix in "$@"; do
    count=$((count + $(find "$FUZZ_DIR/Crashes/$target" -type f -name "$prefix*" ! -name '*.log' 2>/dev/null | wc -l)))
  done
  echo "$count"
}

# Crashes are libFuzzer's crash-, leak-, timeout- and oom- artifacts. Its slow-unit- files are not: they
# are inputs that ran longer than -report_slow_units (10 s) without failing, which on a contended machine
# says more about the load than about the code, so they get a column of their own.
print_summary() {
  echo "| Target | CPU (s) | Wall (s) | Chunks | Runs | Runs per CPU-s | Coverage (edges) | Corpus | Crashes | Slow units |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  local target
  for target in "${TARGETS[@]}"; do
    local cpu wall chunks runs cov corpus crashes slow rate
    cpu=$(state_value "$target" cpu)
    wall=$(state_value "$target" wall)
    chunks=$(state_value "$target" chunks)
    runs=$(state_value "$target" runs)
    cov=$(state_value "$target" coverage)
    corpus=$(find "$SCRATCH/corpus/$target" -type f 2>/dev/null | wc -l)
    crashes=$(count_artifacts "$target" crash- leak- timeout- oom-)
    slow=$(count_artifacts "$target" slow-unit-)
    rate=$(awk -v r="$runs" -v c="$cpu" 'BEGIN { if (c > 0) printf "%.0f", r / c; else print "–" }')
    printf '| %s | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$target" "$cpu" "$wall" "$chunks" "$runs" "$rate" "$cov" "$corpus" "$crashes" "$slow"
  done
}

if $summary_only; then
  print_summary
  exit 0
fi

# Builds the targets and replays the regression inputs: a campaign on a build that fails them is wasted.
if ! ANTREAN_FUZZ_REGRESSIONS=only "$FUZZ_DIR/run.sh" 0 "${TARGETS[@]}"; then
  echo "campaign.sh: the build or a regression input failed; fix that first" >&2
  exit 1
fi
BIN="$(swift build --package-path "$FUZZ_DIR" --scratch-path "$SCRATCH" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}"
CHUNK_WALL_LIMIT=900
INTERRUPTED_STATUS=72  # libFuzzer's -interrupted_exit_code: SIGINT, not a crash

campaign_target() {
  local target="$1" dir="$STATE/$1"
  local work="$SCRATCH/corpus/$target" crashes="$FUZZ_DIR/Crashes/$target"
  mkdir -p "$dir" "$work" "$crashes"
  local dict=()
  [ -f "$FUZZ_DIR/Dictionaries/$target.dict" ] && dict=(-dict="$FUZZ_DIR/Dictionaries/$target.dict")
  local crashed=0
  while :; do
    local cpu remaining chunk
    cpu=$(state_value "$target" cpu)
    remaining=$(awk -v b="$BUDGET" -v c="$cpu" 'BEGIN { r = b - c; printf "%d", (r > 0 ? r + 0.999 : 0) }')
    [ "$remaining" -le 0 ] && break
    chunk=$((remaining < CHUNK_WALL_LIMIT ? remaining : CHUNK_WALL_LIMIT))
    local log="$dir/chunk.log" times="$dir/chunk.time" started
    started=$(date +%s)
    /usr/bin/time -f '%U %S' -o "$times" \
      "$BIN/$target" -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 -max_total_time="$chunk" \
      -print_final_stats=1 -close_fd_mask=2 -artifact_prefix="$crashes/" "${dict[@]}" \
      "$work" "$FUZZ_DIR/Corpus/$target" >"$log" 2>&1
    local status=$? wall used runs cov
    wall=$(($(date +%s) - started))
    # /usr/bin/time writes "Command exited with non-zero status N" first when the fuzzer failed.
    used=$(tail -1 "$times" | awk '{ printf "%.2f", $1 + $2 }')
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
    awk -v a="$cpu" -v b="$used" 'BEGIN { printf "%.2f\n", a + b }' >"$dir/cpu"
    echo $(($(state_value "$target" wall) + wall)) >"$dir/wall"
    echo $(($(state_value "$target" chunks) + 1)) >"$dir/chunks"
    echo $(($(state_value "$target" runs) + ${runs:-0})) >"$dir/runs"
    [ -n "$cov" ] && echo "$cov" >"$dir/coverage"
    printf '%s\t%s\twall=%s\tcpu=%s\truns=%s\tcov=%s\tstatus=%s\n' "$(date -u +%FT%TZ)" "$target" \
      "$wall" "$used" "${runs:-?}" "${cov:-?}" "$status" >>"$STATE/chunks.tsv"
    if [ "$status" -eq "$INTERRUPTED_STATUS" ]; then
      echo "   stopped  $target (chunk of ${used}s CPU booked; $(state_value "$target" cpu) of $BUDGET)"
      break
    fi
    if [ "$status" -ne 0 ]; then
      crashed=1
      echo "   CRASH    $target (chunk log kept as $dir/crash-$(date +%s).log; inputs in $crashes)"
      cp "$log" "$dir/crash-$(date +%s).log"
    fi
  done
  return $crashed
}

mkdir -p "$STATE"
echo "== fuzzing ${TARGETS[*]} to $BUDGET CPU-seconds each (state: $STATE)"
JOBS="${ANTREAN_FUZZ_JOBS:-1}"
failed=0
running=0
stopping=false
# SIGINT or SIGTERM: interrupt the fuzzers (not this script's loops: they book the chunk and return).
stop() {
  stopping=true
  echo "== stopping: each fuzzer finishes its input, its chunk is booked" >&2
  pkill -INT -f "^$BIN/" 2>/dev/null || true
}
trap stop INT TERM
# Waits for one target's loop; a wait cut short by the signal (status > 128) is not a loop's end.
wait_one() {
  local status
  while :; do
    wait -n
    status=$?
    if [ "$status" -gt 128 ] && $stopping; then continue; fi
    [ "$status" -ne 0 ] && failed=1
    running=$((running - 1))
    return
  done
}
for target in "${TARGETS[@]}"; do
  $stopping && break
  campaign_target "$target" &
  running=$((running + 1))
  [ "$running" -ge "$JOBS" ] && wait_one
done
while [ "$running" -gt 0 ]; do wait_one; done
print_summary
if $stopping; then
  echo "== stopped; the same command goes on where it was"
  exit 130
fi
exit $failed
