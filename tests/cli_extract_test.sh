#!/usr/bin/env bash
# End-to-end: `dateline extract` on the bundled samples/ articles. Each row
# asserts what a user sees: valid JSON, the title, the dateline, the publish
# date and where it came from, and no page-chrome line left in the body.
#   tests/cli_extract_test.sh BUILD/cli/dateline REPO_ROOT
set -u
DATELINE=${1:?usage: cli_extract_test.sh DATELINE REPO_ROOT}
ROOT=${2:?usage: cli_extract_test.sh DATELINE REPO_ROOT}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

# check SAMPLE INDEX FIELD EXPECTED: one assertion on article INDEX of the sample's JSON.
#   FIELD is title | dateline | byline | published (date/from) | id | captions (count)
#   | no_line (EXPECTED must not be a line of the text) | body_starts (prefix of the body).
check() {
  local sample=$1 index=$2 field=$3 expected=$4
  local out="$TMP/$(basename "$sample").json"
  if [ ! -s "$out" ]; then
    "$DATELINE" extract "$ROOT/samples/$sample" --format json >"$out" 2>"$out.err"
    echo "$?" >"$out.rc"
  fi
  local got
  got=$(python3 - "$out" "$index" "$field" "$expected" <<'EOF'
import json, sys
path, index, field, expected = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
try:
    arts = json.load(open(path, encoding="utf-8"))
except ValueError as e:
    print(f"invalid JSON: {e}"); sys.exit()
if not isinstance(arts, list) or len(arts) <= index:
    print(f"no article {index} (got {len(arts) if isinstance(arts, list) else 'non-list'})"); sys.exit()
a = arts[index]
if field == "published":
    value = a["published"]["date"] + "/" + a["published"]["from"]
elif field == "captions":
    value = str(sum(1 for p in a["paragraphs"] if p["kind"] == "caption"))
elif field == "no_line":
    value = expected if expected not in a["text"].split("\n") else f"line kept: {expected}"
elif field == "body_starts":
    value = expected if a["body"].startswith(expected) else a["body"][:80]
else:
    value = a.get(field)
print(value)
EOF
)
  if [ "$got" != "$expected" ]; then
    echo "FAIL $sample[$index] $field: want '$expected', got '$got'"
    failures=$((failures + 1))
  else
    echo "ok   $sample[$index] $field"
  fi
}

S=halden-port-protest.txt
check $S 0 title "Police break up dockworkers' march in Port Halden, dozens detained"
check $S 0 dateline "PORT HALDEN, Varnia"
check $S 0 published "2025-03-05/inferred"   # photo of Tuesday, "the ministry said Wednesday"
check $S 0 captions 1
check $S 0 body_starts "PORT HALDEN, Varnia (NW) — Riot police fired tear gas"
for chrome in "Skip to main content" "48°F" "1 / 12" "Recommended Videos" "Advertisement" \
    "Copy link" "Varnia's port closures, explained" "Loading..."; do
  check $S 0 no_line "$chrome"
done

S=dunmere-curfew.txt
check $S 0 title "Government orders curfew in Dunmere after two nights of arson and clashes"
check $S 0 dateline "DUNMERE, Calvia"
check $S 0 byline "Leon Mertz, Staff Reporter"
check $S 0 published "2024-10-12/text"
check $S 0 captions 1
for chrome in "Read more: Why Dunmere has seen a year of unrest" "Listen to this article · 4 min" \
    "MOST READ" "Get the day's headlines in your inbox." "REGION"; do
  check $S 0 no_line "$chrome"
done

S=oreth-market-attack.html
check $S 0 title "Gunmen kill nine in attack on Oreth market"
check $S 0 dateline "ORETH, Calvia"
check $S 0 published "2025-05-13/jsonld"
check $S 0 body_starts "ORETH, Calvia (EP) — Gunmen on motorcycles"
for chrome in "Advertisement" "Read more" "Most read" "Fuel prices rise for third month"; do
  check $S 0 no_line "$chrome"
done

S=oreth-market-attack-syndicated.txt
check $S 0 title "Gunmen kill nine in attack on Oreth market"
check $S 0 dateline "ORETH, Calvia"
check $S 0 published "2025-05-13/text"
for chrome in "Kindly Share This Story:" "ALSO READ: Eastern Front: what we know about the breakaway group" \
    "This story was first published by The Eastern Post and is republished with permission." \
    "RELATED POSTS"; do
  check $S 0 no_line "$chrome"
done

S=northgate-wire-feed.jsonl
check $S 0 id "nw-2025-0611-kessa"
check $S 0 dateline "KESSA, Varnia"
check $S 0 published "2025-06-11/given"
check $S 1 title "Students occupy Talvik university as lecturers strike over pay"
check $S 1 dateline "TALVIK, Varnia"

# The whole folder, as `make run` prints it: every sample extracted, exit 0.
if ! "$DATELINE" extract "$ROOT/samples" --format text >"$TMP/run.txt" 2>"$TMP/run.err"; then
  echo "FAIL extract samples/: exit status non-zero: $(cat "$TMP/run.err")"
  failures=$((failures + 1))
else
  echo "ok   extract samples/ exits 0"
fi

# A page with no article: exit 1, the input named on stderr, the rest still printed.
printf 'Home\nWorld\nSport\n\nLoading...\n' >"$TMP/empty.txt"
cp "$ROOT/samples/dunmere-curfew.txt" "$TMP/good.txt"
"$DATELINE" extract "$TMP/empty.txt" "$TMP/good.txt" --format jsonl >"$TMP/mixed.jsonl" 2>"$TMP/mixed.err"
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q "empty.txt: no article text found" "$TMP/mixed.err" ||
    [ "$(wc -l <"$TMP/mixed.jsonl")" -ne 1 ]; then
  echo "FAIL bad input: want exit 1, a message naming empty.txt and one article; got exit $rc, $(cat "$TMP/mixed.err")"
  failures=$((failures + 1))
else
  echo "ok   bad input reported, good input still extracted"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all passed"
