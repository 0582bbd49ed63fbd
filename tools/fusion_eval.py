#!/usr/bin/env python3
"""Scores cross-article fusion in a dateline database against the answers of
tools/gen_corpus.py (its --truth file).

Each stored mention (one article's report of an event) gets a gold label: the
happening its article was written about and the report's CAMEO root (an
article also reports side events: an arrest beside a clash). Canonical events
are scored against those labels with B-cubed precision and recall over
mentions, so one giant event (over-fusion) costs precision and a happening
split into many events costs recall. Also printed: the largest event, and
how many events hold reports of more than one happening.

  python3 tools/fusion_eval.py --db dateline.db --truth truth.json

Prints figures only; exits 2 when the inputs cannot be read.
"""

import argparse
import collections
import json
import sqlite3
import sys


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--truth", required=True)
    args = ap.parse_args(argv)
    try:
        truth = json.load(open(args.truth, encoding="utf-8"))
        db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        rows = db.execute("SELECT m.event_id, a.id, m.root FROM mentions m "
                          "JOIN articles a ON a.rowid = m.article_rowid").fetchall()
    except (OSError, ValueError, sqlite3.Error) as e:
        print(f"fusion_eval: {e}", file=sys.stderr)
        return 2
    happening_of = {a["id"]: a["happening"] for a in truth["articles"]}
    mentions = [(event, (happening_of.get(article, "?" + article), root)) for event, article, root in rows]
    if not mentions:
        print("fusion_eval: no mentions")
        return 0
    by_event = collections.defaultdict(collections.Counter)
    by_gold = collections.defaultdict(collections.Counter)
    for event, gold in mentions:
        by_event[event][gold] += 1
        by_gold[gold][event] += 1
    precision = recall = 0.0
    for event, gold in mentions:
        precision += by_event[event][gold] / sum(by_event[event].values())
        recall += by_gold[gold][event] / sum(by_gold[gold].values())
    precision /= len(mentions)
    recall /= len(mentions)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    mixed = sum(1 for c in by_event.values() if len({h for h, _ in c}) > 1)
    largest = max(sum(c.values()) for c in by_event.values())
    print(f"fusion: {len(mentions)} mentions, {len(by_event)} events, {len(by_gold)} gold (happening, root) groups")
    print(f"fusion: B-cubed precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; "
          f"events mixing happenings {mixed}; largest event {largest} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
