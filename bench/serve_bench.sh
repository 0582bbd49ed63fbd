#!/usr/bin/env bash
# Serving speed of `dateline serve`: wrk (2 threads, 32 connections, 15 s)
# on /api/events?limit=50 and on a filtered URL (country + type), over a
# database of at least 100,000 canonical events that bench/serve_fill writes
# through store::Store (kept and reused). Prints requests/s, p99 latency,
# errors and the server's CPU time per request; the target is 5,000
# requests/s, p99 <= 20 ms and no errors on 2 cores. Not a test.
#
#   bench/serve_bench.sh [BUILD_DIR]          # default: build
# Environment:
#   DATELINE_SERVE_BENCH_DB       database (default BUILD_DIR/serve_bench.db)
#   DATELINE_SERVE_BENCH_EVENTS   canonical events at least (default 100000)
#   DATELINE_SERVE_BENCH_SECONDS  per URL (default 15)
#   DATELINE_SERVE_BENCH_THREADS  server --threads (default: the server's)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
DB=${DATELINE_SERVE_BENCH_DB:-$BUILD/serve_bench.db}
EVENTS=${DATELINE_SERVE_BENCH_EVENTS:-100000}
SECONDS_PER_URL=${DATELINE_SERVE_BENCH_SECONDS:-15}
THREADS=${DATELINE_SERVE_BENCH_THREADS:-}

if ! command -v wrk >/dev/null; then
  echo "serve_bench: installing wrk" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null ||
    { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null; }
fi
command -v curl >/dev/null || { echo "serve_bench: curl is missing (tools/install-deps.sh)" >&2; exit 1; }
# Built when missing (a build folder configured with the benchmarks on).
if [ ! -x "$BUILD/cli/dateline" ] || [ ! -x "$BUILD/bench/serve_fill" ]; then
  cmake --build "$BUILD" --target dateline serve_fill -j 2 >/dev/null
fi
DATELINE=$BUILD/cli/dateline

# The database: made once, topped up when it holds fewer events.
"$BUILD/bench/serve_fill" "$DB" "$EVENTS"

out=$(mktemp)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$out"' EXIT
"$DATELINE" serve --db "$DB" --port 0 ${THREADS:+--threads "$THREADS"} >"$out" 2>&1 &
pid=$!
base=""
for _ in $(seq 100); do
  base=$(sed -n 's|^dateline: serving .* at \(http://[^/]*\)/$|\1|p' "$out")
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$out"; echo "serve_bench: the server did not start" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
echo "serve_bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), server $base"
printf '%-44s %10s %9s %9s %8s %12s\n' "url" "req/s" "p50" "p99" "errors" "cpu ms/req"
for url in "/api/events?limit=50" "/api/events?limit=50&country=KE&type=PROTEST"; do
  curl -sf -o /dev/null "$base$url" || { echo "serve_bench: $url fails" >&2; exit 1; }
  wrk -t2 -c32 -d2s "$base$url" >/dev/null  # warm the page cache and the connections
  before=$(cpu_ticks)
  result=$(wrk -t2 -c32 -d"${SECONDS_PER_URL}s" --latency "$base$url")
  after=$(cpu_ticks)
  rps=$(echo "$result" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
  p50=$(echo "$result" | sed -n 's/^ *50% *\([0-9.]*[a-z]*\).*/\1/p')
  p99=$(echo "$result" | sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p')
  n=$(echo "$result" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  socket=$(echo "$result" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p')
  non2xx=$(echo "$result" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  read -r c r w t <<<"${socket:-0 0 0 0}"
  errors=$((${non2xx:-0} + c + r + w + t))
  cpu=$(awk -v t=$((after - before)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
  printf '%-44s %10s %9s %9s %8s %12s\n' "$url" "$rps" "$p50" "$p99" "$errors" "$cpu"
done
echo "serve_bench: wrk -t2 -c32 -d${SECONDS_PER_URL}s --latency URL; target >= 5000 req/s, p99 <= 20ms, 0 errors"
