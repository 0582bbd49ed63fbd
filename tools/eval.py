#!/usr/bin/env python3
"""Figures for dateline against the shared development data (`make eval`).

    python3 tools/eval.py --dateline build/cli/dateline --shared ../shared

(a) Expected-file checks: for every *.expected.json under SHARED/samples (any
    depth), the input beside it (same name, .txt/.html/.htm/.jsonl/.warc/.warc.gz)
    is run through `dateline extract INPUT --format json` and, when the binary
    has a `code` subcommand, `dateline code INPUT --format jsonl`; then
    SHARED/samples/check_expected.py prints its lines, and the totals follow.
(b) Store checks: the reference sample ingested once, then three times and
    with two copies under other sites' page chrome (JSONL with their own
    URLs), must give the same events, each copy counted as an article and a
    source; `export --format gdelt` must give 61 columns on every line and
    `--format acled` 31. Then fusion on a generated corpus with known answers
    (tools/gen_corpus.py, 3,000 articles over a year): tools/fusion_eval.py's
    B-cubed figures.
(c) Extraction F1: the pages SHARED/dev/extraction/html/*.html.gz are unpacked
    into a temporary directory, extracted by one `dateline extract DIR --format
    jsonl` process, each article's body written to PRED/<id>.txt, and
    SHARED/dev/extraction/score.py PRED prints the score line.

Failing checks are printed, not fatal. The exit status is 1 only when dateline
crashed (killed by a signal, or an exit status other than 0 and 1) or printed
output that is not valid JSON; 2 on bad usage. Standard library only.
"""
import argparse
import csv
import gzip
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

INPUT_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")


class Run:
    """Runs dateline and records crashes and invalid output."""

    def __init__(self, binary, timeout):
        self.binary = binary
        self.timeout = timeout
        self.problems = []

    def __call__(self, args, what):
        cmd = [self.binary] + args
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.problems.append(f"{what}: timed out after {self.timeout} s")
            return None
        except OSError as e:
            self.problems.append(f"{what}: cannot run {self.binary}: {e}")
            return None
        if proc.returncode < 0:
            self.problems.append(f"{what}: killed by signal {-proc.returncode}")
            return None
        if proc.returncode not in (0, 1):
            self.problems.append(f"{what}: exit status {proc.returncode}: "
                                 + proc.stderr.decode("utf-8", "replace").strip()[-300:])
            return None
        return proc


def parse_json(text, what, problems):
    try:
        return json.loads(text)
    except ValueError as e:
        problems.append(f"{what}: output is not valid JSON: {e}")
        return None


def parse_jsonl(text, what, problems):
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except ValueError as e:
            problems.append(f"{what}: line {n} is not valid JSON: {e}")
            return None
    return out


def find_input(expected_path):
    base = expected_path[: -len(".expected.json")]
    for ext in INPUT_EXTENSIONS:
        if os.path.isfile(base + ext):
            return base + ext
    return None


def has_code_command(run):
    proc = run(["--help"], "dateline --help")
    if proc is None:
        return False
    text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    return re.search(r"^\s+code\b", text, re.M) is not None


