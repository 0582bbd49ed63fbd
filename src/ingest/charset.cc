#include "ingest/charset.h"

#include <uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "ingest/utf8.h"

namespace dateline::ingest {
namespace {

constexpr std::size_t kSniffBytes = 64 << 10;
constexpr std::size_t kMetaScanBytes = 32 << 10;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

// Position of `needle` (lower case) in `hay`, ignoring ASCII case, from `from`.
std::size_t FindNoCase(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  const char first = needle[0];
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (Lower(hay[i]) != first) continue;
    std::size_t k = 1;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// A charset label as a page or header writes it → the label we hand to ICU,
// following the WHATWG Encoding Standard where it differs from the IANA names.
// "" for labels that mean UTF-8.
std::string NormalizeLabel(std::string_view label, bool from_meta) {
  std::string l = ToLower(Trim(label));
  if (l.empty()) return l;
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") {
    return "UTF-8";
  }
  if (from_meta && (l.starts_with("utf-16") || l == "unicode" || l == "ucs-2")) return "UTF-8";
  static constexpr std::array<std::string_view, 13> kLatin1 = {
      "iso-8859-1", "iso8859-1",  "iso_8859-1",     "latin1", "l1",
      "us-ascii",   "ascii",      "ansi_x3.4-1968", "cp1252", "x-cp1252",
      "cp819",      "iso-ir-100", "iso_8859-1:1987"};
  if (std::find(kLatin1.begin(), kLatin1.end(), l) != kLatin1.end()) return "windows-1252";
  if (l == "iso-8859-9" || l == "latin5" || l == "iso8859-9") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "gb2312" || l == "x-gbk" || l == "gb_2312-80" || l == "chinese") return "GBK";
  if (l == "ks_c_5601-1987" || l == "euc-kr" || l == "korean") return "windows-949";
  if (l == "x-sjis" || l == "sjis" || l == "ms_kanji" || l == "windows-31j" || l == "csshiftjis") {
    return "Shift_JIS";
  }
  if (l == "x-user-defined") return "windows-1252";
  return l;
}

// Labels whose ASCII bytes do not mean ASCII: they must be converted even
// when the bytes are valid UTF-8.
bool AsciiIncompatible(std::string_view normalized) {
  return normalized.starts_with("utf-16") || normalized.starts_with("utf-32") ||
         normalized.starts_with("iso-2022") || normalized == "utf-7" || normalized == "hz-gb-2312";
}

// Multi-byte encodings where valid UTF-8 is a plausible accident for short
// texts; single-byte labels are the common misdeclaration of UTF-8 pages.
bool SingleByteLabel(std::string_view normalized) {
  return normalized.starts_with("windows-12") || normalized.starts_with("iso-8859") ||
         normalized.starts_with("koi8") || normalized == "windows-874" ||
         normalized.starts_with("ibm") || normalized.starts_with("cp") ||
         normalized.starts_with("mac");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr OpenConverter(std::string_view label) {
  std::string name(label);
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

// The IANA name ICU gives the converter, else the label.
std::string DisplayName(UConverter* cnv, std::string_view label) {
  UErrorCode err = U_ZERO_ERROR;
  const char* internal = ucnv_getName(cnv, &err);
  if (U_SUCCESS(err) && internal != nullptr) {
    err = U_ZERO_ERROR;
    const char* iana = ucnv_getStandardName(internal, "IANA", &err);
    if (U_SUCCESS(err) && iana != nullptr) return iana;
    err = U_ZERO_ERROR;
    const char* mime = ucnv_getStandardName(internal, "MIME", &err);
    if (U_SUCCESS(err) && mime != nullptr) return mime;
  }
  return std::string(label);
}

Status Convert(UConverter* from, std::string_view bytes, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr utf8(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return Status::Internal("ICU has no UTF-8 converter");
  out->clear();
  out->resize(bytes.size() + bytes.size() / 2 + 64);
  char* target = out->data();
  const char* source = bytes.data();
  const char* source_end = source + bytes.size();
  std::array<UChar, 4096> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool reset = true;
  for (;;) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), from, &target, out->data() + out->size(), &source, source_end,
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset,
                   /*flush=*/true, &err);
    reset = false;
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      std::size_t used = static_cast<std::size_t>(target - out->data());
      out->resize(out->size() * 2);
      target = out->data() + used;
      continue;
    }
    break;
  }
  out->resize(static_cast<std::size_t>(target - out->data()));
  if (U_FAILURE(err))
    return Status::Internal(std::string("ICU conversion failed: ") + u_errorName(err));
  return Status::Ok();
}

enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be };

Bom FindBom(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return Bom::kUtf8;
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return Bom::kUtf16Le;
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return Bom::kUtf16Be;
  return Bom::kNone;
}

// Reads doc->content as `label` (already normalized, not UTF-8).
// False when ICU does not know the label.
bool ConvertAs(std::string_view label, RawDocument* doc) {
  std::string out;
  std::string name;
  if (!ConvertToUtf8(doc->content, label, &out, &name).ok()) return false;
  doc->content.swap(out);
  doc->charset = std::move(name);
  return true;
}

void TakeAsUtf8(RawDocument* doc) {
  RepairUtf8(&doc->content);
  doc->charset = "UTF-8";
}

}  // namespace

std::string CharsetParameter(std::string_view content_type) {
  std::size_t at = FindNoCase(content_type, "charset", 0);
  while (at != std::string_view::npos) {
    std::size_t i = at + 7;
    while (i < content_type.size() && IsSpace(content_type[i])) ++i;
    if (i < content_type.size() && content_type[i] == '=') {
      ++i;
      while (i < content_type.size() && IsSpace(content_type[i])) ++i;
      char quote = 0;
      if (i < content_type.size() && (content_type[i] == '"' || content_type[i] == '\'')) {
        quote = content_type[i++];
      }
      std::size_t start = i;
      while (i < content_type.size() && content_type[i] != ';' && content_type[i] != quote &&
             !(quote == 0 &&
               (IsSpace(content_type[i]) || content_type[i] == '"' || content_type[i] == '\''))) {
        ++i;
      }
      return std::string(content_type.substr(start, i - start));
    }
    at = FindNoCase(content_type, "charset", at + 7);
  }
  return "";
}

std::string FindMetaCharset(std::string_view html) {
  std::string_view head = html.substr(0, std::min(html.size(), kMetaScanBytes));
  std::size_t pos = 0;
  while ((pos = FindNoCase(head, "<meta", pos)) != std::string_view::npos) {
    pos += 5;
    if (pos >= head.size() || !(IsSpace(head[pos]) || head[pos] == '/')) continue;
    std::string charset, http_equiv, content;
    std::size_t i = pos;
    while (i < head.size() && head[i] != '>') {
      while (i < head.size() && (IsSpace(head[i]) || head[i] == '/')) ++i;
      std::size_t name_start = i;
      while (i < head.size() && !IsSpace(head[i]) && head[i] != '=' && head[i] != '>' &&
             head[i] != '/') {
        ++i;
      }
      std::string name = ToLower(head.substr(name_start, i - name_start));
      while (i < head.size() && IsSpace(head[i])) ++i;
      std::string_view value;
      if (i < head.size() && head[i] == '=') {
        ++i;
        while (i < head.size() && IsSpace(head[i])) ++i;
        if (i < head.size() && (head[i] == '"' || head[i] == '\'')) {
          char quote = head[i++];
          std::size_t v = i;
          while (i < head.size() && head[i] != quote) ++i;
          value = head.substr(v, i - v);
          if (i < head.size()) ++i;
        } else {
          std::size_t v = i;
          while (i < head.size() && !IsSpace(head[i]) && head[i] != '>') ++i;
          value = head.substr(v, i - v);
        }
      }
      if (name.empty() && i == name_start) {
        ++i;  // a stray character: step over it
        continue;
      }
      if (name == "charset") charset = std::string(Trim(value));
      if (name == "http-equiv") http_equiv = ToLower(Trim(value));
      if (name == "content") content = std::string(value);
    }
    if (!charset.empty()) return charset;
    if (http_equiv == "content-type") {
      std::string from_content = CharsetParameter(content);
      if (!from_content.empty()) return from_content;
    }
    pos = i;
  }
  return "";
}

