#include "lexicon/phrase.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

namespace dateline::lexicon {
namespace {

// Latin letters with diacritics → ASCII, for the ranges news text meets
// (Latin-1 Supplement, Latin Extended-A, Romanian comma letters).
struct FoldRange {
  char32_t lo, hi;
  const char* to;
  bool upper;  // the range holds capitals (Latin-1); Extended-A alternates
};
constexpr FoldRange kFolds[] = {
    {0xC0, 0xC5, "a", true},    {0xC6, 0xC6, "ae", true},    {0xC7, 0xC7, "c", true},
    {0xC8, 0xCB, "e", true},    {0xCC, 0xCF, "i", true},     {0xD0, 0xD0, "d", true},
    {0xD1, 0xD1, "n", true},    {0xD2, 0xD6, "o", true},     {0xD8, 0xD8, "o", true},
    {0xD9, 0xDC, "u", true},    {0xDD, 0xDD, "y", true},     {0xDF, 0xDF, "ss", false},
    {0xE0, 0xE5, "a", false},   {0xE6, 0xE6, "ae", false},   {0xE7, 0xE7, "c", false},
    {0xE8, 0xEB, "e", false},   {0xEC, 0xEF, "i", false},    {0xF0, 0xF0, "d", false},
    {0xF1, 0xF1, "n", false},   {0xF2, 0xF6, "o", false},    {0xF8, 0xF8, "o", false},
    {0xF9, 0xFC, "u", false},   {0xFD, 0xFD, "y", false},    {0xFF, 0xFF, "y", false},
    {0x100, 0x105, "a", false}, {0x106, 0x10D, "c", false},  {0x10E, 0x111, "d", false},
    {0x112, 0x11B, "e", false}, {0x11C, 0x123, "g", false},  {0x124, 0x127, "h", false},
    {0x128, 0x131, "i", false}, {0x132, 0x133, "ij", false}, {0x134, 0x135, "j", false},
    {0x136, 0x138, "k", false}, {0x139, 0x142, "l", false},  {0x143, 0x14B, "n", false},
    {0x14C, 0x151, "o", false}, {0x152, 0x153, "oe", false}, {0x154, 0x159, "r", false},
    {0x15A, 0x161, "s", false}, {0x162, 0x167, "t", false},  {0x168, 0x173, "u", false},
    {0x174, 0x175, "w", false}, {0x176, 0x178, "y", false},  {0x179, 0x17E, "z", false},
    {0x17F, 0x17F, "s", false}, {0x218, 0x219, "s", false},  {0x21A, 0x21B, "t", false},
};

// Decodes one UTF-8 code point at s[*i], advancing *i; invalid bytes come
// back as themselves.
char32_t Decode(std::string_view s, std::size_t* i) {
  unsigned char c = s[*i];
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (n <= 0 || *i + static_cast<std::size_t>(n) >= s.size()) {
    ++*i;
    return c;
  }
  char32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char d = s[*i + k];
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *i += n + 1;
  return cp;
}

const FoldRange* FindFold(char32_t cp) {
  for (const FoldRange& r : kFolds) {
    if (cp >= r.lo && cp <= r.hi) return &r;
  }
  return nullptr;
}

bool IsUpperCodepoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Extended-A pairs capital/small; the parity flips at U+0138 and U+0178.
    if (cp <= 0x137) return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
    if (cp == 0x178) return true;
    if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// consonant-vowel-consonant ending where English may double the consonant
// ("stop" → "stopped"); returns 0 (no), 1 (one syllable: always doubles),
// 2 (longer: may double, "visit"/"commit", so both forms are made).
int Doubling(std::string_view w) {
  if (w.size() < 3) return 0;
  char last = w[w.size() - 1], mid = w[w.size() - 2], before = w[w.size() - 3];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y' || !std::isalpha(last)) return 0;
  if (!IsVowel(mid) || IsVowel(before)) return 0;
  int groups = 0;
  bool in_vowel = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool v = IsVowel(w[i]) || (w[i] == 'y' && i > 0);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups <= 1 ? 1 : 2;
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

std::string ThirdPerson(const std::string& w) {
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh") || EndsWith(w, "o")) {
    return w + "es";
  }
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

void Participles(const std::string& w, std::vector<std::string>* out) {
  if (w.back() == 'e') {
    AddUnique(out, w + "d");
    return;
  }
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    AddUnique(out, w.substr(0, w.size() - 1) + "ied");
    return;
  }
  int d = Doubling(w);
  if (d != 0) AddUnique(out, w + w.back() + "ed");
  if (d != 1) AddUnique(out, w + "ed");
}

void Gerunds(const std::string& w, std::vector<std::string>* out) {
  if (EndsWith(w, "ie")) {
    AddUnique(out, w.substr(0, w.size() - 2) + "ying");
    return;
  }
  if (w.size() > 2 && w.back() == 'e' && !EndsWith(w, "ee") && !EndsWith(w, "ye") &&
      !EndsWith(w, "oe")) {
    AddUnique(out, w.substr(0, w.size() - 1) + "ing");
    return;
  }
  int d = Doubling(w);
  if (d != 0) AddUnique(out, w + w.back() + "ing");
  if (d != 1) AddUnique(out, w + "ing");
}

bool IsDash(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

bool IsLeadingPunct(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == 0xAB ||
         cp == 0x201C || cp == 0x2018;
}
bool IsTrailingPunct(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == ',' || cp == ';' ||
         cp == ':' || cp == '!' || cp == '?' || cp == '+' || cp == 0xBB || cp == 0x201D ||
         cp == 0x2019;
}

// Last code point of s and its byte length.
char32_t LastCodepoint(std::string_view s, std::size_t* len) {
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  std::size_t j = i;
  char32_t cp = Decode(s, &j);
  *len = s.size() - i;
  return cp;
}

// The case rule of a dictionary word as written (see lexicon.h).
CaseRule CaseRuleOf(std::string_view word) {
  int letters = 0, upper = 0;
  bool first_upper = false, dot = false;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = Decode(word, &i);
    if (cp == '.') dot = true;
    bool is_upper = IsUpperCodepoint(cp);
    bool is_letter = is_upper || (cp >= 'a' && cp <= 'z') || FindFold(cp) != nullptr;
    if (!is_letter) continue;
    if (letters == 0) first_upper = is_upper;
    ++letters;
    if (is_upper) ++upper;
  }
  if (letters >= 2 && letters <= 3 && upper == letters && !dot) return CaseRule::kAllCaps;
  return first_upper ? CaseRule::kCapitalized : CaseRule::kAny;
}

// Splits `s` on '|' outside parentheses.
std::vector<std::string_view> SplitAlternatives(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
    if (s[i] == '|' && depth == 0) {
      out.push_back(s.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  out.push_back(s.substr(begin));
  return out;
}

// A sequence of atoms; an element of a pattern is a set of them.
using Seq = std::vector<Atom>;
using Alternatives = std::vector<Seq>;

Alternatives Cross(const Alternatives& a, const Alternatives& b, std::size_t limit, bool* over) {
  Alternatives out;
  for (const Seq& x : a) {
    for (const Seq& y : b) {
      if (out.size() >= limit) {
        *over = true;
        return out;
      }
      Seq s = x;
      s.insert(s.end(), y.begin(), y.end());
      out.push_back(std::move(s));
    }
  }
  return out;
}

// A literal word or phrase → its token sequences (a hyphen may be absent).
Result<Alternatives> Literal(std::string_view text, const PhraseSyntax& syntax) {
  Alternatives out{Seq{}};
  bool over = false;
  std::string scratch;
  for (const PhraseToken& t : SplitPhrase(text)) {
    Atom atom;
    atom.key = std::string(MatchKey(t.text, &scratch));
    if (syntax.case_sensitive && !t.punct) atom.case_rule = CaseRuleOf(t.text);
    atom.dot = t.dot;
    if (!t.optional && out.size() == 1 && syntax.max_paths >= 1) {
      out[0].push_back(std::move(atom));  // what Cross gives, without copying
      continue;
    }
    Alternatives step{Seq{atom}};
    if (t.optional) step.push_back(Seq{});
    out = Cross(out, step, syntax.max_paths, &over);
  }
  if (over) return Status::InvalidInput("phrase expands to too many forms");
  return out;
}

// One whitespace-delimited word of a pattern: "~storm", "building(s)",
// "a|an|the", "cease-fire".
Result<Alternatives> Word(std::string_view word, const PhraseSyntax& syntax,
                          const Inflector& inflector) {
  Alternatives out;
  for (std::string_view alt : SplitAlternatives(word)) {
    if (alt.empty())
      return Status::InvalidInput("empty alternative in '" + std::string(word) + "'");
    std::vector<std::string> forms;
    if (alt[0] == '~') {
      if (alt.size() == 1) return Status::InvalidInput("'~' without a verb");
      forms = inflector.Forms(alt.substr(1));
    } else if (std::size_t open = alt.find('('); open != std::string_view::npos) {
      if (alt.back() != ')' || open == 0) {
        return Status::InvalidInput("bad ending group in '" + std::string(alt) +
                                    "' (write stem(s) or stem(y|ies))");
      }
      std::string_view stem = alt.substr(0, open);
      std::string_view inner = alt.substr(open + 1, alt.size() - open - 2);
      std::vector<std::string_view> endings;
      std::size_t begin = 0;
      for (std::size_t i = 0; i <= inner.size(); ++i) {
        if (i == inner.size() || inner[i] == '|') {
          endings.push_back(inner.substr(begin, i - begin));
          begin = i + 1;
        }
      }
      if (endings.size() == 1) endings.insert(endings.begin(), std::string_view());
      for (std::string_view e : endings) forms.push_back(std::string(stem) + std::string(e));
    } else {
      if (alt.find_first_of("()[]~") != std::string_view::npos) {
        return Status::InvalidInput("stray bracket or ~ in '" + std::string(alt) + "'");
      }
      forms.emplace_back(alt);
    }
    for (const std::string& f : forms) {
      Result<Alternatives> lit = Literal(f, syntax);
      if (!lit.ok()) return lit.status();
      for (Seq& s : *lit) {
        if (!s.empty()) out.push_back(std::move(s));
      }
    }
  }
  if (out.empty()) return Status::InvalidInput("'" + std::string(word) + "' has no token");
  return out;
}

// Splits a pattern into words, with '[' and ']' as words of their own.
std::vector<std::string_view> PatternWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s[i] == '[' || s[i] == ']') {
      out.push_back(s.substr(i, 1));
      ++i;
    } else {
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '[' && s[j] != ']') ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

Result<Alternatives> Sequence(const std::vector<std::string_view>& words, std::size_t* pos,
                              bool in_group, const PhraseSyntax& syntax,
                              const Inflector& inflector) {
  Alternatives out{Seq{}};
  bool over = false;
  while (*pos < words.size()) {
    std::string_view w = words[*pos];
    ++*pos;
    Alternatives step;
    if (w == "]") {
      if (!in_group) return Status::InvalidInput("']' without '['");
      return out;
    } else if (w == "[") {
      Result<Alternatives> inner = Sequence(words, pos, true, syntax, inflector);
      if (!inner.ok()) return inner.status();
      step = std::move(*inner);
      step.push_back(Seq{});
    } else if (w == "*" || w == "+" || w == "$") {
      if (!syntax.allow_gaps)
        return Status::InvalidInput("'" + std::string(w) + "' is only for event patterns");
      Atom a;
      a.kind = w == "*" ? Atom::Kind::kGap : w == "+" ? Atom::Kind::kTarget : Atom::Kind::kSource;
      step.push_back(Seq{a});
    } else {
      Result<Alternatives> word = Word(w, syntax, inflector);
      if (!word.ok()) return word.status();
      step = std::move(*word);
    }
    // what Cross gives, without copying, in the two common cases: nothing
    // before the step, or one form of it (no limit is passed either way)
    if (out.size() == 1 && out[0].empty() && step.size() <= syntax.max_paths) {
      out = std::move(step);
      continue;
    }
    if (step.size() == 1 && out.size() <= syntax.max_paths) {
      for (Seq& s : out) s.insert(s.end(), step[0].begin(), step[0].end());
      continue;
    }
    out = Cross(out, step, syntax.max_paths, &over);
    if (over) return Status::InvalidInput("pattern expands to too many forms");
  }
  if (in_group) return Status::InvalidInput("'[' without ']'");
  return out;
}

}  // namespace

std::string_view MatchKey(std::string_view text, std::string* scratch) {
  bool simple = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) {
      simple = false;
      break;
    }
  }
  if (simple && !(text.size() > 1 && text.back() == '.')) return text;
  scratch->clear();
  bool letter = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    char32_t cp = Decode(text, &i);
    if (cp >= 'A' && cp <= 'Z') {
      scratch->push_back(static_cast<char>(cp - 'A' + 'a'));
      letter = true;
    } else if (cp >= 'a' && cp <= 'z') {
      scratch->push_back(static_cast<char>(cp));
      letter = true;
    } else if (const FoldRange* f = FindFold(cp)) {
      scratch->append(f->to);
      letter = true;
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC) {
      scratch->push_back('\'');
    } else if (cp == 0x201C || cp == 0x201D) {
      scratch->push_back('"');
    } else if (IsDash(cp)) {
      scratch->push_back('-');
    } else {
      scratch->append(text.substr(at, i - at));
    }
  }
  if (letter) {
    while (scratch->size() > 1 && scratch->back() == '.') scratch->pop_back();
  }
  return *scratch;
}

