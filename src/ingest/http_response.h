// HttpResponseHead: the status line and headers of an HTTP/1.x response as a
// WARC response record carries them, and the transfer codings of its body.
#ifndef DATELINE_INGEST_HTTP_RESPONSE_H_
#define DATELINE_INGEST_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "dateline/status.h"

namespace dateline::ingest {

struct HttpResponseHead {
  int status = 0;                // 200
  std::string media_type;        // "text/html", lower case, no parameters; "" when absent
  std::string charset;           // Content-Type's charset parameter as written, may be empty
  std::string content_encoding;  // "gzip", "deflate", lower case; "" = identity
  bool chunked = false;          // Transfer-Encoding: chunked
  std::size_t size = 0;          // bytes of the head, blank line included: the body starts here
};

// Parses the response head at the start of `bytes` ("HTTP/1.1 200 OK\r\n",
// headers, a blank line; bare "\n" line ends accepted). InvalidInput when the
// status line is not HTTP or the head does not end within `bytes`.
Result<HttpResponseHead> ParseHttpResponseHead(std::string_view bytes);

// The media type of a Content-Type value, lower case: "text/html".
std::string MediaType(std::string_view content_type);

// True for the media types read as HTML: text/html, application/xhtml+xml.
bool IsHtmlMediaType(std::string_view media_type);

// Removes chunked transfer coding from *body in place. A body that does not
// start with a chunk-size line is left as it is (crawlers often store it
// decoded but keep the header); a missing last chunk is tolerated.
void Dechunk(std::string* body);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_HTTP_RESPONSE_H_
