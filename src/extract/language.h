// The language of an article's text, as an ISO 639-1 code ("en", "fr", "uk").
//
// Plain English prose (at least 40 words, a fifth of them English function
// words such as "the", "of", "said", few words with non-ASCII letters) is
// "en" at once: a test that costs a few per cent of CLD2 and answers as CLD2
// does on such text. Everything else goes to CLD2 on the body text. When
// CLD2 is not sure (short text) and the page declares a language
// (<html lang="fr-FR">), the declared one wins; when neither is known the
// result is "". Codes CLD2 spells the old way are
// modernised ("iw" -> "he", "in" -> "id"); script variants are cut to the
// language ("zh-Hant" -> "zh"). Thread-safe (CLD2 is); never throws.
#ifndef DATELINE_EXTRACT_LANGUAGE_H_
#define DATELINE_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dateline::extract {

std::string DetectLanguage(std::string_view text, std::string_view hint = {});

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_LANGUAGE_H_
