// How a text scrape is read (see text_scrape.h for the contract):
//
// 1. Lines are trimmed; hard-wrapped blocks (several long lines without
//    sentence ends) are joined into one paragraph.
// 2. Each line gets a class: boilerplate (a phrase list and shapes: weather,
//    gallery counters, breadcrumbs, pipe menus, icon labels, all-capital
//    section labels), a closing marker ("Most Read", "Tags:"), a date stamp,
//    a caption (a photo credit near its end, or a description beside gallery
//    chrome), prose (long, or a sentence of 12+ words; CJK by characters), or
//    other.
// 3. Runs of prose are broken by more than kMaxGap non-prose lines or by a
//    closing marker. Each run weighs its prose characters, more under an
//    article header (byline or stamp), less after a comments heading. The
//    heaviest is the body; neighbouring runs across a short gap of non-prose
//    lines (a gallery, a box) are joined to it, as are short sentences at
//    its edges. Inside it, boilerplate and non-sentences are dropped; prose
//    above the first paragraph that opens with a dateline is a caption.
// 4. Above the body: the title is the last headline-shaped line, the byline a
//    "By ..." or a names line after it, the publish date the first stamp.
#include "extract/text_scrape.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "extract/dateline_finder.h"
#include "extract/publish_date.h"

namespace dateline::extract {
namespace {

// Non-prose lines tolerated inside the body before it is considered ended.
constexpr int kMaxGap = 3;
// A line with at least this many words is prose even without a sentence end.
constexpr std::size_t kLongProseWords = 25;
// A sentence-ended line with at least this many words is prose.
constexpr std::size_t kSentenceProseWords = 12;
// The same for scripts without spaces, in characters.
constexpr std::size_t kLongProseWide = 80;
constexpr std::size_t kSentenceProseWide = 30;
// Run weighing: a byline or stamp this many lines above a run multiplies its
// weight by kHeaderBonus; a run after a comments heading (once a run of
// kRealRunChars was seen) is multiplied by kCommentsPenalty.
constexpr std::size_t kHeaderReach = 4;
constexpr double kHeaderBonus = 1.5;
constexpr double kCommentsPenalty = 0.3;
constexpr std::size_t kRealRunChars = 300;
// Neighbouring runs of at least kMergeRunChars, at most kMaxMergeGap lines
// away, are joined to the body.
constexpr std::size_t kMaxMergeGap = 10;
constexpr std::size_t kMergeRunChars = 150;
// A text without a prose run is read as short clean text (an event note) when
// it has at most this many sentence or headline lines.
constexpr std::size_t kMaxShortTextLines = 12;

enum class LineClass { kBoilerplate, kEndMarker, kDateStamp, kCaption, kProse, kOther };

struct Line {
  std::string text;
  std::size_t words = 0;
  LineClass cls = LineClass::kOther;
  bool gallery = false;  // gallery chrome: "1 / 15", "Photo 3 of 8", "Previous | Next"
  std::size_t block = 0;  // lines of one block have no blank line between them
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Trims, turns no-break spaces into spaces and collapses runs of spaces.
std::string NormalizeLine(std::string_view raw) {
  // bytes of the space at i: 1 for a space byte, 2 for U+00A0, else 0
  auto space_at = [&](std::size_t i) -> std::size_t {
    if (IsSpaceByte(raw[i])) return 1;
    return raw[i] == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0' ? 2 : 0;
  };
  std::string s;
  s.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size()) {
      const std::size_t n = space_at(i);
      if (n == 0) break;
      i += n;
    }
    if (i == raw.size()) break;
    std::size_t word_end = i;
    while (word_end < raw.size() && space_at(word_end) == 0) ++word_end;
    if (!s.empty()) s += ' ';
    s.append(raw.substr(i, word_end - i));
    i = word_end;
  }
  return s;
}

// Lower-case ASCII letters and digits, every other run of bytes one space:
// the form boilerplate phrases are compared in ("Share this!" -> "share this").
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    bool alnum = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (alnum) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
    } else if (u >= 0x80 && (u & 0xC0) != 0x80) {
      gap = true;  // non-ASCII character start: treated as a separator
    } else if (u < 0x80) {
      gap = true;
    }
  }
  return out;
}

