#include "text/sentence_splitter.h"

#include "text/unicode.h"
#include "text/word_lists.h"

namespace dateline::text {
namespace {

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens, std::uint32_t end)
      : text_(text), tokens_(tokens), end_(end) {}

  // "." "?" "!" "..." or a word with its own final dot ("U.S.").
  bool IsTerminator(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kWord) return t.norm.size() > 1 && t.norm.back() == '.';
    if (t.kind != TokenKind::kPunct) return false;
    if (t.norm.size() == 1) return t.norm[0] == '.' || t.norm[0] == '?' || t.norm[0] == '!';
    return t.norm == "...";
  }

  // A closing quote or bracket written against the token before it.
  bool IsCloser(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kPunct || !t.joined_left || t.norm.size() != 1) return false;
    const char c = t.norm[0];
    return (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') && !IsOpenerSurface(i);
  }

  // Whether a sentence may end after terminator i (closers absorbed up to j),
  // with tokens_[j] the first token after them.
  bool Boundary(std::uint32_t first, std::uint32_t i, std::uint32_t j) const {
    const Token& term = tokens_[i];
    const Token& next = tokens_[j];
    if (next.joined_left) return false;  // "example.com", "U.S.-led", "3.5"
    if (term.kind == TokenKind::kWord) {
      // An abbreviation token with dots: "U.S.", "a.m.", "J.R.R.", "e.g.".
      if (term.norm == "a.m." || term.norm == "p.m.") {
        return StartsSentence(j) && !(next.kind == TokenKind::kWord && IsTimeFollower(next.norm));
      }
      if (term.norm == "e.g." || term.norm == "i.e.") return false;
      return StarterFollows(j);
    }
    if (term.norm != ".") return StartsSentence(j);  // ? ! ...
    if (i == first || !term.joined_left) return StartsSentence(j);
    const Token& prev = tokens_[i - 1];
    // "1. Protests spread": a list number opening the paragraph.
    if (prev.kind == TokenKind::kNumber && i - 1 == first) return false;
    if (prev.kind != TokenKind::kWord) return StartsSentence(j);  // "in 2022." "(AP)."
    switch (LookupAbbreviation(prev.norm, prev.capitalized)) {
      case AbbreviationKind::kTitle:
      case AbbreviationKind::kNeverLower:
        return false;
      case AbbreviationKind::kBeforeStarter:
        return StarterFollows(j);
      case AbbreviationKind::kNone:
        break;
    }
    if (IsInitial(i - 1)) return StarterFollows(j);  // "John F. Kennedy"
    return StartsSentence(j);
  }

 private:
  std::string_view Surface(std::uint32_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }

  bool IsOpenerSurface(std::uint32_t i) const {
    const std::string_view s = Surface(i);
    return s == "\u201C" || s == "\u2018" || s == "\u00AB" || s == "\u201E" || s == "(" ||
           s == "[" || s == "{";
  }

  // An opening quote or bracket (ASCII quotes count when not written against
  // the token before them).
  bool IsOpener(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kPunct) return false;
    if (IsOpenerSurface(i)) return true;
    return !t.joined_left && (t.norm == "\"" || t.norm == "'");
  }

  // One upper-case letter: an initial.
  bool IsInitial(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (!t.capitalized) return false;
    const std::string_view s = Surface(i);
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    return Decode(p, p + s.size()).length == s.size();
  }

  // The token at j could open a sentence: a capitalised word, a number, a
  // symbol ("$5 million ..."), an opening quote or bracket, a dash.
  bool StartsSentence(std::uint32_t j) const {
    const Token& t = tokens_[j];
    switch (t.kind) {
      case TokenKind::kWord: {
        if (t.capitalized) return true;
        const auto* p = reinterpret_cast<const unsigned char*>(text_.data()) + t.start;
        const CodePoint c = Decode(p, p + (t.end - t.start));
        return (c.value < 0x80 && IsAsciiDigit(static_cast<unsigned char>(c.value))) ||
               IsCaselessLetter(c.value);  // "1990s ...", Arabic, CJK
      }
      case TokenKind::kNumber:
      case TokenKind::kSymbol:
        return true;
      case TokenKind::kPossessive:
        return false;
      case TokenKind::kPunct:
        return IsOpener(j) || t.norm == "-";
    }
    return false;
  }

  // The next word, after any opening quotes, is a capitalised common sentence
  // starter ("The", "He", "In", "But"): used after abbreviations that usually
  // stand before a name ("U.S. President", "St. Petersburg", "Jan. 5").
  bool StarterFollows(std::uint32_t j) const {
    while (j < end_ && IsOpener(j)) ++j;
    if (j >= end_) return false;
    const Token& t = tokens_[j];
    return t.kind == TokenKind::kWord && t.capitalized && IsSentenceStarter(t.norm);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::uint32_t end_;
};

}  // namespace

void SplitSentences(std::string_view text, std::uint32_t first, std::uint32_t end,
                    std::uint32_t paragraph, std::size_t max_bytes, TokenizedText* out) {
  const std::vector<Token>& tokens = out->tokens;
  const Splitter splitter(text, tokens, end);
  auto emit = [&](std::uint32_t s, std::uint32_t e) {
    Sentence& sentence = out->sentences.emplace_back();
    sentence.start = tokens[s].start;
    sentence.end = tokens[e - 1].end;
    sentence.first_token = s;
    sentence.end_token = e;
    sentence.paragraph = paragraph;
  };
  auto too_long = [&](std::uint32_t s, std::uint32_t i) {
    return i > s && tokens[i].end - tokens[s].start > max_bytes;
  };

  std::uint32_t s = first;
  std::uint32_t i = first;
  while (i < end) {
    if (too_long(s, i)) {
      emit(s, i);
      s = i;
    }
    if (!splitter.IsTerminator(i)) {
      ++i;
      continue;
    }
    // Absorb further terminators and closing quotes/brackets: '?!', '."', '.)'.
    std::uint32_t j = i + 1;
    while (j < end && !too_long(s, j) && tokens[j].joined_left &&
           (splitter.IsCloser(j) ||
            (splitter.IsTerminator(j) && tokens[j].kind == TokenKind::kPunct))) {
      ++j;
    }
    if (j >= end) break;
    if (splitter.Boundary(first, i, j)) {
      emit(s, j);
      s = j;
    }
    i = j;
  }
  if (s < end) emit(s, end);
}

}  // namespace dateline::text
