#!/usr/bin/env bash
# The city model's speed targets as a planner meets them, through the release CLI:
#   one replication of a working year on one thread: < 1 s, < 200 MB. A working year is ≈ 250 open
#   days: 365 calendar days (the bundled calendar's weekends and holidays leave 255 open days);
#   100 replications of that year on all cores: < 2 minutes, also < 200 MB (replications are summarised
#   as they finish, and the allocator retires settled past bookings, so memory does not grow with either).
# Prints wall time, CPU time and peak resident memory of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s release >/dev/null
SCENARIO=${SCENARIO:-Simulations/samarinda.yaml}
REPLICATIONS=${REPLICATIONS:-100}
measure() {
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak RSS" "$@" >/dev/null
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
measure "1 replication x 365 days (255 open), 1 thread" \
  .build/release/antrean simulate "$SCENARIO" --days 365 --replications 1 --threads 1 --format json
measure "the same with QR check-in (check_in: qr_token)" \
  .build/release/antrean simulate "$SCENARIO" --days 365 --replications 1 --threads 1 --format json \
  --param check_in=qr_token
measure "$REPLICATIONS replications x 365 days, $(nproc) threads" \
  .build/release/antrean simulate "$SCENARIO" --days 365 --replications "$REPLICATIONS" --format json
