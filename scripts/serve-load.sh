#!/usr/bin/env bash
# Load measurement of `antrean serve` on loopback (docs/server.md#speed):
#   1. the highest rate, with wrk (Debian's wrk, closed loop): availability reads, then durable bookings
#      (each request a new citizen placed by the policy from a home office, with its own Idempotency-Key);
#   2. latency at a fixed arrival rate, half of that highest rate, with Benchmarks/openload (open model:
#      request i is due at t0 + i/rate whatever the answers, and its latency counts from then, which
#      corrects for coordinated omission);
#   3. the store's group-commit batches and the server's resident memory;
#   and for each phase the server's CPU time per request answered.
# The server runs a release build on a fresh store in a temporary folder, with new secrets and a portal
# key, the bundled configuration's rules and services over Samarinda's 59 kelurahan offices
# (scripts/serve-load-data.py), per-key rate limits lifted, and --log-level as given (default info, as
# deployed: one log line per request).
#
#   scripts/serve-load.sh [SECONDS] [CONNECTIONS]
# Environment: ANTREAN (a built binary; default: build the release product), OPEN_SECONDS (30),
# WRK_THREADS (1), LOG_LEVEL (info), SYNC (FULL), READ_RATE / BOOK_RATE (open-model rates instead of half
# the measured maxima), CEILING (a built Benchmarks/ceiling binary: its trivial route is measured right
# after the open-model reads at the same rate, the framework's floor at that moment).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
open_seconds=${OPEN_SECONDS:-30}
wrk_threads=${WRK_THREADS:-1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 69; }
command -v cc >/dev/null || { echo "a C compiler is missing: apt-get install gcc" >&2; exit 69; }
if [ -z "${ANTREAN:-}" ]; then
  swift build -c release --product antrean >&2
  ANTREAN=$(swift build -c release --show-bin-path)/antrean
fi
work=$(mktemp -d)
server=
ceiling=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$ceiling" ] && kill "$ceiling" 2>/dev/null; rm -rf "$work"' EXIT
cc -O2 -Wall -o "$work/openload" Benchmarks/openload/openload.c

"$ANTREAN" secrets generate --output "$work/pepper" >/dev/null
"$ANTREAN" secrets generate --output "$work/token" >/dev/null
mapfile -t offices < <(python3 scripts/serve-load-data.py config "$work")
key=$("$ANTREAN" keys create --keys "$work/keys.json" --client load --role portal 2>/dev/null)
"$ANTREAN" serve --config "$work/config.json" --store "$work/store.sqlite" --keys "$work/keys.json" \
  --listen 127.0.0.1:0 --rate-limit 1000000000 --burst 1000000000 --log-level "${LOG_LEVEL:-info}" \
  --sync "${SYNC:-FULL}" --clock-start 2026-11-23T07:00:00+08:00 >"$work/serve.out" 2>"$work/serve.log" &
server=$!
until grep -q listening "$work/serve.out" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 70; }
  sleep 0.2
done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/serve.out" | head -1)
base="http://127.0.0.1:$port"
read_path="/v1/availability?service=ktp&office=${offices[7]}&limit=10"
echo "antrean serve (pid $server) on port $port: ${#offices[@]} offices, log level ${LOG_LEVEL:-info}," \
  "sync ${SYNC:-FULL}; wrk -t$wrk_threads -c$connections ${seconds}s; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "KEY = \"$key\""
  printf 'OFFICES = {'
  printf '"%s",' "${offices[@]}"
  echo '}'
  cat Benchmarks/openload/wrk-book.lua
} >"$work/book.lua"
echo "wrk.headers[\"Authorization\"] = \"Bearer $key\"" >"$work/read.lua"

rate_of() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
# The server's CPU (user + system) per request of a phase: its clock ticks before and after, over the
# requests the phase answered (wrk's count; openload's statuses, warm-up included).
ticks_per_second=$(getconf CLK_TCK)
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
answered() {
  sed -n -e 's/^ *\([0-9]*\) requests in .*/\1/p' \
    -e 's/.*status 2xx \([0-9]*\) 3xx \([0-9]*\) 4xx \([0-9]*\) 5xx \([0-9]*\) other \([0-9]*\).*/\1 \2 \3 \4 \5/p' "$1" \
    | awk '{ for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }'
}
cpu_per_request() {  # ticks before, ticks after, phase output
  python3 -c "print(f'{($2 - $1) / $ticks_per_second / max(1, $(answered "$3")) * 1e6:.1f}')"
}