def check_samples(run, shared, tmp):
    samples = os.path.join(shared, "samples")
    checker = os.path.join(samples, "check_expected.py")
    expected_files = []
    for root, _, files in os.walk(samples):
        expected_files += [os.path.join(root, f) for f in files if f.endswith(".expected.json")]
    expected_files.sort()
    with_code = has_code_command(run)
    totals = {"article_ok": 0, "article_wrong": 0, "found": 0, "missed": 0,
              "never_kept": 0, "never_broken": 0}
    print(f"== expected-file checks ({len(expected_files)} files"
          f"{'' if with_code else '; no `code` subcommand, events not run'})")
    for exp_path in expected_files:
        name = os.path.relpath(exp_path, samples)
        inp = find_input(exp_path)
        print(f"\n-- {name}")
        if inp is None:
            print("   no input file beside it; skipped")
            continue
        gold = json.load(open(exp_path, encoding="utf-8"))
        article_path = os.path.join(tmp, "article.json")
        events_path = os.path.join(tmp, "events.jsonl")
        have_article = False
        proc = run(["extract", inp, "--format", "json"], f"extract {name}")
        if proc is not None:
            articles = parse_json(proc.stdout.decode("utf-8", "replace"), f"extract {name}",
                                  run.problems)
            if isinstance(articles, list) and articles:
                with open(article_path, "w", encoding="utf-8") as f:
                    json.dump(articles, f, ensure_ascii=False)
                have_article = True
            elif articles is not None:
                print("   extract gave no article: "
                      + proc.stderr.decode("utf-8", "replace").strip()[:200])
        events_text = ""
        if with_code:
            proc = run(["code", inp, "--format", "jsonl"], f"code {name}")
            if proc is not None:
                text = proc.stdout.decode("utf-8", "replace")
                if parse_jsonl(text, f"code {name}", run.problems) is not None:
                    events_text = text
        with open(events_path, "w", encoding="utf-8") as f:
            f.write(events_text)
        cmd = [sys.executable, checker, exp_path, events_path]
        if have_article:
            cmd += ["--article", article_path]
        out = subprocess.run(cmd, capture_output=True, text=True)
        sys.stdout.write(out.stdout)
        if out.returncode not in (0, 1):
            print("   check_expected.py failed: " + out.stderr.strip()[-300:])
        for line in out.stdout.splitlines():
            if line.startswith("article ok"):
                totals["article_ok"] += 1
            elif line.startswith("article WRONG"):
                totals["article_wrong"] += 1
            elif line.startswith("never kept"):
                totals["never_kept"] += 1
            elif line.startswith("never BROKEN"):
                totals["never_broken"] += 1
            elif re.match(r"^\S+\s+found\s", line) and "(optional)" not in line:
                totals["found"] += 1
            elif re.match(r"^\S+\s+MISSED\s", line):
                totals["missed"] += 1
        if not have_article and "article" in gold:
            missing = 5 + len(gold["article"].get("dropped", []))
            totals["article_wrong"] += missing
            print(f"article MISSING: no article extracted ({missing} checks failed)")
    return totals, with_code


def extraction_f1(run, shared, tmp):
    root = os.path.join(shared, "dev", "extraction")
    html_dir = os.path.join(root, "html")
    if not os.path.isdir(html_dir):
        return None, 0, 0.0
    pages = os.path.join(tmp, "pages")
    pred = os.path.join(tmp, "dateline")
    os.makedirs(pages)
    os.makedirs(pred)
    names = sorted(f for f in os.listdir(html_dir) if f.endswith(".html.gz"))
    for f in names:
        with gzip.open(os.path.join(html_dir, f), "rb") as src:
            data = src.read()
        with open(os.path.join(pages, f[: -len(".gz")]), "wb") as dst:
            dst.write(data)
    start = time.monotonic()
    proc = run(["extract", pages, "--format", "jsonl"], "extract (extraction pages)")
    seconds = time.monotonic() - start
    written = 0
    if proc is not None:
        articles = parse_jsonl(proc.stdout.decode("utf-8", "replace"),
                               "extract (extraction pages)", run.problems) or []
        for a in articles:
            page_id = os.path.basename(str(a.get("source", ""))).split(".", 1)[0]
            if not page_id:
                continue
            with open(os.path.join(pred, page_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(a.get("body") or "")
            written += 1
    out = subprocess.run([sys.executable, os.path.join(root, "score.py"), pred],
                         capture_output=True, text=True)
    print(f"\n== extraction F1 ({len(names)} pages, {written} articles, {seconds:.2f} s)")
    sys.stdout.write(out.stdout)
    lines = [l for l in out.stdout.splitlines() if l.strip()]
    return (lines[-1] if lines else "score.py printed nothing: " + out.stderr.strip()[-200:]), \
        len(names), seconds


REFERENCE = "kazakhstan-ap-2022-01-06.txt"
# Page chrome of two other sites that republish the story (written for this check).
CHROME = [("https://northgate-daily.example/world/asia/kazakhstan-unrest",
           "Menu | World | Asia | Business\nSubscribe for $1\n\n", "\n\nShare on Facebook | Share on X\nMore from World"),
          ("https://plainfield-tribune.example/news/2022/01/06/kazakhstan",
           "PLAINFIELD TRIBUNE\nSign in | Newsletters\n\n", "\n\nRead more: World news\nComments are closed.")]


def store_checks(run, shared, tmp):
    """Returns (passed, failed) and prints one line per check."""
    sample = os.path.join(shared, "samples", REFERENCE)
    if not os.path.exists(sample):
        print("\n== store checks: skipped (no reference sample)")
        return 0, 0
    print("\n== store checks (reference sample)")
    text = open(sample, encoding="utf-8").read()
    copies = os.path.join(tmp, "copies.jsonl")
    with open(copies, "w", encoding="utf-8") as f:
        for i, (url, head, foot) in enumerate(CHROME):
            f.write(json.dumps({"id": f"copy-{i}", "url": url, "text": head + text + foot}) + "\n")
    once, many = os.path.join(tmp, "once.db"), os.path.join(tmp, "many.db")
    if run(["ingest", sample, "--db", once], "ingest reference") is None:
        return 0, 1
    for _ in range(3):
        if run(["ingest", sample, "--db", many], "ingest reference again") is None:
            return 0, 1
    if run(["ingest", copies, "--db", many], "ingest copies") is None:
        return 0, 1
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(("ok    " if ok else "FAIL  ") + what)

    def events(db):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute("SELECT num_articles, num_sources, num_mentions FROM events").fetchall()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        return rows, articles

    rows1, articles1 = events(once)
    rows3, articles3 = events(many)
    check(len(rows3) == len(rows1), f"events: {len(rows1)} once, {len(rows3)} after 3 ingests + 2 copies")
    check(articles3 == 3, f"articles stored: {articles3} (the sample once and its 2 copies)")
    full = sum(1 for a, s, _ in rows3 if a == 3 and s == 3)
    check(full == len(rows3), f"events with 3 articles and 3 sources: {full} of {len(rows3)}")
    for fmt, columns in (("gdelt", 61), ("acled", 31)):
        out = run(["export", "--db", many, "--format", fmt], f"export {fmt}")
        if out is None:
            failed += 1
            continue
        body = out.stdout.decode("utf-8", "replace")
        if fmt == "gdelt":
            widths = [len(l.split("\t")) for l in body.splitlines() if l]
        else:
            widths = [len(r) for r in csv.reader(io.StringIO(body)) if r]
        bad = [w for w in widths if w != columns]
        check(bool(widths) and not bad, f"export {fmt}: {len(widths)} lines, {columns} columns on "
              + ("every line" if not bad else f"all but {len(bad)}"))
    return passed, failed


def fusion_figures(run, tmp):
    """Fusion against known answers on a generated corpus; prints its figures."""
    here = os.path.dirname(os.path.abspath(__file__))
    corpus, truth, db = (os.path.join(tmp, n) for n in ("corpus.jsonl", "truth.json", "corpus.db"))
    print("\n== fusion on a generated corpus (tools/gen_corpus.py --articles 3000 --seed 11 --days 365)")
    gen = subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), "--articles", "3000", "--seed", "11",
                          "--days", "365", "--out", corpus, "--truth", truth], capture_output=True, text=True)
    if gen.returncode != 0:
        print("gen_corpus failed: " + gen.stderr.strip()[-200:])
        return None
    started = time.time()
    if run(["ingest", corpus, "--db", db], "ingest generated corpus") is None:
        return None
    seconds = time.time() - started
    out = subprocess.run([sys.executable, os.path.join(here, "fusion_eval.py"), "--db", db, "--truth", truth],
                         capture_output=True, text=True)
    sys.stdout.write(out.stdout)
    lines = [l for l in out.stdout.splitlines() if "B-cubed" in l]
    return (lines[-1] if lines else "fusion_eval printed nothing") + f"  (ingest {3000 / seconds:.0f} articles/s)"


