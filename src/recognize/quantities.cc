#include "recognize/quantities.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace dateline::recognize {
namespace {

using lexicon::CountKind;

std::optional<std::int64_t> ParseNumeral(std::string_view w) {
  std::int64_t v = 0;
  bool any = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= '0' && c <= '9') {
      if (v > (std::int64_t{1} << 50)) return std::nullopt;
      v = v * 10 + (c - '0');
      any = true;
    } else if (c == ',' && i + 3 < w.size() + 1 && any) {
      continue;
    } else if (c == '.') {
      break;  // decimals: keep the integer part ("1.5 million" is handled by the caller)
    } else {
      return std::nullopt;
    }
  }
  return any ? std::optional<std::int64_t>(v) : std::nullopt;
}

std::optional<double> ParseDecimal(std::string_view w) {
  std::string s;
  for (char c : w) {
    if (c != ',') s += c;
  }
  char* endp = nullptr;
  double v = std::strtod(s.c_str(), &endp);
  if (endp == s.c_str() || *endp != '\0') return std::nullopt;
  return v;
}

class QuantityScanner {
 public:
  QuantityScanner(const TokenizedText& text, std::uint32_t first, std::uint32_t end,
                  const lexicon::Lexicon& lexicon)
      : text_(text), first_(first), end_(end), lexicon_(lexicon) {
    for (const lexicon::PhraseMatch& m : lexicon.MatchQuantities(text, first, end)) {
      // keep the longest match starting at each token
      if (words_.empty() || words_.back().first != m.first) words_.push_back(m);
    }
  }

  std::vector<QuantityMention> Run() {
    std::vector<QuantityMention> out;
    std::uint32_t i = first_;
    while (i < end_) {
      std::uint32_t next = i + 1;
      if (auto q = At(i, &next)) out.push_back(*q);
      i = std::max(next, i + 1);
    }
    return out;
  }

 private:
  std::string_view Norm(std::uint32_t i) const { return text_.tokens[i].norm; }
  bool Is(std::uint32_t i, std::string_view w) const { return i < end_ && Norm(i) == w; }

  const lexicon::PhraseMatch* WordAt(std::uint32_t i) const {
    for (const auto& m : words_) {
      if (m.first == i) return &m;
    }
    return nullptr;
  }

  // A bare number at i: {value range, tokens consumed}.
  struct Bare {
    Count value;
    std::uint32_t end;
  };

  std::optional<Bare> BareNumber(std::uint32_t i) const {
    if (i >= end_) return std::nullopt;
    const Token& t = text_.tokens[i];
    if (t.kind == TokenKind::kNumber) {
      // measures and names: "180-day", "Khabar-24", "4,700-mile", "24/7"
      if (i + 1 < end_ && text_.tokens[i + 1].joined_left &&
          (Norm(i + 1) == "-" || Norm(i + 1) == "/" || Norm(i + 1) == "%")) {
        return std::nullopt;
      }
      if (t.joined_left && i > first_ && (Norm(i - 1) == "-" || Norm(i - 1) == "$")) {
        return std::nullopt;
      }
      if (i > first_ && (Norm(i - 1) == "$" || Norm(i - 1) == "£" || Norm(i - 1) == "€")) {
        return std::nullopt;
      }
      auto d = ParseDecimal(t.norm);
      if (!d) return std::nullopt;
      double v = *d;
      std::uint32_t j = i + 1;
      if (const auto* m = WordAt(j); m && lexicon_.Quantity(m->entry).multiplier) {
        v *= static_cast<double>(lexicon_.Quantity(m->entry).min);
        j = m->end;
      } else if (t.norm.find('.') != std::string::npos) {
        return std::nullopt;  // a decimal that is not "1.5 million"
      }
      // units that make it a measure, a percentage or money
      static constexpr std::string_view kUnits[] = {
          "percent", "per", "%", "km", "kilometers", "kilometres", "miles", "mile", "meters",
          "metres", "feet", "dollars", "euros", "pounds", "rubles", "years", "year", "months",
          "hours", "minutes", "seconds", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "kg", "tons",
          "tonnes", "degrees", "points", "times", "days", "weeks", "billion", "mph", "gallons"};
      if (j < end_) {
        for (std::string_view u : kUnits) {
          if (Norm(j) == u) return std::nullopt;
        }
      }
      // years: "in 2019", "since 1991"; a four-digit number 1900..2100 with no comma
      if (t.norm.size() == 4 && v >= 1900 && v <= 2100) return std::nullopt;
      Count c;
      c.min = c.max = static_cast<std::int64_t>(std::llround(v));
      c.best = c.min;
      return Bare{c, j};
    }
    if (const auto* m = WordAt(i)) {
      const lexicon::QuantityEntry& q = lexicon_.Quantity(m->entry);
      std::uint32_t j = m->end;
      Count c;
      c.min = q.min;
      c.max = q.max;
      c.best = q.best;
      if (q.multiplier) return std::nullopt;  // "thousand" alone
      // "twelve thousand"
      if (const auto* mult = WordAt(j); mult && lexicon_.Quantity(mult->entry).multiplier && q.best) {
        std::int64_t f = lexicon_.Quantity(mult->entry).min;
        c.min = c.max = *q.best * f;
        c.best = c.min;
        j = mult->end;
      }
      return Bare{c, j};
    }
    return std::nullopt;
  }

