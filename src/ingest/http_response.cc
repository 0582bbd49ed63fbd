#include "ingest/http_response.h"

#include <cstring>

#include "ingest/charset.h"

namespace dateline::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses a chunk-size line starting at body[i]; returns the size and moves i
// past the line, or -1 when it is not one.
long long ChunkSize(std::string_view body, std::size_t* i) {
  std::size_t j = *i;
  long long size = 0;
  int digits = 0;
  while (j < body.size() && HexDigit(body[j]) >= 0) {
    if (++digits > 15) return -1;
    size = size * 16 + HexDigit(body[j]);
    ++j;
  }
  if (digits == 0) return -1;
  // Chunk extensions and spaces up to the line end.
  if (j < body.size() && body[j] != '\n' && body[j] != '\r' && body[j] != ';' && body[j] != ' ' &&
      body[j] != '\t') {
    return -1;
  }
  while (j < body.size() && body[j] != '\n' && j - *i < 1024) ++j;
  if (j >= body.size() || body[j] != '\n') return -1;
  *i = j + 1;
  return size;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  return Lower(TrimSpace(content_type.substr(0, semi)));
}

bool IsHtmlMediaType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

Result<HttpResponseHead> ParseHttpResponseHead(std::string_view bytes) {
  HttpResponseHead head;
  std::size_t pos = 0;
  auto next_line = [&](std::string_view* line) {
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    *line = bytes.substr(pos, nl - pos);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(&line) || !line.starts_with("HTTP/")) {
    return Status::InvalidInput("not an HTTP response");
  }
  std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos || line.size() < sp + 4) {
    return Status::InvalidInput("bad HTTP status line");
  }
  int status = 0;
  for (std::size_t k = sp + 1; k < sp + 4; ++k) {
    if (line[k] < '0' || line[k] > '9') return Status::InvalidInput("bad HTTP status line");
    status = status * 10 + (line[k] - '0');
  }
  head.status = status;
  for (;;) {
    if (!next_line(&line)) return Status::InvalidInput("HTTP header does not end");
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // folded or junk lines: ignored
    std::string name = Lower(TrimSpace(line.substr(0, colon)));
    std::string_view value = TrimSpace(line.substr(colon + 1));
    if (name == "content-type") {
      head.media_type = MediaType(value);
      head.charset = CharsetParameter(value);
    } else if (name == "content-encoding") {
      head.content_encoding = Lower(value);
    } else if (name == "transfer-encoding") {
      head.chunked = Lower(value).find("chunked") != std::string::npos;
    }
  }
  head.size = pos;
  return head;
}

void Dechunk(std::string* body) {
  std::string_view in(*body);
  std::size_t i = 0;
  long long first = ChunkSize(in, &i);
  if (first < 0) return;
  std::size_t out = 0;
  long long size = first;
  for (;;) {
    if (size == 0) break;
    std::size_t take = static_cast<std::size_t>(size);
    if (take > body->size() - i) take = body->size() - i;  // truncated last chunk
    std::memmove(body->data() + out, body->data() + i, take);
    out += take;
    i += take;
    if (i < body->size() && (*body)[i] == '\r') ++i;
    if (i < body->size() && (*body)[i] == '\n') ++i;
    if (i >= body->size()) break;
    size = ChunkSize(std::string_view(*body), &i);
    if (size < 0) break;
  }
  body->resize(out);
}

}  // namespace dateline::ingest