void Inflector::AddIrregular(const std::string& lemma, std::vector<std::string> forms) {
  std::vector<std::string>& v = irregular_[lemma];
  for (std::string& f : forms) AddUnique(&v, std::move(f));
}

std::vector<std::string> Inflector::Forms(std::string_view lemma_view) const {
  std::string lemma(lemma_view);
  std::vector<std::string> out{lemma};
  if (lemma.empty()) return out;
  AddUnique(&out, ThirdPerson(lemma));
  if (lemma == "be") {
    AddUnique(&out, "being");
  } else {
    Gerunds(lemma, &out);
  }
  auto it = irregular_.find(lemma);
  if (it != irregular_.end()) {
    for (const std::string& f : it->second) AddUnique(&out, f);
  } else {
    Participles(lemma, &out);
  }
  return out;
}

namespace {

// One hyphen-free part of a phrase word: split on '/', then on inner dots
// unless it is an initialism ("U.S.", "a.m."), with a final dot optional.
void EmitPart(std::string_view part, std::vector<PhraseToken>* out) {
  std::size_t b = 0;
  for (std::size_t i = 0; i <= part.size(); ++i) {
    if (i != part.size() && part[i] != '/') continue;
    std::string_view sub = part.substr(b, i - b);
    if (b > 0) out->push_back({"/", false, true, false});
    b = i + 1;
    if (sub.empty()) continue;
    bool final_dot = sub.size() > 1 && sub.back() == '.';
    std::string_view core = sub;
    while (core.size() > 1 && core.back() == '.') core.remove_suffix(1);
    bool alnum = std::any_of(core.begin(), core.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    });
    if (!alnum) {
      out->push_back({std::string(sub), false, true, false});
      continue;
    }
    // Segments between inner dots: an initialism has only one-letter ones.
    std::vector<std::string_view> segments;
    std::size_t sb = 0;
    for (std::size_t k = 0; k <= core.size(); ++k) {
      if (k == core.size() || core[k] == '.') {
        segments.push_back(core.substr(sb, k - sb));
        sb = k + 1;
      }
    }
    bool initialism =
        segments.size() > 1 && std::all_of(segments.begin(), segments.end(),
                                           [](std::string_view g) { return g.size() == 1; });
    if (segments.size() > 1 && !initialism) {
      for (std::size_t g = 0; g < segments.size(); ++g) {
        if (g > 0) out->push_back({".", false, true, false});
        if (!segments[g].empty()) out->push_back({std::string(segments[g]), false, false, false});
      }
    } else {
      out->push_back({std::string(core), false, false, false});
    }
    if (final_dot) out->push_back({".", true, true, true});
  }
}

}  // namespace

