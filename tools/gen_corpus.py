#!/usr/bin/env python3
"""Synthetic news corpus with known right answers, for dedup and fusion tests.

Writes N articles as JSONL ({id, url, title, date, text}) about fictional but
plausible happenings (protests dispersed, arrests, clashes, curfews) in real
countries and cities. Each happening is told by several outlets in their own
words; some stories are also syndicated: the same wire text republished on
other sites under different page chrome (menus, share lines, footers), now and
then trimmed or lightly edited. A sidecar JSON gives the answers:

  {"seed": S, "articles": [{"id", "happening", "story", "copy_of", "outlet"}],
   "happenings": [{"id", "type", "country", "city", "admin1", "lat", "lon",
                   "date", "killed", "injured", "arrested", "articles": [...]}]}

`story` names the syndication group (the id of the wire original); `copy_of`
is that id for a copy and null for an original write-up. All text comes from
the templates below; the output depends only on --seed and --articles.

  python3 tools/gen_corpus.py --articles 2000 --seed 7 --out corpus.jsonl --truth truth.json

With --roundup K, each page is a digest of K write-ups (their titles and
bodies under one page's chrome), as a news site's roundup page is:
pages the size of the reference sample (samples/kazakhstan-ap-2022-01-06.txt,
4.7 kB, 30 events) are --roundup 5 (4.4 kB and 24 events a page on average),
where one write-up is 1 kB. A page takes the id, url, title and date of its
first write-up; its truth entry lists the happenings of all of them. Pages
are not syndicated: no page is a copy of another.
"""

import argparse
import datetime
import json
import random
import sys

# Real places (facts): country, ISO alpha-2, city, admin-1, latitude, longitude.
PLACES = [
    ("Kazakhstan", "KZ", "Almaty", "Almaty City", 43.25, 76.92),
    ("Kazakhstan", "KZ", "Aktau", "Mangghystau", 43.65, 51.16),
    ("Kenya", "KE", "Nairobi", "Nairobi County", -1.29, 36.82),
    ("Kenya", "KE", "Kisumu", "Kisumu", -0.10, 34.75),
    ("Nigeria", "NG", "Lagos", "Lagos", 6.45, 3.40),
    ("Nigeria", "NG", "Abuja", "Federal Capital Territory", 9.06, 7.49),
    ("Pakistan", "PK", "Lahore", "Punjab", 31.55, 74.34),
    ("Pakistan", "PK", "Karachi", "Sindh", 24.86, 67.01),
    ("Colombia", "CO", "Cali", "Valle del Cauca", 3.44, -76.52),
    ("Colombia", "CO", "Bogota", "Bogota D.C.", 4.61, -74.08),
    ("Peru", "PE", "Lima", "Lima", -12.05, -77.04),
    ("Sri Lanka", "LK", "Colombo", "Western Province", 6.93, 79.85),
    ("Bangladesh", "BD", "Dhaka", "Dhaka Division", 23.81, 90.41),
    ("Georgia", "GE", "Tbilisi", "Tbilisi", 41.72, 44.79),
    ("Senegal", "SN", "Dakar", "Dakar", 14.69, -17.44),
    ("Ecuador", "EC", "Quito", "Pichincha", -0.18, -78.47),
    ("Indonesia", "ID", "Jakarta", "Jakarta", -6.21, 106.85),
    ("Mexico", "MX", "Oaxaca", "Oaxaca", 17.06, -96.72),
]

# Fictional outlets and the chrome their pages carry.
OUTLETS = [
    ("northstar-herald.example", "Northstar Herald"),
    ("the-daily-ledger.example", "The Daily Ledger"),
    ("coastline-post.example", "Coastline Post"),
    ("meridian-times.example", "Meridian Times"),
    ("riverside-courier.example", "Riverside Courier"),
    ("plainsview-gazette.example", "Plainsview Gazette"),
    ("harbor-observer.example", "Harbor Observer"),
    ("summit-tribune.example", "Summit Tribune"),
    ("lantern-news.example", "Lantern News"),
    ("crosswind-report.example", "Crosswind Report"),
]
WIRE = ("globalwire.example", "Global Wire")

CAUSES = ["fuel prices", "a new tax on mobile money", "the arrest of an opposition leader",
          "power cuts", "bread prices", "a disputed election result", "unpaid wages",
          "a land deal with a foreign company", "water shortages", "cuts to student grants"]
CLAIMANTS = ["the Interior Ministry", "police", "a hospital official", "a local rights group",
             "the city governor's office", "organisers", "health officials"]

