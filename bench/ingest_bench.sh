#!/usr/bin/env bash
# End-to-end ingest speed: generates a corpus with tools/gen_corpus.py (fixed
# seed), then times `dateline code` (coding alone, printed to /dev/null) and
# `dateline ingest` into a fresh database with 1 and 2 worker threads, 3 runs
# each, and prints the median articles/s and the ratio to `dateline code`.
#
#   bench/ingest_bench.sh [BUILD_DIR] [ARTICLES] [SEED]     (defaults: build 5000 7)
# The gazetteer is $DATELINE_GAZETTEER, else BUILD_DIR/gazetteer.bin.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
articles=${2:-5000}
seed=${3:-7}
dateline=$build/cli/dateline
export DATELINE_GAZETTEER=${DATELINE_GAZETTEER:-$build/gazetteer.bin}
[ -x "$dateline" ] || { echo "ingest_bench: no $dateline (build it first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/tools/gen_corpus.py" --articles "$articles" --seed "$seed" --out "$work/corpus.jsonl"

now() { date +%s.%N; }
median() { sort -g | sed -n 2p; }  # of three
rate() {  # rate LABEL CMD...: median articles/s of 3 runs
  local label=$1; shift
  for run in 1 2 3; do
    rm -f "$work"/bench.db*
    local t0; t0=$(now)
    "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    local t1; t1=$(now)
    awk -v n="$articles" -v a="$t0" -v b="$t1" 'BEGIN { print n / (b - a) }'
  done | median
}
code=$(rate code "$dateline" code "$work/corpus.jsonl")
printf "%-22s %8.0f articles/s\n" "dateline code" "$code"
for threads in 1 2; do
  r=$(rate ingest "$dateline" ingest "$work/corpus.jsonl" --db "$work/bench.db" --threads "$threads")
  printf "%-22s %8.0f articles/s  (%.2f x dateline code)\n" "dateline ingest -t $threads" "$r" "$(awk -v r="$r" -v c="$code" 'BEGIN { print r / c }')"
done
echo "($articles generated articles, seed $seed, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
