// HtmlDom: a compact, read-only element tree of an HTML page, built in one
// pass from libxml2's SAX HTML parser, holding only what content extraction
// needs: tag, the class/id/itemprop/role words, a few attributes, text runs,
// plus the page's <meta>, <link>, <html lang>, <title> and JSON-LD scripts.
//
// Before libxml2 sees the page, a byte-level pre-pass drops the contents of
// <script> (except JSON-LD), <style>, <svg>, <template> and comments, drops
// the attributes the extractor never reads (src, srcset, data-*, ...: about a
// fifth of the parse time), and drops start/end tags
// nested deeper than max_depth (their text stays, read as text of the
// deepest kept element). This keeps libxml2's end-tag search (linear in the
// open-element stack) from going quadratic on hostile pages and keeps our
// tree bounded; start tags with over 512 attributes keep only their name (libxml2's
// duplicate-attribute check is quadratic in the attribute count). libxml2's
// tree builder is not used, so its own 256-level
// limit (which would stop parsing altogether) never applies.
//
// Nodes are stored in document order in one vector; children are linked by
// index. Text is stored raw (entities decoded, whitespace not collapsed).
// Building never throws; junk input gives a tree with no text.
// An HtmlDom is immutable after Build and can be read from many threads.
#ifndef DATELINE_EXTRACT_HTML_DOM_H_
#define DATELINE_EXTRACT_HTML_DOM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::extract {

enum class HtmlTag : std::uint8_t {
  kText,  // a text node
  kOther,
  kHtml,
  kHead,
  kBody,
  kTitle,
  kMeta,
  kLink,
  kScript,
  kStyle,
  kNoscript,
  kTemplate,
  kSvg,
  kIframe,
  kObject,
  kButton,
  kInput,
  kSelect,
  kTextarea,
  kLabel,
  kOption,
  kVideo,
  kAudio,
  kCanvas,
  kMap,
  kDialog,
  kP,
  kDiv,
  kSpan,
  kA,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kBlockquote,
  kPre,
  kArticle,
  kMain,
  kSection,
  kNav,
  kHeader,
  kFooter,
  kAside,
  kForm,
  kFieldset,
  kFigure,
  kFigcaption,
  kTable,
  kThead,
  kTbody,
  kTfoot,
  kTr,
  kTd,
  kTh,
  kCaption,
  kBr,
  kHr,
  kImg,
  kTime,
  kAddress,
  kCenter,
  kDetails,
  kSummary,
  kMenu,
};

inline constexpr std::uint32_t kNoNode = 0xffffffffu;

struct HtmlNode {
  HtmlTag tag = HtmlTag::kOther;
  bool hidden = false;      // hidden attribute, aria-hidden, display:none
  bool rel_author = false;  // rel="author" or itemprop="author"
  std::uint32_t parent = kNoNode;
  std::uint32_t first_child = kNoNode;
  std::uint32_t last_child = kNoNode;
  std::uint32_t next_sibling = kNoNode;
  // Text nodes: the run in HtmlDom::text. Elements: the lower-cased
  // "class id itemprop role" words in HtmlDom::attrs.
  std::uint32_t begin = 0;
  std::uint32_t length = 0;
  // <time datetime> / <a href>: a value in HtmlDom::attrs (length 0: none).
  std::uint32_t value_begin = 0;
  std::uint32_t value_length = 0;
};

struct HtmlMeta {
  std::string key;  // lower-cased name= / property= / itemprop= / http-equiv=
  std::string content;
};

struct HtmlDomOptions {
  std::size_t max_depth = 256;             // deeper tags are flattened (see above)
  std::size_t max_attribute_bytes = 4096;  // longer class/id/content values are cut
};

class HtmlDom {
 public:
  static HtmlDom Build(std::string_view html, const HtmlDomOptions& options);

  const std::vector<HtmlNode>& nodes() const { return nodes_; }
  const HtmlNode& node(std::uint32_t i) const { return nodes_[i]; }
  std::uint32_t root() const { return nodes_.empty() ? kNoNode : 0; }
  std::string_view Text(const HtmlNode& n) const {
    return std::string_view(text_).substr(n.begin, n.length);
  }
  std::string_view Words(const HtmlNode& n) const {
    return n.tag == HtmlTag::kText ? std::string_view()
                                   : std::string_view(attrs_).substr(n.begin, n.length);
  }
  std::string_view Value(const HtmlNode& n) const {
    return std::string_view(attrs_).substr(n.value_begin, n.value_length);
  }

  const std::vector<HtmlMeta>& metas() const { return metas_; }
  const std::vector<std::string>& json_ld() const { return json_ld_; }
  const std::string& canonical() const { return canonical_; }
  const std::string& lang() const { return lang_; }
  const std::string& title() const { return title_; }

 private:
  friend struct HtmlDomBuilder;
  std::vector<HtmlNode> nodes_;
  std::string text_;
  std::string attrs_;
  std::vector<HtmlMeta> metas_;
  std::vector<std::string> json_ld_;
  std::string canonical_;
  std::string lang_;
  std::string title_;
};

// The page with script/style/comment contents removed and over-deep tags
// dropped, as handed to libxml2 (exposed for tests).
std::string PrefilterHtml(std::string_view html, std::size_t max_depth);

// s with each invalid UTF-8 byte replaced by U+FFFD and NUL bytes by spaces
// (libxml2 stops or re-decodes the rest as Latin-1 at the first bad byte).
std::string RepairUtf8(std::string_view s);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_HTML_DOM_H_