std::size_t CountWords(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// Whether a text contains any of a list of at most 32 phrases: at each byte
// only the phrases that start with it are compared (one pass over the text
// instead of one search per phrase).
template <std::size_t N>
class PhraseSet {
 public:
  static_assert(N <= 32);
  constexpr explicit PhraseSet(const std::string_view (&list)[N]) : list_(list) {
    for (std::size_t k = 0; k < N; ++k) by_first_[static_cast<unsigned char>(list[k][0])] |= 1u << k;
  }
  bool FoundIn(std::string_view s) const {
    for (std::size_t i = 0; i < s.size(); ++i) {
      for (std::uint32_t m = by_first_[static_cast<unsigned char>(s[i])]; m != 0; m &= m - 1) {
        const std::string_view p = list_[std::countr_zero(m)];
        if (p.size() <= s.size() - i && std::memcmp(s.data() + i, p.data(), p.size()) == 0) return true;
      }
    }
    return false;
  }

 private:
  const std::string_view (&list_)[N];
  std::array<std::uint32_t, 256> by_first_{};
};

// Ends like a sentence: . ! ? … or a closing quote/bracket after one.
bool EndsSentence(std::string_view s) {
  static constexpr std::array<std::string_view, 13> kEnds = {
      ".", "!", "?", "\"", ")", "'", "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */,
      "\xE2\x80\xA6" /* … */, "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x81" /* ！ */,
      "\xEF\xBC\x9F" /* ？ */, "\xE3\x80\x8D" /* 」 */};
  for (std::string_view e : kEnds) {
    if (EndsWith(s, e)) return true;
  }
  return false;
}

bool HasLowerAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool HasUpperAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whole lines (folded) that are page chrome.
constexpr std::string_view kChromeLines[] = {
    "skip to main content", "skip to content", "skip to navigation", "skip navigation",
    "clear icon", "search icon", "menu icon", "close icon", "recommended videos", "loading",
    "advertisement", "ad", "advertisements", "sponsored", "sponsored content", "share",
    "share this", "share this article", "share this story", "share article", "share on facebook",
    "share on twitter", "share on whatsapp", "share via email", "facebook", "twitter", "x",
    "whatsapp", "telegram", "linkedin", "reddit", "email", "e mail", "copy link", "copy",
    "link copied", "print", "print this article", "read more", "read next", "related",
    "related posts", "related stories", "related articles", "related coverage", "more stories",
    "most read", "most popular", "most viewed", "trending", "trending now", "you may also like",
    "you might also like", "recommended", "recommended for you", "sign up", "sign in", "log in",
    "login", "logout", "subscribe", "subscribe now", "register", "menu", "search", "close",
    "home", "comments", "leave a reply", "leave a comment", "back to top", "next", "previous",
    "top stories", "latest", "latest news", "editor s picks", "advertise", "listen", "watch",
    "newsletter", "newsletters", "tags", "topics", "breaking news", "e paper", "accept",
    "accept all", "reject all", "manage preferences", "i agree", "ok", "cookie settings",
    "we value your privacy", "enter your email", "enter your email address", "email address",
    "your email", "sections", "my news", "video", "photos", "live", "follow us", "show more",
    "load more", "view comments", "open in app", "download the app", "continue reading",
    "story continues below", "story continues below advertisement", "image", "photo",
    "toggle navigation", "main navigation", "navigation", "all", "more", "about us",
    "contact", "contact us", "privacy", "terms", "terms of use", "privacy policy",
};

// Line starts (folded) that mark chrome when the line is short.
constexpr std::string_view kChromePrefixes[] = {
    "read more ", "also read ", "see also ", "read also ", "reporting by ", "writing by ",
    "editing by ", "additional reporting ", "copyright ", "listen to this article",
    "listen to article", "kindly share", "disclaimer ", "our standards", "click here",
    "advertisement ", "sponsored by ", "follow us ", "sign up ", "subscribe to ",
    "subscribe for ", "join our ", "download the ", "share this ", "share on ",
};

// Labels that mark chrome when a colon follows them ("Related: ...").
constexpr std::string_view kColonLabels[] = {
    "related", "more from", "more on", "tags", "topics", "comments", "watch", "photos",
    "video", "explainer", "live updates", "live", "opinion", "recommended", "trending",
    "latest", "most read", "read next", "also on", "in pictures", "podcast", "listen",
};

// Phrases (folded) that mark a short line as chrome wherever they occur.
constexpr std::string_view kChromePhrases[] = {
    "all rights reserved", "newsletter", "in your inbox", "sign up", "signing up",
    "subscribe", "privacy policy", "terms of use", "terms of service", "free articles",
    "whatsapp channel", "cookie", "min read", "minute read", "enter your email",
    "required fields", "trust principles", "comments are closed", "log in to comment",
    "reproduction prohibited", "republished with permission", "first published by",
    "originally published", "was first published", "this story has been",
};

// Any letter of any script (the folded form keeps ASCII only).
bool HasLetter(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c > 0 && u_isalpha(c)) return true;
  }
  return false;
}

