#!/usr/bin/env bash
# Resident memory of `antrean serve` with a year of Samarinda's bookings in its store
# (docs/server.md#speed): fills a fresh store through `antrean replay` with a year of requests
# (scripts/serve-load-data.py year: 400,000 new citizens over the weekdays of 2026, population-weighted
# home offices, a no-show release each morning), starts the server on it the next Monday, and reads the
# kernel's VmRSS (now) and VmHWM (peak) of the process at idle, after availability reads over every office
# at a fixed rate, and after bookings.
#
#   scripts/serve-memory.sh [BOOKINGS]
# Environment: ANTREAN (a built binary; default: build the release product), READ_RATE (2000),
# LOAD_SECONDS (20), KEYS (the requests' idempotency keys: uuid, as portals send, the default; or short).
set -euo pipefail
cd "$(dirname "$0")/.."
bookings=${1:-400000}
read_rate=${READ_RATE:-2000}
load_seconds=${LOAD_SECONDS:-20}
if [ -z "${ANTREAN:-}" ]; then
  swift build -c release --product antrean >&2
  ANTREAN=$(swift build -c release --show-bin-path)/antrean
fi
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cc -O2 -Wall -o "$work/openload" Benchmarks/openload/openload.c
"$ANTREAN" secrets generate --output "$work/pepper" >/dev/null
"$ANTREAN" secrets generate --output "$work/token" >/dev/null
mapfile -t offices < <(python3 scripts/serve-load-data.py config "$work")
key=$("$ANTREAN" keys create --keys "$work/keys.json" --client memory --role portal 2>/dev/null)

python3 scripts/serve-load-data.py year "$work/year.jsonl" --bookings "$bookings" --keys "${KEYS:-uuid}"
started=$(date +%s.%N)
"$ANTREAN" replay "$work/year.jsonl" --config "$work/config.json" --store "$work/store.sqlite" \
  --group-commit 4096 --sync NORMAL | tail -1 >"$work/replay-summary"
echo "replay of $(wc -l <"$work/year.jsonl") request lines: $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s"
cat "$work/replay-summary"
echo "store: $(du -h "$work/store.sqlite" | cut -f1), bookings by state:"
python3 - "$work/store.sqlite" <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("select state, count(*) from booking group by state").fetchall()
print("  " + ", ".join(f"{state} {count}" for state, count in rows), f"(total {sum(c for _, c in rows)})")
PY

started=$(date +%s.%N)
"$ANTREAN" serve --config "$work/config.json" --store "$work/store.sqlite" --keys "$work/keys.json" \
  --listen 127.0.0.1:0 --rate-limit 1000000000 --burst 1000000000 --log-level warning \
  --clock-start 2027-01-05T07:00:00+08:00 >"$work/serve.out" 2>"$work/serve.log" &
server=$!
until grep -q listening "$work/serve.out" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 70; }
  sleep 0.1
done
echo "server ready after $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s (restoring the store);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/serve.out" | head -1)
memory() { echo "$1: $(grep -E '^(VmRSS|VmHWM)' "/proc/$server/status" | tr -s ' \t' ' ' | paste -sd,)"; }
sleep 5
memory "idle, 5 s after start (VmHWM: the peak, which is the restore)"
paths=()
for office in "${offices[@]}"; do paths+=(--get "/v1/availability?service=ktp&office=$office&limit=10"); done
"$work/openload" --port "$port" --rate "$read_rate" --duration "$load_seconds" --warmup 2 --connections 32 \
  --header "Authorization: Bearer $key" "${paths[@]}" | tail -2
memory "after $load_seconds s of availability reads over all ${#offices[@]} offices at $read_rate/s"
office_list=$(IFS=,; echo "${offices[*]}")
"$work/openload" --port "$port" --rate 1000 --duration "$load_seconds" --warmup 2 --connections 64 \
  --header "Authorization: Bearer $key" --book "$office_list" --first 60000000 | tail -2
memory "after $load_seconds s of bookings at 1000/s"
kill -TERM "$server"
wait "$server" || true
server=