std::vector<PhraseToken> SplitPhrase(std::string_view phrase) {
  std::vector<PhraseToken> out;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == ' ' || phrase[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '\t') ++j;
    std::string_view chunk = phrase.substr(i, j - i);
    i = j;
    if (chunk.empty()) continue;
    if (chunk == "'s" || chunk == "\xE2\x80\x99s") {
      out.push_back({"'s", false, true});
      continue;
    }
    // Leading punctuation.
    while (!chunk.empty()) {
      std::size_t k = 0;
      char32_t cp = Decode(chunk, &k);
      if (!IsLeadingPunct(cp) || k == chunk.size()) break;
      out.push_back({std::string(chunk.substr(0, k)), false, true});
      chunk.remove_prefix(k);
    }
    // Trailing punctuation, kept in reverse.
    std::vector<PhraseToken> trailing;
    while (chunk.size() > 1) {
      std::size_t len = 0;
      char32_t cp = LastCodepoint(chunk, &len);
      if (!IsTrailingPunct(cp) || len == chunk.size()) break;
      trailing.push_back({std::string(chunk.substr(chunk.size() - len)), false, true});
      chunk.remove_suffix(len);
    }
    // Possessive 's.
    std::string possessive;
    for (std::string_view p : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (chunk.size() > p.size() && EndsWith(chunk, p)) {
        possessive = "'s";
        chunk.remove_suffix(p.size());
        break;
      }
    }
    // Hyphenated parts, the hyphens optional.
    std::size_t begin = 0;
    bool need_hyphen = false, emitted = false;
    for (std::size_t k = 0; k <= chunk.size();) {
      std::size_t at = k;
      char32_t cp = k < chunk.size() ? Decode(chunk, &k) : 0;
      if (at == chunk.size() || IsDash(cp)) {
        if (at > begin) {
          if (need_hyphen) out.push_back({"-", true, true});
          EmitPart(chunk.substr(begin, at - begin), &out);
          need_hyphen = false;
          emitted = true;
        }
        if (at == chunk.size()) break;
        if (emitted) need_hyphen = true;
        begin = k;
      }
    }
    if (!possessive.empty()) out.push_back({possessive, false, true});
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) out.push_back(*it);
  }
  return out;
}

Result<std::vector<Path>> ExpandPhrase(std::string_view phrase, const PhraseSyntax& syntax,
                                       const Inflector& inflector) {
  std::vector<std::string_view> words = PatternWords(phrase);
  if (words.empty()) return Status::InvalidInput("empty phrase");
  std::size_t pos = 0;
  Result<Alternatives> seqs = Sequence(words, &pos, false, syntax, inflector);
  if (!seqs.ok()) return seqs.status();
  std::vector<Path> out;
  for (Seq& s : *seqs) {
    if (s.empty()) continue;     // "[x]" alone
    if (s.back().dot) continue;  // the same path without the final "." is there too
    out.push_back(std::move(s));
  }
  if (out.empty()) return Status::InvalidInput("phrase matches nothing");
  return out;
}

}  // namespace dateline::lexicon
