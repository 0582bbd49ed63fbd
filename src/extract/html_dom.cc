#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cstring>

namespace dateline::extract {
namespace {

// Start tags with more attributes lose them all (see PrefilterHtml).
constexpr std::size_t kMaxAttributes = 512;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Case-insensitive: does s start with the lower-case word w?
bool StartsWithLower(std::string_view s, std::string_view w) {
  if (s.size() < w.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (Lower(s[i]) != w[i]) return false;
  }
  return true;
}

bool EqualsLower(std::string_view s, std::string_view w) {
  return s.size() == w.size() && StartsWithLower(s, w);
}

bool ContainsLower(std::string_view s, std::string_view w) {
  if (w.empty()) return true;
  for (std::size_t i = 0; i + w.size() <= s.size(); ++i) {
    if (Lower(s[i]) == w[0] && StartsWithLower(s.substr(i), w)) return true;
  }
  return false;
}

// Position of the first "</name" (case-insensitive) at or after from, or npos.
std::size_t FindCloseTag(std::string_view s, std::size_t from, std::string_view name) {
  while (true) {
    std::size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    if (StartsWithLower(s.substr(p + 2), name)) {
      std::size_t after = p + 2 + name.size();
      if (after >= s.size() || !IsAlpha(s[after])) return p;
    }
    from = p + 2;
  }
}

// Index one past the '>' closing the tag that starts at `from` (after the
// name); quoted attribute values may hold '>'. npos when unterminated.
std::size_t FindTagEnd(std::string_view s, std::size_t from, std::size_t* attributes) {
  std::size_t i = from;
  const std::size_t n = s.size();
  *attributes = 0;
  bool after_space = false;
  while (i < n) {
    char c = s[i];
    if (c == '>') return i + 1;
    if (IsSpace(c)) {
      after_space = true;
      ++i;
      continue;
    }
    if (after_space && c != '=') ++*attributes;
    after_space = false;
    if (c == '=') {
      ++i;
      while (i < n && IsSpace(s[i])) ++i;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        std::size_t q = s.find(s[i], i + 1);
        if (q == std::string_view::npos) return std::string_view::npos;
        i = q + 1;
      }
      continue;
    }
    ++i;
  }
  return std::string_view::npos;
}

// Elements that never take an end tag, or whose end tag is usually implied:
// they do not count towards nesting depth.
bool IsVoidOrOptional(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",     "base",  "br",     "col",   "embed",  "hr",       "img",   "input", "link",
      "meta",     "param", "source", "track", "wbr",    "keygen",   "p",     "li",    "dt",
      "dd",       "tr",    "td",     "th",    "option", "optgroup", "thead", "tbody", "tfoot",
      "colgroup", "html",  "head",   "body",  "rb",     "rt",       "rp"};
  for (std::string_view k : kNames) {
    if (EqualsLower(name, k)) return true;
  }
  return false;
}

// Length of the valid UTF-8 sequence at s[i], 0 if invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len;
  std::uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return len;
}

