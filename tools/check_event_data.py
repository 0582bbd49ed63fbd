#!/usr/bin/env python3
"""Checks data/cameo.tsv and data/events/*.txt without building dateline.

Usage: python3 tools/check_event_data.py [-v] [DATA_DIR]   (default: data)

Reports malformed lines as FILE:LINE: message, patterns whose code has no
crosswalk row, patterns written twice (in any file), and prints the number of
patterns per CAMEO root; -v also lists patterns that a wider pattern of the
same code already covers (notes, not errors). Exit status 1 when any error was
found.
"""
import collections
import glob
import os
import re
import sys

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
MODE_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
WORD_RE = re.compile(r"^[a-z0-9'.&-]+(\(s\))?$")

errors = 0
subsumed = []  # notes, not errors: patterns another one of the same code covers


def error(where, message):
    global errors
    errors += 1
    print("%s: %s" % (where, message))


def quad_of(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def check_cameo(path):
    codes = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        where = "%s:%d" % (path, n)
        f = line.split("\t")
        if len(f) != 8:
            error(where, "want 8 tab-separated fields, got %d" % len(f))
            continue
        code, name, gold, quad, ptype, pmode, atype, asub = f
        if not re.fullmatch(r"\d{2,4}", code) or not (1 <= int(code[:2]) <= 20):
            error(where, "bad CAMEO code %r" % code)
            continue
        if code in codes:
            error(where, "duplicate code %s" % code)
        if len(code) > 2 and code[:-1] not in codes and code[:2] not in codes:
            error(where, "code %s has no parent row above it" % code)
        codes[code] = f
        if not name:
            error(where, "empty name")
        try:
            g = float(gold)
            if not -10 <= g <= 10:
                error(where, "Goldstein %s out of range" % gold)
        except ValueError:
            error(where, "Goldstein %r is not a number" % gold)
        if quad != str(quad_of(code)):
            error(where, "QuadClass %s, want %d" % (quad, quad_of(code)))
        if ptype and ptype not in PLOVER:
            error(where, "unknown PLOVER type %r" % ptype)
        if pmode and (not ptype or not MODE_RE.match(pmode)):
            error(where, "bad PLOVER mode %r" % pmode)
        if bool(atype) != bool(asub):
            error(where, "ACLED type and sub-type must both be set or both empty")
        elif atype and (atype not in ACLED or asub not in ACLED[atype]):
            error(where, "unknown ACLED pair %r / %r" % (atype, asub))
    return codes


def check_pattern(where, pattern):
    toks = pattern.split(" ")
    if any(t == "" for t in toks):
        error(where, "double or trailing space in pattern")
        return
    content = 0
    for i, t in enumerate(toks):
        if t in ("+", "$", "*"):
            if i > 0 and toks[i - 1] in ("+", "$", "*"):
                error(where, "two gaps in a row")
            continue
        optional = t.startswith("[")
        if optional:
            if not t.endswith("]") or t.count("[") != 1 or t.count("]") != 1:
                error(where, "unbalanced or nested brackets in %r" % t)
                continue
            t = t[1:-1]
        elif "[" in t or "]" in t:
            error(where, "stray bracket in %r" % t)
            continue
        alts = t.split("|")
        for a in alts:
            if a.startswith("~"):
                if len(alts) > 1:
                    error(where, "a ~verb inside alternatives: %r" % t)
                a = a[1:]
                if "-" in a or "(s)" in a:
                    error(where, "~verb must be one plain word: %r" % t)
            if not a or not WORD_RE.match(a):
                error(where, "bad token %r" % a)
        if not optional:
            content += 1
    if content == 0:
        error(where, "pattern has no required word")
    if toks[0] == "*" or toks[-1] == "*":
        error(where, "a * gap at either end matches nothing useful")
    for slot in "+$":
        if toks.count(slot) > 2:
            error(where, "more than two %s slots" % slot)


def check_events(events_dir, codes):
    per_root = collections.Counter()
    seen = {}
    options = {}
    for path in sorted(glob.glob(os.path.join(events_dir, "*.txt"))):
        root = os.path.basename(path)[:2]
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = "%s:%d" % (path, n)
            f = line.split("\t")
            if len(f) not in (2, 3):
                error(where, "want CAMEO<TAB>pattern[<TAB>options], got %d fields" % len(f))
                continue
            code, pattern = f[0], f[1]
            if code not in codes:
                error(where, "CAMEO code %r has no row in cameo.tsv" % code)
            if not code.startswith(root):
                error(where, "code %s in the file of root %s" % (code, root))
            if pattern != pattern.strip().lower():
                error(where, "pattern must be lower case without outer spaces")
            check_pattern(where, pattern)
            if len(f) == 3:
                for opt in f[2].split():
                    key, _, value = opt.partition("=")
                    if key != "mode" or not MODE_RE.match(value):
                        error(where, "unknown option %r" % opt)
            if pattern in seen:
                error(where, "duplicate of %s (pattern %r)" % (seen[pattern], pattern))
            else:
                seen[pattern] = where
            per_root[root] += 1
            options[pattern] = (code, f[2] if len(f) == 3 else "", where)
    # A pattern that equals another of the same code and options with one *
    # removed matches nothing the other does not (a * gap may be empty).
    for pattern, (code, opts, where) in options.items():
        toks = pattern.split(" ")
        for i, t in enumerate(toks):
            if t != "*":
                continue
            narrower = " ".join(toks[:i] + toks[i + 1:])
            if narrower in options and options[narrower][:2] == (code, opts):
                subsumed.append("%s: %r is covered by %r (%s)" %
                                (options[narrower][2], narrower, pattern, where))
    return per_root


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    data = args[0] if args else "data"
    codes = check_cameo(os.path.join(data, "cameo.tsv"))
    per_root = check_events(os.path.join(data, "events"), codes)
    print("crosswalk rows: %d" % len(codes))
    print("root  patterns")
    for root in sorted(per_root):
        print("%s    %5d" % (root, per_root[root]))
    print("all   %5d" % sum(per_root.values()))
    print("covered by a wider pattern of the same code: %d%s" %
          (len(subsumed), " (-v lists them)" if subsumed and "-v" not in sys.argv else ""))
    if "-v" in sys.argv:
        for note in subsumed:
            print("  " + note)
    print("errors: %d" % errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
