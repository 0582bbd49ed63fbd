#include "text/tokenizer.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "text/sentence_splitter.h"
#include "text/unicode.h"

namespace dateline::text {
namespace {

using Byte = unsigned char;

// A limit below this would not hold one code point and a possessive.
constexpr std::size_t kMinLimit = 16;
// Offsets are 32-bit: text beyond this is not tokenised.
constexpr std::size_t kMaxText = std::numeric_limits<std::uint32_t>::max();

// The norm of a punctuation code point whose norm is not its surface.
const char* PunctNorm(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2039:
    case 0x203A:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

// Tokens of one paragraph, appended to a vector. One pass, left to right; the
// only allocation per token is its norm when longer than the string's inline
// buffer (15 bytes with libstdc++).
class ParagraphScanner {
 public:
  ParagraphScanner(std::string_view text, std::size_t max_token, std::vector<Token>* out)
      : base_(reinterpret_cast<const Byte*>(text.data())),
        max_token_(static_cast<std::ptrdiff_t>(max_token)),
        out_(out) {}

  void Scan(std::size_t begin, std::size_t end);

 private:
  Token& Emit(const Byte* start, TokenKind kind) {
    Token& t = out_->emplace_back();
    t.start = Offset(start);
    t.kind = kind;
    t.joined_left = joined_;
    joined_ = true;
    return t;
  }
  std::uint32_t Offset(const Byte* p) const { return static_cast<std::uint32_t>(p - base_); }
  // Where a token starting at p must end at the latest.
  const Byte* Limit(const Byte* p) const { return end_ - p > max_token_ ? p + max_token_ : end_; }

  bool IsWordCharAt(const Byte* p) const;
  bool InnerApostrophe(const Byte* after, const Byte* limit) const;
  const Byte* MatchAbbreviation(const Byte* p, const Byte* limit) const;
  const Byte* ScanAbbreviation(const Byte* p, const Byte* q);
  const Byte* ScanAlnum(const Byte* p);
  const Byte* ScanPossessive(const Byte* p);
  const Byte* ScanRun(const Byte* p, std::string_view norm_one, std::string_view norm_many);
  const Byte* ScanOne(const Byte* p, CodePoint c, TokenKind kind, const char* norm);

  const Byte* base_;
  const Byte* end_ = nullptr;
  std::ptrdiff_t max_token_;
  std::vector<Token>* out_;
  bool joined_ = false;
};

bool ParagraphScanner::IsWordCharAt(const Byte* p) const {
  if (p >= end_) return false;
  if (*p < 0x80) return IsAsciiLetter(*p) || IsAsciiDigit(*p);
  const CharClass k = Classify(Decode(p, end_).value);
  return k == CharClass::kLetter || k == CharClass::kDigit || k == CharClass::kMark;
}

// An apostrophe followed by `after` stays inside the word ("don't",
// "O'Brien") unless it starts a possessive "'s" at the end of the word.
bool ParagraphScanner::InnerApostrophe(const Byte* after, const Byte* limit) const {
  if (after >= limit) return false;
  const CodePoint c = Decode(after, end_);
  if (Classify(c.value) != CharClass::kLetter) return false;
  if ((c.value == 's' || c.value == 'S') && !IsWordCharAt(after + 1)) return false;
  return true;
}

// "U.S.", "a.m.", "J.R.R.", "Ph.D.": two or more segments of one or two
// letters, each followed by a dot. Returns the end (after the last dot) or
// nullptr.
const Byte* ParagraphScanner::MatchAbbreviation(const Byte* p, const Byte* limit) const {
  // Fast exit for the common case: a word of three or more ASCII letters.
  if (limit - p >= 3 && IsAsciiLetter(p[0]) && IsAsciiLetter(p[1]) && IsAsciiLetter(p[2])) {
    return nullptr;
  }
  const Byte* q = p;
  const Byte* good = nullptr;
  int segments = 0;
  while (q < limit) {
    int letters = 0;
    const Byte* r = q;
    while (r < limit && letters <= 2) {
      const CodePoint c = Decode(r, end_);
      if (Classify(c.value) != CharClass::kLetter || r + c.length > limit) break;
      r += c.length;
      ++letters;
    }
    if (letters == 0 || letters > 2 || r >= limit || *r != '.') break;
    q = r + 1;
    if (++segments >= 2) good = q;
  }
  return good;
}

const Byte* ParagraphScanner::ScanAbbreviation(const Byte* p, const Byte* q) {
  Token& t = Emit(p, TokenKind::kWord);
  int letters = 0;
  int uppers = 0;
  while (p < q) {
    const CodePoint c = Decode(p, end_);
    if (c.value != '.') {
      const bool upper = IsUpper(c.value);
      if (letters == 0) t.capitalized = upper;
      ++letters;
      uppers += upper;
    }
    AppendLower(c.value, &t.norm);
    p += c.length;
  }
  t.all_caps = letters >= 2 && uppers == letters;
  t.end = Offset(q);
  return q;
}

// A word or a number starting at p (a letter or a digit).
const Byte* ParagraphScanner::ScanAlnum(const Byte* p) {
  const Byte* const limit = Limit(p);
  const CodePoint first = Decode(p, end_);
  bool number = Classify(first.value) == CharClass::kDigit;
  if (!number) {
    if (const Byte* q = MatchAbbreviation(p, limit)) return ScanAbbreviation(p, q);
  }
  Token& t = Emit(p, TokenKind::kWord);
  std::string& norm = t.norm;
  int letters = 0;
  int uppers = 0;
  t.capitalized = IsUpper(first.value);
  while (p < limit) {
    const Byte b = *p;
    if (b < 0x80) {
      if (IsAsciiLetter(b)) {
        const Byte* q = p;
        while (q < limit && IsAsciiLetter(*q)) ++q;
        const std::size_t old = norm.size();
        norm.append(reinterpret_cast<const char*>(p), q - p);
        for (std::size_t i = old; i < norm.size(); ++i) {
          if (IsAsciiUpper(static_cast<Byte>(norm[i]))) {
            norm[i] = static_cast<char>(norm[i] | 0x20);
            ++uppers;
          }
        }
        letters += static_cast<int>(q - p);
        number = false;
        p = q;
        continue;
      }
      if (IsAsciiDigit(b)) {
        const Byte* q = p;
        while (q < limit && IsAsciiDigit(*q)) ++q;
        norm.append(reinterpret_cast<const char*>(p), q - p);
        p = q;
        continue;
      }
      if (number && b == ',' && limit - p >= 4 && IsAsciiDigit(p[1]) && IsAsciiDigit(p[2]) &&
          IsAsciiDigit(p[3]) && (p + 4 >= end_ || !IsAsciiDigit(p[4]))) {
        norm.append(reinterpret_cast<const char*>(p), 4);
        p += 4;
        continue;
      }
      if (number && b == '.' && p + 1 < limit && IsAsciiDigit(p[1])) {
        norm.push_back('.');
        ++p;
        continue;
      }
      if (b == '\'' && InnerApostrophe(p + 1, limit)) {
        norm.push_back('\'');
        ++p;
        continue;
      }
      break;
    }
    const CodePoint c = Decode(p, end_);
    if (p + c.length > limit) break;
    const CharClass k = Classify(c.value);
    if (k == CharClass::kLetter) {
      ++letters;
      uppers += IsUpper(c.value);
      AppendLower(c.value, &norm);
      number = false;
    } else if (k == CharClass::kDigit || k == CharClass::kMark) {
      norm.append(reinterpret_cast<const char*>(p), c.length);
    } else if (k == CharClass::kApostrophe && InnerApostrophe(p + c.length, limit)) {
      norm.push_back('\'');
    } else if (k == CharClass::kFormat && p + c.length < limit && IsWordCharAt(p + c.length)) {
      // A soft hyphen or zero-width character inside a word: in the surface,
      // not in the norm.
    } else {
      break;
    }
    p += c.length;
  }
  t.kind = number ? TokenKind::kNumber : TokenKind::kWord;
  t.all_caps = letters >= 2 && uppers == letters;
  t.end = Offset(p);
  return p;
}

// After a word or number: "'s" (any case, ASCII or curly apostrophe) at the
// end of a word, or a lone apostrophe after a word ending in s.
const Byte* ParagraphScanner::ScanPossessive(const Byte* p) {
  if (p >= end_) return p;
  const CodePoint c = Decode(p, end_);
  if (Classify(c.value) != CharClass::kApostrophe) return p;
  const Byte* q = p + c.length;
  if (q < end_ && (*q == 's' || *q == 'S') && !IsWordCharAt(q + 1)) {
    Token& t = Emit(p, TokenKind::kPossessive);
    t.norm = "'s";
    t.end = Offset(q + 1);
    return q + 1;
  }
  const std::string& prev = out_->back().norm;
  const bool plural = !prev.empty() && prev.back() == 's';
  if (plural && !IsWordCharAt(q)) {
    Token& t = Emit(p, TokenKind::kPossessive);
    t.norm = "'";
    t.end = Offset(q);
    return q;
  }
  return p;
}

// A run of the ASCII byte at p ("...", "--") as one punctuation token.
const Byte* ParagraphScanner::ScanRun(const Byte* p, std::string_view norm_one,
                                      std::string_view norm_many) {
  const Byte* const limit = Limit(p);
  const Byte* q = p + 1;
  while (q < limit && *q == *p) ++q;
  Token& t = Emit(p, TokenKind::kPunct);
  t.norm = q - p == 1 ? norm_one : norm_many;
  t.end = Offset(q);
  return q;
}

const Byte* ParagraphScanner::ScanOne(const Byte* p, CodePoint c, TokenKind kind,
                                      const char* norm) {
  Token& t = Emit(p, kind);
  if (norm != nullptr) {
    t.norm = norm;
  } else {
    t.norm.assign(reinterpret_cast<const char*>(p), c.length);
  }
  t.end = Offset(p + c.length);
  return p + c.length;
}

void ParagraphScanner::Scan(std::size_t begin, std::size_t end) {
  const Byte* p = base_ + begin;
  end_ = base_ + end;
  joined_ = false;
  while (p < end_) {
    const Byte b = *p;
    if (b <= 0x20 || b == 0x7F) {
      joined_ = false;
      ++p;
      continue;
    }
    const CodePoint c = Decode(p, end_);
    switch (Classify(c.value)) {
      case CharClass::kSpace:
      case CharClass::kFormat:
        joined_ = false;
        p += c.length;
        break;
      case CharClass::kLetter:
      case CharClass::kDigit:
        p = ScanAlnum(p);
        p = ScanPossessive(p);
        break;
      case CharClass::kDot:
        p = ScanRun(p, ".", "...");
        break;
      case CharClass::kDash:
        p = b == '-' ? ScanRun(p, "-", "-") : ScanOne(p, c, TokenKind::kPunct, "-");
        break;
      case CharClass::kApostrophe:
      case CharClass::kPunct:
        p = ScanOne(p, c, TokenKind::kPunct, PunctNorm(c.value));
        break;
      case CharClass::kMark:
      case CharClass::kSymbol:
        p = ScanOne(p, c, TokenKind::kSymbol, nullptr);
        break;
    }
  }
}

std::size_t EffectiveLimit(const TextOptions& options) {
  return std::max(options.max_sentence_bytes, kMinLimit);
}

void TokenizeRange(std::string_view text, std::size_t begin, std::size_t end,
                   std::uint32_t paragraph, std::size_t limit, TokenizedText* out) {
  const auto first = static_cast<std::uint32_t>(out->tokens.size());
  ParagraphScanner(text, limit, &out->tokens).Scan(begin, end);
  SplitSentences(text, first, static_cast<std::uint32_t>(out->tokens.size()), paragraph, limit,
                 out);
}

void Reserve(std::size_t bytes, TokenizedText* out) {
  out->tokens.reserve(bytes / 5 + 8);
  out->sentences.reserve(bytes / 100 + 2);
}

}  // namespace

TokenizedText Tokenize(const Article& article, const TextOptions& options) {
  TokenizedText out;
  const std::string_view text =
      std::string_view(article.text).substr(0, std::min(article.text.size(), kMaxText));
  Reserve(text.size(), &out);
  const std::size_t limit = EffectiveLimit(options);
  for (std::size_t i = 0; i < article.paragraphs.size(); ++i) {
    const Paragraph& p = article.paragraphs[i];
    const std::size_t begin = std::min(p.start, text.size());
    const std::size_t end = std::min(p.end, text.size());
    if (begin >= end) continue;
    TokenizeRange(text, begin, end, static_cast<std::uint32_t>(i), limit, &out);
  }
  return out;
}

TokenizedText TokenizeText(std::string_view text, const TextOptions& options) {
  TokenizedText out;
  text = text.substr(0, std::min(text.size(), kMaxText));
  Reserve(text.size(), &out);
  TokenizeRange(text, 0, text.size(), 0, EffectiveLimit(options), &out);
  return out;
}

}  // namespace dateline::text
