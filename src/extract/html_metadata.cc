#include "extract/html_metadata.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "extract/html_text.h"

namespace dateline::extract {
namespace {

using html_text::EqualsNoCase;
using html_text::StartsWithNoCase;
using html_text::ToLowerAscii;

constexpr std::size_t kMaxJsonDepth = 64;
constexpr std::size_t kMaxFieldBytes = 1000;

std::string Collapse(std::string_view s, std::size_t max_bytes = kMaxFieldBytes) {
  std::string out;
  bool pending = false;
  html_text::AppendCollapsed(s.substr(0, std::min(s.size(), max_bytes * 4)), out, pending);
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!IsDigit(s[pos + i])) return -1;
    v = v * 10 + (s[pos + i] - '0');
  }
  return v;
}

bool PlausibleYear(int y) { return y >= 1990 && y <= 2100; }

PublishDate MakeDate(int y, int m, int d) {
  PublishDate p;
  char buf[48];
  if (d > 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
    p.precision = DatePrecision::kDay;
  } else if (m > 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
    p.precision = DatePrecision::kMonth;
  } else {
    std::snprintf(buf, sizeof(buf), "%04d", y);
    p.precision = DatePrecision::kYear;
  }
  p.date = buf;
  return p;
}

int MonthFromName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (StartsWithNoCase(w, kMonths[i])) return i + 1;
  }
  return 0;
}

bool ValidDay(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31; }