TYPES = {
    "protest_dispersed": {
        "title": ["Police disperse {crowd} protesters in {city} over {cause}",
                  "Tear gas fired at {city} rally against {cause}",
                  "{city} protest over {cause} broken up by police",
                  "Security forces break up demonstration in {city}"],
        "lead": ["Police in {city} fired tear gas and water cannon on {weekday} to disperse {crowd} people protesting against {cause}, witnesses said.",
                 "Security forces broke up a demonstration of {crowd} people in central {city} on {weekday}, using tear gas and batons against crowds angry about {cause}.",
                 "Riot police moved against {crowd} demonstrators in {city} on {weekday}, scattering a rally against {cause} with tear gas.",
                 "A protest against {cause} in {city} ended in chaos on {weekday} when officers charged the crowd of {crowd} and fired tear gas canisters."],
    },
    "arrests": {
        "title": ["{arrested} detained after {city} protest over {cause}",
                  "Mass arrests in {city} as anger over {cause} grows",
                  "Police in {city} round up {arrested} demonstrators",
                  "{country} police arrest protesters in {city}"],
        "lead": ["Police in {city} arrested {arrested} people on {weekday} after a march against {cause} turned into a standoff with officers.",
                 "Authorities in {country} detained {arrested} demonstrators in {city} on {weekday} during a protest over {cause}.",
                 "At least {arrested} protesters were taken into custody in {city} on {weekday}, as police cleared a square occupied by critics of {cause}.",
                 "Officers rounded up {arrested} people in {city} on {weekday} following street protests against {cause}."],
    },
    "clashes": {
        "title": ["{killed} killed in {city} clashes over {cause}",
                  "Deadly clashes between police and protesters in {city}",
                  "Violence erupts in {city} as protests over {cause} spread",
                  "{country}: {killed} dead after {city} street battles"],
        "lead": ["At least {killed} people were killed and {injured} injured on {weekday} when protesters clashed with security forces in {city} over {cause}.",
                 "Clashes between demonstrators and police in {city} left {killed} people dead and {injured} wounded on {weekday}, in the worst unrest over {cause} so far.",
                 "Security forces opened fire on protesters in {city} on {weekday}, killing {killed} people and injuring {injured}, during demonstrations against {cause}.",
                 "{killed} people died and {injured} were hurt in {city} on {weekday} as street battles broke out between police and crowds protesting {cause}."],
    },
    "curfew": {
        "title": ["Curfew imposed in {city} after unrest over {cause}",
                  "{city} under night curfew as protests continue",
                  "Authorities order curfew in {city}",
                  "{country} declares curfew in {city} following clashes"],
        "lead": ["Authorities in {country} imposed a night-time curfew on {city} on {weekday} after days of protests over {cause}.",
                 "A curfew from dusk to dawn was ordered in {city} on {weekday}, the government said, as unrest over {cause} continued.",
                 "The government of {country} placed {city} under curfew on {weekday} and deployed troops to its streets following protests against {cause}.",
                 "Residents of {city} were ordered to stay indoors after dark from {weekday}, as officials moved to halt demonstrations over {cause}."],
    },
}

# Each detail in several wordings; an outlet picks one, as reporters word things their own way.
DETAILS = [
    ["{claimant_cap} said {arrested} people had been detained and that officers had acted to restore order.",
     "{arrested} people were held overnight, according to {claimant}, who said order had been restored.",
     "Speaking to reporters, {claimant} put the number of people in custody at {arrested}."],
    ["According to {claimant}, {injured} people needed treatment for injuries, some of them from rubber bullets.",
     "Hospitals treated {injured} people, {claimant} said, several with wounds from rubber bullets.",
     "{injured} injured people were brought to city clinics, {claimant} told local media."],
    ["Witnesses described crowds chanting slogans and blocking a main road near the central market.",
     "People at the scene said demonstrators sang and shouted as they blocked traffic by the market.",
     "Crowds blocked a busy road close to the market, chanting against the government, onlookers said."],
    ["Shops along the main avenue pulled down their shutters as the crowd moved towards government buildings.",
     "Traders closed their stores early as marchers headed for the ministries.",
     "Storefronts on the avenue were shuttered while the march approached official buildings."],
    ["Videos shared online showed people running from clouds of tear gas while sirens sounded.",
     "Footage posted on social media appeared to show residents fleeing tear gas.",
     "Clips circulating online captured crowds scattering as gas canisters landed among them."],
    ["A spokesperson for the protesters said the demonstration had been peaceful until police arrived.",
     "Protest leaders insisted their supporters had remained calm until officers moved in.",
     "One of the organisers said nobody had been violent before the police came."],
    ["The government said the gathering had not been authorised and warned against further protests.",
     "Officials described the rally as illegal and threatened tougher measures if it happened again.",
     "A government statement called the march unauthorised and urged people to stay home."],
    ["Opposition politicians called for an independent inquiry into the use of force.",
     "Opposition lawmakers demanded an investigation into how the police had behaved.",
     "Critics in parliament asked for an independent review of the security response."],
    ["Several journalists covering the protest said they had been pushed back by officers.",
     "Reporters at the scene complained that police had blocked them from filming.",
     "At least two camera crews said officers had shoved them away from the crowd."],
    ["Transport in the city was disrupted for hours and schools closed early.",
     "Buses stopped running for much of the afternoon and several schools sent pupils home.",
     "Commuters were stranded as public transport was suspended across the centre."],
    ["By evening the streets were quiet, with armoured vehicles parked at major junctions.",
     "Calm had returned by nightfall, though armoured trucks remained at key crossroads.",
     "Late in the day the centre was empty apart from military vehicles at the main intersections."],
    ["Organisers said they would return to the streets unless the government changed course.",
     "Protest groups vowed to keep demonstrating until their demands were met.",
     "Activists promised more marches in the coming days."],
]