  std::optional<QuantityMention> At(std::uint32_t i, std::uint32_t* next) const {
    std::uint32_t start = i;
    enum class Hedge { kNone, kAtLeast, kMoreThan, kAbout, kUpTo, kNearly } hedge = Hedge::kNone;
    if (Is(i, "at") && (Is(i + 1, "least"))) {
      hedge = Hedge::kAtLeast;
      i += 2;
    } else if ((Is(i, "more") || Is(i, "fewer") || Is(i, "less")) && Is(i + 1, "than")) {
      hedge = Norm(i) == "more" ? Hedge::kMoreThan : Hedge::kUpTo;
      i += 2;
    } else if (Is(i, "over") || Is(i, "upwards")) {
      hedge = Hedge::kMoreThan;
      i += 1;
    } else if (Is(i, "about") || Is(i, "around") || Is(i, "roughly") || Is(i, "approximately") ||
               Is(i, "some") || Is(i, "an") && Is(i + 1, "estimated")) {
      hedge = Hedge::kAbout;
      i += Is(i, "an") ? 2 : 1;
    } else if (Is(i, "nearly") || Is(i, "almost")) {
      hedge = Hedge::kNearly;
      i += 1;
    } else if (Is(i, "up") && Is(i + 1, "to")) {
      hedge = Hedge::kUpTo;
      i += 2;
    }
    // "between 10 and 15"
    bool between = false;
    if (hedge == Hedge::kNone && Is(i, "between")) {
      between = true;
      i += 1;
    }
    std::optional<Bare> bare = BareNumber(i);
    if (!bare) {
      *next = start + 1;
      return std::nullopt;
    }
    Count c = bare->value;
    std::uint32_t j = bare->end;
    // ranges: "10 to 15", "10-15", "between 10 and 15"
    if (j < end_ && (between ? Is(j, "and") : (Is(j, "to") || (Is(j, "-") && text_.tokens[j].joined_left)))) {
      if (auto hi = BareNumber(j + 1); hi && hi->value.max >= c.min) {
        c.max = hi->value.max;
        c.best.reset();
        j = hi->end;
      }
    } else if (between) {
      *next = start + 1;
      return std::nullopt;
    }
    if (c.best) {
      std::int64_t b = *c.best;
      switch (hedge) {
        case Hedge::kAbout:
          c.min = b - b / 10;
          c.max = b + b / 10;
          break;
        case Hedge::kNearly:
          c.min = b - b / 10;
          c.max = b;
          break;
        case Hedge::kUpTo:
          c.min = 0;
          c.max = b;
          break;
        case Hedge::kAtLeast:
        case Hedge::kMoreThan:
        case Hedge::kNone:
          break;
      }
    }
    QuantityMention q;
    q.first = start;
    q.end = j;
    q.value = c;
    *next = j;
    return q;
  }

