#!/usr/bin/env bash
# Fuzzes `antrean serve` from its own OpenAPI document with schemathesis (docs/server.md, "Fuzzing the
# contract"): a debug build on the bundled configuration, fresh secrets, a fresh store and one client key
# per role in a temporary folder, on a free loopback port; schemathesis reads the served /openapi.yaml and
# runs its checks once with each role's key, so the 401/403 answers are exercised as well as the
# handlers. Any failure (a 5xx, a status, content type, header or body outside the document, a wrong
# answer to invalid data or an undocumented method) fails the script; schemathesis prints a curl that
# reproduces it, and the script prints how to start the same server again.
#
#   scripts/schemathesis.sh [-n EXAMPLES | -t SECONDS] [-s SEED] [-r "ROLE ..."]
#     -n  test cases per operation and phase, for each role (default 25)
#     -t  a time budget per role instead: fuzzing repeats until it is spent
#     -s  the seed (default 19); the same seed, bound and build send the same requests
#     -r  the roles to fuzz with (default: every role, and `unauthenticated`: a key the server never
#         made, so every protected operation must answer 401)
#   scripts/schemathesis.sh -i   only install schemathesis (what `make deps` runs)
#
# schemathesis comes from PyPI, pinned, in a virtual environment at .build-schemathesis/venv
# (`make deps` makes it; this script makes it too when it is missing).
# ANTREAN=path/to/antrean uses that binary instead of building the debug one.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
examples=25
seconds=
seed=19
roles="admin portal call_centre desk kiosk display unauthenticated"
install_only=
while getopts "n:t:s:r:i" option; do
  case $option in
    n) examples=$OPTARG ;;
    t) seconds=$OPTARG ;;
    s) seed=$OPTARG ;;
    r) roles=$OPTARG ;;
    i) install_only=1 ;;
    *) sed -n '10,17p' "$0" >&2; exit 64 ;;
  esac
done

venv=.build-schemathesis/venv
if ! compgen -G "$venv/lib/python3*/site-packages/schemathesis-$SCHEMATHESIS_VERSION.dist-info" >/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
[ -z "$install_only" ] || exit 0

# ANTREAN=path/to/antrean uses that binary instead of building the debug one.
if [ -z "${ANTREAN:-}" ]; then
  swift build --product antrean >&2
  ANTREAN="$(swift build --show-bin-path)/antrean"
fi
antrean=$ANTREAN

work=$(mktemp -d)
server=
stop_server() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=
}
trap 'stop_server; rm -rf "$work"' EXIT

# The bundled configuration, with its secrets in the temporary folder instead of Simulations/replay/secrets.
mkdir -p "$work/secrets"
cp Simulations/replay/config.json "$work/config.json"
for name in nik-pepper token-2026a; do "$antrean" secrets generate --output "$work/secrets/$name" >/dev/null; done
declare -A key
for role in $roles; do
  if [ "$role" = unauthenticated ]; then
    key[$role]=antrean_00000000_$(printf 'x%.0s' $(seq 1 43))
  else
    key[$role]=$("$antrean" keys create --keys "$work/keys.json" --client "fuzz-$role" --role "$role" 2>/dev/null)
  fi
done
# The server needs one active key even when only `unauthenticated` is fuzzed.
"$antrean" keys create --keys "$work/keys.json" --client fuzz-spare --role display >/dev/null 2>&1

# A Monday morning with the offices open, so that bookings, check-ins and walk-ins reach the allocator.
# The rate limits are lifted: a 429 is in the document, but answering every request with it would
# hide everything behind it (the limiter has its own tests).
clock_start=2026-11-23T07:45:00+08:00
serve_options=(--config "$work/config.json" --store "$work/store.sqlite" --keys "$work/keys.json"
  --listen 127.0.0.1:0 --clock-start "$clock_start" --rate-limit 1000000 --burst 1000000
  --account-rate-limit 1000000 --log-level warning)
"$antrean" serve "${serve_options[@]}" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; echo "antrean serve did not start" >&2; exit 70; }
  sleep 0.1
done
base=$(sed -n 's/^antrean serve: listening on \(http:[^ ]*\)$/\1/p' "$work/serve.out" | head -1)
[ -n "$base" ] || { echo "antrean serve did not say where it listens" >&2; exit 70; }
curl -fsS "$base/readyz" >/dev/null

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
checks+=,response_headers_conformance,negative_data_rejection,missing_required_header,unsupported_method
if [ -n "$seconds" ]; then
  bound=(--max-time "$seconds") bound_text="$seconds s"
else
  bound=(--max-examples "$examples") bound_text="$examples examples per operation and phase"
fi
echo "schemathesis $SCHEMATHESIS_VERSION against $base (seed $seed; $bound_text, per role)"
failed=
for role in $roles; do
  echo "== role $role"
  # One worker and no example database: the seed alone decides the requests. The keys are throwaway
  # (this server's only), so the output is not sanitized and its curl lines work as printed.
  if ! "$venv/bin/st" run "$base/openapi.yaml" --url "$base" \
    --header "Authorization: Bearer ${key[$role]}" --checks "$checks" "${bound[@]}" \
    --seed "$seed" --workers 1 --generation-database none --output-sanitize false \
    --request-timeout 10 --no-color --suppress-health-check all; then
    failed+=" $role"
  fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; echo "antrean serve died" >&2; exit 70; }
done
if grep -q "request failed" "$work/serve.err"; then
  echo "the server logged a failed request:" >&2; grep "request failed" "$work/serve.err" >&2; failed+=" (log)"
fi
stop_server
if [ -n "$failed" ]; then
  echo "schemathesis found failures with the keys of:$failed" >&2
  echo "To reproduce: the same server is \`antrean serve ${serve_options[*]}\` (secrets from" \
    "\`antrean secrets generate\`, keys from \`antrean keys create\`); run the curl above with a key of that role," \
    "or this script again with -s $seed -r ROLE." >&2
  exit 1
fi
echo "schemathesis: no failures for roles: $roles"