// "62º", "62°F", "-3 °C": a weather widget.
bool IsWeather(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t d = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == d || i - d > 3) return false;
  if (i < s.size() && s[i] == ' ') ++i;
  std::string_view rest = s.substr(i);
  for (std::string_view deg : {std::string_view("\xC2\xBA"), std::string_view("\xC2\xB0")}) {
    if (StartsWith(rest, deg)) {
      rest.remove_prefix(deg.size());
      return rest.empty() || rest == "F" || rest == "C";
    }
  }
  return false;
}

// "1 / 15", "1/15", "Photo 3 of 8", "Image 2 of 10", "3 of 8".
bool IsCounter(std::string_view folded) {
  std::string_view f = folded;
  for (std::string_view p : {"photo ", "image ", "picture ", "slide ", "gallery "}) {
    if (StartsWith(f, p)) f.remove_prefix(p.size());
  }
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t s = i;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
    return i > s;
  };
  if (!digits()) return false;
  if (StartsWith(f.substr(i), " of ")) i += 4;
  else if (i < f.size() && f[i] == ' ') ++i;
  else return false;
  return digits() && i == f.size();
}

std::size_t CountOf(std::string_view s, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

// Everything that is page chrome by its own look.
// The longest of `list`, and a set of the first bytes of its entries: tests
// that let IsChrome skip a list a line cannot match.
template <std::size_t N>
constexpr std::size_t Longest(const std::string_view (&list)[N]) {
  std::size_t n = 0;
  for (std::string_view s : list) n = s.size() > n ? s.size() : n;
  return n;
}
template <std::size_t N>
constexpr std::array<bool, 256> FirstBytes(const std::string_view (&list)[N]) {
  std::array<bool, 256> set{};
  for (std::string_view s : list) set[static_cast<unsigned char>(s[0])] = true;
  return set;
}

bool IsChrome(std::string_view line, std::string_view folded, std::size_t words) {
  static constexpr std::size_t kLongestChromeLine = Longest(kChromeLines);
  static constexpr std::array<bool, 256> kPrefixStarts = FirstBytes(kChromePrefixes);
  static constexpr std::array<bool, 256> kLabelStarts = FirstBytes(kColonLabels);
  if (folded.empty() && !HasLetter(line)) return true;  // arrows, bullets, rules
  if (folded.size() <= kLongestChromeLine) {
    for (std::string_view c : kChromeLines) {
      if (folded == c) return true;
    }
  }
  if (IsWeather(line) || IsCounter(folded)) return true;
  if (StartsWith(line, "\xC2\xA9")) return true;  // ©
  if (words <= 30 && !folded.empty()) {
    const auto first = static_cast<unsigned char>(folded[0]);
    if (kPrefixStarts[first]) {
      for (std::string_view p : kChromePrefixes) {
        if (StartsWith(folded, p)) return true;
      }
    }
    if (kLabelStarts[first] && line.find(':') != std::string_view::npos) {
      for (std::string_view p : kColonLabels) {
        if (StartsWith(folded, p) && line.size() > p.size() && line[p.size()] == ':') return true;
      }
    }
  }
  if (words <= 20 || (words <= 60 && Contains(folded, "cookie"))) {
    static constexpr PhraseSet kPhrases(kChromePhrases);
    if (kPhrases.FoundIn(folded)) return true;
  }
  if (words <= 20 && !EndsSentence(line)) {
    // Breadcrumbs and menus: "Home » News » Metro", "A | B | C", "Terms · Privacy".
    if (Contains(line, " \xC2\xBB ") || Contains(line, " \xE2\x80\xBA ") || Contains(line, " > ") ||
        CountOf(line, " | ") >= 1 || CountOf(line, " \xC2\xB7 ") >= 2) {
      return true;
    }
    if (Contains(folded, "previous") && Contains(folded, "next")) return true;
  }
  // Icon labels ("Clear icon") and all-capital section labels ("AFRICA").
  if (words <= 4 && EndsWith(folded, " icon")) return true;
  if (words <= 5 && HasUpperAscii(line) && !HasLowerAscii(line)) return true;
  // Comment counters "Comments (14)", numbered list items "1. Headline".
  if (words <= 3 && StartsWith(folded, "comments")) return true;
  return false;
}

// Headings that close the article: what follows is lists and boxes.
bool IsEndMarker(std::string_view folded, std::size_t words) {
  if (words > 12) return false;
  static constexpr std::string_view kEnd[] = {
      "most read", "most popular", "most viewed", "read next", "trending", "trending now",
      "related", "related posts", "related stories", "related articles", "related coverage",
      "you may also like", "you might also like", "more stories", "reporting by", "tags",
      "topics", "comments", "leave a reply", "leave a comment", "about the author",
      "further reading", "more from", "more on", "sign up", "newsletter", "recommended for you",
      "top stories", "latest news", "comments are closed"};
  for (std::string_view e : kEnd) {
    if (folded == e) return true;
    if (folded.size() > e.size() && StartsWith(folded, e) && folded[e.size()] == ' ' &&
        (e == "reporting by" || e == "more from" || e == "more on" || e == "sign up" ||
         e == "tags" || e == "comments" || e == "comments are closed")) {
      return true;
    }
  }
  return StartsWith(folded, "sign up for ") || Contains(folded, "newsletter");
}

// A credit in capitals closing the line: "... on Tuesday. HARBOUR LEDGER PHOTO",
// "REUTERS/FILE PHOTO", "AFP PHOTO": the last word is PHOTO, PHOTOS, PICTURE or
// IMAGE in capitals and the one before it is in capitals too.
bool EndsWithCapitalCredit(std::string_view line) {
  while (!line.empty() && (IsSpaceByte(line.back()) || line.back() == ')' || line.back() == '.')) {
    line.remove_suffix(1);
  }
  static constexpr std::string_view kLast[] = {"PHOTO", "PHOTOS", "PICTURE", "PICTURES", "IMAGE"};
  for (std::string_view last : kLast) {
    if (!EndsWith(line, last)) continue;
    std::string_view before = line.substr(0, line.size() - last.size());
    if (!before.empty() && std::isalpha(static_cast<unsigned char>(before.back()))) continue;
    while (!before.empty() && (before.back() == ' ' || before.back() == '/')) before.remove_suffix(1);
    std::size_t start = before.size();
    while (start > 0 && !IsSpaceByte(before[start - 1])) --start;
    std::string_view word = before.substr(start);
    if (word.size() >= 2 && HasUpperAscii(word) && !HasLowerAscii(word)) return true;
  }
  return false;
}

// A photo credit near the end of the line.
bool HasPhotoCredit(std::string_view line) {
  std::string_view tail = line.size() > 90 ? line.substr(line.size() - 90) : line;
  static constexpr std::string_view kCredits[] = {
      "(AP Photo", "AP Photo/", "Photo:", "Photograph:", "Photo by", "Photo credit",
      "Getty Images", "/AFP", "AFP via", "(Reuters", "REUTERS/", "(AFP", "Image:", "Credit:",
      "photo)", "Photo)", "(File photo", "Pictures)", "/EPA", "(EPA"};
  static constexpr PhraseSet kCreditSet(kCredits);
  if (kCreditSet.FoundIn(tail)) return true;
  return EndsWithCapitalCredit(line);
}

// Characters of scripts written without spaces between words (CJK, kana,
// Hangul): code points from U+2E80 up, which take three or four UTF-8 bytes.
std::size_t CountWideChars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0 || (c >= 0xE2 && !(c == 0xE2 && i + 1 < s.size() &&
                                      static_cast<unsigned char>(s[i + 1]) < 0xBA))) {
      ++n;
    }
  }
  return n;
}

