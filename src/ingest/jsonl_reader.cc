#include "ingest/jsonl_reader.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/flat_json.h"
#include "ingest/utf8.h"

namespace dateline::ingest {
namespace {

using nlohmann::json;

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// A field's value as a string: strings as they are, numbers written out;
// false when absent or of another type.
bool FieldText(const json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_string()) {
    *out = it->get_ref<const std::string&>();
    return true;
  }
  if (it->is_number()) {
    *out = it->dump();
    return true;
  }
  return false;
}

std::size_t LineLimit(std::size_t max_document_bytes) {
  constexpr std::size_t kExtra = 1 << 20;
  if (max_document_bytes > (SIZE_MAX - kExtra) / 2) return SIZE_MAX;
  return max_document_bytes * 2 + kExtra;
}

}  // namespace

Result<RawDocument> ParseJsonlLine(std::string_view line, std::string source,
                                   std::size_t max_document_bytes) {
  std::string repaired;
  if (!IsValidUtf8(line)) {
    repaired.assign(line);
    RepairUtf8(&repaired);
    line = repaired;
  }
  RawDocument doc;
  doc.source = std::move(source);
  doc.charset = "UTF-8";
  const char* field = nullptr;  // "html" or "text"

  std::vector<std::pair<std::string, std::string>> flat;
  if (ParseFlatJsonObject(line, &flat)) {
    // The fast path: every value a string; a repeated key's last value counts.
    std::string* html = nullptr;
    std::string* text = nullptr;
    for (auto& [key, value] : flat) {
      if (key == "html")
        html = &value;
      else if (key == "text")
        text = &value;
      else if (key == "id")
        doc.id = value;
      else if (key == "url")
        doc.url = value;
      else if (key == "title")
        doc.title = value;
      else if (key == "date")
        doc.date = value;
    }
    if (html != nullptr || text != nullptr) {
      field = html != nullptr ? "html" : "text";
      doc.format = html != nullptr ? RawDocument::Format::kHtml : RawDocument::Format::kText;
      doc.content = std::move(html != nullptr ? *html : *text);
    }
  } else {
    json object;
    try {
      object = json::parse(line);
    } catch (const json::parse_error& e) {
      return Status::InvalidInput(doc.source + ": not JSON (syntax error at byte " +
                                  std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {
      return Status::InvalidInput(doc.source + ": not JSON");
    }
    if (!object.is_object()) return Status::InvalidInput(doc.source + ": not a JSON object");
    for (const char* key : {"html", "text"}) {
      auto it = object.find(key);
      if (it == object.end() || it->is_null()) continue;
      if (!it->is_string()) {
        return Status::InvalidInput(doc.source + ": field \"" + key + "\" is not a string");
      }
      field = key;
      doc.format = key[0] == 'h' ? RawDocument::Format::kHtml : RawDocument::Format::kText;
      doc.content = std::move(it->get_ref<std::string&>());
      break;
    }
    FieldText(object, "id", &doc.id);
    FieldText(object, "url", &doc.url);
    FieldText(object, "title", &doc.title);
    FieldText(object, "date", &doc.date);
  }
  if (field == nullptr) return Status::InvalidInput(doc.source + ": no \"text\" or \"html\" field");
  if (doc.content.size() > max_document_bytes) {
    return TooLargeError(doc.source, doc.content.size(), max_document_bytes);
  }
  if (IsBlank(doc.content)) {
    return Status::InvalidInput(doc.source + ": field \"" + field + "\" is empty");
  }
  return doc;
}

void ReadJsonl(BufferedReader& in, std::string_view name, ReadContext& ctx) {
  const std::size_t max_doc = ctx.options().max_document_bytes;
  const std::size_t max_line = LineLimit(max_doc);
  std::string prefix(name);
  prefix += ':';
  std::size_t number = 0;
  std::string_view line;
  std::size_t length = 0;
  for (;;) {
    BufferedReader::LineStatus got = in.ReadLine(&line, max_line, &length);
    if (got == BufferedReader::LineStatus::kEnd) break;
    if (got == BufferedReader::LineStatus::kError) {
      ctx.Fail(WithPlace(name, in.status()));
      break;
    }
    ++number;
    std::string source = prefix + std::to_string(number);
    if (got == BufferedReader::LineStatus::kTooLong) {
      ctx.Fail(TooLargeError(source, length, max_doc));
      continue;
    }
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (IsBlank(line)) continue;
    Result<RawDocument> doc = ParseJsonlLine(line, std::move(source), max_doc);
    if (doc.ok()) {
      ctx.Emit(std::move(doc).value());
    } else {
      ctx.Fail(doc.status());
    }
  }
}

void ReadJsonlStream(std::istream& in, std::string_view name, ReadContext& ctx) {
  IstreamSource source(in);
  BufferedReader reader(&source);
  ReadJsonl(reader, name, ctx);
}

}  // namespace dateline::ingest