def main():
    ap = argparse.ArgumentParser(description="dateline figures on ../shared")
    ap.add_argument("--dateline", default="build/cli/dateline")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per dateline run")
    args = ap.parse_args()
    if not os.access(args.dateline, os.X_OK):
        print(f"eval: {args.dateline} is not an executable; build first", file=sys.stderr)
        return 2
    if not os.path.isdir(args.shared):
        print(f"eval: {args.shared} is not a directory", file=sys.stderr)
        return 2
    run = Run(os.path.abspath(args.dateline), args.timeout)
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        totals, with_code = check_samples(run, args.shared, tmp)
        store_passed, store_failed = store_checks(run, args.shared, tmp)
        fusion_line = fusion_figures(run, tmp)
        f1_line, pages, seconds = extraction_f1(run, args.shared, tmp)

    print("\n== summary")
    print(f"article checks: {totals['article_ok']} passed, {totals['article_wrong']} failed; "
          + (f"events: {totals['found']} found, {totals['missed']} missed; "
             f"never rules: {totals['never_kept']} kept, {totals['never_broken']} broken"
             if with_code else "events: not run (no `code` subcommand)"))
    print(f"store checks: {store_passed} passed, {store_failed} failed")
    if fusion_line:
        print(fusion_line)
    if f1_line is not None:
        rate = pages / seconds if seconds > 0 else 0.0
        print(f"extraction: {f1_line.strip()}  ({rate:.0f} pages/s)")
    else:
        print("extraction: skipped (no dev/extraction/html)")
    if run.problems:
        print(f"dateline problems ({len(run.problems)}):")
        for p in run.problems:
            print("  " + p)
        return 1
    print("dateline problems: none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