bool IsProse(const Line& l) {
  if (l.words >= kLongProseWords || (l.words >= kSentenceProseWords && EndsSentence(l.text))) {
    return true;
  }
  // Chinese, Japanese, Korean: count characters instead of words.
  std::size_t wide = CountWideChars(l.text);
  return wide >= kLongProseWide || (wide >= kSentenceProseWide && EndsSentence(l.text));
}

LineClass Classify(Line& l) {
  l.words = CountWords(l.text);
  std::string folded = Fold(l.text);
  if (IsEndMarker(folded, l.words)) return LineClass::kEndMarker;
  // Before the chrome shapes: "August 27, 2025 | 4:48 PM" looks like a pipe menu.
  if (ParseDateStamp(l.text).known()) return LineClass::kDateStamp;
  if (IsChrome(l.text, folded, l.words)) {
    l.gallery = IsCounter(folded) ||
                (l.words <= 6 && Contains(folded, "previous") && Contains(folded, "next"));
    return LineClass::kBoilerplate;
  }
  // "BEIRUT (Reuters) - ..." opens a story; a credit elsewhere marks a caption.
  if (l.words >= 6 && HasPhotoCredit(l.text) && FindDateline(l.text).empty()) {
    return LineClass::kCaption;
  }
  if (IsProse(l)) return LineClass::kProse;
  return LineClass::kOther;
}

