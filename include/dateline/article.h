// The records of the first two pipeline stages: RawDocument (what a reader
// hands on) and Article (what extraction makes of it). See DESIGN.md.
//
// Byte offsets in an Article point into Article::text, which is UTF-8.
// Records are plain values: no pointers into other objects, safe to move
// between threads.
#ifndef DATELINE_ARTICLE_H_
#define DATELINE_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// One document as a reader found it, already converted to UTF-8.
struct RawDocument {
  enum class Format { kText, kHtml };

  std::string source;   // input path, "path:record N" inside JSONL/WARC, or "stdin:N"
  std::string id;       // given id (JSONL "id", WARC-Record-ID), may be empty
  std::string url;      // given or found URL, may be empty
  std::string title;    // given title (JSONL), may be empty
  std::string date;     // given date (JSONL "date", WARC-Date / HTTP Last-Modified), may be empty
  Format format = Format::kText;
  std::string charset;  // the charset the bytes were read as, e.g. "UTF-8", "windows-1252"
  std::string content;  // the page or text, valid UTF-8
};

enum class DatePrecision { kNone, kYear, kMonth, kDay };
std::string_view DatePrecisionName(DatePrecision p);  // "none", "year", "month", "day"

// When an article was published, and how we know it.
struct PublishDate {
  std::string date;  // "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty when unknown
  DatePrecision precision = DatePrecision::kNone;
  // Where it came from: "jsonld", "meta", "time", "url", "given", "text",
  // "inferred" (from weekdays and dated captions in the text), "option" (--date).
  std::string from;
  bool known() const { return !date.empty(); }
};

enum class ParagraphKind { kBody, kCaption, kQuote };
std::string_view ParagraphKindName(ParagraphKind k);  // "body", "caption", "quote"

struct Paragraph {
  ParagraphKind kind = ParagraphKind::kBody;
  std::size_t start = 0;  // byte offset into Article::text
  std::size_t end = 0;    // one past the last byte
};

struct Article {
  std::string source;
  std::string id;  // stable: given, else a hash of the URL, else of the text
  std::string url;
  std::string title;
  PublishDate published;
  std::string dateline;  // "MOSCOW", "KYIV, Ukraine": where the reporter filed, not where events happened
  std::string byline;
  std::string language;  // ISO 639-1 code from cld2, "" when unknown
  // Every kept paragraph in page order, joined by "\n\n". Offsets point here.
  std::string text;
  std::vector<Paragraph> paragraphs;

  std::string_view ParagraphText(const Paragraph& p) const {
    return std::string_view(text).substr(p.start, p.end - p.start);
  }
  // The body paragraphs (kind body or quote) joined by blank lines.
  std::string Body() const;
};

}  // namespace dateline

#endif  // DATELINE_ARTICLE_H_
