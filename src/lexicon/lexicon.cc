// Loading data/ into four phrase tries (actors, events, quantities, count
// cues) over one shared vocabulary. See lexicon.h for the file formats.
#include "lexicon/lexicon.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "lexicon/phrase.h"
#include "lexicon/phrase_trie.h"

namespace dateline::lexicon {
namespace {

namespace fs = std::filesystem;

struct Line {
  int number = 0;
  std::vector<std::string> fields;  // split on TAB, each trimmed of spaces
};

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Reads a data file: comments ('#' at the start of a line or after a space or
// TAB) and blank lines dropped, the rest split on TAB. A missing file is an
// empty list.
Result<std::vector<Line>> ReadLines(const fs::path& path) {
  std::vector<Line> out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot open");
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (number == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        text.resize(i);
        break;
      }
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if (Trim(text).empty()) continue;
    Line line;
    line.number = number;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\t') {
        line.fields.push_back(Trim(std::string_view(text).substr(begin, i - begin)));
        begin = i + 1;
      }
    }
    out.push_back(std::move(line));
  }
  if (in.bad()) return Status::IoError(path.string() + ": read error");
  return out;
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      std::string item = Trim(s.substr(begin, i - begin));
      if (!item.empty()) out.push_back(std::move(item));
      begin = i + 1;
    }
  }
  return out;
}

bool IsUpperCode(std::string_view s, std::size_t min, std::size_t max) {
  if (s.size() < min || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ParseInt(std::string_view s, std::int64_t* out) {
  std::string clean;
  for (char c : s) {
    if (c != ',' && c != '_') clean.push_back(c);
  }
  if (clean.empty()) return false;
  auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), *out);
  return ec == std::errc() && p == clean.data() + clean.size();
}