// A paragraph hard-wrapped at a fixed width: every line but the last is long,
// most of them stop mid-sentence, and the block holds no byline or stamp.
bool IsWrappedBlock(const std::vector<std::string>& block) {
  if (block.size() < 2) return false;
  std::size_t open = 0;
  std::size_t lower_starts = 0;
  for (std::size_t i = 0; i < block.size(); ++i) {
    const std::string& l = block[i];
    if (StartsWith(l, "By ") || ParseDateStamp(l).known()) return false;
    if (i > 0 && l[0] >= 'a' && l[0] <= 'z') ++lower_starts;
    if (i + 1 == block.size()) break;
    if (l.size() < 60 || l.size() > 110) return false;
    if (!EndsSentence(l)) ++open;
  }
  if (open * 2 < block.size() - 1) return false;
  // Two lines could be a headline and a standfirst: ask for a lower-case continuation.
  return block.size() > 2 || lower_starts > 0;
}

// Lines of the scrape, hard-wrapped blocks joined.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::vector<std::string> block;
  std::size_t block_id = 0;
  auto flush = [&] {
    ++block_id;
    if (IsWrappedBlock(block)) {
      std::string joined;
      for (const std::string& b : block) {
        if (!joined.empty()) joined += ' ';
        joined += b;
      }
      lines.push_back({std::move(joined)});
      lines.back().block = block_id;
    } else {
      for (std::string& b : block) {
        lines.push_back({std::move(b)});
        lines.back().block = block_id;
      }
    }
    block.clear();
  };
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::string line = NormalizeLine(text.substr(i, e - i));
    if (line.empty()) flush();
    else block.push_back(std::move(line));
    i = e + 1;
  }
  flush();
  return lines;
}

