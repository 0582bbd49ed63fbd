#include "fuse/fusion.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#include "dateline/event_json.h"
#include "fuse/simhash.h"

namespace dateline::fuse {
namespace {

int PrecisionRank(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::kPoint: return 0;
    case PlacePrecision::kCity: return 1;
    case PlacePrecision::kAdmin1: return 2;
    case PlacePrecision::kCountry: return 3;
    case PlacePrecision::kNone: break;
  }
  return 4;
}

bool Conflict(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a != b;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int MainSentence(const Event& e) { return e.evidence.empty() ? -1 : e.evidence.front().sentence; }

struct Keyed {
  const Report* report;
  // Tie-break of the total order, made only when the other keys tie (rare:
  // one article's sentence giving two events), since it is costly.
  mutable std::optional<std::string> json;
  const std::string& Json() const {
    if (!json) json = EventToJson(report->event);
    return *json;
  }
};

bool KeyedBefore(const Keyed& a, const Keyed& b) {
  const int sa = MainSentence(a.report->event), sb = MainSentence(b.report->event);
  if (auto c = std::tie(a.report->published, a.report->event.article, sa) <=>
               std::tie(b.report->published, b.report->event.article, sb);
      c != 0) {
    return c < 0;
  }
  return a.Json() < b.Json();
}

}  // namespace

std::optional<std::int64_t> DayNumber(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return -1;
      v = v * 10 + (date[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {

// The Hash64 of an event's main evidence sentence (FusionView::evidence_hash).
std::uint64_t EvidenceHash(const Event& e) {
  if (e.evidence.empty() || e.evidence.front().text.empty()) return 0;
  return Hash64(e.evidence.front().text) | 1;  // never 0
}

}  // namespace

FusionView ViewOf(const Event& e) {
  FusionView v;
  v.article = e.article;
  v.date = e.date;
  v.date_precision = e.date_precision;
  if (e.date_precision == DatePrecision::kDay) v.day = DayNumber(e.date);
  v.published_date = e.date_basis == "published";
  v.cameo = e.cameo;
  v.root = e.root;
  v.plover_type = e.plover_type;
  v.negated = e.negated;
  v.modality = e.modality;
  auto actor = [](const Actor& a) {
    return ActorView{a.empty() ? std::string_view() : a.code.empty() ? std::string_view(a.text) : a.code,
                     a.country, a.agent};
  };
  v.source = actor(e.source);
  v.target = actor(e.target);
  const Location& l = e.location;
  v.location = LocationView{l.name, l.admin1, l.country, l.geonameid, l.lat, l.lon, l.precision};
  v.evidence_hash = EvidenceHash(e);
  return v;
}

bool CompatibleType(const FusionView& a, const FusionView& b) {
  if (!a.plover_type.empty() && a.plover_type == b.plover_type) return true;
  return !a.root.empty() && a.root == b.root;
}

bool CompatibleActor(const ActorView& a, const ActorView& b) {
  if (a.code.empty() || b.code.empty()) return true;
  if (a.code == b.code) return true;
  return !Conflict(a.country, b.country) && !Conflict(a.agent, b.agent) &&
         !(a.country.empty() && a.agent.empty() && b.country.empty() && b.agent.empty());
}

bool CompatiblePlace(const FusionView& x, const FusionView& y, double max_km) {
  const LocationView &a = x.location, &b = y.location;
  if (a.empty() || b.empty()) {
    // Without a place only copies of one sentence are one happening.
    return a.empty() && b.empty() && x.evidence_hash != 0 && x.evidence_hash == y.evidence_hash;
  }
  if (Conflict(a.country, b.country)) return false;
  if (a.geonameid != 0 && a.geonameid == b.geonameid) return true;
  const int ra = PrecisionRank(a.precision), rb = PrecisionRank(b.precision);
  const int country = PrecisionRank(PlacePrecision::kCountry), admin1 = PrecisionRank(PlacePrecision::kAdmin1);
  if (ra == country || rb == country) return ra == rb && a.country == b.country;
  if (std::max(ra, rb) == admin1) return !a.admin1.empty() && a.admin1 == b.admin1;
  if (a.lat && a.lon && b.lat && b.lon) return HaversineKm(*a.lat, *a.lon, *b.lat, *b.lon) <= max_km;
  return !a.name.empty() && a.name == b.name;
}

bool CompatibleDate(const FusionView& a, const FusionView& b, int max_days) {
  if (a.date_precision == DatePrecision::kDay && b.date_precision == DatePrecision::kDay) {
    const auto &x = a.day, &y = b.day;
    if (!x || !y) return a.date == b.date;
    const int slack = (a.published_date || b.published_date) ? max_days : 0;
    return std::llabs(*x - *y) <= slack;
  }
  return a.date_precision == b.date_precision && a.date == b.date;
}

// Something the two reports positively share beyond compatibility: the same
// source or target code, or the same CAMEO code at the same local place (one
// gazetteer id, or city-level points within max_km), or the same main
// sentence. Without it, reports with empty actors would bridge unrelated happenings.
bool SharedAnchor(const FusionView& a, const FusionView& b, double max_km) {
  if (!a.source.code.empty() && a.source.code == b.source.code) return true;
  if (!a.target.code.empty() && a.target.code == b.target.code) return true;
  if (a.cameo != b.cameo) return false;
  if (a.evidence_hash != 0 && a.evidence_hash == b.evidence_hash) return true;
  if (a.location.geonameid != 0 && a.location.geonameid == b.location.geonameid) return true;
  auto local = [](const LocationView& l) {
    return (l.precision == PlacePrecision::kCity || l.precision == PlacePrecision::kPoint) && l.lat && l.lon;
  };
  return local(a.location) && local(b.location) &&
         HaversineKm(*a.location.lat, *a.location.lon, *b.location.lat, *b.location.lon) <= max_km;
}

bool SameHappening(const FusionView& a, const FusionView& b, const FusionOptions& options) {
  // The coder already joined the reports of one happening within an article;
  // two events it kept apart there are two happenings.
  if (!a.article.empty() && a.article == b.article) return false;
  return a.negated == b.negated && a.modality == b.modality && CompatibleType(a, b) &&
         CompatibleDate(a, b, options.max_days) && CompatiblePlace(a, b, options.max_km) &&
         CompatibleActor(a.source, b.source) && CompatibleActor(a.target, b.target) &&
         SharedAnchor(a, b, options.max_km);
}

bool SameHappening(const Event& a, const Event& b, const FusionOptions& options) {
  return SameHappening(ViewOf(a), ViewOf(b), options);
}

bool ReportBefore(const Report& a, const Report& b) {
  Keyed ka{&a, std::nullopt}, kb{&b, std::nullopt};
  return KeyedBefore(ka, kb);
}

CanonicalEvent MakeCanonical(std::vector<Report> reports) {
  std::vector<const Report*> order;
  order.reserve(reports.size());
  for (const Report& r : reports) order.push_back(&r);
  CanonicalEvent out = MakeCanonicalOf(order);
  out.reports.reserve(order.size());
  for (const Report* r : order) out.reports.push_back(std::move(*const_cast<Report*>(r)));
  return out;
}

CanonicalEvent MakeCanonicalOf(std::vector<const Report*>& reports) {
  CanonicalEvent out;
  if (reports.empty()) return out;
  {
    std::vector<Keyed> keyed;
    keyed.reserve(reports.size());
    for (const Report* r : reports) keyed.push_back({r, std::nullopt});
    std::sort(keyed.begin(), keyed.end(), KeyedBefore);
    for (std::size_t i = 0; i < keyed.size(); ++i) reports[i] = keyed[i].report;
  }

  out.event = reports.front()->event;
  std::set<std::string> articles, sources;
  out.first_seen = reports.front()->published;
  out.last_seen = reports.front()->published;
  for (const Report* rp : reports) {
    const Report& r = *rp;
    out.num_mentions += std::max<int>(1, static_cast<int>(r.event.evidence.size()));
    articles.insert(r.event.article);
    sources.insert(r.source.empty() ? "\x01" + r.event.article : r.source);
    if (!r.published.empty() && (out.first_seen.empty() || r.published < out.first_seen)) out.first_seen = r.published;
    if (r.published > out.last_seen) out.last_seen = r.published;
  }
  out.num_articles = static_cast<int>(articles.size());
  out.num_sources = static_cast<int>(sources.size());

  // Figures per (kind, claimant). Reports are in order, so the last one seen is the latest.
  struct Acc {
    Figure figure;
    std::set<std::string> stories;
  };
  std::map<std::pair<std::string, std::string>, Acc> acc;
  for (const Report* rp : reports) {
    const Report& r = *rp;
    const Counts& c = r.event.counts;
    const std::pair<const char*, const std::optional<Count>*> kinds[] = {
        {"killed", &c.killed},       {"injured", &c.injured},     {"arrested", &c.arrested},
        {"participants", &c.participants}, {"displaced", &c.displaced}, {"troops", &c.troops}};
    const std::string claimant = r.event.claimed_by ? Lower(r.event.claimed_by->who) : "";
    for (const auto& [kind, count] : kinds) {
      if (!*count) continue;
      Acc& a = acc[{kind, claimant}];
      Figure& f = a.figure;
      if (f.reports == 0) {
        f.kind = kind;
        f.claimant = claimant;
        f.min = (*count)->min;
        f.max = (*count)->max;
      }
      f.min = std::min(f.min, (*count)->min);
      f.max = std::max(f.max, (*count)->max);
      f.latest = **count;
      f.latest_article = r.event.article;
      ++f.reports;
      a.stories.insert(r.story.empty() ? r.event.article : r.story);
    }
  }
  for (auto& [key, a] : acc) {
    a.figure.stories = static_cast<int>(a.stories.size());
    out.figures.push_back(a.figure);
  }
  // Canonical counts: per kind, the claimant heard in most stories.
  Counts counts;
  std::map<std::string, const Figure*> chosen;
  for (const Figure& f : out.figures) {
    const Figure*& best = chosen[f.kind];
    if (!best || f.stories > best->stories) best = &f;  // figures are sorted: "" first, then by name
  }
  for (const auto& [kind, f] : chosen) {
    Count c = f->latest;
    c.min = f->min;
    c.max = f->max;
    if (kind == "killed") counts.killed = c;
    if (kind == "injured") counts.injured = c;
    if (kind == "arrested") counts.arrested = c;
    if (kind == "participants") counts.participants = c;
    if (kind == "displaced") counts.displaced = c;
    if (kind == "troops") counts.troops = c;
  }
  out.event.counts = counts;
  return out;
}

std::vector<Figure> FiguresOf(const Report& report) {
  std::vector<Figure> out;
  const Event& e = report.event;
  const Counts& c = e.counts;
  if (c.empty()) return out;
  // In MakeCanonicalOf's order: by kind, then claimant (one here).
  const std::pair<const char*, const std::optional<Count>*> kinds[] = {
      {"arrested", &c.arrested}, {"displaced", &c.displaced},       {"injured", &c.injured},
      {"killed", &c.killed},     {"participants", &c.participants}, {"troops", &c.troops}};
  const std::string claimant = e.claimed_by ? Lower(e.claimed_by->who) : "";
  for (const auto& [kind, count] : kinds) {
    if (!*count) continue;
    Figure& f = out.emplace_back();
    f.kind = kind;
    f.claimant = claimant;
    f.min = (*count)->min;
    f.max = (*count)->max;
    f.latest = **count;
    f.latest_article = e.article;
    f.reports = 1;
    f.stories = 1;
  }
  return out;
}

std::vector<CanonicalEvent> Fuse(std::vector<Report> reports, const FusionOptions& options) {
  const std::size_t n = reports.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (find(i) == find(j)) continue;
      if (SameHappening(reports[i].event, reports[j].event, options)) parent[find(i)] = find(j);
    }
  }
  std::map<std::size_t, std::vector<Report>> groups;
  for (std::size_t i = 0; i < n; ++i) groups[find(i)].push_back(std::move(reports[i]));
  std::vector<CanonicalEvent> out;
  for (auto& [root, group] : groups) out.push_back(MakeCanonical(std::move(group)));
  std::sort(out.begin(), out.end(), [](const CanonicalEvent& a, const CanonicalEvent& b) {
    return ReportBefore(a.reports.front(), b.reports.front());
  });
  return out;
}

}  // namespace dateline::fuse
