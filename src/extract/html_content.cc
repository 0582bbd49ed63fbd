#include "extract/html_content.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "extract/html_metadata.h"
#include "extract/html_text.h"

namespace dateline::extract {
namespace {

using html_text::AppendCollapsed;
using html_text::CountWords;
using html_text::StartsWithNoCase;

// ---------------------------------------------------------------- signals

enum ClassFlag : std::uint32_t {
  kNegative = 1u << 0,
  kPositive = 1u << 1,
  kStrongPositive = 1u << 2,  // article-body, story-body, itemprop=articleBody, ...
  kCaptionClass = 1u << 3,
  kBylineClass = 1u << 4,
  kDateClass = 1u << 5,
  kInvisible = 1u << 6,      // hidden by a common CSS convention, or a hover card
  kEmbed = 1u << 7,          // an embedded post (tweet, instagram) inside the article
  kDatelineClass = 1u << 8,  // "WASHINGTON (AP) —" set apart by the page
  kWeakNegative = 1u << 9,   // "more", "meta", "header": furniture only when small
};

// Whole class words that hide an element, and stems of hover cards/tooltips.
bool IsInvisibleWord(std::string_view t) {
  static constexpr std::string_view kWords[] = {"hidden",
                                                "sr-only",
                                                "visually-hidden",
                                                "visuallyhidden",
                                                "screen-reader-text",
                                                "screenreader-only",
                                                "is-hidden",
                                                "u-hidden",
                                                "hide",
                                                "d-none",
                                                "element-invisible",
                                                "offscreen",
                                                "sr-text"};
  for (std::string_view w : kWords) {
    if (t == w) return true;
  }
  // The card itself ("tooltip", "rollover-people-block"), not its trigger
  // ("rollover-people", which wraps the visible link).
  static constexpr std::string_view kStems[] = {"rollover", "tooltip", "popover", "hovercard"};
  static constexpr std::string_view kCardEnds[] = {"-block", "-content", "-card",  "-body",
                                                   "-box",   "-panel",   "-popup", "-text"};
  for (std::string_view p : kStems) {
    if (t.size() < p.size() || t.compare(0, p.size(), p) != 0) continue;
    if (t.size() == p.size()) return true;
    for (std::string_view e : kCardEnds) {
      if (t.size() > e.size() && t.compare(t.size() - e.size(), e.size(), e) == 0) return true;
    }
  }
  return false;
}

bool HasPrefix(std::string_view t, std::string_view p) {
  if (t.size() < p.size() || t[0] != p[0]) return false;
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (t[i] != p[i]) return false;
  }
  return true;
}

bool SameWord(std::string_view t, std::string_view w) {
  return t.size() == w.size() && HasPrefix(t, w);
}

struct ClassPattern {
  std::string_view text;
  bool prefix;  // else the whole word
  std::uint32_t flag;
};

constexpr ClassPattern kClassPatterns[] = {
    // page furniture
    {"comment", true, kNegative},
    {"footer", true, kNegative},
    {"sidebar", true, kNegative},
    {"related", true, kNegative},
    {"promo", true, kNegative},
    {"share", true, kNegative},
    {"sharing", true, kNegative},
    {"social", true, kNegative},
    {"navbar", true, kNegative},
    {"navigation", true, kNegative},
    {"menu", true, kNegative},
    {"banner", true, kNegative},
    {"widget", true, kNegative},
    {"popup", true, kNegative},
    {"modal", true, kNegative},
    {"newsletter", true, kNegative},
    {"subscri", true, kNegative},
    {"cookie", true, kNegative},
    {"advert", true, kNegative},
    {"sponsor", true, kNegative},
    {"breadcrumb", true, kNegative},
    {"recommend", true, kNegative},
    {"trending", true, kNegative},
    {"popular", true, kNegative},
    {"outbrain", true, kNegative},
    {"taboola", true, kNegative},
    {"masthead", true, kNegative},
    {"toolbar", true, kNegative},
    {"disqus", true, kNegative},
    {"signup", true, kNegative},
    {"login", true, kNegative},
    {"recirc", true, kNegative},
    {"adslot", true, kNegative},
    {"adunit", true, kNegative},
    {"adwrap", true, kNegative},
    {"adcontainer", true, kNegative},
    {"adsbygoogle", true, kNegative},
    {"adholder", true, kNegative},
    {"adbox", true, kNegative},
    {"adzone", true, kNegative},
    {"pagination", true, kNegative},
    {"pager", true, kNegative},
    {"most-read", true, kNegative},
    {"mostread", true, kNegative},
    {"tagcloud", true, kNegative},
    {"taglist", true, kNegative},
    {"nocontent", true, kNegative},
    {"rightrail", true, kNegative},
    {"right-rail", true, kNegative},
    {"rail", true, kNegative},
    {"carousel", true, kNegative},
    {"offcanvas", true, kNegative},
    {"overlay", true, kNegative},
    {"dropdown", true, kNegative},
    {"skiplink", true, kNegative},
    {"skip-link", true, kNegative},
    {"ad", false, kNegative},
    {"ads", false, kNegative},
    {"adv", false, kNegative},
    {"dfp", false, kNegative},
    {"nav", false, kNegative},
    {"tags", false, kNegative},
    {"tag", false, kWeakNegative},
    {"meta", false, kWeakNegative},
    {"bio", false, kNegative},
    {"more", false, kWeakNegative},
    {"next", false, kWeakNegative},
    {"prev", false, kWeakNegative},
    {"sr", false, kNegative},
    {"print", false, kWeakNegative},
    {"email", false, kWeakNegative},
    {"follow", false, kWeakNegative},
    {"header", false, kWeakNegative},
    {"utility", false, kWeakNegative},
    {"tools", false, kWeakNegative},
    {"footnotes", false, kWeakNegative},
    {"contributors", false, kWeakNegative},
    {"keywords", false, kWeakNegative},
    {"topics", false, kWeakNegative},
    {"authorbio", false, kNegative},
    {"endorsement", false, kWeakNegative},
    {"aside", false, kWeakNegative},
    {"callout", false, kWeakNegative},
    {"pullquote", false, kNegative},
    {"correction", false, kWeakNegative},
    // article signals
    {"article", true, kPositive},
    {"story", true, kPositive},
    {"content", true, kPositive},
    {"entry", true, kPositive},
    {"post", true, kPositive},
    {"body", true, kPositive},
    {"main", true, kPositive},
    {"text", true, kPositive},
    {"blog", true, kPositive},
    {"articlebody", false, kStrongPositive},
    {"article-body", false, kStrongPositive},
    {"storybody", false, kStrongPositive},
    {"story-body", false, kStrongPositive},
    {"entry-content", false, kStrongPositive},
    {"post-content", false, kStrongPositive},
    {"post-body", false, kStrongPositive},
    {"articletext", false, kStrongPositive},
    {"article-text", false, kStrongPositive},
    {"story-text", false, kStrongPositive},
    {"storytext", false, kStrongPositive},
    {"article-content", false, kStrongPositive},
    {"articlecontent", false, kStrongPositive},
    {"body-text", false, kStrongPositive},
    {"bodytext", false, kStrongPositive},
    {"main-content", false, kStrongPositive},
    // captions, bylines, dates
    {"credit", true, kCaptionClass},
    {"author", true, kBylineClass},
    {"by", false, kBylineClass},
    {"date", false, kDateClass},
    {"time", false, kDateClass},
    {"timestamp", false, kDateClass},
    {"published", false, kDateClass},
    {"pubdate", false, kDateClass},
    {"updated", false, kDateClass},
    {"publishdate", false, kDateClass},
    {"publish-date", false, kDateClass},
    {"published-date", false, kDateClass},
    {"publish_date", false, kDateClass},
    {"datetime", true, kDateClass},
    {"posted", false, kDateClass},
    {"postdate", false, kDateClass},
    {"entry-date", false, kDateClass},
    {"dateline", false, kDatelineClass},
    {"article-dateline", false, kDatelineClass},
    {"story-dateline", false, kDatelineClass},
};

// kClassPatterns indexed by first byte, built once (thread-safe static init).
const std::vector<std::vector<const ClassPattern*>>& PatternsByFirstByte() {
  static const auto* table = [] {
    auto* t = new std::vector<std::vector<const ClassPattern*>>(256);
    for (const ClassPattern& p : kClassPatterns) {
      (*t)[static_cast<unsigned char>(p.text[0])].push_back(&p);
    }
    return t;
  }();
  return *table;
}

std::uint32_t TokenFlags(std::string_view t) {
  if (t.empty()) return 0;
  std::uint32_t f = 0;
  for (const ClassPattern* p : PatternsByFirstByte()[static_cast<unsigned char>(t[0])]) {
    if (p->prefix ? HasPrefix(t, p->text) : SameWord(t, p->text)) f |= p->flag;
  }
  if (t.find("caption") != std::string_view::npos) f |= kCaptionClass;
  if (t.find("byline") != std::string_view::npos) f |= kBylineClass;
  if ((f & kBylineClass) && HasPrefix(t, "authority")) f &= ~kBylineClass;
  if ((f & kNegative) && HasPrefix(t, "commentary")) f &= ~kNegative;
  if (f & kStrongPositive) f |= kPositive;
  return f;
}

// Flags of an element's class/id words. Tokens are split on spaces only
// (so "article-body" is one token) and, for the negative/positive stems,
// also on '-' and '_'.
std::uint32_t ClassFlags(std::string_view words) {
  std::uint32_t f = 0;
  std::size_t i = 0;
  const std::size_t n = words.size();
  while (i < n) {
    while (i < n && words[i] == ' ') ++i;
    std::size_t j = i;
    while (j < n && words[j] != ' ') ++j;
    if (j > i) {
      std::string_view whole = words.substr(i, j - i);
      if (IsInvisibleWord(whole)) f |= kInvisible;
      std::uint32_t wf = TokenFlags(whole);
      f |= wf;
      // parts split on - and _
      std::size_t a = 0;
      bool split = whole.find_first_of("-_") != std::string_view::npos;
      while (split && a < whole.size()) {
        std::size_t b = a;
        while (b < whole.size() && whole[b] != '-' && whole[b] != '_') ++b;
        if (b > a) {
          std::string_view part = whole.substr(a, b - a);
          if (part == "embed" || part == "embedded" || part == "tweet" || part == "twitter") {
            f |= kEmbed;
          }
          f |= TokenFlags(part) & ~kStrongPositive;
        }
        a = b + 1;
      }
    }
    i = j;
  }
  if ((f & (kStrongPositive | kEmbed)) != 0) f &= ~(kNegative | kWeakNegative);
  return f;
}

bool IsBlockTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHtml:
    case HtmlTag::kBody:
    case HtmlTag::kP:
    case HtmlTag::kDiv:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kUl:
    case HtmlTag::kOl:
    case HtmlTag::kLi:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
    case HtmlTag::kBlockquote:
    case HtmlTag::kPre:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
    case HtmlTag::kNav:
    case HtmlTag::kHeader:
    case HtmlTag::kFooter:
    case HtmlTag::kAside:
    case HtmlTag::kForm:
    case HtmlTag::kFieldset:
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
    case HtmlTag::kTable:
    case HtmlTag::kThead:
    case HtmlTag::kTbody:
    case HtmlTag::kTfoot:
    case HtmlTag::kTr:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kCaption:
    case HtmlTag::kHr:
    case HtmlTag::kAddress:
    case HtmlTag::kCenter:
    case HtmlTag::kDetails:
    case HtmlTag::kSummary:
    case HtmlTag::kMenu:
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHead:
    case HtmlTag::kTitle:
    case HtmlTag::kMeta:
    case HtmlTag::kLink:
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kSvg:
    case HtmlTag::kIframe:
    case HtmlTag::kObject:
    case HtmlTag::kButton:
    case HtmlTag::kInput:
    case HtmlTag::kSelect:
    case HtmlTag::kTextarea:
    case HtmlTag::kOption:
    case HtmlTag::kVideo:
    case HtmlTag::kAudio:
    case HtmlTag::kCanvas:
    case HtmlTag::kMap:
    case HtmlTag::kDialog:
    case HtmlTag::kLabel:
      return true;
    default:
      return false;
  }
}