// "Wanjiru Kamau and Peter Odhiambo", "Thomas Aung": capitalised names joined
// by "and" or commas, no digits, no sentence end.
bool IsNamesLine(std::string_view s) {
  std::size_t words = CountWords(s);
  if (words < 2 || words > 9 || EndsSentence(s)) return false;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t e = s.find(' ', start);
    if (e == std::string_view::npos) e = s.size();
    std::string_view w = s.substr(start, e - start);
    if (!w.empty() && w.back() == ',') w.remove_suffix(1);
    start = e + 1;
    if (w == "and" || w == "&") continue;
    if (w.empty() || (!(w[0] >= 'A' && w[0] <= 'Z') && static_cast<unsigned char>(w[0]) < 0x80)) {
      return false;
    }
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  }
  return true;
}

// "By Wanjiru Kamau, Associated Press" -> "Wanjiru Kamau"; "" when not a byline.
std::string BylineFrom(std::string_view s) {
  std::string_view folded_start = s.substr(0, 3);
  if ((folded_start == "By " || folded_start == "BY ") && CountWords(s) <= 14) {
    std::string_view name = s.substr(3);
    static constexpr std::string_view kAgencies[] = {
        ", Associated Press", ", The Associated Press", ", AP", ", Reuters", ", AFP",
        ", Agence France-Presse", ", Bloomberg"};
    for (std::string_view a : kAgencies) {
      if (EndsWith(name, a)) name.remove_suffix(a.size());
    }
    return std::string(name);
  }
  std::string folded = Fold(s);
  if (CountWords(s) <= 6 && !EndsSentence(s) &&
      (Contains(folded, "staff") || Contains(folded, "wire reports") ||
       Contains(folded, "correspondent") || Contains(folded, "reporter"))) {
    return std::string(s);
  }
  return "";
}

// A headline: 3..30 words, letters in lower case somewhere, not a sentence.
bool IsHeadline(const Line& l) {
  if (l.cls != LineClass::kOther && l.cls != LineClass::kProse) return false;
  std::size_t wide = CountWideChars(l.text);
  bool enough = l.words >= 3 || (wide >= 6 && wide <= 60);
  if (!enough || l.words > 30 || l.text.size() > 250) return false;
  if (!HasLowerAscii(l.text) && static_cast<unsigned char>(l.text[0]) < 0x80) return false;
  std::string_view t = l.text;
  if (EndsWith(t, ".") && !EndsWith(t, "...")) return false;
  if (EndsWith(t, ":") || EndsWith(t, ",")) return false;
  return true;
}

// Short paragraphs that are still sentences ("It was unclear why.").
bool IsShortSentence(const Line& l) {
  return l.cls == LineClass::kOther && l.words >= 3 && EndsSentence(l.text) &&
         HasLowerAscii(l.text) && BylineFrom(l.text).empty();
}

// A text too short to hold a prose run (an event note, a one-line report,
// a headline with a sentence) is clean text, not a scrape: every line that
// reads like a sentence or a headline is body. Chrome-only text stays empty.
ParsedPage ShortTextPage(const std::vector<Line>& lines) {
  ParsedPage page;
  std::size_t kept_words = 0;
  for (const Line& l : lines) {
    if (l.cls != LineClass::kOther && l.cls != LineClass::kProse) continue;
    bool sentence = l.words >= 3 && EndsSentence(l.text);
    bool headline = l.words >= 3 && HasLowerAscii(l.text);
    if (!sentence && !headline) continue;
    page.blocks.push_back({ParagraphKind::kBody, l.text});
    kept_words += l.words;
  }
  if (page.blocks.size() > kMaxShortTextLines || kept_words == 0) page.blocks.clear();
  return page;
}

}  // namespace

