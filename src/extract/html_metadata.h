// Page metadata from an HtmlDom: title, byline, canonical URL, language hint,
// publish date, and the JSON-LD articleBody (a hint for content choice).
//
// Sources, first found wins:
//   title     og:title, JSON-LD headline, first <h1>, <title> minus " | Site"
//   byline    JSON-LD author, <meta name=author>, rel/itemprop=author, class
//             "byline"; a leading "By " is removed
//   url       <link rel=canonical>, og:url
//   language  <html lang>, <meta http-equiv=content-language>
//   published JSON-LD datePublished ("jsonld"), meta article:published_time,
//             pubdate, date, DC.date, sailthru.date, parsely-pub-date, ...
//             ("meta"), <time datetime> inside the article ("time"), a date in
//             the URL ("url": /2019/11/25/ is day precision, /2019/11/ month)
// JSON-LD that fails to parse, or nests deeper than a small bound, is ignored.
// Never throws. Thread-safe.
#ifndef DATELINE_EXTRACT_HTML_METADATA_H_
#define DATELINE_EXTRACT_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "dateline/article.h"
#include "extract/html_dom.h"

namespace dateline::extract {

struct PageMetadata {
  std::string title;
  std::string byline;
  std::string url;
  std::string language;
  PublishDate published;
  std::string article_body;  // JSON-LD articleBody, raw; may be empty
};

PageMetadata ExtractMetadata(const HtmlDom& dom);

// "2019-11-25T10:00:00Z", "2019/11/25", "20191125", "Nov. 25, 2019",
// "Mon, 25 Nov 2019 10:00:00 GMT", "25 November 2019" -> {"2019-11-25", kDay}.
// Returns an unknown date (empty) when the text holds no plausible date.
PublishDate ParseDateText(std::string_view text);

// A date in a URL path: /2019/11/25/, /2019-11-25/, /20191125/ (day),
// /2019/11/ (month). Unknown when none.
PublishDate HtmlDateFromUrl(std::string_view url);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_HTML_METADATA_H_
