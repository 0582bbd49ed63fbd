#include "geo/resolver.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "geo/normalize.h"

namespace dateline::geo {
namespace {

constexpr double kAltNameWeight = 0.4;  // per doubling of the alternate names
constexpr double kExactNameBonus = 1.0;  // the text's name is the place's own, not an alternate

double Prominence(const PlaceView& p) {
  double s = std::log10(static_cast<double>(p.population) + 10.0);
  // Countries carry no alternate-name count: they get what a well-known city
  // has (30 names), so that "Panama" stays the country. A region gets none:
  // a bare "Lagos" or "Shymkent" is the city.
  if (p.kind == PlaceKind::kCountry) return s + 4.0 + kAltNameWeight * 4.95;
  if (p.kind == PlaceKind::kAdmin1) return s - 0.5;
  // How well known a place is beyond its size: the world names it in many
  // languages (St. Louis, Missouri over Saint-Louis, Senegal).
  s += kAltNameWeight * std::log2(1.0 + static_cast<double>(p.alt_names));
  const std::string_view fc = p.feature_code;
  if (fc == "PPLC") return s + 2.5;
  if (fc == "PPLA") return s + 1.0;
  if (fc == "PPLA2") return s + 0.4;
  if (fc == "PPLX" || fc == "PPLH" || fc == "PPLQ") return s - 0.5;
  return s;
}

// Great-circle distance between two places, in km.
double KmBetween(const PlaceView& a, const PlaceView& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// The region a qualifier stands for: a country ("" admin1) or an admin-1 region.
struct Region {
  std::string country, admin1;
  bool valid() const { return !country.empty(); }
};

}  // namespace

namespace {

// Slot of an ISO alpha-2 code in a 26 x 26 table; -1 when not two letters A-Z.
int CountrySlot(std::string_view cc) {
  if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
  return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

// A resolved toponym over the candidate's words (its place not yet set).
ResolvedToponym SpanOf(const ToponymCandidate& c) {
  ResolvedToponym r;
  r.start = c.start;
  r.end = c.end;
  r.first_token = c.first_token;
  r.end_token = c.end_token;
  r.sentence = c.sentence;
  r.paragraph = c.paragraph;
  return r;
}

}  // namespace

Geoparser::Geoparser(const Gazetteer* gazetteer, const lexicon::Lexicon* lexicon,
                     const GeoparseOptions& options)
    : gazetteer_(gazetteer), lexicon_(lexicon), options_(options) {
  largest_city_.assign(26 * 26, kNoPlace);
  std::vector<uint32_t> best_pop(26 * 26, 0);
  const uint32_t n = gazetteer_->num_places();
  for (PlaceIndex i = 0; i < n; ++i) {
    // BriefAt, not PlaceAt: this runs over every place at start-up
    const PlaceBrief p = gazetteer_->BriefAt(i);
    if (p.kind != PlaceKind::kCity || std::memcmp(p.feature_code, "PPLX", 5) == 0) continue;
    // a NUL in the padded code is no capital letter: as CountrySlot of the trimmed code
    const int slot = CountrySlot(std::string_view(p.country, 2));
    if (slot < 0) continue;
    if (largest_city_[slot] == kNoPlace || p.population > best_pop[slot]) {
      best_pop[slot] = p.population;
      largest_city_[slot] = i;
    }
  }
  prefixes_.Build(*gazetteer_);
}

Geoparser::Geoparser(Geoparser&& parser, const lexicon::Lexicon* lexicon)
    : gazetteer_(parser.gazetteer_),
      lexicon_(lexicon),
      options_(parser.options_),
      largest_city_(std::move(parser.largest_city_)),
      prefixes_(std::move(parser.prefixes_)) {}

std::optional<PlaceIndex> Geoparser::LargestCity(std::string_view country) const {
  const int slot = CountrySlot(country);
  if (slot < 0 || largest_city_[slot] == kNoPlace) return std::nullopt;
  return largest_city_[slot];
}

std::optional<PlaceIndex> Geoparser::CapitalPlace(std::string_view country) const {
  if (country.empty()) return std::nullopt;
  auto cap = gazetteer_->CapitalOf(country);
  if (!cap) return std::nullopt;
  return cap->index;
}

ArticlePlaces Geoparser::Parse(const Article& article, const TokenizedText& text,
                               std::span<const lexicon::PhraseMatch> actors) const {
  ParseHints hints;
  hints.actors = actors;
  return Parse(article, text, hints);
}

ArticlePlaces Geoparser::Parse(const Article& article, const TokenizedText& text,
                               const ParseHints& hints) const {
  const std::span<const lexicon::PhraseMatch> actors_in = hints.actors;
  ArticlePlaces result;
  const Gazetteer& g = *gazetteer_;
  std::vector<lexicon::PhraseMatch> computed;
  std::span<const lexicon::PhraseMatch> actors = actors_in;
  if (actors.empty() && lexicon_ != nullptr) {
    for (const Sentence& s : text.sentences) {
      auto m = lexicon_->MatchActors(text, s.first_token, s.end_token);
      computed.insert(computed.end(), m.begin(), m.end());
    }
    actors = computed;
  }
  std::vector<ToponymCandidate> found =
      FindToponyms(g, article, text, actors, lexicon_, options_.finder, &prefixes_,
                   hints.not_places);
  const size_t n = found.size();

  auto cands = [&](const ToponymCandidate& c) {
    return c.places.subspan(0, std::min<size_t>(c.places.size(), options_.max_candidates));
  };

  // Focus country votes; the lead (first two body paragraphs) counts double.
  uint32_t lead_paragraph = 0;
  for (size_t p = 0, body = 0; p < article.paragraphs.size(); ++p) {
    if (article.paragraphs[p].kind != ParagraphKind::kBody) continue;
    lead_paragraph = static_cast<uint32_t>(p);
    if (++body == 2) break;
  }
  std::map<std::string, double> votes;
  std::set<std::string_view> named_countries;  // views into the gazetteer
  for (const auto& c : found) {
    if (c.description != DescriptionKind::kNone || c.in_organization || c.places.empty()) continue;
    // "the Mirpur market in Dhaka": the name that holds it votes
    if (c.inside >= 0) continue;
    PlaceView top = g.PlaceAt(c.places.front());
    // A name after "in", "at", "near"... is where things happen: it counts more.
    const double w = (c.dateline ? 0.5 : (c.paragraph <= lead_paragraph ? 2.0 : 1.0)) *
                     (c.preposition_before && !c.origin ? 1.5 : 1.0);
    if (top.kind == PlaceKind::kCountry) {
      bool rival = false;  // Georgia the US state
      for (PlaceIndex p : cands(c)) {
        PlaceView v = g.PlaceAt(p);
        if (v.kind == PlaceKind::kAdmin1 && v.country != top.country) rival = true;
      }
      votes[std::string(top.country)] += w * (rival ? 0.5 : 2.0);
      if (!rival) named_countries.insert(top.country);
    } else {
      bool one_country = true;
      for (PlaceIndex p : cands(c))
        if (g.PlaceAt(p).country != top.country) one_country = false;
      if (one_country) votes[std::string(top.country)] += w * 1.5;
    }
  }
  if (lexicon_ != nullptr) {
    std::unordered_map<std::string, std::string> a2;
    for (const auto& m : actors) {
      const auto& e = lexicon_->Actor(m.entry);
      if (e.country.empty() || e.kind == lexicon::ActorKind::kCountry) continue;
      auto it = a2.find(e.country);
      if (it == a2.end()) {
        auto cv = g.Country(e.country);
        it = a2.emplace(e.country, cv ? std::string(cv->alpha2) : std::string()).first;
      }
      if (it->second.empty()) continue;
      votes[it->second] += e.kind == lexicon::ActorKind::kDemonym ? 1.0 : 0.5;
    }
  } else {
    for (const Token& t : text.tokens) {
      if (!t.capitalized || t.kind != TokenKind::kWord) continue;
      if (auto cv = g.CountryByDemonym(t.norm)) votes[std::string(cv->alpha2)] += 1.0;
    }
  }
  // The dateline's place when the text does not open with it.
  bool dateline_in_text = false;
  for (const auto& c : found) dateline_in_text |= c.dateline;
  if (!article.dateline.empty() && !dateline_in_text) {
    std::string_view dl(article.dateline);
    size_t comma = dl.find(',');
    std::string_view city = dl.substr(0, comma);
    std::string qual_country;
    if (comma != std::string_view::npos) {
      auto q = g.Candidates(dl.substr(comma + 1));
      if (!q.empty()) qual_country = std::string(g.PlaceAt(q.front()).country);
    }
    double best = -1e9;
    for (PlaceIndex p : g.Candidates(city)) {
      PlaceView v = g.PlaceAt(p);
      double s = Prominence(v) + (!qual_country.empty() && v.country == qual_country ? 6 : 0);
      if (s > best) {
        best = s;
        result.dateline = p;
      }
    }
    if (result.dateline) votes[std::string(g.PlaceAt(*result.dateline).country)] += 0.5;
  }
  double best_vote = 0.99;
  for (const auto& [cc, v] : votes) {
    if (v > best_vote) {
      best_vote = v;
      result.focus_country = cc;
    }
  }
  if (!result.focus_country.empty()) {
    if (auto cv = g.Country(result.focus_country)) result.focus = cv->place.index;
  }
  const std::string& focus = result.focus_country;

  // Resolution: pass 0 without context (qualifiers come after their name, so
  // go backwards), pass 1 with the other names, summed per name.
  std::vector<int32_t> choice(n, -1);  // index into cands(c)
  std::vector<PlaceIndex> chosen(n, 0);
  std::vector<double> margin(n, 0);
  auto region_of = [&](size_t q) -> Region {
    if (q >= n || choice[q] < 0) return {};
    PlaceView v = g.PlaceAt(chosen[q]);
    if (v.kind == PlaceKind::kCountry) return {std::string(v.country), ""};
    if (v.kind == PlaceKind::kAdmin1 || (v.kind == PlaceKind::kCity && found[q].want_admin1))
      return {std::string(v.country), std::string(v.admin1)};
    return {};
  };
  // Distinct names resolved in each country / admin-1 region (views into the
  // gazetteer and into `found`).
  std::map<std::string_view, std::set<std::string_view>> country_keys;
  std::map<std::pair<std::string_view, std::string_view>, std::set<std::string_view>> admin1_keys;
  // Which names qualify which ("London, Ontario"): a qualifier is a region
  // that holds its head, so its regions that hold one of the head's
  // candidates gain.
  std::vector<std::vector<uint32_t>> heads(n);
  for (size_t k = 0; k < n; ++k)
    for (int32_t q : {found[k].qualifier, found[k].qualifier2})
      if (q >= 0 && static_cast<size_t>(q) < n) heads[q].push_back(static_cast<uint32_t>(k));
  auto holds_a_head = [&](size_t q, const PlaceView& v) {
    for (uint32_t h : heads[q]) {
      for (PlaceIndex u : cands(found[h])) {
        PlaceView w = g.PlaceAt(u);
        if (w.index == v.index || w.kind == PlaceKind::kCountry || w.country != v.country) continue;
        if (v.kind == PlaceKind::kCountry || w.admin1 == v.admin1) return true;
      }
    }
    return false;
  };
  std::string name_key;  // reused: the normalised display name of a candidate
  auto score = [&](size_t k, const PlaceView& v, bool context, bool* qualified) {
    const ToponymCandidate& c = found[k];
    double s = Prominence(v);
    NormalizePlaceName(v.name, &name_key);
    if (name_key == c.key) s += kExactNameBonus;
    if (!heads[k].empty() && v.kind != PlaceKind::kCity && holds_a_head(k, v)) s += 4.0;
    if (c.want_admin1) s += v.kind == PlaceKind::kAdmin1 ? 4.0 : -0.5;
    if (c.want_city && v.kind == PlaceKind::kCity) s += 1.0;
    if (c.is_capital) s += v.feature_code == "PPLC" ? 5.0 : (v.feature_code == "PPLA" ? 1.0 : 0.0);
    if (c.is_largest_city) {
      auto lc = LargestCity(c.of_country.empty() ? focus : c.of_country);
      if (lc && *lc == v.index) s += 6.0;
    }
    if (!focus.empty() && v.country == focus) s += 3.0;
    if (!c.of_country.empty() && v.country == c.of_country) s += 2.0;
    for (int32_t q : {c.qualifier, c.qualifier2}) {
      if (q < 0) continue;
      Region r = region_of(q);
      if (!r.valid() || v.index == chosen[q]) continue;
      // "Lebanon, Tenn.": a reading outside the qualifier's region is unlikely.
      const bool inside = v.country == r.country && v.kind != PlaceKind::kCountry &&
                          (r.admin1.empty() || v.admin1 == r.admin1);
      if (!inside && (!r.admin1.empty() || v.kind != PlaceKind::kCountry)) s -= 4.0;
      if (v.country != r.country) continue;
      if (r.admin1.empty()) {
        s += 6.0;
        if (qualified) *qualified = true;
      } else if (v.admin1 == r.admin1) {
        s += 8.0;
        if (qualified) *qualified = true;
      }
    }
    if (context) {
      const std::string_view cc = v.country;
      auto it = country_keys.find(cc);
      if (it != country_keys.end()) {
        size_t others = it->second.size() - (it->second.count(c.key) ? 1 : 0);
        s += std::min(0.8 * static_cast<double>(others), 2.4);
      }
      if (!v.admin1.empty()) {
        auto jt = admin1_keys.find({cc, v.admin1});
        if (jt != admin1_keys.end()) {
          size_t others = jt->second.size() - (jt->second.count(c.key) ? 1 : 0);
          // A region that holds the article's other places is the one meant
          // (Georgia the state beside Atlanta or Savannah), unless a city of
          // the same name lies in it (Lagos the city beside Lekki).
          bool namesake_city = false;
          if (v.kind == PlaceKind::kAdmin1) {
            for (PlaceIndex u : cands(c)) {
              PlaceView w = g.PlaceAt(u);
              if (w.kind == PlaceKind::kCity && w.country == cc && w.admin1 == v.admin1)
                namesake_city = true;
            }
          }
          s += v.kind == PlaceKind::kAdmin1 && !namesake_city
                   ? std::min(4.5 * static_cast<double>(others), 9.0)
                   : std::min(1.5 * static_cast<double>(others), 3.0);
        }
      }
      if (v.kind != PlaceKind::kCountry && named_countries.count(cc)) s += 1.5;
    }
    return s;
  };

  for (size_t k = n; k-- > 0;) {
    const ToponymCandidate& c = found[k];
    if (c.description != DescriptionKind::kNone) continue;
    double best = -1e9;
    auto cs = cands(c);
    for (size_t j = 0; j < cs.size(); ++j) {
      double s = score(k, g.PlaceAt(cs[j]), false, nullptr);
      if (s > best) {
        best = s;
        choice[k] = static_cast<int32_t>(j);
        chosen[k] = cs[j];
      }
    }
  }
  for (size_t k = 0; k < n; ++k) {
    if (choice[k] < 0 || found[k].in_organization) continue;
    PlaceView v = g.PlaceAt(chosen[k]);
    country_keys[v.country].insert(found[k].key);
    if (!v.admin1.empty() && v.kind != PlaceKind::kCountry)
      admin1_keys[{v.country, v.admin1}].insert(found[k].key);
  }
  // Pass 1: one sense per name, scores summed over its mentions.
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  for (size_t k = 0; k < n; ++k)
    if (choice[k] >= 0) by_key[found[k].key + (found[k].want_admin1 ? "|region" : "")].push_back(k);
  std::vector<bool> qualified_ok(n, false);
  for (auto& [key, ks] : by_key) {
    auto cs = cands(found[ks.front()]);
    std::vector<double> total(cs.size(), 0);
    std::vector<bool> qual(cs.size(), false);
    for (size_t k : ks) {
      for (size_t j = 0; j < cs.size(); ++j) {
        bool q = false;
        total[j] += score(k, g.PlaceAt(cs[j]), true, &q);
        if (q) qual[j] = true;
      }
    }
    size_t bj = 0;
    double best = -1e9, second = -1e9;
    for (size_t j = 0; j < cs.size(); ++j) {
      if (total[j] > best) {
        second = best;
        best = total[j];
        bj = j;
      } else if (total[j] > second) {
        second = total[j];
      }
    }
    const double m = cs.size() == 1 ? 4.0 : (best - second) / static_cast<double>(ks.size());
    for (size_t k : ks) {
      choice[k] = static_cast<int32_t>(bj);
      chosen[k] = cs[bj];
      margin[k] = m;
      qualified_ok[k] = qual[bj];
    }
  }

  // "the Lekki toll gate in Lagos": X lies in the city Y. A reading of X
  // that is a town of its own far from Y (Lekki, some 75 km east; New
  // Mirpur, Pakistan, for "the Mirpur market in Dhaka") is a namesake: this
  // mention of X is then a reading near Y, or else a part of Y the gazetteer
  // does not know, which is Y. A capital, a region's seat or a city of a
  // million keeps its reading ("the Moscow market in Tver" is named after
  // Moscow), and other mentions of the name are left as they are.
  for (size_t k = 0; k < n; ++k) {
    const int32_t q = found[k].inside;
    if (q < 0 || static_cast<size_t>(q) >= n || choice[k] < 0 || choice[q] < 0) continue;
    if (found[k].want_admin1 || found[k].stop_listed || found[q].want_admin1 || found[q].origin)
      continue;
    const PlaceView x = g.PlaceAt(chosen[k]), y = g.PlaceAt(chosen[q]);
    if (x.kind != PlaceKind::kCity || y.kind != PlaceKind::kCity || x.index == y.index) continue;
    if (x.feature_code == "PPLC" || x.feature_code == "PPLA" || x.population >= 1000000) continue;
    const double radius = options_.part_of_km;
    if (KmBetween(x, y) <= radius) continue;
    chosen[k] = y.index;
    for (PlaceIndex p : cands(found[k])) {
      PlaceView v = g.PlaceAt(p);
      if (v.kind == PlaceKind::kCity && KmBetween(v, y) <= radius) {
        chosen[k] = p;
        break;
      }
    }
  }

  for (size_t k = 0; k < n; ++k) {
    const ToponymCandidate& c = found[k];
    if (c.in_organization) continue;
    if (c.description == DescriptionKind::kTheCity) continue;  // below, once the article's city is known
    ResolvedToponym r = SpanOf(c);
    r.dateline = c.dateline;
    r.in_actor = c.in_actor;
    r.cued = c.preposition_before && !c.origin;
    r.origin = c.origin;
    if (c.description != DescriptionKind::kNone) {
      const std::string& cc = c.of_country.empty() ? focus : c.of_country;
      auto p = c.description == DescriptionKind::kCapital ? CapitalPlace(cc) : LargestCity(cc);
      if (!p) continue;
      r.place = *p;
      r.description = true;
      r.score = c.of_country.empty() ? 0.7 : 0.9;
      result.toponyms.push_back(r);
      continue;
    }
    if (choice[k] < 0) continue;
    if (c.stop_listed && !qualified_ok[k] && heads[k].empty()) continue;
    PlaceView v = g.PlaceAt(chosen[k]);
    // An unknown hamlet far from the story, named with no cue: more likely a word.
    if (v.kind == PlaceKind::kCity && v.country != focus && !qualified_ok[k] && !c.dateline &&
        v.population < (c.preposition_before ? 20000u : 50000u))
      continue;
    if (c.want_admin1 && v.kind == PlaceKind::kCity) {
      if (auto a = g.Admin1(v.country, v.admin1)) v = *a;
    }
    r.place = v.index;
    double conf = 1.0 / (1.0 + std::exp(-margin[k]));
    if (c.sentence_initial && !c.preposition_before) conf *= 0.9;
    r.score = std::round(conf * 1000.0) / 1000.0;
    if (c.dateline) result.dateline = r.place;
    result.toponyms.push_back(r);
  }
  // No country or people named: the focus is the country most of the
  // resolved places lie in ("Police in Lima ..." names no country, but Lima
  // resolves to Peru).
  if (result.focus_country.empty()) {
    std::map<std::string_view, int> places_in;
    int placed = 0;
    for (const ResolvedToponym& r : result.toponyms) {
      if (r.origin || r.in_actor) continue;
      ++placed;
      ++places_in[g.PlaceAt(r.place).country];
    }
    for (const auto& [cc, count] : places_in) {
      if (cc.empty() || 2 * count <= placed) continue;
      if (auto cv = g.Country(cc)) {
        result.focus_country = std::string(cc);
        result.focus = cv->place.index;
      }
    }
  }
  // The focus city: the one city of the focus country the article names
  // (the dateline aside, which is where the reporter filed from, unless the
  // article names no other city).
  std::optional<PlaceIndex> city;
  bool one_city = true;
  for (const ResolvedToponym& r : result.toponyms) {
    if (r.origin || r.in_actor || r.dateline) continue;
    PlaceView v = g.PlaceAt(r.place);
    if (v.kind != PlaceKind::kCity || v.country != result.focus_country) continue;
    if (city && *city != r.place) one_city = false;
    city = r.place;
  }
  if (city && one_city) result.focus_city = city;
  // No other city named: the dateline's, when it lies in the focus country
  // ("NAIROBI, Kenya —" over a story that only says "the city center").
  if (!city && !result.focus_country.empty()) {
    auto dateline_city = [&](PlaceIndex p) {
      PlaceView v = g.PlaceAt(p);
      return v.kind == PlaceKind::kCity && v.country == result.focus_country;
    };
    for (const ResolvedToponym& r : result.toponyms) {  // "ALMATY, Kazakhstan –": the city, not its qualifier
      if (r.dateline && dateline_city(r.place)) {
        result.focus_city = r.place;
        break;
      }
    }
    if (!result.focus_city && result.dateline && dateline_city(*result.dateline)) result.focus_city = result.dateline;
  }
  // "in the city center": the one city of the focus country named before it
  // (the dateline's included: "NAIROBI, Kenya — ... in the city center");
  // with none before it, the article's one city; with two or more (Almaty,
  // then Nur-Sultan), unresolved rather than guessed.
  std::vector<ResolvedToponym> the_city;
  for (const ToponymCandidate& c : found) {
    if (c.description != DescriptionKind::kTheCity) continue;
    std::optional<PlaceIndex> named_before;
    bool several = false;
    for (const ResolvedToponym& r : result.toponyms) {
      if (r.start >= c.start) break;
      if (r.origin || r.description) continue;
      PlaceView v = g.PlaceAt(r.place);
      if (v.kind != PlaceKind::kCity || (!result.focus_country.empty() && v.country != result.focus_country)) continue;
      several |= named_before && *named_before != r.place;
      named_before = r.place;
    }
    if (several) continue;
    const std::optional<PlaceIndex> place = named_before ? named_before : result.focus_city;
    if (!place) continue;
    ResolvedToponym r = SpanOf(c);
    r.place = *place;
    r.description = true;
    r.cued = true;
    r.score = 0.7;
    the_city.push_back(r);
  }
  if (!the_city.empty()) {
    result.toponyms.insert(result.toponyms.end(), the_city.begin(), the_city.end());
    std::stable_sort(result.toponyms.begin(), result.toponyms.end(),
                     [](const ResolvedToponym& a, const ResolvedToponym& b) { return a.start < b.start; });
  }
  return result;
}

}  // namespace dateline::geo
