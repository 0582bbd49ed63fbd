#!/usr/bin/env python3
"""Place accuracy of toponym resolution on the shared samples (not a test).

    python3 tools/geo_eval.py [--bench build/bench/geo_resolve_bench]
        [--gazetteer build/gazetteer.bin] [--shared ../shared]

For each sample with an expected.json "places" section, runs the geoparse
dump of geo_resolve_bench on the article and checks every expected place that
the text names: right when some mention of it resolved to the expected
GeoNames id, or (no id given) to a point within 25 km, or for a country to
the country itself. Then the reference sample's own checks: Almaty 1526384,
Nur-Sultan 1526273, Kazakhstan a country, Moscow only as the dateline,
Baikonur never a plain place. Then every sentence is placed as if it were an
event (PlaceEvent) and none may land in the sample's never_places. Prints one
line per place and the totals;
exits 1 only when the bench binary fails.
"""
import argparse
import glob
import json
import math
import os
import subprocess
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("-", " ")


def km(a, b, c, d):
    r = math.pi / 180
    x = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 12742 * math.asin(math.sqrt(x))


def geoparse(args, path):
    out = subprocess.run([args.bench, "--gazetteer", args.gazetteer, "--data", args.data,
                          "--geoparse", path], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"geo_eval: {args.bench} failed: {out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default="build/bench/geo_resolve_bench")
    ap.add_argument("--gazetteer", default="build/gazetteer.bin")
    ap.add_argument("--data", default="data")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    samples = sorted(glob.glob(os.path.join(args.shared, "samples", "dev", "*.expected.json")))
    samples.append(os.path.join(args.shared, "samples", "kazakhstan-ap-2022-01-06.expected.json"))
    right = total = 0
    sentences_total, sentences_bad = [0], [0]
    for exp_path in samples:
        base = exp_path[: -len(".expected.json")]
        article = next((base + e for e in (".txt", ".html") if os.path.exists(base + e)), None)
        if article is None:
            continue
        expected = json.load(open(exp_path)).get("places", {})
        recs = geoparse(args, article)
        print(f"== {os.path.basename(base)}")
        for name, want in expected.items():
            mentions = [r for r in recs if fold(r["text"]) == fold(name) and not r.get("description")]
            if not mentions:
                # the expected key may be spelled unlike the text ("Medellin"/"Medellín", "Port of Beirut")
                print(f"   -  {name}: not named as such in the text or not found")
                continue
            total += 1
            ok = False
            got = mentions[0]
            for r in mentions:
                if want.get("precision") == "country":
                    ok = r["feature"].startswith("PCL") and r["country"] == want["country"]
                elif "geonameid" in want:
                    ok = r["geonameid"] == want["geonameid"]
                else:
                    ok = km(r["lat"], r["lon"], want["lat"], want["lon"]) <= 25
                if ok:
                    got = r
                    break
            right += ok
            print(f"  {'OK' if ok else 'XX'} {name}: {got['name']} {got['geonameid']} {got['country']} "
                  f"{got['feature']} ({len(mentions)} mentions)")
        # Every sentence placed as if it were an event: none may land in a never_place.
        never = json.load(open(exp_path)).get("never_places", [])
        out = subprocess.run([args.bench, "--gazetteer", args.gazetteer, "--data", args.data,
                              "--events", article], capture_output=True, text=True).stdout
        bad = []
        for line in out.splitlines():
            if line.startswith("#"):
                continue
            f = line.split("\t")
            cc = f[1].rsplit("(", 1)[-1].split(",")[0] if "(" in f[1] else ""
            lat, lon = float(f[3]), float(f[4])
            for n in never:
                if ("country" in n and n["country"] == cc) or (
                        "lat" in n and cc and km(lat, lon, n["lat"], n["lon"]) <= n.get("km", 25)):
                    bad.append(f"sentence {f[0]} -> {f[1]} (never {n.get('name', n.get('country'))})")
        sentences_total[0] += sum(1 for l in out.splitlines() if not l.startswith("#"))
        sentences_bad[0] += len(bad)
        for b in bad:
            print(f"  XX {b}")
        if args.verbose:
            for r in recs:
                flags = [k for k in ("dateline", "in_actor", "description") if r.get(k)]
                print(f"      {r['text']!r} -> {r['name']} {r['country']} {r['feature']} {r['score']} {' '.join(flags)}")
        if "kazakhstan" in base:
            checks = []
            moscow = [r for r in recs if r["geonameid"] == 524901]
            checks.append(("Moscow only as the dateline", all(r.get("dateline") for r in moscow) and moscow))
            baik = [r for r in recs if fold(r["text"]) == "baikonur"]
            checks.append(("Baikonur background (in a name)", all(r.get("in_actor") for r in baik)))
            caps = [r for r in recs if r.get("description")]
            checks.append(("Kazakhstan's largest city -> Almaty", any(r["geonameid"] == 1526384 for r in caps)))
            for what, ok in checks:
                print(f"  {'OK' if ok else 'XX'} {what}")
    print(f"places right: {right}/{total}")
    print(f"sentences placed in a never_place (every sentence taken as an event): "
          f"{sentences_bad[0]}/{sentences_total[0]}")


if __name__ == "__main__":
    main()
