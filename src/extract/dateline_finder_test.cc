#include "extract/dateline_finder.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline::extract {
namespace {

struct Case {
  const char* paragraph;
  const char* dateline;  // "" when the paragraph has none
};

constexpr Case kCases[] = {
    // Wire forms.
    {"MOSCOW \xE2\x80\x93 Security forces fired on the crowd.", "MOSCOW"},
    {"WASHINGTON (AP) \xE2\x80\x94 The Senate voted late Tuesday.", "WASHINGTON"},
    {"KYIV, Ukraine \xE2\x80\x94 Air raid sirens sounded across the city.", "KYIV, Ukraine"},
    {"BEIRUT (Reuters) - Lebanon's cabinet met on Wednesday.", "BEIRUT"},
    {"NAIROBI, Kenya, June 25 (Reuters) - Police fired tear gas.", "NAIROBI, Kenya"},
    {"DUBAI, Sept 25 (Reuters) - Iran summoned an envoy.", "DUBAI"},
    {"CAIRO (AP) \xE2\x80\x94 Sudan's generals spoke early Tuesday.", "CAIRO"},
    {"RIO DE JANEIRO (AP) \xE2\x80\x94 Police raided a favela.", "RIO DE JANEIRO"},
    {"ST. PETERSBURG, Russia \xE2\x80\x94 Hundreds gathered.", "ST. PETERSBURG, Russia"},
    {"PORT-AU-PRINCE, Haiti (AP) \xE2\x80\x94 Gangs blocked the road.", "PORT-AU-PRINCE, Haiti"},
    {"N'DJAMENA, Chad \xE2\x80\x94 The army took control.", "N'DJAMENA, Chad"},
    {"UNITED NATIONS (AP) \xE2\x80\x94 The council met.", "UNITED NATIONS"},
    {"S\xC3\x83O PAULO \xE2\x80\x94 Truckers blocked highways.", "S\xC3\x83O PAULO"},
    {"BOGOT\xC3\x81, Colombia \xE2\x80\x94 Troops deployed.", "BOGOT\xC3\x81, Colombia"},
    {"WASHINGTON, D.C. -- Lawmakers returned.", "WASHINGTON, D.C."},
    {"BANGKOK\xE2\x80\x94Security forces killed dozens.", "BANGKOK"},
    {"Kyiv, Ukraine \xE2\x80\x94 Russia launched drones overnight.", "Kyiv, Ukraine"},
    {"Geneva (AFP) - Talks resumed on Monday.", "Geneva"},
    {"NEW DELHI: Police detained farmers' leaders.", "NEW DELHI"},
    {"MOSCOW, Jan. 6 (Reuters) - Troops arrived.", "MOSCOW"},
    // Not datelines.
    {"Tens of thousands of people \xE2\x80\x94 students, workers, retirees \xE2\x80\x94 marched.", ""},
    {"Protesters \xE2\x80\x94 many of them students \xE2\x80\x94 blocked the road.", ""},
    {"Security forces in Kazakhstan killed dozens of protesters on Thursday.", ""},
    {"BREAKING: Parliament dissolved.", ""},
    {"UPDATE \xE2\x80\x94 The toll has risen to 12.", ""},
    {"The president said: \"We will not yield.\"", ""},
    {"Nigerian soldiers opened fire on protesters at the Lekki toll gate - witnesses said.", ""},
    {"", ""},
    {"In a statement on Monday \xE2\x80\x94 the second in a week \xE2\x80\x94 the ministry spoke.", ""},
};

TEST(DatelineFinderTest, Table) {
  for (const Case& c : kCases) {
    EXPECT_EQ(FindDateline(c.paragraph), c.dateline) << "paragraph: " << c.paragraph;
  }
}

}  // namespace
}  // namespace dateline::extract