bool ParseDouble(std::string_view s, double* out) {
  std::string t(s);
  if (t.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size();
}

class LexiconImpl final : public Lexicon {
 public:
  Status LoadAll(const fs::path& dir);

  std::vector<PhraseMatch> MatchActors(const TokenizedText& text, std::uint32_t first,
                                       std::uint32_t end) const override {
    return Run(actor_trie_, text, first, end, /*compound_starts=*/false);
  }
  std::vector<PhraseMatch> MatchEvents(const TokenizedText& text, std::uint32_t first,
                                       std::uint32_t end) const override {
    return Run(event_trie_, text, first, end, /*compound_starts=*/true, /*skip_adverbs=*/true);
  }
  std::vector<PhraseMatch> MatchQuantities(const TokenizedText& text, std::uint32_t first,
                                           std::uint32_t end) const override {
    return Run(quantity_trie_, text, first, end, /*compound_starts=*/false);
  }
  std::vector<PhraseMatch> MatchCountCues(const TokenizedText& text, std::uint32_t first,
                                          std::uint32_t end) const override {
    return Run(cue_trie_, text, first, end);
  }

  const ActorEntry& Actor(std::uint32_t entry) const override { return actors_.at(entry); }
  const EventPattern& Event(std::uint32_t entry) const override { return events_.at(entry); }
  const QuantityEntry& Quantity(std::uint32_t entry) const override {
    return quantities_.at(entry);
  }
  const CountCue& Cue(std::uint32_t entry) const override { return cues_.at(entry); }

  const CameoInfo* Cameo(std::string_view code) const override {
    while (code.size() >= 2) {
      auto it = cameo_.find(code);
      if (it != cameo_.end()) return &it->second;
      code.remove_suffix(1);
    }
    return nullptr;
  }
  std::string_view CountryName(std::string_view iso3) const override {
    auto it = country_names_.find(iso3);
    return it == country_names_.end() ? std::string_view() : std::string_view(it->second);
  }
  std::size_t actor_count() const override { return actors_.size(); }
  std::size_t event_pattern_count() const override { return events_.size(); }

 private:
  // compound_starts: whether a match may begin on the second part of a
  // hyphenated compound. skip_adverbs: whether a pattern may step over an
  // adverb inside it ("he was then beaten", "were reportedly killed").
  std::vector<PhraseMatch> Run(const PhraseTrie& trie, const TokenizedText& text,
                               std::uint32_t first, std::uint32_t end,
                               bool compound_starts = true, bool skip_adverbs = false) const;

  // Adds every phrase of `phrases` to `trie` as `entry`; errors name where.
  Status AddPhrases(PhraseTrie* trie, const std::vector<std::string>& phrases,
                    const PhraseSyntax& syntax, std::uint32_t entry, const std::string& where);
  Status LoadIrregular(const fs::path& file);
  Status LoadCountries(const fs::path& file);
  Status LoadAgents(const fs::path& file);
  Status LoadOrganizations(const fs::path& file);
  Status LoadPeople(const fs::path& file);
  Status LoadMedia(const fs::path& file);
  Status LoadCameo(const fs::path& file);
  Status LoadEvents(const fs::path& file);
  Status LoadQuantities(const fs::path& file);
  Status LoadCounts(const fs::path& file);
  std::uint32_t AddActor(ActorEntry entry) {
    actors_.push_back(std::move(entry));
    return static_cast<std::uint32_t>(actors_.size() - 1);
  }

  // Tells this lexicon's vocabulary ids apart from another's in the
  // per-thread memo of Run (unique per process, never reused).
  const std::uint64_t serial_ = [] {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }();
  Inflector inflector_;
  Vocabulary vocab_;
  PhraseTrie actor_trie_, event_trie_, quantity_trie_, cue_trie_;
  std::vector<ActorEntry> actors_;
  std::vector<EventPattern> events_;
  std::vector<QuantityEntry> quantities_;
  std::vector<CountCue> cues_;
  std::map<std::string, CameoInfo, std::less<>> cameo_;
  std::map<std::string, std::string, std::less<>> country_names_;
};

std::string Where(const fs::path& file, const Line& line) {
  return file.string() + ":" + std::to_string(line.number);
}

Status LineError(const fs::path& file, const Line& line, const std::string& message) {
  return Status::InvalidInput(Where(file, line) + ": " + message);
}

Status ColumnCount(const fs::path& file, const Line& line, std::size_t min, std::size_t max,
                   const char* format) {
  if (line.fields.size() < min || line.fields.size() > max) {
    return LineError(file, line,
                     "expected " + std::string(format) + " (TAB-separated), got " +
                         std::to_string(line.fields.size()) + " column(s)");
  }
  return Status::Ok();
}

const PhraseSyntax kActorSyntax{false, true, 4096};
const PhraseSyntax kPlainSyntax{false, false, 4096};
const PhraseSyntax kEventSyntax{true, false, 4096};

Status LexiconImpl::AddPhrases(PhraseTrie* trie, const std::vector<std::string>& phrases,
                               const PhraseSyntax& syntax, std::uint32_t entry,
                               const std::string& where) {
  if (phrases.empty()) return Status::InvalidInput(where + ": no phrase");
  for (const std::string& phrase : phrases) {
    Result<std::vector<Path>> paths = ExpandPhrase(phrase, syntax, inflector_);
    if (!paths.ok()) {
      return Status::InvalidInput(where + ": '" + phrase + "': " + paths.status().message());
    }
    for (const Path& p : *paths) trie->Add(p, vocab_, entry);
  }
  return Status::Ok();
}

Status LexiconImpl::LoadIrregular(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 3, 4, "lemma, past, participle [, other forms]");
    if (!s.ok()) return s;
    std::string lemma = line.fields[0];
    if (lemma.empty() || lemma.find_first_of(" |~") != std::string::npos) {
      return LineError(file, line, "bad lemma '" + lemma + "'");
    }
    std::vector<std::string> forms;
    for (std::size_t i = 1; i < line.fields.size(); ++i) {
      std::vector<std::string> alts = SplitList(line.fields[i], '|');
      if (alts.empty() && i < 3) return LineError(file, line, "empty past or participle");
      for (std::string& a : alts) forms.push_back(std::move(a));
    }
    inflector_.AddIrregular(lemma, std::move(forms));
  }
  return Status::Ok();
}

