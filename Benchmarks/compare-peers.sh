#!/usr/bin/env bash
# Times Antrean's M/M/5 (λ 4.5/min, μ 1/min) for N customers and then the Python peers (bare heapq,
# SimPy, Ciw, salabim) on the same model, in one run, and prints the speed ratios.
# Usage: Benchmarks/compare-peers.sh [CUSTOMERS]   (default 200000; salabim is slow: keep N modest)
# PEERS_DIR overrides the peers' folder (default: ../shared/peers beside the repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peers=${PEERS_DIR:-$repo/../shared/peers}
customers=${1:-200000}

swift build -c release --package-path "$here" --product mmc-throughput >&2
bin=$(swift build -c release --package-path "$here" --show-bin-path)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# Antrean: best of three runs of the same seed (the first pays page faults and cold caches).
for _ in 1 2 3; do "$bin/mmc-throughput" "$customers" 1; done | tee -a "$results"
"$peers/run.sh" "$customers" heapq simpy ciw salabim | tee -a "$results"

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
best = {}
for row in rows:
    if row["engine"] not in best or row["customers_per_s"] > best[row["engine"]]["customers_per_s"]:
        best[row["engine"]] = row
antrean = best["antrean"]["customers_per_s"]
print(f"antrean: {antrean:,} customers/s (best of 3), mean wait {best['antrean']['mean_wait']} "
      f"(Erlang C {best['antrean']['erlang_c_mean_wait']})")
for engine, row in best.items():
    if engine != "antrean":
        print(f"antrean / {engine}: {antrean / row['customers_per_s']:.0f}x "
              f"({row['customers_per_s']:,} customers/s, mean wait {row['mean_wait']})")
PY