ParsedPage ParseTextScrape(std::string_view text) {
  ParsedPage page;
  std::vector<Line> lines = SplitLines(text);
  for (Line& l : lines) l.cls = Classify(l);
  // A photo description next to gallery chrome is a caption, credit or not.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if ((l.cls != LineClass::kProse && l.cls != LineClass::kOther) || l.words < 6) continue;
    bool after = i > 0 && lines[i - 1].gallery && lines[i - 1].block == l.block;
    bool before = i + 1 < lines.size() && lines[i + 1].gallery && lines[i + 1].block == l.block;
    if (after || before) {
      l.cls = LineClass::kCaption;
    }
  }

  // Runs of prose; keep the one with the most body text.
  // Runs are weighed by their prose characters, more when an article header
  // (a byline or date stamp) sits just above them, less when they follow a
  // comments heading that came after a real run (reader comments are prose too).
  struct Run {
    std::size_t first = 0, last = 0, chars = 0;
    double score = 0;
    bool after_comments = false;
  };
  std::vector<Run> runs;
  Run best;
  std::size_t best_index = 0;
  bool have_best = false;
  Run cur;
  bool open = false;
  int gap = 0;
  std::size_t longest_closed = 0;
  bool after_comments = false;
  auto close = [&] {
    if (open) {
      cur.score = static_cast<double>(cur.chars);
      std::size_t seen = 0;
      for (std::size_t k = cur.first; k > 0 && seen < kHeaderReach; --k) {
        const Line& h = lines[k - 1];
        ++seen;
        if (h.cls == LineClass::kDateStamp || StartsWith(h.text, "By ")) {
          cur.score *= kHeaderBonus;
          break;
        }
      }
      if (cur.after_comments) cur.score *= kCommentsPenalty;
      longest_closed = std::max(longest_closed, cur.chars);
      runs.push_back(cur);
      if (!have_best || cur.score > best.score) {
        best = cur;
        best_index = runs.size() - 1;
        have_best = true;
      }
    }
    open = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    bool member = l.cls == LineClass::kProse || l.cls == LineClass::kCaption;
    if (member) {
      if (!open) {
        cur = Run{i, i, 0, 0, after_comments};
        open = true;
      }
      cur.last = i;
      if (l.cls == LineClass::kProse) cur.chars += l.text.size();
      gap = 0;
      continue;
    }
    if (l.words <= 6 && Contains(Fold(l.text), "comment") &&
        std::max(longest_closed, open ? cur.chars : 0) >= kRealRunChars) {
      if (open) close();
      after_comments = true;
    }
    if (open) {
      if (l.cls == LineClass::kEndMarker && cur.chars > 0) close();
      else if (++gap > kMaxGap) close();
    }
  }
  close();
  if (!have_best || best.chars == 0) return ShortTextPage(lines);
  // A body cut by a gallery or a box of short lines: join the neighbouring
  // runs when only non-prose lines lie between, and no closing marker, and
  // (before the body) no article header that would start another story.
  auto gap_ok = [&](std::size_t from, std::size_t to, bool before) {
    if (to - from > kMaxMergeGap) return false;
    for (std::size_t k = from; k < to; ++k) {
      const Line& g = lines[k];
      if (g.cls == LineClass::kEndMarker) return false;
      if (before && (g.cls == LineClass::kDateStamp || StartsWith(g.text, "By ") ||
                     (IsHeadline(g) && g.words >= 6))) {
        return false;
      }
    }
    return true;
  };
  for (std::size_t k = best_index + 1; k < runs.size(); ++k) {
    if (runs[k].chars < kMergeRunChars || runs[k].after_comments ||
        !gap_ok(best.last + 1, runs[k].first, false)) {
      break;
    }
    best.last = runs[k].last;
  }
  for (std::size_t k = best_index; k-- > 0;) {
    if (runs[k].chars < kMergeRunChars || !gap_ok(runs[k].last + 1, best.first, true)) break;
    best.first = runs[k].first;
  }
  // Short paragraphs right before the run ("KYIV — Blasts shook the city.").
  while (best.first > 0 && IsShortSentence(lines[best.first - 1])) --best.first;
  // A short closing paragraph ("It was unclear why.") after the last prose line.
  for (std::size_t j = best.last + 1, skipped = 0; j < lines.size(); ++j) {
    const Line& l = lines[j];
    if (l.cls == LineClass::kEndMarker) break;
    if (IsShortSentence(l)) {
      best.last = j;
      skipped = 0;
    } else if (++skipped > static_cast<std::size_t>(kMaxGap)) {
      break;
    }
  }

  // Prose before the first dateline paragraph near the top of the run is a
  // caption (a photo description placed above the story).
  std::size_t body_start = best.first;
  {
    std::size_t seen = 0;
    for (std::size_t i = best.first; i <= best.last && seen < 3; ++i) {
      if (lines[i].cls != LineClass::kProse) continue;
      ++seen;
      if (!FindDateline(lines[i].text).empty()) {
        body_start = i;
        break;
      }
    }
    while (body_start <= best.last && lines[body_start].cls != LineClass::kProse) ++body_start;
    for (std::size_t i = best.first; i < body_start; ++i) {
      if (lines[i].cls == LineClass::kProse) lines[i].cls = LineClass::kCaption;
    }
  }

  // Before the body: title, byline, date stamp, captions with a credit.
  // Pages run title, byline, stamp, then pictures: when a byline or stamp
  // sits above the body, the title is looked for above the first of them.
  std::size_t header = best.first;
  for (std::size_t i = 0; i < best.first; ++i) {
    if (lines[i].cls == LineClass::kDateStamp || !BylineFrom(lines[i].text).empty()) {
      header = i;
      break;
    }
  }
  bool headline_above_header = false;
  for (std::size_t i = 0; i < header && !headline_above_header; ++i) {
    headline_above_header = IsHeadline(lines[i]) && BylineFrom(lines[i].text).empty();
  }
  std::size_t title_end = headline_above_header ? header : best.first;
  std::size_t title_index = lines.size();
  std::size_t names_title = lines.size();
  for (std::size_t i = 0; i < title_end; ++i) {
    if (!IsHeadline(lines[i]) || !BylineFrom(lines[i].text).empty()) continue;
    if (IsNamesLine(lines[i].text)) names_title = i;
    else title_index = i;
  }
  if (title_index == lines.size()) title_index = names_title;
  if (title_index < lines.size()) page.title = lines[title_index].text;
  std::size_t from = title_index < lines.size() ? title_index + 1 : 0;
  for (std::size_t i = from; i < best.first && page.byline.empty(); ++i) {
    if (lines[i].cls == LineClass::kBoilerplate) continue;
    std::string by = BylineFrom(lines[i].text);
    if (by.empty() && i != title_index && IsNamesLine(lines[i].text)) by = lines[i].text;
    page.byline = by;
  }
  for (std::size_t i = 0; i < body_start && !page.published.known(); ++i) {
    if (lines[i].cls == LineClass::kDateStamp) page.published = ParseDateStamp(lines[i].text);
  }

  for (std::size_t i = from; i <= best.last; ++i) {
    const Line& l = lines[i];
    if (i < best.first) {
      if (l.cls == LineClass::kCaption) page.blocks.push_back({ParagraphKind::kCaption, l.text});
      continue;
    }
    switch (l.cls) {
      case LineClass::kCaption:
        page.blocks.push_back({ParagraphKind::kCaption, l.text});
        break;
      case LineClass::kProse:
        page.blocks.push_back({ParagraphKind::kBody, l.text});
        break;
      case LineClass::kOther:
        if (IsShortSentence(l)) page.blocks.push_back({ParagraphKind::kBody, l.text});
        break;
      default:
        break;
    }
  }
  return page;
}

}  // namespace dateline::extract
