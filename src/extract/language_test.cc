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
      // long plain English prose is English whatever the page declares (the
      // cheap test; CLD2 says the same), curly quotes and accented names included
      {"The governor of the province said on Monday that “the situation is under "
       "control” after a night of clashes in which two people were killed, and that "
       "the curfew imposed by the army would be lifted once the roads to the airport had been "
       "reopened. José Martínez, who leads the traders' union, said the shops "
       "were closed for a third day.",
       "de", "en"},
      // a text half in another language is left to CLD2
      {"The minister said the talks would resume next week. Le ministre a déclaré "
       "que les négociations reprendraient la semaine prochaine, après une pause "
       "de plusieurs jours, et que le gouvernement restait prêt à discuter avec "
       "tous les partis de l'opposition sur la réforme des retraites et des salaires.",
       "", "fr"},
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