std::string DetectCharset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return "";
  std::string_view sample = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  std::string result;
  if (uchardet_handle_data(detector, sample.data(), sample.size()) == 0) {
    uchardet_data_end(detector);
    const char* found = uchardet_get_charset(detector);
    if (found != nullptr) result = found;
  }
  uchardet_delete(detector);
  return result;
}

Status ConvertToUtf8(std::string_view bytes, std::string_view charset, std::string* out,
                     std::string* name) {
  ConverterPtr cnv = OpenConverter(charset);
  if (cnv == nullptr)
    return Status::Unsupported("unknown charset \"" + std::string(charset) + "\"");
  if (name != nullptr) *name = DisplayName(cnv.get(), charset);
  return Convert(cnv.get(), bytes, out);
}

bool LooksBinary(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  std::size_t control = 0;
  std::size_t nul = 0;
  for (unsigned char c : sample) {
    if (c >= 0x20) continue;
    if (c == 0) {
      ++nul;
    } else if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1b) {
      continue;
    }
    ++control;
  }
  if (sample.empty()) return false;
  return control * 20 > sample.size() || nul * 1000 > sample.size() || nul >= 64;
}

Status DecodeDocument(std::string_view declared, RawDocument* doc) {
  std::string& bytes = doc->content;
  switch (FindBom(bytes)) {
    case Bom::kUtf8:
      bytes.erase(0, 3);
      TakeAsUtf8(doc);
      return Status::Ok();
    case Bom::kUtf16Le:
    case Bom::kUtf16Be: {
      // ICU's "UTF-16" reads the BOM and drops it.
      if (ConvertAs("UTF-16", doc)) return Status::Ok();
      break;
    }
    case Bom::kNone:
      break;
  }
  if (LooksBinary(bytes)) return Status::InvalidInput(doc->source + ": not text (binary data)");

  std::string label;
  if (doc->format == RawDocument::Format::kHtml) {
    label = NormalizeLabel(declared, /*from_meta=*/false);
    if (label.empty()) label = NormalizeLabel(FindMetaCharset(bytes), /*from_meta=*/true);
  }
  Utf8Check check = CheckUtf8(bytes);
  if (label == "UTF-8" || (label.empty() && check.valid)) {
    TakeAsUtf8(doc);
    return Status::Ok();
  }
  if (!label.empty() && check.valid && !AsciiIncompatible(label)) {
    if (check.ascii) {
      // Pure ASCII reads the same in every ASCII-compatible charset.
      ConverterPtr cnv = OpenConverter(label);
      doc->charset = cnv != nullptr ? DisplayName(cnv.get(), label) : "US-ASCII";
      return Status::Ok();
    }
    if (SingleByteLabel(label)) {
      TakeAsUtf8(doc);  // misdeclared: the bytes are UTF-8
      return Status::Ok();
    }
  }
  if (!label.empty() && ConvertAs(label, doc)) return Status::Ok();
  if (check.valid) {
    TakeAsUtf8(doc);  // an unknown label over valid UTF-8
    return Status::Ok();
  }
  if (label.empty() && MostlyUtf8(CountUtf8(bytes))) {
    TakeAsUtf8(doc);  // UTF-8 with a few damaged bytes
    return Status::Ok();
  }
  std::string detected = NormalizeLabel(DetectCharset(bytes), /*from_meta=*/false);
  if (detected == "UTF-8" || detected.empty() || !ConvertAs(detected, doc)) {
    if (detected == "UTF-8" || !ConvertAs("windows-1252", doc)) TakeAsUtf8(doc);
  }
  return Status::Ok();
}

}  // namespace dateline::ingest
