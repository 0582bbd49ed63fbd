#!/usr/bin/env bash
# End-to-end: `dateline extract` on the bundled samples/ articles. Each row of
# the table asserts what a user sees: valid JSON, the title, the dateline, the
# publish date and where it came from, and no page-chrome line left in the text.
#   tests/cli_extract_test.sh BUILD/cli/dateline REPO_ROOT
set -u
DATELINE=${1:?usage: cli_extract_test.sh DATELINE REPO_ROOT}
ROOT=${2:?usage: cli_extract_test.sh DATELINE REPO_ROOT}

# Rows: sample <TAB> article index <TAB> field <TAB> expected.
#   field: title | dateline | byline | id | published (date/from) | captions (count)
#          | no_line (expected must not be a line of the text) | body_starts (prefix of the body)
python3 - "$DATELINE" "$ROOT" <<'EOF_PY'
import json, os, subprocess, sys, tempfile

dateline, root = sys.argv[1], sys.argv[2]
TABLE = """
mombasa-port-protest.txt	0	title	Police break up dockworkers' march in Mombasa, dozens detained
mombasa-port-protest.txt	0	dateline	MOMBASA, Kenya
mombasa-port-protest.txt	0	published	2025-03-05/inferred
mombasa-port-protest.txt	0	captions	1
mombasa-port-protest.txt	0	body_starts	MOMBASA, Kenya (NW) — Riot police fired tear gas
mombasa-port-protest.txt	0	no_line	Skip to main content
mombasa-port-protest.txt	0	no_line	84°F
mombasa-port-protest.txt	0	no_line	1 / 12
mombasa-port-protest.txt	0	no_line	Recommended Videos
mombasa-port-protest.txt	0	no_line	Advertisement
mombasa-port-protest.txt	0	no_line	Copy link
mombasa-port-protest.txt	0	no_line	Mombasa's port lease plan, explained
mombasa-port-protest.txt	0	no_line	Loading...
jos-curfew.txt	0	title	Governor orders curfew in Jos after two nights of arson and clashes
jos-curfew.txt	0	dateline	JOS, Nigeria
jos-curfew.txt	0	byline	Musa Dalyop, Staff Reporter
jos-curfew.txt	0	published	2024-10-12/text
jos-curfew.txt	0	captions	1
jos-curfew.txt	0	no_line	Read more: Why Jos has seen a year of unrest
jos-curfew.txt	0	no_line	Listen to this article · 4 min
jos-curfew.txt	0	no_line	MOST READ
jos-curfew.txt	0	no_line	Get the day's headlines in your inbox.
jos-curfew.txt	0	no_line	REGION
djibo-market-attack.html	0	title	Gunmen kill nine in attack on Djibo market
djibo-market-attack.html	0	dateline	DJIBO, Burkina Faso
djibo-market-attack.html	0	published	2025-05-13/jsonld
djibo-market-attack.html	0	body_starts	DJIBO, Burkina Faso (EP) — Gunmen on motorcycles
djibo-market-attack.html	0	no_line	Advertisement
djibo-market-attack.html	0	no_line	Read more
djibo-market-attack.html	0	no_line	Most read
djibo-market-attack.html	0	no_line	Fuel prices rise for third month
djibo-market-attack-syndicated.txt	0	title	Gunmen kill nine in attack on Djibo market
djibo-market-attack-syndicated.txt	0	dateline	DJIBO, Burkina Faso
djibo-market-attack-syndicated.txt	0	published	2025-05-13/text
djibo-market-attack-syndicated.txt	0	no_line	Kindly Share This Story:
djibo-market-attack-syndicated.txt	0	no_line	ALSO READ: Why the truce around Djibo failed
djibo-market-attack-syndicated.txt	0	no_line	This story was first published by The Eastern Post and is republished with permission.
djibo-market-attack-syndicated.txt	0	no_line	RELATED POSTS
northgate-wire-feed.jsonl	0	id	nw-2025-0611-lusaka
northgate-wire-feed.jsonl	0	dateline	LUSAKA, Zambia
northgate-wire-feed.jsonl	0	published	2025-06-11/given
northgate-wire-feed.jsonl	1	title	Students occupy Valparaiso university as lecturers strike over pay
northgate-wire-feed.jsonl	1	dateline	VALPARAISO, Chile
djibo-market-attack-syndicated.txt	0	body_starts	DJIBO, Burkina Faso (EP) — Gunmen on motorcycles
northgate-wire-feed.jsonl	1	published	2025-06-12/given
jos-curfew.txt	0	no_line	Sign up for our morning newsletter
"""

failures = 0
outputs = {}

def fail(msg):
    global failures
    failures += 1
    print("FAIL " + msg)

def articles(sample):
    if sample not in outputs:
        proc = subprocess.run([dateline, "extract", os.path.join(root, "samples", sample),
                               "--format", "json"], capture_output=True)
        try:
            outputs[sample] = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            outputs[sample] = f"invalid JSON (exit {proc.returncode}): {e}"
    return outputs[sample]

for row in TABLE.strip().splitlines():
    sample, index, field, want = row.split("\t")
    arts = articles(sample)
    if not isinstance(arts, list) or len(arts) <= int(index):
        fail(f"{sample}[{index}] {field}: no article ({arts if isinstance(arts, str) else len(arts)})")
        continue
    a = arts[int(index)]
    if field == "published":
        got = a["published"]["date"] + "/" + a["published"]["from"]
    elif field == "captions":
        got = str(sum(1 for p in a["paragraphs"] if p["kind"] == "caption"))
    elif field == "no_line":
        got = want if want not in a["text"].split("\n") else "the line is in the text"
    elif field == "body_starts":
        got = want if a["body"].startswith(want) else a["body"][:80]
    else:
        got = a.get(field)
    if got != want:
        fail(f"{sample}[{index}] {field}: want {want!r}, got {got!r}")
    else:
        print(f"ok   {sample}[{index}] {field}")

# The whole folder, as `make run` prints it: every sample extracted, exit 0.
proc = subprocess.run([dateline, "extract", os.path.join(root, "samples"), "--format", "text"],
                      capture_output=True)
if proc.returncode != 0:
    fail(f"extract samples/: exit {proc.returncode}: {proc.stderr.decode()[:300]}")
else:
    print("ok   extract samples/ exits 0")

# A page with no article: exit 1, the input named on stderr, the good input still printed.
with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, "empty.txt")
    with open(empty, "w") as f:
        f.write("Home\nWorld\nSport\n\nLoading...\n")
    good = os.path.join(root, "samples", "jos-curfew.txt")
    proc = subprocess.run([dateline, "extract", empty, good, "--format", "jsonl"], capture_output=True)
    lines = [l for l in proc.stdout.decode().splitlines() if l.strip()]
    if proc.returncode != 1 or "empty.txt: no article text found" not in proc.stderr.decode() \
            or len(lines) != 1:
        fail(f"bad input: want exit 1, a message naming empty.txt and one article; got exit "
             f"{proc.returncode}, {proc.stderr.decode()[:200]!r}, {len(lines)} articles")
    else:
        print("ok   bad input reported, good input still extracted")

print(f"{failures} failure(s)" if failures else "all passed")
sys.exit(1 if failures else 0)
EOF_PY