// Position of the first invalid UTF-8 byte (or a NUL), or npos.
std::size_t FirstInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      if ((v & 0x8080808080808080ull) != 0) break;
      // a NUL byte inside the word?
      if (((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] == '\0') return i;
    std::size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Attributes the extractor reads (HtmlDomBuilder::Start); the rest (src,
// srcset, data-*, on*, width, ...) is dropped before libxml2 copies it.
bool IsKeptAttribute(std::string_view a) {
  static constexpr std::string_view kKept[] = {
      "class",    "id",      "itemprop", "role",       "hidden",   "aria-hidden", "style", "name",
      "property", "content", "rel",      "http-equiv", "datetime", "lang",        "type",  "href"};
  for (std::string_view k : kKept) {
    if (EqualsLower(a, k)) return true;
  }
  return false;
}

// Appends the start tag `tag` (from '<' to '>') keeping only the attributes
// the extractor reads. `name` is the tag name inside `tag`.
void AppendKeptAttributes(std::string_view tag, std::string_view name, bool self_closed,
                          std::string& out) {
  out.push_back('<');
  out.append(name);
  const bool keep_href = EqualsLower(name, "link");
  std::size_t i = 1 + name.size();
  const std::size_t n = tag.size() - 1;  // the closing '>'
  while (i < n) {
    while (i < n && (IsSpace(tag[i]) || tag[i] == '/')) ++i;
    if (i >= n) break;
    std::size_t a0 = i;
    while (i < n && !IsSpace(tag[i]) && tag[i] != '=' && tag[i] != '/') ++i;
    std::string_view attr = tag.substr(a0, i - a0);
    std::size_t j = i;
    while (j < n && IsSpace(tag[j])) ++j;
    std::size_t end = i;
    if (j < n && tag[j] == '=') {
      ++j;
      while (j < n && IsSpace(tag[j])) ++j;
      if (j < n && (tag[j] == '"' || tag[j] == '\'')) {
        std::size_t q = tag.find(tag[j], j + 1);
        end = (q == std::string_view::npos || q > n) ? n : q + 1;
      } else {
        end = j;
        while (end < n && !IsSpace(tag[end])) ++end;
      }
    }
    if (attr.empty()) {
      i = std::max(end, i + 1);
      continue;
    }
    if (IsKeptAttribute(attr) && (keep_href || !EqualsLower(attr, "href"))) {
      out.push_back(' ');
      out.append(tag.substr(a0, end - a0));
    }
    i = std::max(end, i);
  }
  out.append(self_closed ? "/>" : ">");
}

}  // namespace

std::string RepairUtf8(std::string_view s) {
  std::string out;
  std::size_t bad = FirstInvalidUtf8(s);
  if (bad == std::string_view::npos) return std::string(s);
  out.reserve(s.size() + 16);
  out.append(s.substr(0, bad));
  std::size_t i = bad;
  while (i < s.size()) {
    if (s[i] == '\0') {
      out.push_back(' ');
      ++i;
      continue;
    }
    std::size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      out.append("\xef\xbf\xbd");  // U+FFFD
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string PrefilterHtml(std::string_view in, std::size_t max_depth) {
  std::string out;
  out.reserve(in.size());
  std::size_t depth = 0;
  std::size_t dropped = 0;
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    const void* found = std::memchr(in.data() + i, '<', n - i);
    if (found == nullptr) {
      out.append(in.substr(i));
      break;
    }
    std::size_t lt = static_cast<const char*>(found) - in.data();
    out.append(in.substr(i, lt - i));
    if (lt + 1 >= n) {
      i = n;
      break;
    }
    char c = in[lt + 1];
    if (c == '!') {
      if (in.compare(lt, 4, "<!--") == 0) {
        std::size_t e = in.find("-->", lt + 4);
        i = (e == std::string_view::npos) ? n : e + 3;
        continue;
      }
      std::size_t e = in.find('>', lt);
      std::size_t stop = (e == std::string_view::npos) ? n : e + 1;
      out.append(in.substr(lt, stop - lt));
      i = stop;
      continue;
    }
    if (c == '?') {  // processing instruction: drop
      std::size_t e = in.find('>', lt);
      i = (e == std::string_view::npos) ? n : e + 1;
      continue;
    }
    bool end_tag = (c == '/');
    std::size_t name_start = lt + (end_tag ? 2 : 1);
    if (name_start >= n || !IsAlpha(in[name_start])) {
      out.push_back('<');
      i = lt + 1;
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < n && !IsSpace(in[name_end]) && in[name_end] != '>' && in[name_end] != '/') {
      ++name_end;
    }
    std::string_view name = in.substr(name_start, name_end - name_start);
    std::size_t attributes = 0;
    std::size_t tag_end = FindTagEnd(in, name_end, &attributes);
    if (tag_end == std::string_view::npos) {
      i = n;  // unterminated tag at the end of the page
      break;
    }
    std::string_view tag = in.substr(lt, tag_end - lt);
    if (end_tag) {
      if (!IsVoidOrOptional(name)) {
        if (dropped > 0) {
          --dropped;
          i = tag_end;
          continue;
        }
        if (depth > 0) --depth;
      }
      out.append(tag);
      i = tag_end;
      continue;
    }
    bool raw_text = EqualsLower(name, "script") || EqualsLower(name, "style") ||
                    EqualsLower(name, "svg") || EqualsLower(name, "template");
    if (raw_text) {
      std::size_t close = FindCloseTag(in, tag_end,
                                       EqualsLower(name, "script")  ? "script"
                                       : EqualsLower(name, "style") ? "style"
                                       : EqualsLower(name, "svg")   ? "svg"
                                                                    : "template");
      if (close == std::string_view::npos) close = n;
      bool keep_body = EqualsLower(name, "script") && ContainsLower(tag, "ld+json");
      if (dropped == 0) {
        out.append(tag);
        if (keep_body) out.append(in.substr(tag_end, close - tag_end));
        if (close < n) {
          std::size_t e = in.find('>', close);
          std::size_t stop = (e == std::string_view::npos) ? n : e + 1;
          out.append(in.substr(close, stop - close));
          i = stop;
        } else {
          i = n;
        }
      } else {
        std::size_t e = close < n ? in.find('>', close) : std::string_view::npos;
        i = (e == std::string_view::npos) ? n : e + 1;
      }
      continue;
    }
    bool self_closed = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (!self_closed && !IsVoidOrOptional(name)) {
      if (depth >= max_depth || dropped > 0) {
        ++dropped;
        i = tag_end;
        continue;
      }
      ++depth;
    }
    if (attributes > kMaxAttributes) {
      // libxml2 checks each attribute against all earlier ones (quadratic):
      // a tag with this many keeps its name only.
      out.push_back('<');
      out.append(name);
      out.append(self_closed ? "/>" : ">");
    } else {
      AppendKeptAttributes(tag, name, self_closed, out);
    }
    i = tag_end;
  }
  return out;
}

namespace {

struct TagName {
  std::string_view name;
  HtmlTag tag;
};

constexpr TagName kTagNames[] = {
    {"a", HtmlTag::kA},
    {"address", HtmlTag::kAddress},
    {"article", HtmlTag::kArticle},
    {"aside", HtmlTag::kAside},
    {"audio", HtmlTag::kAudio},
    {"blockquote", HtmlTag::kBlockquote},
    {"body", HtmlTag::kBody},
    {"br", HtmlTag::kBr},
    {"button", HtmlTag::kButton},
    {"canvas", HtmlTag::kCanvas},
    {"caption", HtmlTag::kCaption},
    {"center", HtmlTag::kCenter},
    {"dd", HtmlTag::kDd},
    {"details", HtmlTag::kDetails},
    {"dialog", HtmlTag::kDialog},
    {"div", HtmlTag::kDiv},
    {"dl", HtmlTag::kDl},
    {"dt", HtmlTag::kDt},
    {"fieldset", HtmlTag::kFieldset},
    {"figcaption", HtmlTag::kFigcaption},
    {"figure", HtmlTag::kFigure},
    {"footer", HtmlTag::kFooter},
    {"form", HtmlTag::kForm},
    {"h1", HtmlTag::kH1},
    {"h2", HtmlTag::kH2},
    {"h3", HtmlTag::kH3},
    {"h4", HtmlTag::kH4},
    {"h5", HtmlTag::kH5},
    {"h6", HtmlTag::kH6},
    {"head", HtmlTag::kHead},
    {"header", HtmlTag::kHeader},
    {"hr", HtmlTag::kHr},
    {"html", HtmlTag::kHtml},
    {"iframe", HtmlTag::kIframe},
    {"img", HtmlTag::kImg},
    {"input", HtmlTag::kInput},
    {"label", HtmlTag::kLabel},
    {"li", HtmlTag::kLi},
    {"link", HtmlTag::kLink},
    {"main", HtmlTag::kMain},
    {"map", HtmlTag::kMap},
    {"menu", HtmlTag::kMenu},
    {"meta", HtmlTag::kMeta},
    {"nav", HtmlTag::kNav},
    {"noscript", HtmlTag::kNoscript},
    {"object", HtmlTag::kObject},
    {"ol", HtmlTag::kOl},
    {"option", HtmlTag::kOption},
    {"p", HtmlTag::kP},
    {"pre", HtmlTag::kPre},
    {"script", HtmlTag::kScript},
    {"section", HtmlTag::kSection},
    {"select", HtmlTag::kSelect},
    {"span", HtmlTag::kSpan},
    {"style", HtmlTag::kStyle},
    {"summary", HtmlTag::kSummary},
    {"svg", HtmlTag::kSvg},
    {"table", HtmlTag::kTable},
    {"tbody", HtmlTag::kTbody},
    {"td", HtmlTag::kTd},
    {"template", HtmlTag::kTemplate},
    {"textarea", HtmlTag::kTextarea},
    {"tfoot", HtmlTag::kTfoot},
    {"th", HtmlTag::kTh},
    {"thead", HtmlTag::kThead},
    {"time", HtmlTag::kTime},
    {"title", HtmlTag::kTitle},
    {"tr", HtmlTag::kTr},
    {"ul", HtmlTag::kUl},
    {"video", HtmlTag::kVideo},
};

HtmlTag LookupTag(const char* name) {
  std::string_view n(name);
  auto it = std::lower_bound(std::begin(kTagNames), std::end(kTagNames), n,
                             [](const TagName& t, std::string_view v) { return t.name < v; });
  if (it != std::end(kTagNames) && it->name == n) return it->tag;
  return HtmlTag::kOther;
}

}  // namespace

struct HtmlDomBuilder {
  HtmlDom dom;
  HtmlDomOptions options;
  std::vector<std::uint32_t> stack;  // open elements
  bool in_title = false;
  bool title_done = false;
  int in_raw = 0;  // inside script/style: 1 = ignore, 2 = JSON-LD
  std::string json;

  std::string_view Cut(const char* v) const {
    if (v == nullptr) return {};
    std::string_view s(v);
    if (s.size() > options.max_attribute_bytes) {
      std::size_t cut = options.max_attribute_bytes;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      s = s.substr(0, cut);
    }
    return s;
  }

  void AppendChild(std::uint32_t parent, std::uint32_t child) {
    HtmlNode& p = dom.nodes_[parent];
    dom.nodes_[child].parent = parent;
    if (p.last_child == kNoNode) {
      p.first_child = child;
    } else {
      dom.nodes_[p.last_child].next_sibling = child;
    }
    p.last_child = child;
  }

  void Start(const char* name, const char** atts) {
    HtmlTag tag = LookupTag(name);
    if (in_raw) return;
    if (tag == HtmlTag::kScript || tag == HtmlTag::kStyle) {
      in_raw = 1;
      if (tag == HtmlTag::kScript && atts != nullptr) {
        for (int i = 0; atts[i] != nullptr; i += 2) {
          if (std::strcmp(atts[i], "type") == 0 && atts[i + 1] != nullptr &&
              ContainsLower(atts[i + 1], "ld+json")) {
            in_raw = 2;
            json.clear();
          }
        }
      }
      // Still pushed, so that the matching end pops it.
    }
    if (tag == HtmlTag::kTitle && !title_done) in_title = true;

    std::uint32_t idx = static_cast<std::uint32_t>(dom.nodes_.size());
    dom.nodes_.emplace_back();
    HtmlNode& node = dom.nodes_.back();
    node.tag = tag;
    node.begin = static_cast<std::uint32_t>(dom.attrs_.size());
    std::string_view meta_key, meta_content, rel, href, datetime;
    if (atts != nullptr) {
      for (int i = 0; atts[i] != nullptr; i += 2) {
        const char* an = atts[i];
        std::string_view value = Cut(atts[i + 1]);
        if (std::strcmp(an, "class") == 0 || std::strcmp(an, "id") == 0 ||
            std::strcmp(an, "itemprop") == 0 || std::strcmp(an, "role") == 0) {
          if (dom.attrs_.size() > node.begin) dom.attrs_.push_back(' ');
          for (char c : value) dom.attrs_.push_back(Lower(c));
          if (std::strcmp(an, "itemprop") == 0 && ContainsLower(value, "author")) {
            node.rel_author = true;
          }
        } else if (std::strcmp(an, "hidden") == 0) {
          node.hidden = true;
        } else if (std::strcmp(an, "aria-hidden") == 0) {
          if (EqualsLower(value, "true")) node.hidden = true;
        } else if (std::strcmp(an, "style") == 0) {
          if (ContainsLower(value, "display:none") || ContainsLower(value, "display: none") ||
              ContainsLower(value, "visibility:hidden")) {
            node.hidden = true;
          }
        } else if (std::strcmp(an, "name") == 0 || std::strcmp(an, "property") == 0 ||
                   std::strcmp(an, "http-equiv") == 0) {
          if (meta_key.empty()) meta_key = value;
        } else if (std::strcmp(an, "content") == 0) {
          meta_content = value;
        } else if (std::strcmp(an, "rel") == 0) {
          rel = value;
          if (ContainsLower(value, "author")) node.rel_author = true;
        } else if (std::strcmp(an, "href") == 0) {
          href = value;
        } else if (std::strcmp(an, "datetime") == 0 && tag == HtmlTag::kTime) {
          datetime = value;
        } else if (std::strcmp(an, "lang") == 0 && tag == HtmlTag::kHtml && dom.lang_.empty()) {
          dom.lang_ = std::string(value);
        }
      }
    }
    HtmlNode& n2 = dom.nodes_[idx];
    n2.length = static_cast<std::uint32_t>(dom.attrs_.size()) - n2.begin;
    if (!datetime.empty()) {  // stored after the words, which stay contiguous
      n2.value_begin = static_cast<std::uint32_t>(dom.attrs_.size());
      n2.value_length = static_cast<std::uint32_t>(datetime.size());
      dom.attrs_.append(datetime);
    }
    if (tag == HtmlTag::kMeta && !meta_key.empty()) {
      HtmlMeta m;
      m.key.reserve(meta_key.size());
      for (char c : meta_key) m.key.push_back(Lower(c));
      m.content = std::string(meta_content);
      dom.metas_.push_back(std::move(m));
    } else if (tag == HtmlTag::kMeta && atts != nullptr) {
      // <meta itemprop=... content=...>: the words hold itemprop
      std::string_view w = std::string_view(dom.attrs_).substr(n2.begin, n2.length);
      if (!w.empty() && !meta_content.empty()) {
        dom.metas_.push_back({std::string(w), std::string(meta_content)});
      }
    } else if (tag == HtmlTag::kLink && EqualsLower(rel, "canonical") && dom.canonical_.empty()) {
      dom.canonical_ = std::string(href);
    }
    AppendChild(stack.back(), idx);
    stack.push_back(idx);
  }

  void End() {
    if (stack.size() <= 1) return;  // never pop the document root
    std::uint32_t idx = stack.back();
    HtmlTag tag = dom.nodes_[idx].tag;
    if (in_raw && tag != HtmlTag::kScript && tag != HtmlTag::kStyle) return;
    stack.pop_back();
    if (tag == HtmlTag::kScript || tag == HtmlTag::kStyle) {
      if (in_raw == 2 && !json.empty()) dom.json_ld_.push_back(std::move(json));
      json.clear();
      in_raw = 0;
    }
    if (tag == HtmlTag::kTitle && in_title) {
      in_title = false;
      title_done = true;
    }
  }

  void Characters(const char* ch, int len) {
    if (len <= 0) return;
    std::string_view s(ch, static_cast<std::size_t>(len));
    if (in_raw == 2) {
      json.append(s);
      return;
    }
    if (in_raw) return;
    if (in_title) {
      dom.title_.append(s);
      return;
    }
    std::uint32_t parent = stack.back();
    HtmlNode& p = dom.nodes_[parent];
    if (p.last_child != kNoNode && dom.nodes_[p.last_child].tag == HtmlTag::kText &&
        dom.nodes_[p.last_child].begin + dom.nodes_[p.last_child].length == dom.text_.size()) {
      dom.text_.append(s);
      dom.nodes_[p.last_child].length += static_cast<std::uint32_t>(len);
      return;
    }
    std::uint32_t idx = static_cast<std::uint32_t>(dom.nodes_.size());
    HtmlNode t;
    t.tag = HtmlTag::kText;
    t.begin = static_cast<std::uint32_t>(dom.text_.size());
    t.length = static_cast<std::uint32_t>(len);
    dom.text_.append(s);
    dom.nodes_.push_back(t);
    AppendChild(parent, idx);
  }
};

namespace {

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* b = static_cast<HtmlDomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  b->Start(reinterpret_cast<const char*>(name), reinterpret_cast<const char**>(atts));
}

void OnEnd(void* ctx, const xmlChar* /*name*/) {
  auto* b = static_cast<HtmlDomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  b->End();
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  auto* b = static_cast<HtmlDomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  b->Characters(reinterpret_cast<const char*>(ch), len);
}

void OnNothing(void*, const char*, ...) {}

}  // namespace

HtmlDom HtmlDom::Build(std::string_view html, const HtmlDomOptions& options) {
  HtmlDomBuilder b;
  b.options = options;
  b.dom.nodes_.reserve(1);
  if (html.empty()) {
    b.dom.nodes_.emplace_back();
    return std::move(b.dom);
  }
  std::string filtered;
  if (FirstInvalidUtf8(html) == std::string_view::npos) {
    filtered = PrefilterHtml(html, options.max_depth);
  } else {
    // libxml2 gives up or re-decodes as Latin-1 at the first bad byte.
    filtered = PrefilterHtml(RepairUtf8(html), options.max_depth);
  }
  if (filtered.size() > 0x7fffffffu) filtered.resize(0x7fffffffu);
  b.dom.nodes_.reserve(filtered.size() / 64 + 16);
  b.dom.text_.reserve(filtered.size() / 3 + 16);
  b.dom.nodes_.emplace_back();  // the document root (tag kOther, no words)
  b.stack.push_back(0);

  // libxml2 2.9 wants its global state set up once before threads use it.
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnCharacters;
  sax.cdataBlock = OnCharacters;
  sax.warning = OnNothing;
  sax.error = OnNothing;
  sax.fatalError = OnNothing;
  htmlParserCtxtPtr ctxt =
      htmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (ctxt == nullptr) return std::move(b.dom);
  ctxt->_private = &b;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED |
                               HTML_PARSE_IGNORE_ENC);
  htmlParseChunk(ctxt, filtered.data(), static_cast<int>(filtered.size()), 1);
  htmlFreeParserCtxt(ctxt);

  // Close what is left open so every node has a parent chain to the root.
  b.stack.clear();
  return std::move(b.dom);
}

}  // namespace dateline::extract