BACKGROUND = [
    ["Anger over {cause} has been building for weeks across {country}.",
     "Resentment over {cause} has grown steadily in {country} in recent weeks."],
    ["The protests are the largest {country} has seen in several years.",
     "Analysts called it the biggest wave of dissent in {country} for years."],
    ["Economists say households in {country} have struggled with rising costs since last year.",
     "Many families in {country} say their incomes no longer cover basic needs."],
    ["The government has defended its policy as necessary to stabilise public finances.",
     "Ministers argue the measures are needed to keep the budget under control."],
    ["Rights groups have previously accused the security forces of using excessive force.",
     "Human rights organisations have long criticised the conduct of the police."],
    ["Similar demonstrations took place in other cities earlier this month.",
     "Smaller rallies were reported in several provincial towns earlier in the month."],
    ["The president is due to address the nation later this week, officials said.",
     "A televised address by the head of state is expected in the coming days."],
    ["Talks between union leaders and ministers broke down without agreement last month.",
     "Negotiations with trade unions collapsed last month."],
]

MENUS = ["Home | World | Politics | Business | Sport | Culture | Opinion",
         "Menu  Search  Subscribe  Sign in",
         "News > World > {region}",
         "Latest  Most read  Video  Podcasts  Newsletters",
         "Skip to main content"]
SHARES = ["Share this article: Facebook Twitter WhatsApp Email",
          "Share  Tweet  Email  Print",
          "Follow us on social media for the latest updates",
          "Click to share on Facebook (Opens in new window)"]
FOOTERS = ["Copyright 2026 {outlet}. All rights reserved.",
           "Advertisement",
           "Read more: Latest world news from {outlet}",
           "Sign up for our morning briefing, delivered daily.",
           "Related: More stories from {region}"]

REGIONS = {"KZ": "Asia", "KE": "Africa", "NG": "Africa", "PK": "Asia", "CO": "Americas",
           "PE": "Americas", "LK": "Asia", "BD": "Asia", "GE": "Europe", "SN": "Africa",
           "EC": "Americas", "ID": "Asia", "MX": "Americas"}


def fill(template, slots):
    return template.format(**slots)


def write_body(rng, slots, type_name):
    """An outlet's own write-up: its lead, some details and background, in its own order."""
    spec = TYPES[type_name]
    paras = [fill(rng.choice(spec["lead"]), slots)]
    details = rng.sample(DETAILS, rng.randint(4, 6))
    background = rng.sample(BACKGROUND, rng.randint(2, 4))
    middle = [fill(rng.choice(s), slots) for s in details]
    # Two or three sentences a paragraph.
    while middle:
        take = rng.randint(1, 2)
        paras.append(" ".join(middle[:take]))
        middle = middle[take:]
    paras.append(" ".join(fill(rng.choice(s), slots) for s in background))
    return paras


def chrome(rng, outlet_name, region):
    slots = {"outlet": outlet_name, "region": region}
    head = [fill(m, slots) for m in rng.sample(MENUS, rng.randint(1, 3))]
    share = [fill(rng.choice(SHARES), slots)]
    foot = [fill(f, slots) for f in rng.sample(FOOTERS, rng.randint(1, 3))]
    return head, share, foot