  const TokenizedText& text_;
  std::uint32_t first_, end_;
  const lexicon::Lexicon& lexicon_;
  std::vector<lexicon::PhraseMatch> words_;
};

// "40 journalists held a vigil": "held" with an object is no detention.
bool TransitiveHeld(const TokenizedText& text, const lexicon::PhraseMatch& m, std::uint32_t end) {
  if (m.end - m.first != 1 || text.tokens[m.first].norm != "held" || m.end >= end) return false;
  std::string_view next = text.tokens[m.end].norm;
  return next == "a" || next == "an" || next == "the" || next == "their" || next == "its" ||
         next == "talks" || next == "rallies" || next == "protests" || next == "meetings";
}

bool StopsCueSearch(const Token& t) {
  if (t.kind == TokenKind::kPunct) {
    return t.norm == "," || t.norm == ";" || t.norm == ":" || t.norm == "." || t.norm == "\"" ||
           t.norm == "(" || t.norm == ")";
  }
  return t.kind == TokenKind::kNumber;
}

}  // namespace

std::vector<QuantityMention> FindQuantities(const TokenizedText& text, std::uint32_t first,
                                            std::uint32_t end, const lexicon::Lexicon& lexicon) {
  return QuantityScanner(text, first, end, lexicon).Run();
}

