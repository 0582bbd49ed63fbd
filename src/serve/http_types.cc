#include "serve/http_types.h"

#include <strings.h>

#include <cstdint>
#include <cstring>

namespace dateline::serve {

int Request::Count(std::string_view name) const {
  int n = 0;
  for (const auto& [key, value] : params) n += key == name;
  return n;
}

const std::string* Request::Find(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

const std::string* Response::Header(std::string_view name) const {
  if (name.size() == 12 && strncasecmp(name.data(), "Content-Type", 12) == 0) return &content_type;
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) return &value;
  }
  return nullptr;
}

Response JsonError(int status, std::string_view message) {
  Response r;
  r.status = status;
  r.body = "{\"error\":";
  AppendJsonString(message, &r.body);
  r.body += '}';
  return r;
}

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return n;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  *out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = Utf8Length(s, i);
      if (n == 0) {
        *out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7F) {
          *out += "\\u00";
          *out += kHex[c >> 4];
          *out += kHex[c & 0xF];
        } else {
          *out += static_cast<char>(c);
        }
    }
    ++i;
  }
  *out += '"';
}

void AppendMarkupEscaped(std::string_view json, std::string* out) {
  // Most records hold no markup: three vectorised scans, one append.
  const char* p = json.data();
  const std::size_t n = json.size();
  if (!std::memchr(p, '<', n) && !std::memchr(p, '>', n) && !std::memchr(p, '&', n)) {
    out->append(json);
    return;
  }
  out->reserve(out->size() + n + 64);
  for (char c : json) {
    if (c == '<') {
      *out += "\\u003c";
    } else if (c == '>') {
      *out += "\\u003e";
    } else if (c == '&') {
      *out += "\\u0026";
    } else {
      *out += c;
    }
  }
}

void EscapeMarkupInJson(std::string* json) {
  const char* p = json->data();
  const std::size_t n = json->size();
  if (!std::memchr(p, '<', n) && !std::memchr(p, '>', n) && !std::memchr(p, '&', n)) return;
  std::string out;
  AppendMarkupEscaped(*json, &out);
  *json = std::move(out);
}

}  // namespace dateline::serve
