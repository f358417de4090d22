#!/usr/bin/env bash
# Load measurement of `antrean serve` with wrk (Debian's wrk) on loopback, as in docs/server.md:
# availability reads, then durable bookings (each a new citizen, policy-placed, with its own
# Idempotency-Key), against a release build on a fresh store with 60 offices.
#   scripts/serve-load.sh [SECONDS] [CONNECTIONS]
# wrk is a closed-loop generator (each connection waits for its answer), so its latencies understate
# the tail under overload (coordinated omission); the figures are throughput and latency at that load.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 69; }
swift build -c release --product antrean >&2
antrean=$(swift build -c release --show-bin-path)/antrean
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$antrean" secrets generate --output "$work/pepper" 2>/dev/null
"$antrean" secrets generate --output "$work/token" 2>/dev/null
python3 - "$work/config.json" <<'PY'
import json, sys
offices = [{"id": f"kel-{i:03d}", "kecamatan": f"kec-{i % 10}",
            "services": [{"service": "ktp", "counters": 10, "slotCapacity": 20}]} for i in range(60)]
json.dump({"offices": offices, "services": [{"id": "ktp", "meanServiceMinutes": 10}],
           "rules": {"slotMinutes": 15, "bookingHorizonDays": 30, "maxActiveBookingsPerNIK": 2, "utcOffsetHours": 8},
           "nikPepperFile": "pepper", "tokenKeys": [{"id": "k1", "secretFile": "token"}]}, open(sys.argv[1], "w"))
PY
key=$("$antrean" keys create --keys "$work/keys.json" --client load --role admin 2>/dev/null)
"$antrean" serve --config "$work/config.json" --store "$work/store.sqlite" --keys "$work/keys.json" \
  --listen 127.0.0.1:0 --rate-limit 1000000 --burst 1000000 --log-level error \
  --clock-start 2026-11-23T07:00:00+08:00 > "$work/serve.out" &
server=$!
until grep -q listening "$work/serve.out" 2>/dev/null; do sleep 0.2; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/serve.out" | head -1)
echo "antrean serve on port $port (pid $server), $connections connections, $seconds s per run"

cat > "$work/book.lua" <<'LUA'
-- Each request a new citizen (distinct NIK) booking at a home office, with its own Idempotency-Key.
local counter = 0
local thread_id = 0
local threads = {}
function setup(thread) thread_id = thread_id + 1; thread:set("tid", thread_id); table.insert(threads, thread) end
function request()
  counter = counter + 1
  local month = string.format("%02d", tid)
  local day = string.format("%02d", (counter // 9999) % 28 + 1)
  local serial = string.format("%04d", counter % 9999 + 1)
  local nik = "647201" .. day .. month .. "90" .. serial
  local office = string.format("kel-%03d", counter % 60)
  local body = '{"nik":"' .. nik .. '","service":"ktp","homeOffice":"' .. office .. '"}'
  local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. KEY,
                   ["Idempotency-Key"] = "load-" .. tid .. "-" .. counter}
  return wrk.format("POST", "/v1/bookings", headers, body)
end
local statuses = {}
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
LUA
sed -i "1i KEY = \"$key\"" "$work/book.lua"
cat > "$work/read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $key"
LUA

echo "== availability reads (GET /v1/availability?service=ktp&office=kel-007&limit=10)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/read.lua" \
  "http://127.0.0.1:$port/v1/availability?service=ktp&office=kel-007&limit=10"
echo "== durable bookings (POST /v1/bookings, SQLite synchronous=FULL, group commit)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/book.lua" "http://127.0.0.1:$port/v1/bookings"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^antrean_(bookings_total|store_commits_total|store_committed_operations_total|refusals_total)' || true
echo "resident memory of the server: $(ps -o rss= -p $server) KiB"
kill -TERM $server; wait $server || true