std::vector<CountMention> FindCounts(const TokenizedText& text, std::uint32_t first,
                                     std::uint32_t end, const std::vector<QuantityMention>& quantities,
                                     const lexicon::Lexicon& lexicon) {
  std::vector<lexicon::PhraseMatch> cues = lexicon.MatchCountCues(text, first, end);
  auto cue_at = [&](std::uint32_t i, bool after_number) -> const lexicon::PhraseMatch* {
    for (const auto& m : cues) {
      if (m.first == i && lexicon.Cue(m.entry).after_number == after_number) return &m;
    }
    return nullptr;
  };
  auto cue_ending_at = [&](std::uint32_t e, bool after_number) -> const lexicon::PhraseMatch* {
    for (const auto& m : cues) {
      if (m.end == e && lexicon.Cue(m.entry).after_number == after_number) return &m;
    }
    return nullptr;
  };
  std::vector<CountMention> out;
  for (const QuantityMention& q : quantities) {
    // "including two children", "among them five soldiers": a part of a
    // figure the sentence gives elsewhere, never a count of its own
    if (q.first > first && (text.tokens[q.first - 1].norm == "including" ||
                            (q.first > first + 1 && text.tokens[q.first - 2].norm == "among" &&
                             (text.tokens[q.first - 1].norm == "them" ||
                              text.tokens[q.first - 1].norm == "whom" ||
                              text.tokens[q.first - 1].norm == "those")))) {
      continue;
    }
    std::optional<CountMention> found;
    // 1. A verb or noun before the number: "killed dozens", "killing at least
    //    12", "the death toll rose to 30", "arrested some 2,000".
    for (std::uint32_t e = q.first, gap = 0; e > first && gap <= 3; --e, ++gap) {
      if (const auto* m = cue_ending_at(e, false)) {
        found = CountMention{lexicon.Cue(m->entry).kind, q.first, q.end, m->first, q.value};
        break;
      }
      const Token& prev = text.tokens[e - 1];
      if (StopsCueSearch(prev)) break;
      // only "rose to", "reached", "stood at", "of" may stand between
      static constexpr std::string_view kBridge[] = {"rose", "risen", "climbed", "reached", "to",
                                                     "stood", "at", "of", "is", "was", "now",
                                                     "has", "had", "jumped", "increased"};
      bool bridge = false;
      for (std::string_view b : kBridge) bridge |= prev.norm == b;
      if (!bridge) break;
    }
    // 1b. "The death toll from the attack in Kenya rose to 21": a verb of
    //     rising before the number, its subject's cue further back.
    if (!found && q.first > first) {
      std::uint32_t k = q.first;
      if (k > first && (text.tokens[k - 1].norm == "to" || text.tokens[k - 1].norm == "at")) --k;
      static constexpr std::string_view kRise[] = {"rose", "risen", "climbed", "reached", "stood",
                                                   "increased", "jumped", "hit", "soared", "rises"};
      bool rise = false;
      if (k > first) {
        for (std::string_view r : kRise) rise |= text.tokens[k - 1].norm == r;
      }
      for (std::uint32_t e = k - 1; rise && e > first && e + 12 > k; --e) {
        if (const auto* m = cue_ending_at(e, false)) {
          found = CountMention{lexicon.Cue(m->entry).kind, q.first, q.end, m->first, q.value};
          break;
        }
        if (StopsCueSearch(text.tokens[e - 1])) break;
      }
    }
    // 2. A cue after the number: "12 police officers died", "353 injured",
    //    "2,000 people were arrested", "about 200 protesters".
    if (!found) {
      // A group noun ("police officers", "protesters") is a weaker cue than
      // what happened to them ("were killed"): keep looking past it.
      std::uint32_t j = q.end;
      for (int steps = 0; j < end && steps < 7; ++steps) {
        if (const auto* m = cue_at(j, true); m && !TransitiveHeld(text, *m, end)) {
          CountKind kind = lexicon.Cue(m->entry).kind;
          bool group = kind == CountKind::kParticipants || kind == CountKind::kTroops;
          if (!found) found = CountMention{kind, q.first, q.end, m->first, q.value};
          if (!group) {
            found = CountMention{kind, q.first, q.end, m->first, q.value};
            break;
          }
          j = std::max(m->end, j + 1);
          continue;
        }
        const Token& t = text.tokens[j];
        // "Seven people, including two children, were killed": past the aside
        if (t.norm == "," && j + 1 < end &&
            (text.tokens[j + 1].norm == "including" || text.tokens[j + 1].norm == "among" ||
             text.tokens[j + 1].norm == "mostly" || text.tokens[j + 1].norm == "most")) {
          std::uint32_t close = j + 1;
          while (close < end && close < j + 10 && text.tokens[close].norm != ",") ++close;
          if (close < end && close < j + 10) {
            j = close + 1;
            continue;
          }
        }
        if (StopsCueSearch(t)) break;
        if (t.norm == "and" || t.norm == "or" || t.norm == "but") break;
        ++j;
      }
    }
    // 3. "would number about 2,500", "totalled 300": the count of whatever the
    //    sentence counts elsewhere (its first after-number cue).
    if (!found && q.first > first) {
      std::string_view prev = text.tokens[q.first - 1].norm;
      std::uint32_t k = q.first - 1;
      if ((prev == "about" || prev == "some") && k > first) prev = text.tokens[--k].norm;
      if (prev == "number" || prev == "numbered" || prev == "numbering" || prev == "totalled" ||
          prev == "totaled" || prev == "total") {
        for (const auto& m : cues) {
          if (lexicon.Cue(m.entry).after_number) {
            found = CountMention{lexicon.Cue(m.entry).kind, q.first, q.end, m.first, q.value};
            break;
          }
        }
      }
    }
    if (found) out.push_back(*found);
  }
  return out;
}

std::string_view CountKindName(lexicon::CountKind kind) {
  switch (kind) {
    case CountKind::kKilled: return "killed";
    case CountKind::kInjured: return "injured";
    case CountKind::kArrested: return "arrested";
    case CountKind::kParticipants: return "participants";
    case CountKind::kDisplaced: return "displaced";
    case CountKind::kTroops: return "troops";
  }
  return "killed";
}

}  // namespace dateline::recognize
