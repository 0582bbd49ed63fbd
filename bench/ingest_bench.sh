#!/usr/bin/env bash
# End-to-end ingest speed: generates a corpus with tools/gen_corpus.py (fixed
# seed), then times `dateline code` (coding alone, printed to /dev/null) and
# `dateline ingest` into a fresh database with 1 and 2 worker threads, 3 runs
# each, and prints the median articles/s, the ratio to `dateline code`, and
# the median CPU time (user + system, all threads) per article, which other
# load on the machine disturbs less than the wall clock.
#
#   bench/ingest_bench.sh [BUILD_DIR] [ARTICLES] [SEED] [ROUNDUP]   (defaults: build 5000 7 1)
# ROUNDUP 5 makes digest pages the size of the reference sample (4.4 kB of
# text and 24 events a page; tools/gen_corpus.py --roundup); 1 gives 1 kB
# write-ups.
# The gazetteer is $DATELINE_GAZETTEER, else BUILD_DIR/gazetteer.bin.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
articles=${2:-5000}
seed=${3:-7}
roundup=${4:-1}
dateline=$build/cli/dateline
export DATELINE_GAZETTEER=${DATELINE_GAZETTEER:-$build/gazetteer.bin}
[ -x "$dateline" ] || { echo "ingest_bench: no $dateline (build it first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/tools/gen_corpus.py" --articles "$articles" --seed "$seed" --roundup "$roundup" --out "$work/corpus.jsonl"
text_bytes=$(python3 -c 'import json, sys; t = [len(json.loads(l)["text"]) for l in open(sys.argv[1])]; print(round(sum(t) / len(t)))' "$work/corpus.jsonl")

median() { sort -g | sed -n 2p; }  # of three
# measure CMD...: "articles/s cpu-us/article" of each of 3 runs, then the medians
measure() {
  for run in 1 2 3; do
    rm -f "$work"/bench.db*
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; return 1; }
    awk -v n="$articles" '{ print n / $1, ($2 + $3) * 1e6 / n }' "$work/time"
  done > "$work/runs"
  echo "$(cut -d' ' -f1 "$work/runs" | median) $(cut -d' ' -f2 "$work/runs" | median)"
}
# (measure runs in a subshell: a failed run is told by an empty result.)
read -r code code_cpu <<< "$(measure "$dateline" code "$work/corpus.jsonl")"
[ -n "$code" ] || exit 1
printf "%-22s %8.0f articles/s  %27s %6.0f us CPU/article\n" "dateline code" "$code" "" "$code_cpu"
for threads in 1 2; do
  read -r r cpu <<< "$(measure "$dateline" ingest "$work/corpus.jsonl" --db "$work/bench.db" --threads "$threads")"
  [ -n "$r" ] || exit 1
  printf "%-22s %8.0f articles/s  (%.2f x dateline code)  %6.0f us CPU/article\n" "dateline ingest -t $threads" "$r" \
    "$(awk -v r="$r" -v c="$code" 'BEGIN { print r / c }')" "$cpu"
done
echo "($articles generated articles of $text_bytes bytes of text on average (--roundup $roundup), seed $seed, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
