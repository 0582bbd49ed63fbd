#include "extract/html_extractor.h"

#include <exception>

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/html_text.h"

namespace dateline::extract {
namespace {

// The JSON-LD articleBody as blocks: one per line (or per HTML paragraph).
std::vector<Block> BlocksFromArticleBody(std::string_view body) {
  std::vector<Block> out;
  std::string cur;
  bool pending = false;
  auto flush = [&]() {
    std::string_view t = html_text::Trim(cur);
    if (!t.empty() && !IsBoilerplateLine(t)) out.push_back({ParagraphKind::kBody, std::string(t)});
    cur.clear();
    pending = false;
  };
  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\n') {
      flush();
      ++i;
      continue;
    }
    if (c == '<') {  // markup inside articleBody: tags end paragraphs or vanish
      std::size_t e = body.find('>', i);
      if (e != std::string_view::npos && e - i < 200) {
        std::string_view tag = body.substr(i, e - i + 1);
        if (html_text::StartsWithNoCase(tag, "</p") || html_text::StartsWithNoCase(tag, "<br") ||
            html_text::StartsWithNoCase(tag, "<p")) {
          flush();
        } else {
          pending = true;
        }
        i = e + 1;
        continue;
      }
    }
    std::size_t j = body.find_first_of("\n<", i);
    if (j == std::string_view::npos) j = body.size();
    if (j == i) j = i + 1;
    html_text::AppendCollapsed(body.substr(i, j - i), cur, pending);
    i = j;
  }
  flush();
  return out;
}

ParsedPage Parse(std::string_view html, const ExtractOptions& options) {
  ParsedPage page;
  HtmlDomOptions dom_options;
  dom_options.max_depth = options.max_html_depth == 0 ? 1 : options.max_html_depth;
  HtmlDom dom = HtmlDom::Build(html, dom_options);
  PageMetadata md = ExtractMetadata(dom);
  ContentHints hints;
  hints.title = md.title;
  hints.article_body = md.article_body;
  page.blocks = ExtractContentBlocks(dom, hints);
  bool has_body = false;
  for (const Block& b : page.blocks) has_body |= b.kind == ParagraphKind::kBody;
  if (!has_body && !md.article_body.empty()) page.blocks = BlocksFromArticleBody(md.article_body);
  page.title = std::move(md.title);
  page.byline = std::move(md.byline);
  page.url = std::move(md.url);
  page.language_hint = std::move(md.language);
  page.published = std::move(md.published);
  return page;
}

}  // namespace

ParsedPage ParseHtmlPage(std::string_view html, const ExtractOptions& options) {
  try {
    return Parse(html, options);
  } catch (const std::exception&) {
    // Allocation failure or a library exception on a hostile page: no content.
    return ParsedPage();
  }
}

}  // namespace dateline::extract
