#!/usr/bin/env bash
# Renders antrean HTML reports in headless Chromium and saves a PNG screenshot of each, and checks
# that each page is well-formed XML (the reports are XHTML) and loads nothing from the network.
#
#   scripts/check-report.sh [REPORT.html ...]     # default: builds plan + compare reports from mm5
#
# Needs: chromium (Debian: apt-get install -y chromium), python3. Screenshots go next to the HTML.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$CHROMIUM" ]]; then
    echo "check-report: chromium not found (apt-get install -y chromium)" >&2
    exit 2
fi

reports=("$@")
if [[ ${#reports[@]} -eq 0 ]]; then
    out=${OUT:-.build/report-check}
    mkdir -p "$out"
    swift build --product antrean >/dev/null
    antrean=.build/debug/antrean
    # Three offices open 08-15 with a morning peak, 20 days per replication.
    scenario="$out/offices.yaml"
    cat > "$scenario" <<'YAML'
name: Three offices, one working day profile
run: { duration: 20d, replications: 10, seed: 1, wait_target: 15m }
queues:
  "Kelurahan Sidodadi & Co":
    counters: 2
    arrivals: { per_hour: [0,0,0,0,0,0,0,0, 14,22,18,12,8,10,6,0, 0,0,0,0,0,0,0,0] }
    service: lognormal(mean=6m, sd=3m)
  kec_samarinda_ulu:
    counters: 3
    arrivals: { per_hour: [0,0,0,0,0,0,0,0, 20,34,30,22,14,16,10,0, 0,0,0,0,0,0,0,0] }
    service: exponential(mean=5m)
  mpp:
    counters: 6
    arrivals: { per_hour: [0,0,0,0,0,0,0,0, 50,80,72,60,40,44,30,0, 0,0,0,0,0,0,0,0] }
    service: exponential(mean=4m)
YAML
    "$antrean" plan "$scenario" --target "p90 wait <= 15m" --report "$out/plan.html" >/dev/null
    "$antrean" compare "$scenario" --variant "today:queues.mpp.counters=6" --variant "one more at MPP:queues.mpp.counters=7" \
        --report "$out/compare.html" >/dev/null
    reports=("$out/plan.html" "$out/compare.html")
fi

status=0
for report in "${reports[@]}"; do
    # Well-formed XML and self-contained: no http(s) references except XML namespaces.
    python3 - "$report" <<'PY' || status=1
import re, sys, xml.etree.ElementTree as ET
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
ET.fromstring(text.encode("utf-8"))
external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', text) if not u.startswith("#")]
if external or "<script" in text:
    sys.exit(f"{path}: refers to external resources or scripts: {external[:5]}")
print(f"{path}: well-formed XHTML, self-contained, {text.count('<svg')} charts, {text.count('<table')} tables")
PY
    png="${report%.html}.png"
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2400 \
        --screenshot="$png" "file://$(realpath "$report")" >/dev/null 2>&1 || status=1
    if [[ -s "$png" ]]; then
        echo "$report → $png ($(stat -c %s "$png") bytes)"
    else
        echo "$report: no screenshot produced" >&2
        status=1
    fi
done
exit $status