// Words of letters or digits.
std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size() && words.size() < 16) {
    while (i < s.size() && !(IsDigit(s[i]) || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))) ++i;
    std::size_t j = i;
    if (j < s.size() && IsDigit(s[j])) {
      while (j < s.size() && IsDigit(s[j])) ++j;
    } else {
      while (j < s.size() && (s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') ++j;
    }
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

int ToInt(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int v = 0;
  for (char c : w) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

PublishDate ParseDateText(std::string_view text) {
  std::string_view s = html_text::Trim(text);
  if (s.size() > 200) s = s.substr(0, 200);
  // ISO-like: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD at the start.
  int y = Digits(s, 0, 4);
  if (y >= 0 && PlausibleYear(y)) {
    if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
      int m = Digits(s, 5, 2), d = Digits(s, 8, 2);
      if (ValidDay(m, d)) return MakeDate(y, m, d);
    }
    int m = Digits(s, 4, 2), d = Digits(s, 6, 2);
    if (s.size() >= 8 && ValidDay(m, d) && (s.size() == 8 || !IsDigit(s[8]))) {
      return MakeDate(y, m, d);
    }
    if (s.size() >= 7 && s[4] == '-' && (s.size() == 7 || !IsDigit(s[7]))) {
      int mm = Digits(s, 5, 2);
      if (mm >= 1 && mm <= 12) return MakeDate(y, mm, 0);
    }
  }
  // Words: "Nov. 25, 2019", "Monday, November 25, 2019", "25 Nov 2019", "11/25/2019".
  std::vector<std::string_view> w = SplitWords(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    int month = MonthFromName(w[i]);
    if (month > 0 && !IsDigit(w[i][0])) {
      // Month DD YYYY
      if (i + 2 < w.size()) {
        int d = ToInt(w[i + 1]), yy = ToInt(w[i + 2]);
        if (w[i + 2].size() == 4 && PlausibleYear(yy) && ValidDay(month, d)) {
          return MakeDate(yy, month, d);
        }
      }
      // DD Month YYYY
      if (i >= 1 && i + 1 < w.size()) {
        int d = ToInt(w[i - 1]), yy = ToInt(w[i + 1]);
        if (w[i + 1].size() == 4 && PlausibleYear(yy) && ValidDay(month, d)) {
          return MakeDate(yy, month, d);
        }
      }
    }
  }
  // MM/DD/YYYY (US)
  if (s.size() >= 10) {
    int m = Digits(s, 0, 2), d = Digits(s, 3, 2), yy = Digits(s, 6, 4);
    if (s[2] == '/' && s[5] == '/' && ValidDay(m, d) && PlausibleYear(yy)) {
      return MakeDate(yy, m, d);
    }
  }
  return {};
}

PublishDate HtmlDateFromUrl(std::string_view url) {
  // Skip scheme and host.
  std::size_t start = url.find("://");
  start = (start == std::string_view::npos) ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  std::string_view path = url.substr(start);
  std::size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  PublishDate month_only;
  for (std::size_t i = 0; i + 5 <= path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    int y = Digits(path, i + 1, 4);
    if (y < 0 || !PlausibleYear(y)) continue;
    std::size_t p = i + 5;
    if (p < path.size() && IsDigit(path[p])) {
      // /YYYYMMDD
      int m = Digits(path, p, 2), d = Digits(path, p + 2, 2);
      if (ValidDay(m, d) && (p + 4 == path.size() || !IsDigit(path[p + 4]))) {
        return MakeDate(y, m, d);
      }
      continue;
    }
    if (p >= path.size() || (path[p] != '/' && path[p] != '-')) continue;
    char sep = path[p];
    int m = Digits(path, p + 1, 2);
    if (m < 1 || m > 12) continue;
    std::size_t after_m = p + 3;
    if (after_m < path.size() && path[after_m] == sep) {
      int d = Digits(path, after_m + 1, 2);
      if (ValidDay(m, d) && (after_m + 3 == path.size() || !IsDigit(path[after_m + 3]))) {
        return MakeDate(y, m, d);
      }
    }
    if (sep == '/' && (after_m == path.size() || path[after_m] == '/') && !month_only.known()) {
      month_only = MakeDate(y, m, 0);
    }
  }
  return month_only;
}

namespace {

// Text of a subtree (iterative), whitespace collapsed, at most max_bytes.
std::string NodeText(const HtmlDom& dom, std::uint32_t root, std::size_t max_bytes = 400) {
  std::string out;
  bool pending = false;
  const auto& nodes = dom.nodes();
  std::uint32_t i = root;
  while (i != kNoNode) {
    const HtmlNode& n = nodes[i];
    bool skip = n.tag == HtmlTag::kScript || n.tag == HtmlTag::kStyle || n.hidden;
    if (n.tag == HtmlTag::kText) {
      html_text::AppendCollapsed(dom.Text(n), out, pending);
      if (out.size() > max_bytes) break;
    } else if (n.tag == HtmlTag::kBr) {
      pending = true;
    }
    if (!skip && n.first_child != kNoNode) {
      i = n.first_child;
      continue;
    }
    while (i != root && nodes[i].next_sibling == kNoNode) {
      i = nodes[i].parent;
      if (i != kNoNode && i != root) {
        HtmlTag t = nodes[i].tag;
        if (t == HtmlTag::kP || t == HtmlTag::kDiv || t == HtmlTag::kLi) pending = true;
      }
    }
    if (i == root) break;
    i = nodes[i].next_sibling;
  }
  return out;
}

// A byline element's text often runs on into the date, a handle or a
// share link: "Jane Doe | November 18, 2019 12:01 PM Print this article",
// "Jane Doe @janedoe Nov 18, 2019", "Jane Doe Published 11:34 PM EST".
// Cut at the first such mark.
std::string_view CutBylineTail(std::string_view v) {
  static constexpr std::string_view kMarks[] = {
      " |",     " \xe2\x80\xa2", " @",      " Published",    " Updated", " Posted", " Last updated",
      " Print", " Share",        " Follow", " \xe2\x80\x94", " - ",      "\n"};
  std::size_t cut = v.size();
  for (std::string_view m : kMarks) {
    std::size_t p = v.find(m);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  // a digit (a time or a date) or a weekday/month name followed by a digit
  for (std::size_t i = 0; i < cut; ++i) {
    if (IsDigit(v[i])) {
      cut = i;
      break;
    }
  }
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < cut) {
    while (i < cut && v[i] == ' ') ++i;
    std::size_t j = i;
    while (j < cut && v[j] != ' ') ++j;
    if (j > i) {
      std::string_view w = v.substr(i, j - i);
      static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
      bool day = false;
      for (std::string_view d : kDays) day |= StartsWithNoCase(w, d);
      bool month = MonthFromName(w) > 0 && j + 1 < v.size() && IsDigit(v[j + 1]);
      if ((day || month) && i > 0) {
        cut = i;
        break;
      }
    }
    i = j;
  }
  v = v.substr(0, cut);
  while (!v.empty() && (v.back() == ' ' || v.back() == ',' || v.back() == '|' || v.back() == '-')) {
    v.remove_suffix(1);
  }
  return v;
}

std::string StripBy(std::string s) {
  std::string_view v = html_text::Trim(s);
  if (StartsWithNoCase(v, "by:"))
    v.remove_prefix(3);
  else if (StartsWithNoCase(v, "by "))
    v.remove_prefix(3);
  else if (StartsWithNoCase(v, "written by "))
    v.remove_prefix(11);
  else if (StartsWithNoCase(v, "posted by "))
    v.remove_prefix(10);
  v = CutBylineTail(html_text::Trim(v));
  return std::string(v);
}

bool LooksLikeUrl(std::string_view s) {
  return s.find("://") != std::string_view::npos || StartsWithNoCase(s, "www.") ||
         s.find(".com") != std::string_view::npos || s.find('@') != std::string_view::npos;
}

// JSON nesting depth of a text, strings skipped; stops counting past limit.
std::size_t JsonDepth(std::string_view s, std::size_t limit) {
  std::size_t depth = 0, max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) max_depth = depth;
      if (max_depth > limit) return max_depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

bool IsArticleType(const nlohmann::json& t) {
  auto one = [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting" || s == "SocialMediaPosting" || s == "Posting";
  };
  if (t.is_string()) return one(t.get_ref<const std::string&>());
  if (t.is_array()) {
    for (const auto& x : t) {
      if (x.is_string() && one(x.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

std::string JsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  return {};
}

std::string AuthorNames(const nlohmann::json& a) {
  if (a.is_string()) return a.get<std::string>();
  if (a.is_object()) {
    std::string n = JsonString(a, "name");
    return n;
  }
  if (a.is_array()) {
    std::string all;
    for (const auto& x : a) {
      std::string n = AuthorNames(x);
      if (n.empty() || x.is_array()) continue;
      if (!all.empty()) all += ", ";
      all += n;
      if (all.size() > 300) break;
    }
    return all;
  }
  return {};
}

struct JsonLdFacts {
  std::string headline, author, date_published, article_body, url;
};

// Visit objects (iteratively, bounded) and take the first article-typed facts.
void CollectJsonLd(const nlohmann::json& root, JsonLdFacts& facts) {
  std::vector<const nlohmann::json*> todo{&root};
  std::size_t visited = 0;
  while (!todo.empty() && visited < 2000) {
    const nlohmann::json* j = todo.back();
    todo.pop_back();
    ++visited;
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) todo.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    auto type = j->find("@type");
    bool article = type != j->end() && IsArticleType(*type);
    if (article) {
      if (facts.headline.empty()) facts.headline = JsonString(*j, "headline");
      if (facts.date_published.empty()) facts.date_published = JsonString(*j, "datePublished");
      if (facts.article_body.empty()) facts.article_body = JsonString(*j, "articleBody");
      if (facts.author.empty()) {
        auto a = j->find("author");
        if (a != j->end()) facts.author = AuthorNames(*a);
      }
    } else if (facts.date_published.empty() && type != j->end() && type->is_string() &&
               type->get_ref<const std::string&>() == "WebPage") {
      // Some pages put the article facts on the WebPage node.
      facts.date_published = JsonString(*j, "datePublished");
    }
    auto g = j->find("@graph");
    if (g != j->end()) todo.push_back(&*g);
    auto m = j->find("mainEntity");
    if (m != j->end()) todo.push_back(&*m);
  }
}

const std::string* FindMeta(const HtmlDom& dom, std::string_view key) {
  for (const HtmlMeta& m : dom.metas()) {
    if (m.key == key && !html_text::Trim(m.content).empty()) return &m.content;
  }
  return nullptr;
}

// A title minus a trailing " | Site" (or " - Site", " — Site", ...): the
// tail goes when it names the site (og:site_name), or, when the site is not
// named, when it is short (up to 4 words after " | ", 3 after a dash, and
// the head keeps at least 4 words).
std::string CleanTitle(std::string_view raw, std::string_view site) {
  std::string t = Collapse(raw);
  std::string site_norm;
  html_text::AppendNormalized(site, site_norm, false);
  static constexpr std::string_view kSeps[] = {
      " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " : "};
  for (std::string_view sep : kSeps) {
    std::size_t p = t.rfind(sep);
    if (p == std::string::npos || p < 10) continue;
    std::string_view head = std::string_view(t).substr(0, p);
    std::string_view tail = std::string_view(t).substr(p + sep.size());
    const std::size_t tail_words = html_text::CountWords(tail);
    bool cut = false;
    if (!site_norm.empty()) {
      std::string tail_norm;
      html_text::AppendNormalized(tail, tail_norm, false);
      cut = !tail_norm.empty() &&
            (site_norm.find(tail_norm) != std::string::npos ||
             (tail_norm.compare(0, site_norm.size(), site_norm) == 0 && tail_words <= 4));
    }
    if (!cut && sep == " | ") {
      cut = tail_words <= 4;
    } else if (!cut && site_norm.empty() && sep != " : ") {
      cut = tail_words <= 3 && html_text::CountWords(head) >= 2;
    }
    if (cut) {
      t.resize(p);
      break;
    }
  }
  return t;
}

// A class/id word "author", "author-name", "article-author", "post-author"...
// but not "authority" or an author bio box.
bool HasAuthorWord(std::string_view words) {
  std::size_t p = words.find("author");
  while (p != std::string_view::npos) {
    bool start = p == 0 || words[p - 1] == ' ' || words[p - 1] == '-' || words[p - 1] == '_';
    std::string_view rest = words.substr(p + 6);
    bool bad = StartsWithNoCase(rest, "ity") || StartsWithNoCase(rest, "-bio") ||
               StartsWithNoCase(rest, "bio") || StartsWithNoCase(rest, "-box") ||
               StartsWithNoCase(rest, "-img") || StartsWithNoCase(rest, "-image") ||
               StartsWithNoCase(rest, "-avatar") || StartsWithNoCase(rest, "-photo");
    if (start && !bad) return true;
    p = words.find("author", p + 6);
  }
  return false;
}

bool InsideArticle(const HtmlDom& dom, std::uint32_t i) {
  const auto& nodes = dom.nodes();
  std::uint32_t p = nodes[i].parent;
  for (int steps = 0; p != kNoNode && steps < 512; ++steps, p = nodes[p].parent) {
    const HtmlNode& n = nodes[p];
    if (n.tag == HtmlTag::kArticle || n.tag == HtmlTag::kMain) return true;
    std::string_view w = dom.Words(n);
    if (w.find("article") != std::string_view::npos || w.find("story") != std::string_view::npos ||
        w.find("post") != std::string_view::npos || w.find("entry") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

PageMetadata ExtractMetadata(const HtmlDom& dom) {
  PageMetadata md;

  JsonLdFacts facts;
  for (const std::string& raw : dom.json_ld()) {
    if (raw.size() > (8u << 20)) continue;
    if (JsonDepth(raw, kMaxJsonDepth) > kMaxJsonDepth) continue;
    std::string clean(raw);
    for (char& c : clean) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    nlohmann::json j = nlohmann::json::parse(clean, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    CollectJsonLd(j, facts);
  }
  md.article_body = std::move(facts.article_body);

  // Title.
  std::string site;
  for (std::string_view key : {"og:site_name", "application-name", "twitter:site"}) {
    if (const std::string* v = FindMeta(dom, key)) {
      site = *v;
      if (!site.empty() && site[0] == '@') site.erase(0, 1);
      break;
    }
  }
  if (const std::string* t = FindMeta(dom, "og:title")) md.title = CleanTitle(*t, site);
  if (md.title.empty() && !facts.headline.empty()) md.title = Collapse(facts.headline);
  std::uint32_t first_h1 = kNoNode, first_byline = kNoNode, first_author = kNoNode;
  std::uint32_t first_author_class = kNoNode;
  std::uint32_t first_time = kNoNode, article_time = kNoNode;
  const auto& nodes = dom.nodes();
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    const HtmlNode& n = nodes[i];
    if (n.tag == HtmlTag::kText) continue;
    if (n.tag == HtmlTag::kH1 && first_h1 == kNoNode) first_h1 = i;
    if (n.rel_author && first_author == kNoNode) first_author = i;
    if (first_byline == kNoNode && n.length > 0 &&
        dom.Words(n).find("byline") != std::string_view::npos) {
      first_byline = i;
    }
    if (first_author_class == kNoNode && n.length > 0 && n.tag != HtmlTag::kMeta &&
        HasAuthorWord(dom.Words(n))) {
      first_author_class = i;
    }
    if (n.tag == HtmlTag::kTime && n.value_length > 0) {
      if (first_time == kNoNode) first_time = i;
      if (article_time == kNoNode && InsideArticle(dom, i)) article_time = i;
    }
  }
  if (md.title.empty() && first_h1 != kNoNode) md.title = NodeText(dom, first_h1);
  if (md.title.empty()) md.title = CleanTitle(dom.title(), site);

  // Byline.
  if (!facts.author.empty() && !LooksLikeUrl(facts.author))
    md.byline = StripBy(Collapse(facts.author));
  if (md.byline.empty()) {
    for (std::string_view key :
         {"author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator"}) {
      const std::string* a = FindMeta(dom, key);
      if (a != nullptr && !LooksLikeUrl(*a)) {
        md.byline = StripBy(Collapse(*a));
        if (!md.byline.empty()) break;
      }
    }
  }
  if (md.byline.empty() && first_author != kNoNode)
    md.byline = StripBy(NodeText(dom, first_author, 200));
  if (md.byline.empty() && first_byline != kNoNode)
    md.byline = StripBy(NodeText(dom, first_byline, 200));
  if (md.byline.empty() && first_author_class != kNoNode) {
    md.byline = StripBy(NodeText(dom, first_author_class, 200));
  }
  if (md.byline.size() > 200) md.byline.clear();

  // URL.
  if (!dom.canonical().empty()) md.url = Collapse(dom.canonical());
  if (md.url.empty()) {
    if (const std::string* u = FindMeta(dom, "og:url")) md.url = Collapse(*u);
  }

  // Language.
  md.language = Collapse(dom.lang(), 32);
  if (md.language.empty()) {
    if (const std::string* l = FindMeta(dom, "content-language")) md.language = Collapse(*l, 32);
  }

  // Publish date.
  if (!facts.date_published.empty()) {
    md.published = ParseDateText(facts.date_published);
    if (md.published.known()) md.published.from = "jsonld";
  }
  if (!md.published.known()) {
    static constexpr std::string_view kDateKeys[] = {"article:published_time",
                                                     "og:article:published_time",
                                                     "article:published",
                                                     "datepublished",
                                                     "pubdate",
                                                     "publishdate",
                                                     "publish-date",
                                                     "publish_date",
                                                     "published_time",
                                                     "published-date",
                                                     "date",
                                                     "dc.date",
                                                     "dc.date.issued",
                                                     "dc.date.created",
                                                     "dcterms.date",
                                                     "dcterms.created",
                                                     "dcterms.issued",
                                                     "sailthru.date",
                                                     "parsely-pub-date",
                                                     "article.published",
                                                     "og:published_time",
                                                     "citation_publication_date",
                                                     "citation_date",
                                                     "datecreated",
                                                     "displaydate",
                                                     "article_date_original",
                                                     "original-publish-date",
                                                     "cxenseparse:recs:publishtime",
                                                     "publication_date",
                                                     "release_date",
                                                     "dc.date.published"};
    for (std::string_view key : kDateKeys) {
      const std::string* v = FindMeta(dom, key);
      if (v == nullptr) continue;
      PublishDate d = ParseDateText(*v);
      if (d.known()) {
        md.published = d;
        md.published.from = "meta";
        break;
      }
    }
  }
  if (!md.published.known()) {
    std::uint32_t t = article_time != kNoNode ? article_time : first_time;
    if (t != kNoNode) {
      PublishDate d = ParseDateText(dom.Value(nodes[t]));
      if (d.known()) {
        md.published = d;
        md.published.from = "time";
      }
    }
  }
  if (!md.published.known()) {
    std::string_view url = md.url;
    PublishDate d = HtmlDateFromUrl(url);
    if (!d.known()) {
      if (const std::string* u = FindMeta(dom, "og:url")) d = HtmlDateFromUrl(*u);
    }
    if (d.known()) {
      md.published = d;
      md.published.from = "url";
    }
  }
  return md;
}

}  // namespace dateline::extract
