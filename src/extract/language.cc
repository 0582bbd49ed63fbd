#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>
#include <cstdint>

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

// Up to 8 lower-case letters as one number, for comparing words at once.
constexpr std::uint64_t Pack(std::string_view w) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < w.size() && i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  return v;
}

// One of the commonest English words (the, of, and, said, ...), packed.
bool IsEnglishFunctionWord(std::uint64_t packed) {
  static constexpr std::uint64_t kWords[] = {
      Pack("a"),    Pack("an"),    Pack("as"),   Pack("at"),    Pack("be"),    Pack("by"),
      Pack("he"),   Pack("in"),    Pack("is"),   Pack("it"),    Pack("of"),    Pack("on"),
      Pack("to"),   Pack("and"),   Pack("are"),  Pack("but"),   Pack("for"),   Pack("had"),
      Pack("has"),  Pack("his"),   Pack("not"),  Pack("the"),   Pack("was"),   Pack("who"),
      Pack("been"), Pack("from"),  Pack("have"), Pack("said"),  Pack("that"),  Pack("they"),
      Pack("this"), Pack("were"),  Pack("with"), Pack("after"), Pack("their"), Pack("which")};
  bool found = false;
  for (std::uint64_t k : kWords) found |= k == packed;
  return found;
}

// Whether `text` is plainly English prose, by a test much cheaper than CLD2
// and stricter: at least kMinWords words, a fifth of them English function
// words, "the" at least one in fifty, and at most one word in twenty with
// non-ASCII letters (general punctuation such as curly quotes separates
// words). On such text CLD2 answers "en", reliably; every text that fails
// goes to CLD2.
constexpr std::size_t kMinWords = 40;
bool PlainlyEnglish(std::string_view text) {
  std::size_t words = 0, function_words = 0, the = 0, foreign = 0;
  char word[8];
  std::size_t len = 0;
  bool non_ascii = false;
  auto end_word = [&] {
    if (len == 0) return;
    ++words;
    if (non_ascii) {
      ++foreign;
    } else if (len <= 5) {
      const std::uint64_t packed = Pack(std::string_view(word, len));
      if (IsEnglishFunctionWord(packed)) {
        ++function_words;
        the += packed == Pack("the");
      }
    }
    len = 0;
    non_ascii = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      if (len < sizeof word) word[len] = static_cast<char>(c | 0x20);
      ++len;
    } else if (c >= 0x80) {
      // U+2000..U+206F (dashes, curly quotes, ellipsis) separates words
      if (c == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
          static_cast<unsigned char>(text[i + 1]) <= 0x81) {
        end_word();
        i += 2;
        continue;
      }
      non_ascii = true;
      ++len;
    } else {
      end_word();
    }
  }
  end_word();
  return words >= kMinWords && function_words * 5 >= words && the * 50 >= words &&
         foreign * 20 <= words;
}

}  // namespace

std::string DetectLanguage(std::string_view text, std::string_view hint) {
  std::string declared = NormalizeCode(hint);
  std::size_t n = std::min(text.size(), kMaxDetectBytes);
  // Do not cut inside a UTF-8 sequence.
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  if (n == 0) return declared;
  if (PlainlyEnglish(text.substr(0, n))) return "en";
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