def roundups(articles, truth_articles, parts, k, rng):
    """Digest pages of k write-ups each (see --roundup): the first one's page
    chrome around the titles and bodies of all k, drawn in a shuffled order
    (neighbours in `articles` are often copies of one wire story)."""
    n = len(articles) // k
    order = list(range(n * k))
    rng.shuffle(order)
    pages, truth = [], []
    for j in range(n):
        members = order[j * k:(j + 1) * k]
        head, _, footer = parts[members[0]]
        lines = list(head)
        for i in members:
            lines += parts[i][1]
        page = dict(articles[members[0]], text="\n\n".join(lines + footer))
        pages.append(page)
        truth.append(dict(truth_articles[members[0]], happenings=[truth_articles[i]["happening"] for i in members]))
    return pages, truth


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-")
    ap.add_argument("--truth", default=None)
    ap.add_argument("--start", default="2026-03-01", help="first happening date")
    ap.add_argument("--days", type=int, default=30, help="happenings spread over this many days")
    ap.add_argument("--roundup", type=int, default=1, help="write-ups per page (5: the reference sample's size)")
    args = ap.parse_args(argv)

    if args.roundup < 1:
        ap.error("--roundup must be at least 1")
    rng = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    articles, truth_articles, happenings = [], [], []
    parts = []  # per article: (lines above the title, title and body, footer)
    hid = 0
    while len(articles) < args.articles * args.roundup:
        hid += 1
        country, iso2, city, admin1, lat, lon = rng.choice(PLACES)
        type_name = rng.choice(sorted(TYPES))
        day = start + datetime.timedelta(days=rng.randrange(args.days))
        killed = rng.randint(2, 40)
        injured = killed * rng.randint(2, 6)
        arrested = rng.randint(10, 600)
        crowd = rng.choice(["hundreds of", "thousands of", "about 2,000", "several hundred", "more than 5,000"])
        h = {"id": f"h{hid:05d}", "type": type_name, "country": iso2, "city": city, "admin1": admin1,
             "lat": lat, "lon": lon, "date": day.isoformat(), "killed": killed, "injured": injured,
             "arrested": arrested, "articles": []}
        happenings.append(h)
        base = {"city": city, "country": country, "cause": rng.choice(CAUSES), "crowd": crowd,
                "weekday": day.strftime("%A"), "killed": killed, "injured": injured, "arrested": arrested}
        outlets = rng.sample(OUTLETS, rng.randint(2, 4))
        writers = [(o, False) for o in outlets]
        if rng.random() < 0.4:
            writers.append((WIRE, True))
        for (site, name), is_wire in writers:
            if len(articles) >= args.articles * args.roundup:
                break
            claimant = rng.choice(CLAIMANTS)
            slots = dict(base, claimant=claimant, claimant_cap=claimant[0].upper() + claimant[1:])
            # Outlets disagree a little on the figures, as reports do.
            if rng.random() < 0.3:
                slots["killed"] = killed + rng.randint(0, 5)
            title = fill(rng.choice(TYPES[type_name]["title"]), slots)
            paras = write_body(rng, slots, type_name)
            published = day + datetime.timedelta(days=rng.randint(0, 1))
            aid = f"{h['id']}-{site.split('.')[0]}"
            original = aid
            copies = [(site, name, False)]
            if is_wire:
                for csite, cname in rng.sample(OUTLETS, rng.randint(2, 5)):
                    copies.append((csite, cname, True))
            for csite, cname, is_copy in copies:
                if len(articles) >= args.articles * args.roundup:
                    break
                cid = aid if not is_copy else f"{aid}-on-{csite.split('.')[0]}"
                body = list(paras)
                ctitle = title
                if is_copy:
                    edit = rng.random()
                    if edit < 0.25 and len(body) > 4:
                        body = body[:-1]  # trimmed for length
                    elif edit < 0.4:
                        body[0] = body[0].replace(" said.", " told reporters.")
                    if rng.random() < 0.5:
                        ctitle = f"{title} | {cname}"
                head, share, foot = chrome(rng, cname, REGIONS.get(iso2, "World"))
                text_lines = head + [ctitle, share[0]] if is_copy or rng.random() < 0.5 else [ctitle]
                footer = foot if is_copy or rng.random() < 0.3 else []
                text = "\n\n".join(text_lines + ([f"By {name} staff"] if not is_wire else [f"{name}"]) + body + footer)
                # what a digest page (--roundup) keeps of it: its title and body
                parts.append((text_lines, [ctitle] + body, footer))
                url = f"https://{csite}/world/{published.isoformat().replace('-', '/')}/{cid}"
                articles.append({"id": cid, "url": url, "title": ctitle, "date": published.isoformat(),
                                 "text": text})
                truth_articles.append({"id": cid, "happening": h["id"], "story": original,
                                       "copy_of": original if is_copy else None, "outlet": csite})
                h["articles"].append(cid)

    if args.roundup > 1:
        articles, truth_articles = roundups(articles, truth_articles, parts, args.roundup, random.Random(args.seed))
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    for a in articles:
        out.write(json.dumps(a, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as f:
            json.dump({"seed": args.seed, "articles": truth_articles, "happenings": happenings}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
