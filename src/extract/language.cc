#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>

namespace dateline::extract {
namespace {

// CLD2 looks at this many bytes at most; more adds time, not accuracy.
constexpr std::size_t kMaxDetectBytes = 64 * 1024;

// "fr-FR" -> "fr", "zh-Hant" -> "zh", "iw" -> "he".
std::string NormalizeCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (out == "iw") return "he";
  if (out == "in") return "id";
  if (out == "ji") return "yi";
  if (out.size() != 2 && out.size() != 3) return "";
  if (!std::all_of(out.begin(), out.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return "";
  return out;
}

}  // namespace

std::string DetectLanguage(std::string_view text, std::string_view hint) {
  std::string declared = NormalizeCode(hint);
  std::size_t n = std::min(text.size(), kMaxDetectBytes);
  // Do not cut inside a UTF-8 sequence.
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  if (n == 0) return declared;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(n),
                                                      /*is_plain_text=*/true, &reliable,
                                                      &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || (!reliable && !declared.empty())) return declared;
  std::string code = NormalizeCode(CLD2::LanguageCode(lang));
  return code.empty() ? declared : code;
}

}  // namespace dateline::extract
