#include "extract/language.h"

#include <gtest/gtest.h>

namespace dateline::extract {
namespace {

struct Case {
  const char* text;
  const char* hint;
  const char* language;
};

TEST(LanguageTest, Table) {
  const Case kCases[] = {
      {"Police fired tear gas at thousands of protesters who marched on the parliament building "
       "on Tuesday, and the interior ministry said dozens of people had been arrested.",
       "", "en"},
      {"La police a dispersé mardi des milliers de manifestants qui marchaient vers le parlement, "
       "et le ministère de l'Intérieur a annoncé des dizaines d'arrestations.",
       "", "fr"},
      {"Полиция во вторник разогнала тысячи демонстрантов, которые шли к зданию парламента, "
       "а министерство внутренних дел сообщило о десятках задержанных.",
       "", "ru"},
      {"La policía dispersó el martes a miles de manifestantes que marchaban hacia el parlamento, "
       "y el ministerio del Interior informó de decenas de detenidos.",
       "en", "es"},  // a wrong page hint does not beat clear text
      {"Ok.", "de-DE", "de"},  // too short to tell: the page's declared language
      {"", "pt-BR", "pt"},
      {"", "", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(DetectLanguage(c.text, c.hint), c.language) << c.text;
  }
}

}  // namespace
}  // namespace dateline::extract