echo "== 1a. availability reads, closed loop (wrk): GET $read_path"
t0=$(server_ticks)
wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$work/read.lua" "$base$read_path" | tee "$work/wrk-read"
t1=$(server_ticks)
cpu_wrk_read=$(cpu_per_request "$t0" "$t1" "$work/wrk-read")
echo "== 1b. durable bookings, closed loop (wrk): POST /v1/bookings, new citizen each"
t0=$(server_ticks)
wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$work/book.lua" "$base/v1/bookings" | tee "$work/wrk-book"
t1=$(server_ticks)
cpu_wrk_book=$(cpu_per_request "$t0" "$t1" "$work/wrk-book")

read_rate=${READ_RATE:-$(python3 -c "print(round(float('$(rate_of "$work/wrk-read")') / 2))")}
book_rate=${BOOK_RATE:-$(python3 -c "print(round(float('$(rate_of "$work/wrk-book")') / 2))")}
echo "== 2a. availability reads, open model at $read_rate/s (openload, ${open_seconds}s after 5 s warm-up)"
t0=$(server_ticks)
"$work/openload" --port "$port" --rate "$read_rate" --duration "$open_seconds" --warmup 5 --connections 64 \
  --header "Authorization: Bearer $key" --get "$read_path" | tee "$work/open-read" || echo "(openload: some requests failed)"
t1=$(server_ticks)
cpu_open_read=$(cpu_per_request "$t0" "$t1" "$work/open-read")
if [ -n "${CEILING:-}" ]; then
  # The framework's floor at the same moment: the trivial Hummingbird route (Benchmarks/ceiling) under
  # the same open model, so that a tail the machine causes shows in both.
  ceiling_port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  "$CEILING" "$ceiling_port" >"$work/ceiling.out" 2>&1 &
  ceiling=$!
  until curl -s -o /dev/null "http://127.0.0.1:$ceiling_port/v1/availability"; do sleep 0.2; done
  echo "== 2a'. the framework's floor: the trivial route (pid $ceiling), open model at $read_rate/s"
  "$work/openload" --port "$ceiling_port" --rate "$read_rate" --duration "$open_seconds" --warmup 5 --connections 64 \
    --get /v1/availability | tee "$work/open-ceiling" || echo "(openload: some requests failed)"
  kill "$ceiling"
  ceiling=
fi
echo "== 2b. durable bookings, open model at $book_rate/s (openload, ${open_seconds}s after 5 s warm-up)"
office_list=$(IFS=,; echo "${offices[*]}")
t0=$(server_ticks)
"$work/openload" --port "$port" --rate "$book_rate" --duration "$open_seconds" --warmup 5 --connections 128 \
  --header "Authorization: Bearer $key" --book "$office_list" --first 50000000 | tee "$work/open-book" \
  || echo "(openload: some requests failed)"
t1=$(server_ticks)
cpu_open_book=$(cpu_per_request "$t0" "$t1" "$work/open-book")

echo "== 3. store and memory"
curl -s "$base/metrics" | grep -E '^antrean_(bookings_total|store_commits_total|store_committed_operations_total|refusals_total|availability_cache_total)' \
  | tee "$work/metrics" || true
grep -E '^(VmHWM|VmRSS)' "/proc/$server/status" | tee "$work/memory"
echo "bookings in the store: $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from booking').fetchone()[0])" "$work/store.sqlite" 2>/dev/null || echo '?')"
kill -TERM "$server"
wait "$server" || true
server=

# The figures the README's speed table takes, from the runs above.
p99_wrk() { awk '$1 == "99%" { print $2 }' "$1"; }
p99_open() { sed -n 's/^latency from intended send (ms): .* p99 \([0-9.]*\) .*/\1 ms/p' "$1"; }
metric() { awk -v name="$1" '$1 == name { printf "%d", $2 }' "$work/metrics"; }
commits=$(metric antrean_store_commits_total)
operations=$(metric antrean_store_committed_operations_total)
echo "== summary (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "reads:    wrk $(rate_of "$work/wrk-read") req/s, p99 $(p99_wrk "$work/wrk-read"); open model at $read_rate/s: p99 $(p99_open "$work/open-read")"
echo "bookings: wrk $(rate_of "$work/wrk-book") req/s, p99 $(p99_wrk "$work/wrk-book"); open model at $book_rate/s: p99 $(p99_open "$work/open-book")"
[ -n "${CEILING:-}" ] && echo "framework floor (trivial route) at $read_rate/s: p99 $(p99_open "$work/open-ceiling")"
echo "server CPU per request (µs): reads wrk $cpu_wrk_read, open $cpu_open_read; bookings wrk $cpu_wrk_book, open $cpu_open_book"
echo "group commit: $operations operations in $commits commits (mean batch $(python3 -c "print(f'{$operations / max(1, $commits):.1f}')"))"
echo "memory: $(tr -s ' \t' ' ' <"$work/memory" | paste -sd,)"
