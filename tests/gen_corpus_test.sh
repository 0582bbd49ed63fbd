#!/usr/bin/env bash
# tools/gen_corpus.py: the same seed gives the same corpus; --roundup K pages
# carry K write-ups (of K happenings, but for chance), the size of the
# reference sample at K = 5, and the truth names the happening of each.
#   gen_corpus_test.sh PROJECT_SOURCE_DIR
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gen() { python3 "$src/tools/gen_corpus.py" --seed 3 "$@"; }
gen --articles 300 --out "$work/a.jsonl" --truth "$work/a.json"
gen --articles 300 --out "$work/b.jsonl"
cmp -s "$work/a.jsonl" "$work/b.jsonl" || { echo "FAIL: the same seed gave two corpora"; exit 1; }
gen --articles 300 --roundup 5 --out "$work/r.jsonl" --truth "$work/r.json"
python3 - "$work/a.jsonl" "$work/r.jsonl" "$work/r.json" <<'PY'
import json, sys
single = [json.loads(l) for l in open(sys.argv[1])]
pages = [json.loads(l) for l in open(sys.argv[2])]
truth = json.load(open(sys.argv[3]))
fail = []
if len(pages) != 300:
    fail.append(f"{len(pages)} pages, not 300")
mean = lambda xs: sum(xs) / len(xs)
one, five = mean([len(a["text"]) for a in single]), mean([len(p["text"]) for p in pages])
if not 4000 <= five <= 6000:
    fail.append(f"a page holds {five:.0f} bytes of text, not about 4.7 kB")
if not 4 * one <= five <= 6 * one:
    fail.append(f"a page ({five:.0f} bytes) is not five write-ups ({one:.0f} bytes each)")
if len({p["id"] for p in pages}) != len(pages):
    fail.append("two pages share an id")
distinct = [len(set(entry["happenings"])) for entry in truth["articles"]]
if any(len(entry["happenings"]) != 5 for entry in truth["articles"]) or mean(distinct) < 4.5:
    fail.append(f"pages tell of {mean(distinct):.2f} happenings each, not about five")
print("\n".join("FAIL: " + f for f in fail))
sys.exit(1 if fail else 0)
PY
echo "gen_corpus_test: ok"
