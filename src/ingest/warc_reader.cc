#include "ingest/warc_reader.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/gzip_stream.h"
#include "ingest/http_response.h"

namespace dateline::ingest {
namespace {

constexpr std::size_t kMaxHeaderLine = 64 << 10;
constexpr std::size_t kMaxHeaderBytes = 1 << 20;
constexpr std::size_t kHttpHeadPeek = 64 << 10;

using LineStatus = BufferedReader::LineStatus;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string_view StripAngles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

bool IsVersionLine(std::string_view line) { return line.starts_with("WARC/1."); }

// A body with no Content-Type that starts like an HTML page.
bool StartsLikeHtml(std::string_view body) {
  std::size_t i = 0;
  if (body.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < body.size() &&
         (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
    ++i;
  }
  std::string head = Lower(body.substr(i, 14));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

class WarcHeaders {
 public:
  void Add(std::string_view name, std::string_view value) {
    fields_.emplace_back(Lower(Trim(name)), std::string(Trim(value)));
  }
  void Continue(std::string_view more) {
    if (!fields_.empty()) fields_.back().second.append(" ").append(Trim(more));
  }
  std::string_view Get(std::string_view lower_name) const {
    for (const auto& [name, value] : fields_) {
      if (name == lower_name) return value;
    }
    return {};
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

class WarcParser {
 public:
  WarcParser(BufferedReader& in, std::string_view name, ReadContext& ctx)
      : in_(in), name_(name), ctx_(ctx) {}

  void Run() {
    std::string_view line;
    while (!stop_) {
      if (pending_version_) {
        pending_version_ = false;
        ++record_;
      } else {
        LineStatus got;
        do {
          got = in_.ReadLine(&line, kMaxHeaderLine);
        } while (got == LineStatus::kOk && Trim(line).empty());
        if (got == LineStatus::kEnd) return;
        ++record_;
        if (got == LineStatus::kError) {
          ctx_.Fail(WithPlace(Place(), in_.status()));
          return;
        }
        if (got == LineStatus::kTooLong || !IsVersionLine(line)) {
          Broken("missing WARC/ version line");
          continue;
        }
      }
      ReadRecord();
    }
  }

 private:
  std::string Place() const { return name_ + ":" + std::to_string(record_); }

  // Reports the current record as broken and looks for the next one.
  void Broken(const std::string& problem) {
    ctx_.Fail(Status::InvalidInput(Place() + ": " + problem));
    Resync();
  }

  // Reads lines until one starts "WARC/1." (kept for Run) or the input ends.
  void Resync() {
    std::string_view line;
    for (;;) {
      LineStatus got = in_.ReadLine(&line, kMaxHeaderLine);
      if (got == LineStatus::kEnd) {
        stop_ = true;
        return;
      }
      if (got == LineStatus::kError) {
        ctx_.Fail(WithPlace(Place(), in_.status()));
        stop_ = true;
        return;
      }
      if (got == LineStatus::kOk && IsVersionLine(line)) {
        pending_version_ = true;
        return;
      }
    }
  }

  // True when `got` of `wanted` block bytes were there; else reports the
  // truncation and stops (nothing follows the end of the stream).
  bool Complete(std::size_t wanted, std::size_t got, std::size_t block_length,
                std::size_t block_read) {
    if (got == wanted) return true;
    if (!in_.status().ok()) {
      ctx_.Fail(WithPlace(Place(), in_.status()));
    } else {
      ctx_.Fail(Status::InvalidInput(Place() + ": Content-Length " + std::to_string(block_length) +
                                     " past end of file (" + std::to_string(block_read + got) +
                                     " bytes left)"));
    }
    stop_ = true;
    return false;
  }

  void SkipBlock(std::size_t length, std::size_t already = 0) {
    std::size_t rest = length - already;
    Complete(rest, in_.Skip(rest), length, already);
  }

  void ReadRecord() {
    WarcHeaders headers;
    std::string_view line;
    std::size_t header_bytes = 0;
    for (;;) {
      std::size_t length = 0;
      LineStatus got = in_.ReadLine(&line, kMaxHeaderLine, &length);
      if (got == LineStatus::kEnd) {
        ctx_.Fail(Status::InvalidInput(Place() + ": truncated record header"));
        stop_ = true;
        return;
      }
      if (got == LineStatus::kError) {
        ctx_.Fail(WithPlace(Place(), in_.status()));
        stop_ = true;
        return;
      }
      header_bytes += length + 1;
      if (got == LineStatus::kTooLong || header_bytes > kMaxHeaderBytes) {
        return Broken("record header too long");
      }
      if (line.empty()) break;
      if (line.front() == ' ' || line.front() == '\t') {
        headers.Continue(line);
        continue;
      }
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        return Broken("bad header line \"" + Printable(line) + "\"");
      }
      headers.Add(line.substr(0, colon), line.substr(colon + 1));
    }
    std::string_view length_text = headers.Get("content-length");
    std::size_t length = 0;
    bool length_ok = !length_text.empty() && length_text.size() <= 18;
    for (char c : length_text) {
      if (c < '0' || c > '9') length_ok = false;
      length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!length_ok) return Broken("missing or bad Content-Length");

    std::string type = Lower(headers.Get("warc-type"));
    if (type == "response") {
      ReadResponse(headers, length);
    } else if (type == "resource") {
      ReadResource(headers, length);
    } else {
      SkipBlock(length);
    }
  }

  void ReadResponse(const WarcHeaders& headers, std::size_t length) {
    std::string media = MediaType(headers.Get("content-type"));
    if (IsHtmlMediaType(media))
      return ReadResource(headers, length);  // a payload without HTTP head
    if (media != "application/http") return SkipBlock(length);
    std::size_t peek_size = std::min({length, kHttpHeadPeek, in_.capacity()});
    std::string_view peek = in_.Peek(peek_size);
    if (peek.size() < peek_size) return SkipBlock(length);  // reports the truncation
    Result<HttpResponseHead> head = ParseHttpResponseHead(peek);
    if (!head.ok()) {
      ctx_.Fail(WithPlace(Place(), head.status()));
      return SkipBlock(length);
    }
    if (head->status < 200 || head->status > 299) return SkipBlock(length);
    bool html = IsHtmlMediaType(head->media_type) ||
                (head->media_type.empty() && StartsLikeHtml(peek.substr(head->size)));
    if (!html) return SkipBlock(length);
    std::size_t body_length = length - head->size;
    if (body_length == 0) return SkipBlock(length);
    if (body_length > ctx_.options().max_document_bytes) {
      ctx_.Fail(TooLargeError(Place(), body_length, ctx_.options().max_document_bytes));
      return SkipBlock(length);
    }
    in_.Skip(head->size);  // in the buffer: Peek saw it
    RawDocument doc;
    doc.format = RawDocument::Format::kHtml;
    if (!Complete(body_length, in_.Read(body_length, &doc.content), length, head->size)) return;
    if (head->chunked) Dechunk(&doc.content);
    const std::string& coding = head->content_encoding;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      std::string decoded;
      Status s = GunzipString(doc.content, ctx_.options().max_document_bytes, &decoded);
      if (!s.ok()) {
        ctx_.Fail(WithPlace(Place() + ": Content-Encoding " + Printable(coding), s));
        return;
      }
      doc.content.swap(decoded);
    } else if (!coding.empty() && coding != "identity") {
      ctx_.Fail(Status::Unsupported(Place() + ": Content-Encoding " + Printable(coding) +
                                    " not supported"));
      return;
    }
    Deliver(headers, head->charset, std::move(doc));
  }

  void ReadResource(const WarcHeaders& headers, std::size_t length) {
    std::string_view content_type = headers.Get("content-type");
    if (!IsHtmlMediaType(MediaType(content_type)) || length == 0) return SkipBlock(length);
    if (length > ctx_.options().max_document_bytes) {
      ctx_.Fail(TooLargeError(Place(), length, ctx_.options().max_document_bytes));
      return SkipBlock(length);
    }
    RawDocument doc;
    doc.format = RawDocument::Format::kHtml;
    if (!Complete(length, in_.Read(length, &doc.content), length, 0)) return;
    Deliver(headers, CharsetParameter(content_type), std::move(doc));
  }

  void Deliver(const WarcHeaders& headers, std::string_view charset, RawDocument doc) {
    if (doc.content.empty()) return;
    doc.source = Place();
    doc.url = std::string(StripAngles(headers.Get("warc-target-uri")));
    doc.date = std::string(headers.Get("warc-date"));
    doc.id = std::string(StripAngles(headers.Get("warc-record-id")));
    Status decoded = DecodeDocument(charset, &doc);
    if (!decoded.ok()) {
      ctx_.Fail(decoded);
      return;
    }
    ctx_.Emit(std::move(doc));
  }

  BufferedReader& in_;
  std::string name_;
  ReadContext& ctx_;
  std::size_t record_ = 0;
  bool pending_version_ = false;
  bool stop_ = false;
};

}  // namespace

void ReadWarc(BufferedReader& in, std::string_view name, ReadContext& ctx) {
  WarcParser(in, name, ctx).Run();
}

void ReadWarcStream(std::istream& in, std::string_view name, bool gzip, ReadContext& ctx) {
  IstreamSource source(in);
  if (!gzip) {
    BufferedReader reader(&source);
    ReadWarc(reader, name, ctx);
    return;
  }
  GzipSource gz(&source, ctx.options().max_decompressed_bytes);
  BufferedReader reader(&gz);
  ReadWarc(reader, name, ctx);
}

}  // namespace dateline::ingest
