#include "geo/toponym_finder.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "geo/normalize.h"

namespace dateline::geo {
namespace {

using lexicon::ActorKind;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }
bool IsCap(const Token& t) { return IsWord(t) && (t.capitalized || t.all_caps); }

// Lower-case words that may sit inside a multiword place name.
bool IsJoiner(std::string_view w) {
  return In(w, {"de", "del", "della", "da", "do",  "dos", "das",  "di",  "du", "des", "la",
                "le", "el",  "al",    "of", "the", "on",  "upon", "sur", "en", "am",  "im",
                "y",  "e",   "an",    "ul", "ad",  "es",  "as",   "ash", "ar", "ez",  "az",
                "au", "aux", "les",   "lez", "sous", "bin", "ibn", "ben", "bint"});
}

bool IsPreposition(std::string_view w) {
  return In(w, {"in",      "near",    "at",     "outside", "from",    "to",       "into",
                "across",  "around",  "toward", "towards", "through", "via",      "throughout",
                "inside",  "between", "across", "within",  "out",     "on",       "reach",
                "reached", "visited", "visit",  "left",    "entered", "outskirts"});
}

bool IsAdminWord(std::string_view w) {
  return In(w, {"province", "region", "oblast", "state", "district", "governorate", "prefecture",
                "county", "department", "territory", "provinces", "regions", "states", "oblasts"});
}

bool IsOrgHead(std::string_view w) {  // "University of X"
  return In(w, {"university", "college",     "bank",       "institute", "museum",
                "academy",    "archdiocese", "diocese",    "council",   "church",
                "school",     "club",        "republic",   "kingdom",   "embassy",
                "consulate",  "parliament",  "government", "mayor",     "governor"});
}

bool IsOrgTail(std::string_view w) {  // "Nairobi University"
  return In(w,
            {"university", "college",      "institute",   "bank",        "club",       "times",
             "post",       "herald",       "tribune",     "journal",     "exchange",   "stock",
             "fc",         "united",       "polytechnic", "observer",    "gazette",    "chronicle",
             "daily",      "news",         "radio",       "tv",          "television", "symphony",
             "orchestra",  "conservatory", "zoo",         "declaration", "accords",    "accord",
             "agreement",  "protocol",     "format",      "convention",  "treaty",     "group",
             "process",    "summit",       "talks"});
}

// Words that open a sports club's name before its city ("Real Madrid",
// "Inter Milan", "Dynamo Kyiv"): the city is then part of an organisation.
bool IsClubHead(std::string_view w) {
  return In(w, {"real", "inter", "atletico", "athletic", "sporting", "dynamo", "dinamo", "spartak",
                "lokomotiv", "olympique", "borussia", "racing", "deportivo", "hapoel", "maccabi",
                "partizan", "galatasaray", "shakhtar", "zenit", "besiktas", "fenerbahce"});
}

// A capitalised word after a name that makes it part of a natural feature's
// name ("the Red Sea", "the Jordan River", "Lake Victoria" is left alone):
// not a populated place.
bool IsFeatureTail(std::string_view w) {
  return In(w, {"sea", "ocean", "river", "gulf", "strait", "straits", "lake", "canal", "channel",
                "mountains", "desert", "basin", "peninsula", "delta", "valley", "plateau"});
}

bool IsDirection(std::string_view w) {
  return In(
      w, {"north",     "south",        "east",         "west",         "northern",    "southern",
          "eastern",   "western",      "central",      "greater",      "upper",       "lower",
          "new",       "old",          "downtown",     "northeast",    "northwest",   "southeast",
          "southwest", "northeastern", "northwestern", "southeastern", "southwestern"});
}

// "Cali Mayor", "Beirut Port": a place before these stays a place (of an actor).
bool IsPlaceHead(std::string_view w) {
  return In(w, {"mayor",     "governor",   "police",   "airport",   "port",    "municipality",
                "council",   "prosecutor", "station",  "square",    "street",  "avenue",
                "road",      "bridge",     "market",   "mall",      "stadium", "hospital",
                "prison",    "metro",      "city",     "residents", "court",   "authorities",
                "officials", "cathedral",  "mosque",   "harbor",    "harbour", "international",
                "central",   "regional",   "district", "county",    "province"});
}

// Nouns of a site inside a town ("the X toll gate in Y", "the X market in
// Y"): a name before them and "in Y" is a part of Y.
bool IsSiteWord(std::string_view w) {
  // (no roads, stations or bridges: "the Kyiv highway", "the Kyiv station in
  // Moscow" are named after where they lead)
  return In(w, {"toll",    "gate",     "plaza",    "junction",     "roundabout",    "market",
                "square",  "area",     "district", "neighborhood", "neighbourhood", "suburb",
                "quarter", "township", "estate",   "slum",         "camp",          "park",
                "mall",    "stadium",  "campus",   "checkpoint"});
}

// Words after "from" that make a name a point of reference, not an origin:
// "across the river from X", "not far from X", "a short walk from X", "15
// km from X". `from` indexes the "from"; `lo` is the sentence's first token.
bool ReferenceBeforeFrom(const std::vector<Token>& toks, int32_t from, int32_t lo) {
  auto word = [&](int32_t k) -> std::string_view {
    return k >= lo && k < from ? std::string_view(toks[k].norm) : std::string_view();
  };
  // "across the river from", "across the street from"
  if (word(from - 3) == "across" && word(from - 2) == "the" &&
      In(word(from - 1), {"river", "street", "road", "canal", "creek", "harbor", "harbour", "bay",
                          "square", "lagoon"}))
    return true;
  if (word(from - 1) == "far" && word(from - 2) == "not") return true;  // "not far from"
  // "a short walk/drive/distance from"
  if (In(word(from - 1), {"walk", "drive", "distance", "ride"}) && word(from - 2) == "short")
    return true;
  // "15 km from", "10 miles (north) from": near when the distance is short
  int32_t u = from - 1;
  if (IsDirection(word(u))) --u;
  const std::string_view unit = word(u);
  const bool km = In(unit, {"km", "kilometers", "kilometres", "kilometer", "kilometre"});
  const bool miles = In(unit, {"miles", "mile"});
  if ((km || miles) && u - 1 >= lo) {
    const std::string_view n = word(u - 1);
    if (n == "few") return true;  // "a few kilometres from"
    if (!n.empty() && n.find_first_not_of("0123456789") == std::string_view::npos &&
        n.size() <= 3) {
      const int v = std::stoi(std::string(n));
      return km ? v <= 25 : v <= 15;
    }
  }
  return false;
}

// Words that open sentences; never looked up there (speed, and "Of", "Police"-like noise).
bool IsCommonOpener(std::string_view w) {
  return In(w, {"the",        "a",           "an",       "in",      "on",    "at",     "but",
                "he",         "she",         "it",       "they",    "we",    "i",      "this",
                "that",       "these",       "those",    "his",     "her",   "their",  "its",
                "after",      "before",      "when",     "while",   "as",    "if",     "for",
                "from",       "with",        "by",       "to",      "and",   "or",     "so",
                "some",       "many",        "most",     "one",     "there", "what",   "who",
                "how",        "then",        "also",     "all",     "both",  "during", "since",
                "despite",    "although",    "because",  "earlier", "later", "last",   "police",
                "protesters", "authorities", "officials"});
}

// Endings of English demonyms (Kazakh, Colombian, Lebanese, Kuwaiti, Dutch,
// Swiss, Turkish, Thai): only these are asked of the demonym table.
bool LooksLikeDemonym(std::string_view k) {
  auto ends = [&](std::string_view e) {
    return k.size() > e.size() && k.substr(k.size() - e.size()) == e;
  };
  return ends("an") || ends("ese") || ends("ish") || ends("i") || ends("h") || ends("ss") ||
         ends("ic") || ends("ch") || ends("er") || ends("ot") || ends("k") || ends("ns") ||
         ends("is");
}

bool IsCountryMatch(const Gazetteer& g, const NameMatch& m) {
  return !m.places.empty() && g.PlaceAt(m.places.front()).kind == PlaceKind::kCountry;
}

bool IsPersonTitle(std::string_view w) {
  return In(w, {"mr",   "mrs",     "ms",   "miss",  "dr",      "president", "gen",    "general",
                "sen",  "senator", "gov",  "rep",   "king",    "queen",     "prince", "princess",
                "pope", "sir",     "lord", "lady",  "col",     "lt",        "capt",   "sgt",
                "maj",  "prof",    "rev",  "judge", "justice", "actress",   "actor",  "singer"});
}

// The token before `i` in [lo, i), skipping quotes; -1 when none.
int32_t PrevSkippingQuotes(const TokenizedText& text, uint32_t lo, uint32_t i) {
  int32_t j = static_cast<int32_t>(i) - 1;
  while (j >= static_cast<int32_t>(lo) && text.tokens[j].kind == TokenKind::kPunct &&
         (text.tokens[j].norm == "\"" || text.tokens[j].norm == "'" || text.tokens[j].norm == "("))
    --j;
  return j >= static_cast<int32_t>(lo) ? j : -1;
}

constexpr uint64_t kPrefixBits = uint64_t{1} << 22;

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

void MultiwordPrefixes::Build(const Gazetteer& gazetteer) {
  bits_.assign(kPrefixBits / 64, 0);
  // Keys come in order, so the names one first word opens are adjacent: each
  // first word is hashed once.
  std::string_view last;
  const uint32_t n = gazetteer.num_names();
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view key = gazetteer.NameKeyAt(i);
    const size_t sp = key.find(' ');
    if (sp == std::string_view::npos) continue;
    const std::string_view first = key.substr(0, sp);
    if (first == last) continue;
    last = first;
    const uint64_t h = Fnv(first) & (kPrefixBits - 1);
    bits_[h >> 6] |= uint64_t{1} << (h & 63);
  }
}

