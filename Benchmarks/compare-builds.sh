#!/usr/bin/env bash
# Compares two or more builds of `antrean` on the city year, fairly on a shared machine: the binaries
# take turns (A B A B …) so that a slow minute hits all of them, and the minimum and median user CPU
# time of each are printed (steal time and neighbours only ever add, so the minimum is the steadiest
# figure). Also checks that every build writes byte-identical JSON, as a speed change must.
#
# Usage: Benchmarks/compare-builds.sh OLD_BINARY NEW_BINARY [MORE…]
#   ROUNDS (default 7), DAYS (default 365: a working year of 255 open days), SCENARIO.
# Keep a copy of the old binary first, e.g. `cp .build/release/antrean /tmp/antrean-old`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-7}
DAYS=${DAYS:-365}
SCENARIO=${SCENARIO:-Simulations/samarinda.yaml}
[ $# -ge 2 ] || { sed -n 2,10p "$0"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq "$ROUNDS"); do
  index=0
  for binary in "$@"; do
    index=$((index + 1))
    /usr/bin/time -f "%U" -o "$work/time" "$binary" simulate "$SCENARIO" --days "$DAYS" --replications 1 \
      --threads 1 --format json > "$work/out-$index.json"
    cat "$work/time" >> "$work/times-$index"
  done
  echo "round $round of $ROUNDS done" >&2
done
index=0
for binary in "$@"; do
  index=$((index + 1))
  sort -n "$work/times-$index" | awk -v name="$binary" '{ t[NR] = $1 }
    END { printf "%s: user s min %.2f, median %.2f, max %.2f (%d runs)\n", name, t[1], t[int((NR + 1) / 2)], t[NR], NR }'
  if ! cmp -s "$work/out-1.json" "$work/out-$index.json"; then echo "  output differs from $1" >&2; fi
done
