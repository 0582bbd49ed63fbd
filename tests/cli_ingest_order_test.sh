#!/usr/bin/env bash
# dateline ingest gives the same database whatever the thread count and the
# order of the input: a generated corpus ingested with one worker, with two,
# and shuffled with two exports the same events (sorted) and the same stats;
# ingesting it again adds nothing.
#   cli_ingest_order_test.sh DATELINE SOURCE_DIR
set -euo pipefail
dateline=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$src/tools/gen_corpus.py" --articles 400 --seed 11 --out "$work/corpus.jsonl"
python3 -c 'import random,sys; l=open(sys.argv[1]).readlines(); random.Random(3).shuffle(l); open(sys.argv[2],"w").writelines(l)' \
  "$work/corpus.jsonl" "$work/shuffled.jsonl"
fail=0
run() {  # run NAME INPUT THREADS
  "$dateline" ingest "$2" --db "$work/$1.db" --threads "$3" --batch 50 2> "$work/$1.err"
  "$dateline" export --db "$work/$1.db" --format jsonl | sort > "$work/$1.jsonl"
  "$dateline" stats --db "$work/$1.db" > "$work/$1.stats"
}
run one "$work/corpus.jsonl" 1
run two "$work/corpus.jsonl" 2
run shuffled "$work/shuffled.jsonl" 2
[ -s "$work/one.jsonl" ] || { echo "FAIL: no events exported"; fail=1; }
for other in two shuffled; do
  cmp -s "$work/one.jsonl" "$work/$other.jsonl" || { echo "FAIL: export differs: one thread vs $other"; fail=1; }
  cmp -s "$work/one.stats" "$work/$other.stats" || { echo "FAIL: stats differ: one thread vs $other"; fail=1; }
done
"$dateline" ingest "$work/corpus.jsonl" --db "$work/one.db" 2> "$work/again.err"
grep -q "^dateline ingest: 0 articles (400 already stored)" "$work/again.err" || { echo "FAIL: second ingest added something: $(cat "$work/again.err")"; fail=1; }
"$dateline" stats --db "$work/one.db" > "$work/again.stats"
cmp -s "$work/one.stats" "$work/again.stats" || { echo "FAIL: stats changed on the second ingest"; fail=1; }
[ "$fail" = 0 ] && echo "cli_ingest_order_test: ok"
exit "$fail"