Status LexiconImpl::LoadCountries(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 2, 3, "ISO3, names, demonyms");
    if (!s.ok()) return s;
    const std::string& iso3 = line.fields[0];
    if (!IsUpperCode(iso3, 3, 3))
      return LineError(file, line, "'" + iso3 + "' is no ISO alpha-3 code");
    std::vector<std::string> names = SplitList(line.fields[1], ';');
    if (names.empty()) return LineError(file, line, "a country needs a name");
    if (country_names_.count(iso3) != 0) return LineError(file, line, iso3 + " is listed twice");
    country_names_[iso3] = names[0];
    ActorEntry country;
    country.kind = ActorKind::kCountry;
    country.name = names[0];
    country.code = iso3;
    country.country = iso3;
    s = AddPhrases(&actor_trie_, names, kActorSyntax, AddActor(country), Where(file, line));
    if (!s.ok()) return s;
    if (line.fields.size() == 3) {
      std::vector<std::string> demonyms = SplitList(line.fields[2], ';');
      if (demonyms.empty()) continue;
      ActorEntry demonym = country;
      demonym.kind = ActorKind::kDemonym;
      demonym.name = demonyms[0];
      s = AddPhrases(&actor_trie_, demonyms, kActorSyntax, AddActor(demonym), Where(file, line));
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status LexiconImpl::LoadAgents(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 2, 2, "AGENT, phrases");
    if (!s.ok()) return s;
    const std::string& agent = line.fields[0];
    if (!IsUpperCode(agent, 3, 3))
      return LineError(file, line, "'" + agent + "' is no agent code (COP, MIL, ...)");
    std::vector<std::string> phrases = SplitList(line.fields[1], ';');
    if (phrases.empty()) return LineError(file, line, "no phrase");
    ActorEntry e;
    e.kind = ActorKind::kAgent;
    e.name = phrases[0];
    e.code = agent;
    e.agent = agent;
    s = AddPhrases(&actor_trie_, phrases, kActorSyntax, AddActor(e), Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LexiconImpl::LoadOrganizations(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 3, 3, "CODE, KIND, names");
    if (!s.ok()) return s;
    const std::string& code = line.fields[0];
    bool code_ok = code.size() >= 3 && code.size() <= 15 && code[0] >= 'A' && code[0] <= 'Z' &&
                   std::all_of(code.begin(), code.end(), [](char c) {
                     return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                   });
    if (!code_ok)
      return LineError(file, line, "'" + code + "' is no actor code (capitals and digits)");
    std::string country, agent = line.fields[1];
    if (std::size_t colon = agent.find(':'); colon != std::string::npos) {
      country = agent.substr(0, colon);
      agent = agent.substr(colon + 1);
      if (!IsUpperCode(country, 3, 3))
        return LineError(file, line, "'" + country + "' is no ISO alpha-3 code");
    }
    if (!IsUpperCode(agent, 3, 3))
      return LineError(file, line, "KIND must be [ISO3:]AGENT, e.g. IGO or AFG:REB");
    std::vector<std::string> names = SplitList(line.fields[2], ';');
    if (names.empty()) return LineError(file, line, "no name");
    ActorEntry e;
    e.kind = ActorKind::kOrganization;
    e.name = names[0];
    e.code = code;
    e.country = country;
    e.agent = agent;
    s = AddPhrases(&actor_trie_, names, kActorSyntax, AddActor(e), Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LexiconImpl::LoadPeople(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  // Aliases belong to the person: every line (office) of a name gets the
  // aliases written on any of its lines.
  std::map<std::string, std::vector<std::string>> aliases;
  for (const Line& line : *lines) {
    if (line.fields.size() == 6) {
      for (std::string& a : SplitList(line.fields[5], ';'))
        aliases[line.fields[0]].push_back(std::move(a));
    }
  }
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 5, 6, "NAME, ISO3, AGENT, role, years, aliases");
    if (!s.ok()) return s;
    ActorEntry e;
    e.kind = ActorKind::kPerson;
    e.name = line.fields[0];
    e.country = line.fields[1];
    e.agent = line.fields[2];
    e.role = line.fields[3];
    if (e.name.empty()) return LineError(file, line, "no name");
    if (e.country == "-") {
      e.country.clear();  // heads of international organisations
    } else if (!IsUpperCode(e.country, 3, 3)) {
      return LineError(file, line, "'" + e.country + "' is no ISO alpha-3 code (or -)");
    }
    if (!IsUpperCode(e.agent, 3, 3))
      return LineError(file, line, "'" + e.agent + "' is no agent code");
    e.code = e.country + e.agent;
    const std::string& years = line.fields[4];
    std::size_t dash = years.find('-');
    std::int64_t from = 0, to = 0;
    if (years != "-" && years != "" &&
        (dash == std::string::npos || !ParseInt(years.substr(0, dash), &from) ||
         (dash + 1 < years.size() && !ParseInt(years.substr(dash + 1), &to)) || from < 1900 ||
         (to != 0 && to < from))) {
      return LineError(file, line, "years must read 2019- or 2014-2019, not '" + years + "'");
    }
    e.from_year = static_cast<int>(from);
    e.to_year = static_cast<int>(to);
    std::vector<std::string> phrases{e.name};
    for (const std::string& a : aliases[e.name]) phrases.push_back(a);
    s = AddPhrases(&actor_trie_, phrases, kActorSyntax, AddActor(e), Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LexiconImpl::LoadMedia(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 2, 2, "ISO3 or -, names");
    if (!s.ok()) return s;
    ActorEntry e;
    e.kind = ActorKind::kMedia;
    e.agent = "MED";
    if (line.fields[0] != "-") {
      if (!IsUpperCode(line.fields[0], 3, 3))
        return LineError(file, line, "'" + line.fields[0] + "' is no ISO alpha-3 code (or -)");
      e.country = line.fields[0];
    }
    e.code = e.country + "MED";
    std::vector<std::string> names = SplitList(line.fields[1], ';');
    if (names.empty()) return LineError(file, line, "no name");
    e.name = names[0];
    s = AddPhrases(&actor_trie_, names, kActorSyntax, AddActor(e), Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool IsCameoCode(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status LexiconImpl::LoadCameo(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 4, 8,
                           "cameo, name, goldstein, quad_class, plover_type, plover_mode, "
                           "acled_event_type, acled_sub_event_type");
    if (!s.ok()) return s;
    CameoInfo info;
    info.code = line.fields[0];
    if (!IsCameoCode(info.code))
      return LineError(file, line, "'" + info.code + "' is no CAMEO code");
    info.name = line.fields[1];
    if (!ParseDouble(line.fields[2], &info.goldstein) || info.goldstein < -10 ||
        info.goldstein > 10) {
      return LineError(file, line, "goldstein must be a number in -10..10");
    }
    std::int64_t quad = 0;
    if (!ParseInt(line.fields[3], &quad) || quad < 1 || quad > 4) {
      return LineError(file, line, "quad_class must be 1..4");
    }
    info.quad_class = static_cast<int>(quad);
    std::vector<std::string> rest(line.fields.begin() + 4, line.fields.end());
    rest.resize(4);
    info.plover_type = rest[0];
    info.plover_mode = rest[1];
    info.acled_event_type = rest[2];
    info.acled_sub_event_type = rest[3];
    if (cameo_.count(info.code) != 0) return LineError(file, line, info.code + " is listed twice");
    cameo_[info.code] = std::move(info);
  }
  return Status::Ok();
}

Status LexiconImpl::LoadEvents(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 2, 3, "CAMEO, pattern [, options]");
    if (!s.ok()) return s;
    EventPattern e;
    e.cameo = line.fields[0];
    e.pattern = line.fields[1];
    e.source_file = file.string();
    e.line = line.number;
    if (!IsCameoCode(e.cameo)) return LineError(file, line, "'" + e.cameo + "' is no CAMEO code");
    if (!cameo_.empty() && Cameo(e.cameo) == nullptr) {
      return LineError(file, line, "CAMEO " + e.cameo + " is not in cameo.tsv");
    }
    if (line.fields.size() == 3) {
      for (const std::string& opt : SplitList(line.fields[2], ',')) {
        if (opt == "passive") {
          e.passive = true;
        } else if (opt.rfind("mode=", 0) == 0 && opt.size() > 5) {
          e.plover_mode = opt.substr(5);
        } else {
          return LineError(file, line, "unknown option '" + opt + "' (passive, mode=...)");
        }
      }
    }
    // Slots at either end are markers, not tokens of the match.
    std::vector<std::string> words = SplitList(e.pattern, ' ');
    // The first slot of a kind wins: leading over trailing ("+ ~be extradited
    // to +": the target is the one extradited), inner over either end.
    auto end_slot = [&](const std::string& w, SlotPlace place) {
      SlotPlace& slot = w == "+" ? e.target : e.source;
      if (slot == SlotPlace::kDefault) slot = place;
    };
    while (!words.empty() && (words.front() == "+" || words.front() == "$")) {
      end_slot(words.front(), SlotPlace::kBefore);
      words.erase(words.begin());
    }
    while (!words.empty() && (words.back() == "+" || words.back() == "$")) {
      end_slot(words.back(), SlotPlace::kAfter);
      words.pop_back();
    }
    std::string core;
    for (const std::string& w : words) {
      if (w == "+" || w == "$") {
        // An inner slot wins over an end marker of the same kind ("~urge + to
        // investigate +": the target is the one urged); two inner ones are an error.
        SlotPlace& place = w == "+" ? e.target : e.source;
        if (place == SlotPlace::kInside)
          return LineError(file, line, "two inner slots of one kind");
        place = SlotPlace::kInside;
      }
      core += (core.empty() ? "" : " ") + w;
    }
    if (core.empty()) return LineError(file, line, "empty pattern");
    if (e.target == SlotPlace::kBefore) e.passive = true;
    Result<std::vector<Path>> paths = ExpandPhrase(core, kEventSyntax, inflector_);
    if (!paths.ok()) {
      return LineError(file, line, "'" + e.pattern + "': " + paths.status().message());
    }
    std::uint32_t entry = static_cast<std::uint32_t>(events_.size());
    for (const Path& p : *paths) {
      if (p.front().kind != Atom::Kind::kWord || p.back().kind != Atom::Kind::kWord) {
        return LineError(file, line,
                         "'" + e.pattern +
                             "': a pattern must start and end with a word (a * or an optional word "
                             "cannot be first or last)");
      }
      event_trie_.Add(p, vocab_, entry);
    }
    events_.push_back(std::move(e));
  }
  return Status::Ok();
}

Status LexiconImpl::LoadQuantities(const fs::path& file) {
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 4, 5, "phrases, min, max, best or -, [multiplier]");
    if (!s.ok()) return s;
    QuantityEntry q;
    if (!ParseInt(line.fields[1], &q.min) || !ParseInt(line.fields[2], &q.max) || q.min < 0 ||
        q.max < q.min) {
      return LineError(file, line, "min and max must be whole numbers with min <= max");
    }
    if (line.fields[3] != "-") {
      std::int64_t best = 0;
      if (!ParseInt(line.fields[3], &best) || best < q.min || best > q.max) {
        return LineError(file, line, "best must be - or a number within min..max");
      }
      q.best = best;
    }
    if (line.fields.size() == 5) {
      if (line.fields[4] != "multiplier")
        return LineError(file, line, "the fifth column can only be 'multiplier'");
      q.multiplier = true;
    }
    std::uint32_t entry = static_cast<std::uint32_t>(quantities_.size());
    quantities_.push_back(q);
    s = AddPhrases(&quantity_trie_, SplitList(line.fields[0], ';'), kPlainSyntax, entry,
                   Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LexiconImpl::LoadCounts(const fs::path& file) {
  static const std::pair<const char*, CountKind> kKinds[] = {
      {"killed", CountKind::kKilled},       {"injured", CountKind::kInjured},
      {"arrested", CountKind::kArrested},   {"participants", CountKind::kParticipants},
      {"displaced", CountKind::kDisplaced}, {"troops", CountKind::kTroops},
  };
  Result<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    Status s = ColumnCount(file, line, 3, 3, "KIND, before|after, phrases");
    if (!s.ok()) return s;
    CountCue cue;
    bool known = false;
    for (const auto& [name, kind] : kKinds) {
      if (line.fields[0] == name) {
        cue.kind = kind;
        known = true;
      }
    }
    if (!known) {
      return LineError(file, line,
                       "unknown count kind '" + line.fields[0] +
                           "' (killed, injured, arrested, participants, displaced, troops)");
    }
    if (line.fields[1] == "after") {
      cue.after_number = true;
    } else if (line.fields[1] == "before") {
      cue.after_number = false;
    } else {
      return LineError(file, line, "second column must be 'before' or 'after'");
    }
    std::uint32_t entry = static_cast<std::uint32_t>(cues_.size());
    cues_.push_back(cue);
    s = AddPhrases(&cue_trie_, SplitList(line.fields[2], ';'), kPlainSyntax, entry,
                   Where(file, line));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LexiconImpl::LoadAll(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound(dir.string() + ": no such data directory");
  Status s;
  if (!(s = LoadIrregular(dir / "irregular_verbs.txt")).ok()) return s;
  if (!(s = LoadCountries(dir / "actors" / "countries.txt")).ok()) return s;
  if (!(s = LoadAgents(dir / "actors" / "agents.txt")).ok()) return s;
  if (!(s = LoadOrganizations(dir / "actors" / "organizations.txt")).ok()) return s;
  if (!(s = LoadPeople(dir / "actors" / "people.txt")).ok()) return s;
  if (!(s = LoadMedia(dir / "actors" / "media.txt")).ok()) return s;
  if (!(s = LoadCameo(dir / "cameo.tsv")).ok()) return s;
  std::vector<fs::path> event_files;
  if (fs::is_directory(dir / "events", ec)) {
    for (const fs::directory_entry& f : fs::directory_iterator(dir / "events", ec)) {
      if (f.path().extension() == ".txt") event_files.push_back(f.path());
    }
  }
  std::sort(event_files.begin(), event_files.end());
  // Sized from the files: the event patterns' inflected forms give about
  // one word edge per 4.5 bytes of data/events (46,408 edges from 216 KB),
  // and the table would otherwise double a dozen times on the way.
  std::uintmax_t event_bytes = 0;
  for (const fs::path& f : event_files) {
    const std::uintmax_t bytes = fs::file_size(f, ec);
    if (!ec) event_bytes += bytes;  // an unreadable file fails below, in LoadEvents
  }
  event_trie_.Reserve(static_cast<std::size_t>(event_bytes / 4));
  events_.reserve(static_cast<std::size_t>(event_bytes / 24));  // one pattern a line (~30 bytes)
  for (const fs::path& f : event_files) {
    if (!(s = LoadEvents(f)).ok()) return s;
  }
  if (!(s = LoadQuantities(dir / "quantities.txt")).ok()) return s;
  if (!(s = LoadCounts(dir / "counts.txt")).ok()) return s;
  actor_trie_.Freeze();
  event_trie_.Freeze();
  quantity_trie_.Freeze();
  cue_trie_.Freeze();
  return Status::Ok();
}

bool IsBarrier(const Token& t, std::string_view key) {
  if (t.kind != TokenKind::kPunct) return false;
  return key == "," || key == ";" || key == ":" || key == "\"" || key == "'" || key == "``" ||
         key == "''" || key == "\xC2\xAB" || key == "\xC2\xBB";
}

// Adverbs news puts between an auxiliary and its verb, or a verb and its
// object: "was then beaten", "were reportedly killed", "later detained".
bool IsInsertedAdverb(std::string_view key) {
  // every one is 4..12 letters and starts with one of these: a cheap filter
  // before the comparisons, since this runs on every token
  if (key.size() < 4 || key.size() > 12) return false;
  switch (key[0]) {
    case 't': case 'l': case 'r': case 'a': case 's': case 'e': case 'i': case 'b':
    case 'v': case 'f': break;
    default: return false;
  }
  static constexpr std::string_view kAdverbs[] = {
      "then",       "later",      "reportedly", "allegedly", "subsequently", "eventually",
      "apparently", "initially",  "briefly",    "also",      "again",        "repeatedly",
      "brutally",   "violently",  "forcibly",   "summarily", "immediately",  "swiftly"};
  for (std::string_view a : kAdverbs) {
    if (key == a) return true;
  }
  return false;
}

// What Run learns about one token from its text alone: the vocabulary id of
// its match key and whether it is a barrier or an inserted adverb. The
// actor, event, quantity and cue matchers are each run over the same
// sentence by several callers (the recogniser, the geoparser twice, the
// coder), so every thread keeps these for the tokens of the last text it
// matched, by token index, and reuses one only when the token's norm and kind
// are still those it was computed from: an exact memo, not a guess. Tokens
// past kMemoTokens share slots (index modulo), which keeps the memo small on
// huge pages and is still exact.
constexpr std::uint32_t kMemoTokens = 1u << 16;
struct TokenMemo {
  std::uint64_t lexicon = 0;  // LexiconImpl::serial_ of the ids below
  struct Entry {
    std::string norm;
    TokenKind kind = TokenKind::kWord;
    bool known = false;
    std::uint8_t flags = 0;  // TokenInfo::kBarrier | TokenInfo::kSkippable
    std::uint32_t word = Vocabulary::kNone;
  };
  std::vector<Entry> entries;
  // The last matches of each trie (actors, events, quantities, cues) by the
  // first token of the range, with the token infos they were found from:
  // the recogniser and the geoparser both match actors in every sentence,
  // and a second run over equal infos finds the same matches.
  struct Result {
    std::uint32_t end = 0;
    std::vector<TokenInfo> infos;
    std::vector<PhraseMatch> matches;
  };
  std::vector<Result> results[4];  // by first token; ranges from kMemoTokens on are not kept
};

bool SameInfos(const std::vector<TokenInfo>& a, const std::vector<TokenInfo>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].word != b[i].word || a[i].flags != b[i].flags) return false;
  }
  return true;
}

std::vector<PhraseMatch> LexiconImpl::Run(const PhraseTrie& trie, const TokenizedText& text,
                                          std::uint32_t first, std::uint32_t end,
                                          bool compound_starts, bool skip_adverbs) const {
  std::vector<PhraseMatch> out;
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.tokens.size()));
  if (first >= end) return out;
  thread_local std::vector<TokenInfo> infos;
  thread_local std::string scratch;
  thread_local TokenMemo memo;
  if (memo.lexicon != serial_) {
    memo.entries.clear();
    for (auto& r : memo.results) r.clear();
    memo.lexicon = serial_;
  }
  if (memo.entries.size() < std::min(end, kMemoTokens)) memo.entries.resize(std::min(end, kMemoTokens));
  infos.resize(end - first);
  for (std::uint32_t i = first; i < end; ++i) {
    const Token& t = text.tokens[i];
    TokenMemo::Entry& e = memo.entries[i % kMemoTokens];
    if (!e.known || e.kind != t.kind || e.norm != t.norm) {
      std::string_view key = MatchKey(t.norm, &scratch);
      e.norm = t.norm;
      e.kind = t.kind;
      e.known = true;
      e.word = vocab_.Find(key);
      e.flags = (IsBarrier(t, key) ? TokenInfo::kBarrier : 0) |
                (IsInsertedAdverb(key) ? TokenInfo::kSkippable : 0);
    }
    TokenInfo& info = infos[i - first];
    info.word = e.word;
    info.flags = (t.capitalized ? TokenInfo::kCapitalized : 0) |
                 (t.all_caps ? TokenInfo::kAllCaps : 0) | (e.flags & TokenInfo::kBarrier);
    if (!compound_starts && i > 0 && t.joined_left && text.tokens[i - 1].joined_left &&
        text.tokens[i - 1].norm == "-") {
      info.flags |= TokenInfo::kNoStart;
    }
    if (skip_adverbs) info.flags |= e.flags & TokenInfo::kSkippable;
  }
  const int which = &trie == &actor_trie_ ? 0 : &trie == &event_trie_ ? 1 : &trie == &quantity_trie_ ? 2 : 3;
  TokenMemo::Result* last = nullptr;
  if (first < kMemoTokens) {
    std::vector<TokenMemo::Result>& results = memo.results[which];
    if (results.size() <= first) results.resize(first + 1);
    last = &results[first];
    if (last->end == end && SameInfos(last->infos, infos)) return last->matches;
  }
  trie.Match(infos.data(), end - first, first, &out);
  auto before = [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.end != b.end) return a.end > b.end;
    return a.entry < b.entry;
  };
  if (out.size() <= 16) {
    // a sentence has a few matches: an insertion sort (stable, like
    // stable_sort) without stable_sort's temporary buffer
    for (std::size_t i = 1; i < out.size(); ++i) {
      for (std::size_t j = i; j > 0 && before(out[j], out[j - 1]); --j) std::swap(out[j], out[j - 1]);
    }
  } else {
    std::stable_sort(out.begin(), out.end(), before);
  }
  out.erase(std::unique(out.begin(), out.end(),
                        [](const PhraseMatch& a, const PhraseMatch& b) {
                          return a.first == b.first && a.end == b.end && a.entry == b.entry;
                        }),
            out.end());
  if (last != nullptr) {
    last->end = end;
    last->infos = infos;
    last->matches = out;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<const Lexicon>> Lexicon::Load(const std::string& data_dir,
                                                     const LoadOptions& options) {
  auto lexicon = std::make_unique<LexiconImpl>();
  Status s = lexicon->LoadAll(fs::path(data_dir));
  if (!s.ok()) return s;
  return std::unique_ptr<const Lexicon>(std::move(lexicon));
}

}  // namespace dateline::lexicon