bool MultiwordPrefixes::MayOpen(std::string_view first_word_key) const {
  if (bits_.empty()) return true;
  uint64_t h = Fnv(first_word_key) & (kPrefixBits - 1);
  return (bits_[h >> 6] >> (h & 63)) & 1;
}

std::vector<ToponymCandidate> FindToponyms(
    const Gazetteer& gazetteer, const Article& article, const TokenizedText& text,
    std::span<const lexicon::PhraseMatch> actors_in, const lexicon::Lexicon* lexicon,
    const FinderOptions& options, const MultiwordPrefixes* prefixes,
    std::span<const std::pair<uint32_t, uint32_t>> not_places) {
  std::vector<ToponymCandidate> out;
  const auto& toks = text.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  const std::string_view body(article.text);

  // Lexicon knowledge: names that block a place, and exact demonym spans.
  std::vector<lexicon::PhraseMatch> computed;
  std::span<const lexicon::PhraseMatch> actors = actors_in;
  if (actors.empty() && lexicon != nullptr) {
    for (const Sentence& s : text.sentences) {
      auto m = lexicon->MatchActors(text, s.first_token, s.end_token);
      computed.insert(computed.end(), m.begin(), m.end());
    }
    actors = computed;
  }
  std::vector<uint8_t> blocked(n, 0);  // inside a person/organisation/media name
  for (const auto& [first, end] : not_places)
    for (uint32_t t = first; t < end && t < n; ++t) blocked[t] = 1;
  std::vector<uint32_t> demonym_end(n, 0);
  if (lexicon != nullptr) {
    for (const auto& m : actors) {
      if (m.end > n || m.first >= m.end) continue;
      ActorKind k = lexicon->Actor(m.entry).kind;
      if (k == ActorKind::kPerson || k == ActorKind::kOrganization || k == ActorKind::kMedia) {
        for (uint32_t t = m.first; t < m.end; ++t) blocked[t] = 1;
      } else if (k == ActorKind::kDemonym) {
        demonym_end[m.first] = std::max(demonym_end[m.first], m.end);
      }
    }
  }

  std::string key, alt;
  for (uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& s = text.sentences[si];
    uint32_t first_word = s.first_token;
    while (first_word < s.end_token && !IsWord(toks[first_word])) ++first_word;
    for (uint32_t i = s.first_token; i < s.end_token && out.size() < options.max_toponyms;) {
      if (!IsCap(toks[i]) || (i == first_word && IsCommonOpener(toks[i].norm))) {
        ++i;
        continue;
      }
      // Possible ends, shortest first.
      std::array<uint32_t, 16> ends{};
      uint32_t num_ends = 0, words = 0;
      for (uint32_t j = i; j < s.end_token && num_ends < ends.size(); ++j) {
        const Token& t = toks[j];
        if (IsCap(t)) {
          ++words;
          ends[num_ends++] = j + 1;
          if (words >= options.max_name_words) break;
        } else if (IsWord(t) && j > i && IsJoiner(t.norm)) {
          // inside only: an end must follow
        } else if (t.kind == TokenKind::kPunct && t.norm == "-" && t.joined_left &&
                   j + 1 < s.end_token && toks[j + 1].joined_left && IsWord(toks[j + 1])) {
          // "Nur-Sultan", "Alma-Ata"
        } else if (t.kind == TokenKind::kPossessive && j > i && j + 1 < s.end_token &&
                   IsCap(toks[j + 1])) {
          // "Cox's Bazar": tried whole, else the name before it
        } else if (t.kind == TokenKind::kPunct && t.norm == "." && t.joined_left && j > i &&
                   toks[j - 1].end - toks[j - 1].start <= 3) {
          // "St. Petersburg"
        } else {
          break;
        }
      }
      if (num_ends > 1 && prefixes != nullptr &&
          !(i + 1 < s.end_token && toks[i + 1].kind == TokenKind::kPossessive)) {
        NormalizePlaceName(body.substr(toks[i].start, toks[i].end - toks[i].start), &key);
        if (key.find(' ') == std::string::npos && !prefixes->MayOpen(key)) num_ends = 1;
      }
      uint32_t match_end = 0;
      NameMatch match;
      for (uint32_t e = num_ends; e-- > 0;) {
        const uint32_t end = ends[e];
        std::string_view surface = body.substr(toks[i].start, toks[end - 1].end - toks[i].start);
        NormalizePlaceName(surface, &key);
        match = gazetteer.Lookup(key);
        if (match.places.empty() && end == i + 1 && toks[i].all_caps &&
            toks[i].norm.find('.') != std::string::npos) {
          alt.clear();  // "U.S." -> "us"
          for (char c : key)
            if (c != ' ') alt.push_back(c);
          match = gazetteer.Lookup(alt);
          if (!match.places.empty()) key = alt;
        }
        if (!match.places.empty()) {
          match_end = end;
          break;
        }
      }
      if (match_end == 0) {
        ++i;
        continue;
      }
      ToponymCandidate c;
      c.first_token = i;
      c.end_token = match_end;
      c.start = toks[i].start;
      c.end = toks[match_end - 1].end;
      c.sentence = static_cast<int32_t>(si);
      c.paragraph = s.paragraph;
      c.key = key;
      c.places = match.places;
      c.stop_listed = match.stop_listed;
      c.sentence_initial = (i == first_word);
      bool drop = false;
      for (uint32_t t = i; t < match_end; ++t)
        if (blocked[t]) drop = true;
      if (demonym_end[i] == match_end) drop = true;
      {
        // "the Red Sea" (a Sudanese state too), "the Jordan River": a feature.
        size_t sp = key.rfind(' ');
        std::string_view last = sp == std::string::npos ? std::string_view(key)
                                                         : std::string_view(key).substr(sp + 1);
        const bool admin_after = match_end < s.end_token && IsWord(toks[match_end]) &&
                                 IsAdminWord(toks[match_end].norm);
        if (IsFeatureTail(last) && match_end > i + 1 && !admin_after) drop = true;
        if (match_end < s.end_token && IsCap(toks[match_end]) &&
            IsFeatureTail(toks[match_end].norm))
          drop = true;
        if (i > s.first_token && IsCap(toks[i - 1]) && IsClubHead(toks[i - 1].norm))
          c.in_organization = true;
      }
      if (!drop && match_end == i + 1) {
        bool has_country = false;
        for (PlaceIndex p : c.places)
          if (gazetteer.PlaceAt(p).kind == PlaceKind::kCountry) has_country = true;
        if (!has_country && LooksLikeDemonym(key) && gazetteer.CountryByDemonym(key)) drop = true;
      }
      const int32_t prev = PrevSkippingQuotes(text, s.first_token, i);
      if (prev >= 0) {
        const std::string& pw = toks[prev].norm;
        if (pw == "nicknamed" || pw == "dubbed" || pw == "so-called" ||
            (pw == "as" && prev > 0 && toks[prev - 1].norm == "known"))
          drop = true;
        int32_t pt = prev;
        if (toks[pt].norm == "." && pt > static_cast<int32_t>(s.first_token)) --pt;
        if (IsPersonTitle(toks[pt].norm) && toks[pt].capitalized) drop = true;
        if (IsPreposition(pw)) c.preposition_before = true;
        // "from X", "from over X", "from the southern town of X": an origin.
        for (int32_t b = prev, steps = 0; b >= static_cast<int32_t>(s.first_token) && steps < 6;
             --b, ++steps) {
          const std::string& bw = toks[b].norm;
          if (bw == "from") {
            // "across the river from X": X is where the place is measured
            // from; neither the origin of anything nor a place of its own
            // (a bare name: in the focus country it may still place an event)
            if (b == prev && ReferenceBeforeFrom(toks, b, static_cast<int32_t>(s.first_token)))
              c.preposition_before = false;
            else
              c.origin = true;
            break;
          }
          if (!IsDirection(bw) && !In(bw, {"over", "the", "a", "across", "town", "city", "village",
                                           "of", "capital", "port", "province", "region",
                                           "district", "nearby", "neighboring", "neighbouring"}))
            break;
        }
        if (pw == "the" && prev > static_cast<int32_t>(s.first_token) &&
            IsPreposition(toks[prev - 1].norm))
          c.preposition_before = true;
        if ((pw == "of" || pw == "the") && prev > static_cast<int32_t>(s.first_token)) {
          int32_t h = prev - 1;
          if (pw == "the" && toks[h].norm == "of" && h > static_cast<int32_t>(s.first_token)) --h;
          if (toks[h].norm == "of" || pw == "of") {
            if (toks[h].norm == "of" && h > static_cast<int32_t>(s.first_token)) --h;
            // (a sentence's first word is capitalised anyway: "Residents of X")
            if (IsCap(toks[h]) &&
                (IsOrgHead(toks[h].norm) || (match_end == i + 1 && h != first_word))) {
              // "University of Nairobi", "Safeguard of the Homeland"
              if (IsOrgHead(toks[h].norm) || !IsCountryMatch(gazetteer, match))
                c.in_organization = true;
            } else if (IsWord(toks[h]) && !IsCap(toks[h])) {
              c.preposition_before = true;  // "outskirts of Kyiv", "the city of Cali"
            }
          }
        }
        // "Mahsa Amini", "Francisco Barbosa", "La Luna": a one-word name right
        // after a capitalised word (not the sentence's first) is a surname.
        if (prev == static_cast<int32_t>(i) - 1 && match_end == i + 1 &&
            prev > static_cast<int32_t>(first_word) && IsCap(toks[prev]) && !toks[prev].all_caps &&
            !IsDirection(toks[prev].norm) && !IsCountryMatch(gazetteer, match))
          c.person_name = true;
      }
      if (match_end < s.end_token) {
        const Token& nx = toks[match_end];
        if (nx.kind == TokenKind::kPossessive) c.possessive_after = true;
        // "Georgia's governor", "Kano's governor": a state or province has one.
        if (c.possessive_after && match_end + 1 < s.end_token &&
            In(toks[match_end + 1].norm,
               {"governor", "governors", "governorship", "legislature", "statehouse"}))
          c.want_admin1 = true;
        if (IsWord(nx) && IsAdminWord(nx.norm)) c.want_admin1 = true;
        // "Poltava regional Gov. Dmytro Lunin", "Kano state governor Abba
        // Yusuf": the place is part of a person's title, not where the person
        // acts; "regional", "provincial" ask for the region.
        {
          uint32_t t = match_end;
          while (t < s.end_token && t < match_end + 2 && IsWord(toks[t]) && !IsCap(toks[t]) &&
                 In(toks[t].norm, {"regional", "provincial", "state", "city", "district",
                                   "municipal", "county", "oblast", "local", "military"}))
            ++t;
          if (t > match_end && In(toks[match_end].norm, {"regional", "provincial", "oblast"}))
            c.want_admin1 = true;
          if (t < s.end_token && IsWord(toks[t]) &&
              (IsPersonTitle(toks[t].norm) ||
               In(toks[t].norm, {"governor", "mayor", "prosecutor", "commissioner"}))) {
            uint32_t after = t + 1;
            if (after < s.end_token && toks[after].norm == ".") ++after;
            if (after < s.end_token && IsCap(toks[after]) && !toks[after].all_caps)
              c.in_actor = true;
          }
        }
        if (IsWord(nx) && (nx.norm == "city" || nx.norm == "town")) c.want_city = true;
        for (uint32_t t = match_end; t < std::min(match_end + 3, s.end_token); ++t) {
          if (!IsCap(toks[t])) break;
          if (IsOrgTail(toks[t].norm)) c.in_organization = true;
        }
      }
      if (!drop) out.push_back(std::move(c));
      i = match_end;
    }
  }

  // Which toponym starts at a token.
  std::unordered_map<uint32_t, int32_t> starting;
  for (size_t k = 0; k < out.size(); ++k) starting[out[k].first_token] = static_cast<int32_t>(k);
  auto at = [&](uint32_t tok) -> int32_t {
    auto it = starting.find(tok);
    return it == starting.end() ? -1 : it->second;
  };
  auto country_of = [&](const ToponymCandidate& c) -> std::string {
    if (c.places.empty()) return "";
    PlaceView p = gazetteer.PlaceAt(c.places.front());
    return p.kind == PlaceKind::kCountry ? std::string(p.country) : std::string();
  };
  auto sentence_end = [&](const ToponymCandidate& c) {
    return text.sentences[c.sentence].end_token;
  };

  // Qualifiers, possessive modifiers, capitalised words after a name.
  for (size_t k = 0; k < out.size(); ++k) {
    ToponymCandidate& c = out[k];
    const uint32_t se = sentence_end(c);
    uint32_t t = c.end_token;
    bool comma = false;
    while (t < se && (toks[t].norm == "," || toks[t].norm == "(" || toks[t].norm == "in" ||
                      toks[t].norm == "the")) {
      if (toks[t].norm == "," || toks[t].norm == "(") comma = true;
      ++t;
    }
    // "Lekki in Lagos", "the Lekki toll gate in Lagos": a part of Y.
    {
      uint32_t u = c.end_token;
      while (u < se && u < c.end_token + 3 && IsWord(toks[u]) && !IsCap(toks[u]) &&
             IsSiteWord(toks[u].norm))
        ++u;
      if (u + 1 < se && toks[u].norm == "in") c.inside = at(u + 1);
    }
    if (comma && t < se) {
      int32_t q = at(t);
      if (q >= 0) {
        c.qualifier = q;
        if (out[q].possessive_after) {
          int32_t q2 = at(out[q].end_token + 1);
          if (q2 >= 0) c.qualifier2 = q2;
        }
      }
    }
    if (c.possessive_after && c.end_token + 1 < se && IsWord(toks[c.end_token + 1]) &&
        !IsCap(toks[c.end_token + 1]) &&
        gazetteer.PlaceAt(c.places.front()).kind == PlaceKind::kCountry) {
      // "Iran's foreign ministry", "Russia's deputy defense minister": the
      // country owns an actor; but "Kazakhstan's largest city", "Iran's
      // northern province of Gilan" are about the land.
      const std::string& w = toks[c.end_token + 1].norm;
      if (!IsDirection(w) && !IsAdminWord(w) &&
          !In(w, {"largest",     "biggest",   "second",    "second-largest", "capital", "border",
                  "borders",     "territory", "soil",      "coast",          "north",   "south",
                  "east",        "west",      "streets",   "cities",         "towns",   "villages",
                  "countryside", "mountains", "provinces", "regions"}))
        c.in_actor = true;
    } else if (c.possessive_after && c.end_token + 1 < se) {
      const Token& w = toks[c.end_token + 1];
      if (IsCap(w) && at(c.end_token + 1) < 0) {
        NormalizePlaceName(body.substr(w.start, w.end - w.start), &key);
        NameMatch m = gazetteer.Lookup(key);
        if (!IsAdminWord(w.norm) && !m.stop_listed) c.in_actor = true;
      }
    } else if (c.end_token < se && !c.possessive_after) {
      const Token& w = toks[c.end_token];
      if (IsCap(w) && !w.all_caps && at(c.end_token) >= 0 && !IsAdminWord(w.norm) &&
          c.end_token == c.first_token + 1 && !toks[c.first_token].all_caps &&
          gazetteer.PlaceAt(c.places.front()).kind != PlaceKind::kCountry &&
          !IsDirection(toks[c.first_token].norm)) {
        c.in_organization = true;  // "Puerto Resistencia"
      } else if (IsCap(w) && !w.all_caps && at(c.end_token) < 0 && !IsAdminWord(w.norm) &&
                 w.norm != "city" && !toks[c.first_token].all_caps) {
        NormalizePlaceName(body.substr(w.start, w.end - w.start), &key);
        NameMatch m = gazetteer.Lookup(key);
        if (!m.stop_listed) {
          c.in_actor = true;
          // "Vladimir Tretyakov", "Stanislav Zas": a one-word name before a
          // capitalised word is a person's first name more often than a place.
          if (c.end_token == c.first_token + 1 && !IsPlaceHead(w.norm) &&
              gazetteer.PlaceAt(c.places.front()).kind != PlaceKind::kCountry)
            c.in_organization = true;
        }
      }
    }
    // "Russia-led", "U.S.-backed": an adjective, not a place.
    if (c.end_token + 1 < se && toks[c.end_token].norm == "-" && toks[c.end_token].joined_left &&
        toks[c.end_token + 1].joined_left && IsWord(toks[c.end_token + 1]) &&
        !toks[c.end_token + 1].capitalized)
      c.in_actor = true;
  }

  // "from over Russia's Kursk region": the region is the origin too.
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    if (out[k].origin && out[k].possessive_after && out[k + 1].first_token == out[k].end_token + 1)
      out[k + 1].origin = true;
  }

  // Descriptions: "the capital", "X's capital", "the Kazakh capital", "X's largest city".
  std::vector<ToponymCandidate> descriptions;
  for (uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& s = text.sentences[si];
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const std::string& w = toks[i].norm;
      bool capital = (w == "capital");
      bool largest =
          ((w == "largest" || w == "biggest") && i + 1 < s.end_token && toks[i + 1].norm == "city");
      if (!capital && !largest) continue;
      if (toks[i].capitalized && capital) continue;  // "Capital Gazette"
      uint32_t d_first = i, d_end = largest ? i + 2 : i + 1;
      std::string of_country;
      bool possessive_form = false;
      if (i > s.first_token) {
        const Token& p = toks[i - 1];
        if (p.kind == TokenKind::kPossessive && i >= s.first_token + 2) {
          // "Kazakhstan's capital" or "the country's capital"
          int32_t x = -1;
          for (size_t k = 0; k < out.size(); ++k)
            if (out[k].end_token == i - 1) x = static_cast<int32_t>(k);
          if (x >= 0) {
            of_country = country_of(out[x]);
            if (of_country.empty()) continue;  // "Almaty's largest ..." is not about a country
            d_first = out[x].first_token;
          } else if (toks[i - 2].norm == "country" || toks[i - 2].norm == "nation") {
            d_first = i - 2 > s.first_token && toks[i - 3].norm == "the" ? i - 3 : i - 2;
          } else {
            continue;
          }
          possessive_form = true;
        } else if (capital && IsCap(p) && i >= s.first_token + 2 && toks[i - 2].norm == "the") {
          auto cv = gazetteer.CountryByDemonym(p.norm);
          if (!cv) continue;
          of_country = std::string(cv->alpha2);
          d_first = i - 2;
        } else if (capital && p.norm == "the") {
          d_first = i - 1;
        } else if (capital &&
                   (p.norm == "national" || p.norm == "regional" || p.norm == "provincial")) {
          continue;
        } else if (largest && p.norm == "the") {
          continue;  // "the largest city in ..." is left alone
        } else if (capital) {
          continue;  // "capital punishment", "capital city"
        }
      } else {
        continue;
      }
      if (largest && !possessive_form) continue;
      // "the capital of X"
      if (capital && d_end + 1 < s.end_token && toks[d_end].norm == "of") {
        int32_t y = at(d_end + 1);
        if (y >= 0) {
          std::string yc = country_of(out[y]);
          if (yc.empty()) {
            out[y].is_capital = true;
            continue;
          }
          of_country = yc;
        } else {
          continue;
        }
      }
      // Apposition: "the capital, X" / "X, the capital" / "Almaty, Kazakhstan's largest city".
      int32_t named = -1;
      if (d_end + 1 < s.end_token && toks[d_end].norm == ",") named = at(d_end + 1);
      if (named < 0 && d_first >= s.first_token + 2 && toks[d_first - 1].norm == ",") {
        for (size_t k = 0; k < out.size(); ++k)
          if (out[k].end_token == d_first - 1) named = static_cast<int32_t>(k);
      }
      if (named >= 0 && country_of(out[named]).empty()) {
        if (capital) out[named].is_capital = true;
        if (largest) out[named].is_largest_city = true;
        out[named].of_country = of_country;
        continue;
      }
      ToponymCandidate d;
      d.first_token = d_first;
      d.end_token = d_end;
      d.start = toks[d_first].start;
      d.end = toks[d_end - 1].end;
      d.sentence = static_cast<int32_t>(si);
      d.paragraph = s.paragraph;
      d.description = capital ? DescriptionKind::kCapital : DescriptionKind::kLargestCity;
      d.of_country = of_country;
      d.preposition_before = d_first > s.first_token && IsPreposition(toks[d_first - 1].norm);
      descriptions.push_back(std::move(d));
    }
    // "in the city center", "across the city": the city the story is about,
    // only after a place preposition and not "the city of X", "the city's
    // mayor" or "the city council".
    for (uint32_t i = s.first_token + 1; i + 1 < s.end_token; ++i) {
      if (toks[i].norm != "the" || toks[i + 1].norm != "city" || !IsPreposition(toks[i - 1].norm)) continue;
      const uint32_t after = i + 2;
      if (after < s.end_token) {
        const Token& n = toks[after];
        if (n.kind == TokenKind::kPossessive || n.norm == "of" || n.norm == "council" || n.norm == "hall" ||
            n.norm == "government" || n.norm == "authorities" || n.norm == "officials" || n.norm == "police") {
          continue;
        }
      }
      ToponymCandidate d;
      d.first_token = i;
      d.end_token = i + 2;
      d.start = toks[i].start;
      d.end = toks[i + 1].end;
      d.sentence = static_cast<int32_t>(si);
      d.paragraph = s.paragraph;
      d.description = DescriptionKind::kTheCity;
      d.preposition_before = true;
      descriptions.push_back(std::move(d));
    }
  }

  // Sentence-initial names need a voucher; names count elsewhere.
  std::unordered_map<std::string, int> person_keys;
  for (const auto& c : out)
    if (c.person_name) ++person_keys[c.key];
  for (auto& c : out)
    if (person_keys.count(c.key) && gazetteer.PlaceAt(c.places.front()).kind != PlaceKind::kCountry)
      c.in_organization = c.person_name = true;
  std::unordered_map<std::string, int> non_initial;
  for (const auto& c : out)
    if (!c.sentence_initial) ++non_initial[c.key];
  // A stop-listed name that qualifies another and names a region is kept:
  // "Lebanon, Tenn." (AP's state abbreviations are stop-listed alone).
  std::vector<uint8_t> region_qualifier(out.size(), 0);
  for (const auto& c : out) {
    for (int32_t q : {c.qualifier, c.qualifier2}) {
      if (q < 0 || c.stop_listed) continue;
      for (PlaceIndex p : out[q].places)
        if (gazetteer.PlaceAt(p).kind != PlaceKind::kCity) region_qualifier[q] = 1;
    }
  }
  std::vector<ToponymCandidate> kept;
  kept.reserve(out.size() + descriptions.size());
  std::vector<int32_t> remap(out.size(), -1);
  for (size_t k = 0; k < out.size(); ++k) {
    const ToponymCandidate& c = out[k];
    if (c.sentence_initial && !c.possessive_after && c.qualifier < 0 &&
        c.end_token == c.first_token + 1 && non_initial[c.key] == 0) {
      PlaceView top = gazetteer.PlaceAt(c.places.front());
      bool vouched = top.kind == PlaceKind::kCountry || top.feature_code == "PPLC" ||
                     top.population >= options.initial_min_population || c.want_admin1 ||
                     toks[c.first_token].all_caps;
      if (!vouched) continue;
    }
    if (c.stop_listed && c.qualifier < 0 && !region_qualifier[k]) continue;
    remap[k] = static_cast<int32_t>(kept.size());
    kept.push_back(c);
  }
  for (auto& c : kept) {
    if (c.qualifier >= 0) c.qualifier = remap[c.qualifier];
    if (c.qualifier2 >= 0) c.qualifier2 = remap[c.qualifier2];
    if (c.qualifier < 0) c.qualifier2 = -1;
  }

  // The dateline: the name that opens the text, if it is the article's dateline.
  if (!article.dateline.empty() && !kept.empty()) {
    std::string_view dl(article.dateline);
    dl = dl.substr(0, dl.find(','));
    std::string dkey = NormalizePlaceName(dl);
    size_t body_start = 0;  // the first body paragraph (captions may come first)
    for (const Paragraph& p : article.paragraphs) {
      if (p.kind == ParagraphKind::kBody) {
        body_start = p.start;
        break;
      }
    }
    for (auto& c : kept) {
      if (c.start < body_start) continue;
      if (c.start > body_start + 80) break;
      if (c.key == dkey) {
        c.dateline = true;
        // "DAKAR, Senegal (AP) —": the country is part of the dateline too.
        if (c.qualifier >= 0 && kept[c.qualifier].start < body_start + 80)
          kept[c.qualifier].dateline = true;
        if (c.qualifier2 >= 0 && kept[c.qualifier2].start < body_start + 80)
          kept[c.qualifier2].dateline = true;
        c.qualifier = c.qualifier2 = -1;
        break;
      }
    }
  }

  // Merge descriptions in text order; fix qualifier indexes.
  std::stable_sort(descriptions.begin(), descriptions.end(),
                   [](const ToponymCandidate& a, const ToponymCandidate& b) { return a.start < b.start; });
  if (!descriptions.empty()) {
    std::vector<ToponymCandidate> merged;
    merged.reserve(kept.size() + descriptions.size());
    std::vector<int32_t> pos(kept.size());
    size_t a = 0, b = 0;
    while (a < kept.size() || b < descriptions.size()) {
      if (b == descriptions.size() || (a < kept.size() && kept[a].start <= descriptions[b].start)) {
        pos[a] = static_cast<int32_t>(merged.size());
        merged.push_back(std::move(kept[a++]));
      } else {
        merged.push_back(std::move(descriptions[b++]));
      }
    }
    for (auto& c : merged) {
      if (c.qualifier >= 0) c.qualifier = pos[c.qualifier];
      if (c.qualifier2 >= 0) c.qualifier2 = pos[c.qualifier2];
    }
    kept = std::move(merged);
  }
  return kept;
}

}  // namespace dateline::geo