bool IsFurnitureTag(HtmlTag t) {
  return t == HtmlTag::kNav || t == HtmlTag::kAside || t == HtmlTag::kFooter ||
         t == HtmlTag::kHeader || t == HtmlTag::kMenu || t == HtmlTag::kForm;
}

int HeadingLevel(HtmlTag t) {
  switch (t) {
    case HtmlTag::kH1:
      return 1;
    case HtmlTag::kH2:
      return 2;
    case HtmlTag::kH3:
      return 3;
    case HtmlTag::kH4:
      return 4;
    case HtmlTag::kH5:
      return 5;
    case HtmlTag::kH6:
      return 6;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------- blocks

enum class RawKind : std::uint8_t { kText, kHeading, kListItem, kQuote, kPre, kCell };

struct RawBlock {
  std::string text;
  std::uint32_t owner = kNoNode;  // innermost block element around the text
  std::uint32_t chars = 0;        // non-space bytes
  std::uint32_t link_chars = 0;   // non-space bytes inside <a>
  RawKind kind = RawKind::kText;
  std::uint8_t heading = 0;
  bool caption = false;
  bool meta_line = false;  // inside a short byline/author/date element
  bool dateline = false;   // inside an element classed "dateline"
  bool dropped = false;
  bool boilerplate = false;
  bool matched = false;  // found in the JSON-LD articleBody
  std::uint32_t words = 0;
};

struct Walker {
  const HtmlDom& dom;
  std::vector<RawBlock> blocks;
  std::vector<std::uint32_t> first;  // per node: first block index in its subtree
  std::vector<std::uint32_t> end;    // per node: one past the last
  std::vector<std::uint32_t> flags;  // per node: ClassFlags

  // context counters
  int link = 0, caption = 0, pre = 0, quote = 0, li = 0, cell = 0, dateline = 0;
  int heading = 0;  // level of the innermost open heading, 0 if none
  int heading_depth = 0;
  std::uint32_t owner = kNoNode;  // innermost open block element
  std::vector<std::uint32_t> owner_stack;

  std::unordered_map<std::string_view, std::uint32_t> class_cache;
  RawBlock cur;
  bool space_pending = false;
  bool last_was_br = false;

  explicit Walker(const HtmlDom& d) : dom(d) {}

  void Flush() {
    last_was_br = false;
    space_pending = false;
    if (cur.chars == 0) {
      cur.text.clear();
      cur.link_chars = 0;
      return;
    }
    cur.words = static_cast<std::uint32_t>(CountWords(cur.text));
    blocks.push_back(std::move(cur));
    cur = RawBlock();
  }

  void AddText(std::string_view s) {
    if (cur.chars == 0 && cur.text.empty()) {
      cur.owner = owner;
      cur.caption = caption > 0;
      cur.dateline = dateline > 0;
      cur.heading = static_cast<std::uint8_t>(heading);
      cur.kind = heading ? RawKind::kHeading
                 : pre   ? RawKind::kPre
                 : li    ? RawKind::kListItem
                 : quote ? RawKind::kQuote
                 : cell  ? RawKind::kCell
                         : RawKind::kText;
    }
    std::size_t added = AppendCollapsed(s, cur.text, space_pending);
    if (added > 0) last_was_br = false;
    cur.chars += static_cast<std::uint32_t>(added);
    if (link > 0) cur.link_chars += static_cast<std::uint32_t>(added);
  }

  void Enter(std::uint32_t i, const HtmlNode& n, std::uint32_t f) {
    HtmlTag t = n.tag;
    if (IsBlockTag(t)) {
      Flush();
      owner_stack.push_back(owner);
      owner = i;
    }
    first[i] = static_cast<std::uint32_t>(blocks.size());
    if (t == HtmlTag::kA) ++link;
    if (t == HtmlTag::kFigcaption || t == HtmlTag::kFigure || t == HtmlTag::kCaption ||
        (f & kCaptionClass)) {
      ++caption;
    }
    if (f & kDatelineClass) ++dateline;
    if (t == HtmlTag::kPre) ++pre;
    if (t == HtmlTag::kBlockquote) ++quote;
    if (t == HtmlTag::kLi || t == HtmlTag::kDd || t == HtmlTag::kDt) ++li;
    if (t == HtmlTag::kTd || t == HtmlTag::kTh) ++cell;
    int h = HeadingLevel(t);
    if (h) {
      ++heading_depth;
      heading = h;
    }
  }

  void Exit(std::uint32_t i, const HtmlNode& n, std::uint32_t f) {
    HtmlTag t = n.tag;
    if (IsBlockTag(t)) {
      Flush();
      owner = owner_stack.empty() ? kNoNode : owner_stack.back();
      if (!owner_stack.empty()) owner_stack.pop_back();
    }
    end[i] = static_cast<std::uint32_t>(blocks.size());
    if (t == HtmlTag::kA) --link;
    if (t == HtmlTag::kFigcaption || t == HtmlTag::kFigure || t == HtmlTag::kCaption ||
        (f & kCaptionClass)) {
      --caption;
    }
    if (f & kDatelineClass) --dateline;
    if (t == HtmlTag::kPre) --pre;
    if (t == HtmlTag::kBlockquote) --quote;
    if (t == HtmlTag::kLi || t == HtmlTag::kDd || t == HtmlTag::kDt) --li;
    if (t == HtmlTag::kTd || t == HtmlTag::kTh) --cell;
    if (HeadingLevel(t)) {
      if (--heading_depth == 0) heading = 0;
    }
  }

  void Run() {
    const auto& nodes = dom.nodes();
    const std::size_t count = nodes.size();
    first.assign(count, 0);
    end.assign(count, 0);
    flags.assign(count, 0);
    if (count == 0) return;
    // Iterative pre/post-order walk over first_child / next_sibling links.
    std::uint32_t i = 0;
    bool descend = true;
    while (true) {
      const HtmlNode& n = nodes[i];
      if (descend) {
        if (n.tag == HtmlTag::kText) {
          AddText(dom.Text(n));
        } else if (n.tag == HtmlTag::kBr) {
          if (last_was_br) {
            Flush();
          } else {
            space_pending = true;
            last_was_br = true;
          }
        } else if (!IsSkippedTag(n.tag) && !n.hidden) {
          std::uint32_t f = 0;
          std::string_view words = dom.Words(n);
          if (!words.empty()) {
            auto [it, fresh] = class_cache.try_emplace(words, 0u);
            if (fresh) it->second = ClassFlags(words);
            f = it->second;
          }
          flags[i] = f;
          if (f & kInvisible) {
            first[i] = end[i] = static_cast<std::uint32_t>(blocks.size());
            goto next;
          }
          Enter(i, n, f);
          if (n.first_child != kNoNode) {
            i = n.first_child;
            continue;
          }
          Exit(i, n, f);
        } else {
          first[i] = end[i] = static_cast<std::uint32_t>(blocks.size());
        }
      }
    next:
      // move on: next sibling, or climb and exit parents
      if (i == 0) break;
      if (nodes[i].next_sibling != kNoNode) {
        i = nodes[i].next_sibling;
        descend = true;
        continue;
      }
      i = nodes[i].parent;
      if (i == kNoNode) break;
      Exit(i, nodes[i], flags[i]);
      descend = false;
    }
    Flush();
  }
};

// ---------------------------------------------------------------- phrases

std::string_view StripPunct(std::string_view s) {
  auto is_p = [](char c) {
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '|' || c == '-' || c == '>' ||
           c == '\xbb' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*';
  };
  while (!s.empty() && is_p(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_p(s.back())) s.remove_suffix(1);
  // trailing arrows / guillemets in UTF-8 (e.g. "Read more »", "→")
  while (s.size() >= 2 && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) {
    std::size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    unsigned char lead = static_cast<unsigned char>(s[k]);
    if (lead == 0xC2 || lead == 0xE2) {
      s = s.substr(0, k);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

bool IsBoilerplateLine(std::string_view text) {
  static constexpr std::string_view kWhole[] = {"advertisement",
                                                "advertisements",
                                                "advertising",
                                                "sponsored",
                                                "sponsored content",
                                                "read more",
                                                "read next",
                                                "see more",
                                                "show more",
                                                "load more",
                                                "continue reading",
                                                "share",
                                                "share this",
                                                "share this article",
                                                "share this story",
                                                "share on facebook",
                                                "share on twitter",
                                                "tweet",
                                                "email",
                                                "print",
                                                "comments",
                                                "comment",
                                                "related",
                                                "related articles",
                                                "related stories",
                                                "related content",
                                                "more stories",
                                                "recommended",
                                                "recommended for you",
                                                "trending",
                                                "sign up",
                                                "subscribe",
                                                "log in",
                                                "login",
                                                "skip to content",
                                                "skip to main content",
                                                "close",
                                                "menu",
                                                "search",
                                                "top",
                                                "back to top",
                                                "follow us",
                                                "story continues below advertisement",
                                                "article continues below advertisement",
                                                "article continues below",
                                                "story continues below",
                                                "scroll to continue with content",
                                                "ad",
                                                "more",
                                                "view comments",
                                                "leave a comment",
                                                "leave a reply",
                                                "post a comment",
                                                "what's next",
                                                "up next",
                                                "next",
                                                "previous",
                                                "you may also like",
                                                "you might also like",
                                                "most popular",
                                                "most read",
                                                "also read",
                                                "more from",
                                                "related coverage",
                                                "related links",
                                                "share this post",
                                                "facebook",
                                                "twitter",
                                                "whatsapp",
                                                "linkedin",
                                                "pinterest",
                                                "reddit",
                                                "copy link",
                                                "link copied",
                                                "share via email",
                                                "caption",
                                                "hide caption",
                                                "toggle caption",
                                                "enlarge this image",
                                                "image",
                                                "photo",
                                                "video",
                                                "play video",
                                                "watch",
                                                "listen",
                                                "click to expand",
                                                "editor's picks",
                                                "latest news",
                                                "top stories",
                                                "popular",
                                                "tags",
                                                "topics",
                                                "filed under",
                                                "newsletter",
                                                "get the newsletter",
                                                "sign up for our newsletter",
                                                "we want to hear from you",
                                                "report an error",
                                                "corrections",
                                                "all rights reserved"};
  static constexpr std::string_view kPrefixes[] = {"read more",
                                                   "related:",
                                                   "related coverage",
                                                   "see also:",
                                                   "sign up for",
                                                   "sign up to",
                                                   "subscribe to",
                                                   "click here",
                                                   "follow us",
                                                   "follow me",
                                                   "copyright",
                                                   "\xc2\xa9",
                                                   "(c) ",
                                                   "all rights reserved",
                                                   "we use cookies",
                                                   "by clicking",
                                                   "by signing up",
                                                   "by submitting",
                                                   "get the latest",
                                                   "download our app",
                                                   "download the app",
                                                   "this website uses cookies",
                                                   "you must be logged in",
                                                   "sorry, your browser",
                                                   "your browser does not support",
                                                   "have a news tip",
                                                   "have a tip",
                                                   "more:",
                                                   "read also",
                                                   "also read",
                                                   "recommended:",
                                                   "related reading",
                                                   "this content is imported",
                                                   "this material may not be published",
                                                   "thank you for subscribing",
                                                   "thanks for signing up",
                                                   "want more",
                                                   "don't miss",
                                                   "trending:",
                                                   "watch:",
                                                   "listen:",
                                                   "more from",
                                                   "to continue reading",
                                                   "already a subscriber",
                                                   "already have an account",
                                                   "privacy policy",
                                                   "terms of use",
                                                   "terms of service",
                                                   "advertisement",
                                                   "like this story",
                                                   "share this story",
                                                   "share this article",
                                                   "join the conversation"};
  std::string_view s = StripPunct(html_text::Trim(text));
  if (s.empty()) return true;
  if (s.size() > 220) return false;
  // Wire slug lines ("BC-EU--Britain-Election, 1st Ld-Writethru") and video
  // player labels ("VIDEO3:4503:45").
  if (html_text::StartsWithNoCase(s, "bc-") && s.size() < 100) return true;
  if (html_text::StartsWithNoCase(s, "video") && s.size() > 5 && s[5] >= '0' && s[5] <= '9') {
    return true;
  }
  // "Follow ... coverage at https://..." / "Follow us on ..."
  if (html_text::StartsWithNoCase(s, "follow ") &&
      (s.find("coverage") != std::string_view::npos || s.find("http") != std::string_view::npos ||
       s.find("Twitter") != std::string_view::npos ||
       s.find("Facebook") != std::string_view::npos)) {
    return true;
  }
  // Phrases indexed by their first byte, built once.
  struct Index {
    std::vector<std::string_view> whole[256];
    std::vector<std::string_view> prefix[256];
  };
  static const Index* index = [] {
    auto* ix = new Index;
    for (std::string_view w : kWhole) ix->whole[static_cast<unsigned char>(w[0])].push_back(w);
    for (std::string_view p : kPrefixes) ix->prefix[static_cast<unsigned char>(p[0])].push_back(p);
    return ix;
  }();
  unsigned char first = static_cast<unsigned char>(html_text::ToLowerAscii(s[0]));
  for (std::string_view w : index->whole[first]) {
    if (html_text::EqualsNoCase(s, w)) return true;
  }
  for (std::string_view p : index->prefix[first]) {
    if (StartsWithNoCase(s, p)) return true;
  }
  // "... All rights reserved." and copyright lines anywhere in a short line
  if (s.size() < 160) {
    if (s.find("\xc2\xa9") != std::string_view::npos) {
      if (s.find("\xc2\xa9 20") != std::string_view::npos ||
          s.find("\xc2\xa9 19") != std::string_view::npos ||
          s.find("right \xc2\xa9") != std::string_view::npos) {
        return true;
      }
    }
    for (std::size_t i = s.find_first_of("Aa"); i != std::string_view::npos;
         i = s.find_first_of("Aa", i + 1)) {
      if (StartsWithNoCase(s.substr(i), "all rights reserved")) return true;
    }
  }
  return false;
}

namespace {

bool IsCreditLine(std::string_view s, std::uint32_t words) {
  s = html_text::Trim(s);
  if (words <= 15) {
    static constexpr std::string_view kMarks[] = {
        "Getty Images",   "AP Photo",      "Photo by ",    "Photo: ",      "Photograph: ",
        "Photographer: ", "Image Source:", "Image credit", "Image: ",      "Credit: ",
        "REUTERS/",       "/ Reuters",     "/Reuters",     "Photo credit", "(Photo",
        "(Image",         "Picture: ",     "Pictured: ",   "Shutterstock", "via AP",
        "AFP via",        "/AFP",          "/ AFP",        "EPA-EFE",      "Courtesy of "};
    for (std::string_view m : kMarks) {
      if (s.find(m) != std::string_view::npos) return true;
    }
  }
  if (s.size() < 8 || s.size() > 200 || s.front() != '(' || s.back() != ')') return false;
  std::string_view inner = s.substr(1, s.size() - 2);
  return inner.find("Photo") != std::string_view::npos ||
         inner.find("photo") != std::string_view::npos ||
         inner.find("Image") != std::string_view::npos ||
         inner.find("Getty") != std::string_view::npos;
}

// Running text with many inline links (a sentence whose names are links)
// rather than a list of links.
bool IsLinkedProse(const RawBlock& b) {
  if (b.kind != RawKind::kText && b.kind != RawKind::kQuote) return false;
  if (b.words < 12 || b.link_chars * 4 > b.chars * 3) return false;
  std::string_view t = b.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == ')')) t.remove_suffix(1);
  if (t.empty()) return false;
  char last = t.back();
  if (last == '.' || last == '!' || last == '?') return true;
  // closing curly quote U+201D or a URL ending a tweet
  return (t.size() >= 3 && t.substr(t.size() - 3) == "\xe2\x80\x9d") || b.kind == RawKind::kQuote;
}

bool IsBylineText(std::string_view s, std::uint32_t words) {
  if (words > 10) return false;
  return StartsWithNoCase(s, "by ") || StartsWithNoCase(s, "written by") ||
         StartsWithNoCase(s, "posted by") || StartsWithNoCase(s, "words by") ||
         StartsWithNoCase(s, "story by") || StartsWithNoCase(s, "reporting by");
}

bool LooksLikeDateLine(std::string_view s, std::uint32_t words) {
  if (words > 12) return false;
  return StartsWithNoCase(s, "published") || StartsWithNoCase(s, "updated") ||
         StartsWithNoCase(s, "posted") || StartsWithNoCase(s, "last updated") ||
         StartsWithNoCase(s, "first published") || StartsWithNoCase(s, "modified");
}

std::string Normalized(std::string_view s, bool skip_tags) {
  std::string out;
  out.reserve(s.size());
  html_text::AppendNormalized(s, out, skip_tags);
  return out;
}

bool MatchesHint(const std::string& norm_block, std::string_view hint) {
  if (norm_block.empty()) return false;
  if (hint.find(norm_block) != std::string_view::npos) return true;
  if (norm_block.size() > 100) {
    std::string_view b(norm_block);
    return hint.find(b.substr(0, 40)) != std::string_view::npos &&
           hint.find(b.substr(b.size() - 40)) != std::string_view::npos;
  }
  return false;
}

// An articleBody cut short: ends in "..." / U+2026, or stops mid-sentence.
bool LooksTruncated(std::string_view body) {
  body = html_text::Trim(body);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == '\r')) {
    body.remove_suffix(1);
  }
  if (body.empty()) return true;
  if (body.size() >= 3 && body.substr(body.size() - 3) == "...") return true;
  if (body.size() >= 3 && body.substr(body.size() - 3) == "\xe2\x80\xa6") return true;
  char last = body.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')' ||
      last == '>' || last == ']') {
    return false;
  }
  // closing quotes U+201D / U+2019
  if (body.size() >= 3 && (body.substr(body.size() - 3) == "\xe2\x80\x9d" ||
                           body.substr(body.size() - 3) == "\xe2\x80\x99")) {
    return false;
  }
  return true;
}

double TagWeight(const HtmlNode& n, std::uint32_t f) {
  double w = 1.0;
  if (n.tag == HtmlTag::kArticle) w *= 1.15;
  if (n.tag == HtmlTag::kMain) w *= 1.05;
  if (f & kStrongPositive)
    w *= 1.3;
  else if (f & kPositive)
    w *= 1.05;
  if (f & kNegative) w *= 0.7;
  return w;
}

}  // namespace

namespace {

// Whether blocks are judged by their look (length, links) or by the JSON-LD
// articleBody (a block is good when its text occurs in it).
enum class Judge { kDom, kHint };

// The steps of ExtractContentBlocks over one page's blocks. Per-element
// block ranges are contiguous (document order), so subtree sums are prefix
// sum differences and every step is linear in the page.
class ContentChooser {
 public:
  ContentChooser(const HtmlDom& dom, const ContentHints& hints)
      : dom_(dom), hints_(hints), walker_(dom), blocks_(walker_.blocks) {}

  std::vector<Block> Run() {
    walker_.Run();
    if (blocks_.empty()) return {};
    keep_.assign(blocks_.size(), false);
    MarkBlocks();
    DropFurniture();
    MarkMetaLines();
    std::uint32_t best = ChooseContainer(Judge::kDom);
    if (hint_usable_) {
      // The hint decides only when it looks whole: a truncated articleBody
      // (a teaser, "...") would shrink the container to its first paragraphs.
      double dom_good = best == kNoNode ? 0 : RangeSum(best, Judge::kDom);
      if (hint_norm_.size() >= 0.3 * dom_good && !LooksTruncated(hints_.article_body)) {
        std::uint32_t hinted = ChooseContainer(Judge::kHint);
        if (hinted != kNoNode) {
          best = hinted;
          judge_ = Judge::kHint;
        }
      }
    }
    if (best == kNoNode) {
      relaxed_ = true;  // a very short article: lower the bar once
      best = ChooseContainer(Judge::kDom);
    }
    if (best != kNoNode) {
      KeepInContainer(best);
      if (judge_ == Judge::kDom) KeepStrongNeighbours(best);
    }
    DropHeadlineBylineAndDates();
    if (hints_.trace != nullptr) Trace(best);
    JoinSetApartDateline();
    return Emit();
  }

 private:
  const std::vector<HtmlNode>& nodes() const { return dom_.nodes(); }
  std::uint32_t First(std::uint32_t i) const { return walker_.first[i]; }
  std::uint32_t End(std::uint32_t i) const { return walker_.end[i]; }
  bool HasBlocks(std::uint32_t i) const {
    return nodes()[i].tag != HtmlTag::kText && walker_.first[i] < walker_.end[i];
  }

  void MarkBlocks() {
    if (!hints_.article_body.empty()) hint_norm_ = Normalized(hints_.article_body, true);
    const bool use_hint = hint_norm_.size() >= 200;
    std::size_t matched_total = 0;
    std::string norm;
    for (RawBlock& b : blocks_) {
      b.boilerplate = IsBoilerplateLine(b.text);
      if (!b.caption && IsCreditLine(b.text, b.words)) b.caption = true;
      if (use_hint) {
        norm.clear();
        html_text::AppendNormalized(b.text, norm, false);
        b.matched = MatchesHint(norm, hint_norm_);
        if (b.matched) matched_total += norm.size();
      }
    }
    matched_total_ = matched_total;
    hint_usable_ = use_hint && matched_total * 10 >= hint_norm_.size() * 3;
  }

  // How much a block speaks for the element around it being the article.
  double Good(const RawBlock& b, Judge judge) const {
    if (b.caption || b.dropped) return 0;
    if (judge == Judge::kHint) return b.matched ? b.chars : 0;
    if (b.boilerplate || b.kind == RawKind::kHeading) return 0;
    std::uint32_t nonlink = b.chars - b.link_chars;
    if (b.link_chars * 100 > b.chars * 35) return 0;
    if (nonlink >= 80 || b.words >= 12) return nonlink;
    if (relaxed_ && nonlink >= 20 && b.words >= 4 && b.kind == RawKind::kText) return nonlink;
    return 0;
  }

  // How much a block speaks against it.
  double Bad(const RawBlock& b, Judge judge) const {
    if (b.dropped) return 0;
    if (judge == Judge::kHint) return (b.matched || b.caption) ? 0 : b.chars;
    if (b.boilerplate) return b.chars;
    if (b.link_chars * 2 >= b.chars) return b.chars;
    return 0;
  }

  double RangeSum(std::uint32_t node, Judge judge) const {
    double sum = 0;
    for (std::uint32_t k = First(node); k < End(node); ++k) sum += Good(blocks_[k], judge);
    return sum;
  }

  std::vector<std::uint64_t> CharsPrefix() const {
    std::vector<std::uint64_t> prefix(blocks_.size() + 1, 0);
    for (std::size_t k = 0; k < blocks_.size(); ++k) prefix[k + 1] = prefix[k] + blocks_[k].chars;
    return prefix;
  }

  // Navigation, asides, footers, share/related/comment/ad boxes and author
  // boxes lose their blocks, unless they hold most of the page's good text
  // (a site that wraps everything in a form or a "has-sidebar" div).
  void DropFurniture() {
    const std::size_t nb = blocks_.size();
    std::vector<double> good(nb + 1, 0);
    for (std::size_t k = 0; k < nb; ++k) good[k + 1] = good[k] + Good(blocks_[k], Judge::kDom);
    const double total_good = good[nb];
    std::vector<std::uint64_t> chars = CharsPrefix();
    std::vector<int> drop_diff(nb + 1, 0);
    for (std::uint32_t i = 0; i < nodes().size(); ++i) {
      const HtmlNode& n = nodes()[i];
      if (!HasBlocks(i) || n.tag == HtmlTag::kBody || n.tag == HtmlTag::kHtml) continue;
      std::uint32_t f = walker_.flags[i];
      bool furniture = IsFurnitureTag(n.tag) || (f & kNegative) != 0;
      if ((f & kBylineClass) && chars[End(i)] - chars[First(i)] <= 1500) furniture = true;
      bool weak = !furniture && (f & kWeakNegative) != 0;
      if (!furniture && !weak) continue;
      double g = good[End(i)] - good[First(i)];
      if (g > 0 && g >= (weak ? 0.25 : 0.6) * total_good) continue;
      ++drop_diff[First(i)];
      --drop_diff[End(i)];
    }
    int running = 0;
    for (std::size_t k = 0; k < nb; ++k) {
      running += drop_diff[k];
      if (running > 0) blocks_[k].dropped = true;
    }
  }

  // Short byline / author / date elements are not body.
  void MarkMetaLines() {
    std::vector<std::uint64_t> chars = CharsPrefix();
    for (std::uint32_t i = 0; i < nodes().size(); ++i) {
      if (!HasBlocks(i)) continue;
      const HtmlNode& n = nodes()[i];
      bool meta = (walker_.flags[i] & (kBylineClass | kDateClass)) != 0 || n.rel_author ||
                  n.tag == HtmlTag::kTime;
      if (!meta || chars[End(i)] - chars[First(i)] > 200) continue;
      for (std::uint32_t k = First(i); k < End(i); ++k) blocks_[k].meta_line = true;
    }
  }

  // The element maximising (good - lambda * bad) * tag/class weight.
  std::uint32_t ChooseContainer(Judge judge) const {
    const std::size_t nb = blocks_.size();
    std::vector<double> gp(nb + 1, 0), bp(nb + 1, 0);
    for (std::size_t k = 0; k < nb; ++k) {
      gp[k + 1] = gp[k] + Good(blocks_[k], judge);
      bp[k + 1] = bp[k] + Bad(blocks_[k], judge);
    }
    const double lambda = judge == Judge::kHint ? 1.0 : 0.6;
    std::uint32_t best = kNoNode;
    double best_score = 0;
    for (std::uint32_t i = 0; i < nodes().size(); ++i) {
      if (!HasBlocks(i)) continue;
      const HtmlNode& n = nodes()[i];
      if (!IsBlockTag(n.tag) && n.tag != HtmlTag::kOther && n.tag != HtmlTag::kSpan) continue;
      double g = gp[End(i)] - gp[First(i)];
      if (g <= 0) continue;
      double b = bp[End(i)] - bp[First(i)];
      double s = (g - lambda * b) * TagWeight(n, walker_.flags[i]);
      if (s > 0 && s >= best_score) {  // ties go to the deeper element
        best_score = s;
        best = i;
      }
    }
    return best;
  }

  void KeepInContainer(std::uint32_t best) {
    for (std::uint32_t k = First(best); k < End(best); ++k) {
      const RawBlock& b = blocks_[k];
      if (b.dropped) continue;
      if (b.caption) {
        keep_[k] = !b.boilerplate;
        continue;
      }
      if (judge_ == Judge::kHint) {
        keep_[k] = b.matched;
        continue;
      }
      if (b.boilerplate) continue;
      if (b.link_chars * 2 > b.chars && !IsLinkedProse(b)) continue;
      if (b.kind == RawKind::kHeading && (b.heading == 1 || b.words > 30)) continue;
      keep_[k] = true;
    }
  }

  // Strong paragraphs just outside the container: siblings of it or of its
  // parent (an article split by an ad slot or a differently classed div).
  void KeepStrongNeighbours(std::uint32_t best) {
    std::uint32_t anc = best;
    for (int level = 0; level < 2 && nodes()[anc].parent != kNoNode; ++level) {
      anc = nodes()[anc].parent;
    }
    for (std::uint32_t k = First(anc); k < End(anc); ++k) {
      if (k >= First(best) && k < End(best)) continue;
      const RawBlock& b = blocks_[k];
      if (b.dropped || b.caption || b.boilerplate || b.kind != RawKind::kText) continue;
      if (b.owner == kNoNode || nodes()[b.owner].tag != HtmlTag::kP) continue;
      if (b.link_chars * 5 > b.chars || b.chars < 100) continue;
      keep_[k] = true;
    }
  }

  void DropHeadlineBylineAndDates() {
    std::string title_norm = Normalized(hints_.title, false);
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      if (!keep_[k]) continue;
      const RawBlock& b = blocks_[k];
      if (b.caption) continue;
      bool drop = b.meta_line || IsBylineText(b.text, b.words) ||
                  LooksLikeDateLine(b.text, b.words) ||
                  (b.words <= 6 && html_text::StartsWithNoCase(b.text, "related"));
      // A line that is only a date ("Nov. 19, 2019, 8:41 AM UTC"), but not a
      // tweet's signature line ("— Name (@handle) November 18, 2019").
      if (!drop && b.words <= 8 && b.text.find('@') == std::string::npos &&
          !html_text::StartsWithNoCase(b.text, "\xe2\x80\x94")) {
        drop = ParseDateText(b.text).known();
      }
      // A meta line that starts with a date: "05/10/2018 - Posted by: ... - Tags: ..."
      if (!drop && b.words <= 20 && !b.text.empty() && b.text[0] >= '0' && b.text[0] <= '9' &&
          b.text.back() != '.' && b.text.find(" - ") != std::string::npos) {
        drop = ParseDateText(std::string_view(b.text).substr(0, 40)).known();
      }
      if (!drop && !title_norm.empty() && b.words <= 40) {
        drop = Normalized(b.text, false) == title_norm;
      }
      if (drop) keep_[k] = false;
    }
  }

  // A dateline the page set apart ("<div class=dateline>WASHINGTON</div>")
  // goes in front of the first body paragraph, as on a wire story.
  void JoinSetApartDateline() {
    const std::size_t nb = blocks_.size();
    for (std::size_t k = 0; k + 1 < nb; ++k) {
      if (!keep_[k] || blocks_[k].caption || !blocks_[k].dateline || blocks_[k].words > 6) continue;
      std::size_t next = k + 1;
      while (next < nb && (!keep_[next] || blocks_[next].caption)) ++next;
      if (next == nb || blocks_[next].dateline) break;
      blocks_[next].text = blocks_[k].text + " " + blocks_[next].text;
      keep_[k] = false;
      break;
    }
  }

  std::vector<Block> Emit() {
    std::vector<Block> out;
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      if (!keep_[k]) continue;
      Block block;
      block.kind = blocks_[k].caption ? ParagraphKind::kCaption : ParagraphKind::kBody;
      block.text = std::move(blocks_[k].text);
      out.push_back(std::move(block));
    }
    return out;
  }

  void Trace(std::uint32_t best) const {
    std::string& t = *hints_.trace;
    t += "container: " +
         (best == kNoNode ? std::string("none")
                          : std::to_string(best) + " " + std::string(dom_.Words(nodes()[best])));
    t += judge_ == Judge::kHint ? " (articleBody hint)" : "";
    t += " hint=" + std::to_string(hint_norm_.size()) +
         " matched=" + std::to_string(matched_total_) + "\n";
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      const RawBlock& b = blocks_[k];
      t += keep_[k] ? "+ " : "- ";
      t += b.dropped ? "D" : ".";
      t += b.caption ? "C" : ".";
      t += b.boilerplate ? "B" : ".";
      t += b.matched ? "M" : ".";
      t += " k" + std::to_string(static_cast<int>(b.kind)) + " o" + std::to_string(b.owner) + " c" +
           std::to_string(b.chars) + " l" + std::to_string(b.link_chars) + " g" +
           std::to_string(static_cast<int>(Good(b, judge_))) + " | ";
      t += b.text.substr(0, 150);
      t += "\n";
    }
  }

  const HtmlDom& dom_;
  const ContentHints& hints_;
  Walker walker_;
  std::vector<RawBlock>& blocks_;
  std::vector<bool> keep_;
  std::string hint_norm_;
  std::size_t matched_total_ = 0;
  bool hint_usable_ = false;
  bool relaxed_ = false;
  Judge judge_ = Judge::kDom;
};

}  // namespace

std::vector<Block> ExtractContentBlocks(const HtmlDom& dom, const ContentHints& hints) {
  ContentChooser chooser(dom, hints);
  return chooser.Run();
}

}  // namespace dateline::extract
