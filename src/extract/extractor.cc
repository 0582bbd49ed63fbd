// ExtractArticle: pick the page parser, then assemble the Article (see
// extractor.h). The publish date is taken from the first source that gives
// one, in this order: page metadata (JSON-LD, meta, <time>), the reader's date
// ("given"), a date stamp at the top of the text ("text"), the URL, the
// --date option ("option"), and last the inference from dated captions and
// reporting weekdays ("inferred").
#include "extract/extractor.h"

#include <string_view>
#include <vector>

#include "extract/article_id.h"
#include "extract/block.h"
#include "extract/dateline_finder.h"
#include "extract/html_extractor.h"
#include "extract/language.h"
#include "extract/publish_date.h"
#include "extract/text_scrape.h"

namespace dateline::extract {
namespace {

// How many body paragraphs at the top are searched for reporting weekdays.
constexpr std::size_t kLeadParagraphs = 3;

// One paragraph on one line: newlines become spaces, ends trimmed.
std::string CleanBlockText(std::string_view s) {
  auto blank = [](char c) { return c == '\n' || c == '\r' || c == '\t' || c == ' '; };
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && blank(s[i])) ++i;
    if (i == s.size()) break;
    std::size_t word_end = i;
    while (word_end < s.size() && !blank(s[word_end])) ++word_end;
    if (!out.empty()) out += ' ';
    out.append(s.substr(i, word_end - i));
    i = word_end;
  }
  return out;
}

// A few words in mixed case without a sentence end, a comma or a digit: a
// kicker or section label (a dateline on its own line is in capitals).
bool IsLabel(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  std::size_t words = 1;
  bool lower = false;
  for (char c : s) {
    if (c == ' ') ++words;
    if ((c >= '0' && c <= '9') || c == ',') return false;
    lower = lower || (c >= 'a' && c <= 'z');
  }
  if (!lower) return false;
  char last = s.back();
  bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' ||
                      s.ends_with("\xE2\x80\x9D");
  return words <= 4 && !sentence_end;
}

bool FromMetadata(const PublishDate& d) {
  return d.known() && d.from != "text" && d.from != "url" && d.from != "inferred" &&
         d.from != "option" && d.from != "given";
}

PublishDate ChoosePublishDate(const RawDocument& doc, const ParsedPage& page, const Article& a,
                              const ExtractOptions& options) {
  if (FromMetadata(page.published)) return page.published;
  if (!doc.date.empty()) {
    PublishDate given = ParseGivenDate(doc.date);
    if (given.known()) return given;
  }
  if (page.published.known() && page.published.from == "text") return page.published;
  if (page.published.known() && page.published.from == "url") return page.published;
  if (!a.url.empty()) {
    PublishDate from_url = DateFromUrl(a.url);
    if (from_url.known()) return from_url;
  }
  if (!options.fallback_date.empty()) {
    PublishDate option = ParseGivenDate(options.fallback_date);
    if (option.known()) {
      option.from = "option";
      return option;
    }
  }
  std::vector<std::string_view> paragraphs;
  std::vector<std::size_t> lead;
  for (const Paragraph& p : a.paragraphs) {
    if (p.kind != ParagraphKind::kCaption && lead.size() < kLeadParagraphs) {
      lead.push_back(paragraphs.size());
    }
    paragraphs.push_back(a.ParagraphText(p));
  }
  return InferPublishDate(paragraphs, lead);
}

}  // namespace

Result<Article> ExtractArticle(const RawDocument& doc, const ExtractOptions& options) {
  ParsedPage page = doc.format == RawDocument::Format::kHtml
                        ? ParseHtmlPage(doc.content, options)
                        : ParseTextScrape(doc.content);
  Article a;
  a.source = doc.source;
  a.url = !doc.url.empty() ? doc.url : page.url;
  a.title = CleanBlockText(!doc.title.empty() ? doc.title : page.title);
  a.byline = CleanBlockText(page.byline);

  // A section label or kicker ("Agriculture", "World news") left above a
  // story that opens with a dateline is not its first paragraph: it would
  // hide the dateline. Other short first lines are kept (a byline-like
  // "Staff Reports", a place on its own line).
  std::size_t kicker = page.blocks.size();
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    if (page.blocks[i].kind != ParagraphKind::kBody) continue;
    std::string t = CleanBlockText(page.blocks[i].text);
    if (t.empty()) continue;
    if (!IsLabel(t)) break;
    for (std::size_t j = i + 1; j < page.blocks.size(); ++j) {
      if (page.blocks[j].kind != ParagraphKind::kBody) continue;
      if (!FindDateline(CleanBlockText(page.blocks[j].text)).empty()) kicker = i;
      break;
    }
    break;
  }

  bool has_body = false;
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const Block& b = page.blocks[i];
    if (i == kicker) continue;
    std::string t = CleanBlockText(b.text);
    if (t.empty()) continue;
    if (!a.text.empty()) a.text += "\n\n";
    std::size_t start = a.text.size();
    a.text += t;
    a.paragraphs.push_back({b.kind, start, a.text.size()});
    has_body = has_body || b.kind != ParagraphKind::kCaption;
  }
  if (!has_body) return Status::InvalidInput(doc.source + ": no article text found");

  a.id = MakeArticleId(doc.id, a.url, a.text);
  for (const Paragraph& p : a.paragraphs) {
    if (p.kind == ParagraphKind::kCaption) continue;
    a.dateline = FindDateline(a.ParagraphText(p));
    break;
  }
  a.language = DetectLanguage(a.Body(), page.language_hint);
  a.published = ChoosePublishDate(doc, page, a, options);
  return a;
}

}  // namespace dateline::extract
