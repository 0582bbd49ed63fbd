// Sentences of news paragraphs: each row is a paragraph (written for this
// test) and the sentences a reader would see in it.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace dateline::text {
namespace {

std::vector<std::string> SentenceTexts(std::string_view text, const TokenizedText& out) {
  std::vector<std::string> result;
  for (const Sentence& s : out.sentences) {
    result.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return result;
}

struct SentenceRow {
  std::string_view what;
  std::string_view paragraph;
  std::vector<std::string> sentences;
};

const std::vector<SentenceRow>& Rows() {
  static const auto* rows = new std::vector<SentenceRow>{
      // Plain full stops.
      {"two sentences",
       "One police officer was found dead. The unrest spread to the capital.",
       {"One police officer was found dead.", "The unrest spread to the capital."}},
      {"name after a stop",
       "Protesters stormed the mayor's office on Wednesday. Tokayev blamed foreign bands.",
       {"Protesters stormed the mayor's office on Wednesday.", "Tokayev blamed foreign bands."}},
      {"number starts the next sentence",
       "The toll rose overnight. 12 officers were among the dead.",
       {"The toll rose overnight.", "12 officers were among the dead."}},
      {"year before the stop",
       "The party has ruled since 1991. It faces its worst crisis.",
       {"The party has ruled since 1991.", "It faces its worst crisis."}},
      {"lower case after a stop does not start a sentence",
       "The bridge is 3 km. long and closed.",
       {"The bridge is 3 km. long and closed."}},
      // Question and exclamation marks.
      {"question",
       "Who ordered the shooting? Nobody has said.",
       {"Who ordered the shooting?", "Nobody has said."}},
      {"exclamation inside a quote stays with its verb",
       "\u201CGo home!\u201D the officers shouted at the crowd.",
       {"\u201CGo home!\u201D the officers shouted at the crowd."}},
      {"?! run", "Really?! The minister resigned.", {"Really?!", "The minister resigned."}},
      // Titles never end a sentence.
      {"Mr.", "Mr. Tokayev spoke on television.", {"Mr. Tokayev spoke on television."}},
      {"Gen. and Lt. Col.",
       "Gen. Marat Ospanov and Lt. Col. Aida Bekova led the operation.",
       {"Gen. Marat Ospanov and Lt. Col. Aida Bekova led the operation."}},
      {"Sen. and Rep.",
       "Sen. Jane Morales and Rep. Tom Reyes visited the border town.",
       {"Sen. Jane Morales and Rep. Tom Reyes visited the border town."}},
      {"Dr. Mrs. Prof.",
       "Dr. Amina Yusuf told Mrs. Okafor and Prof. Lee to wait.",
       {"Dr. Amina Yusuf told Mrs. Okafor and Prof. Lee to wait."}},
      {"Gov. Rev.",
       "Gov. Ruth Alvarez met Rev. Samuel Kato at the church.",
       {"Gov. Ruth Alvarez met Rev. Samuel Kato at the church."}},
      {"Sgt. Capt. Pres.",
       "Sgt. Ivan Petrov and Capt. Olga Sidorova briefed Pres. Duarte.",
       {"Sgt. Ivan Petrov and Capt. Olga Sidorova briefed Pres. Duarte."}},
      // Months.
      {"Jan. 5",
       "Riot police blocked a street in Almaty on Jan. 5, 2022, witnesses said.",
       {"Riot police blocked a street in Almaty on Jan. 5, 2022, witnesses said."}},
      {"Sept. Oct. Nov. Dec. Aug. Feb.",
       "Talks held Sept. 12 and Oct. 3 failed, as did rounds on Nov. 9, Dec. 1, Aug. 30 and Feb. "
       "2.",
       {"Talks held Sept. 12 and Oct. 3 failed, as did rounds on Nov. 9, Dec. 1, Aug. 30 and Feb. "
        "2."}},
      // Company words and No.
      {"Inc. before a name",
       "Shares of Kazmunay Inc. Chief Executive Arman Sadykov fell.",
       {"Shares of Kazmunay Inc. Chief Executive Arman Sadykov fell."}},
      {"Co. before lower case",
       "The Acme Co. plant was set on fire by rioters.",
       {"The Acme Co. plant was set on fire by rioters."}},
      {"Corp. ends before The",
       "The contract went to Steppe Oil Corp. The deal was signed.",
       {"The contract went to Steppe Oil Corp.", "The deal was signed."}},
      {"Ltd. ends before It",
       "Rail traffic was halted by Nomad Rail Ltd. It gave no reason.",
       {"Rail traffic was halted by Nomad Rail Ltd.", "It gave no reason."}},
      {"No. with a number",
       "Route No. 4 was closed by police.",
       {"Route No. 4 was closed by police."}},
      {"vs. and etc.",
       "The final was Almaty vs. Astana. Tickets, scarves etc. were sold out.",
       {"The final was Almaty vs. Astana.", "Tickets, scarves etc. were sold out."}},
      // U.S., U.N., U.K., E.U.
      {"U.S. before a title",
       "U.S. President Joe Biden called for restraint.",
       {"U.S. President Joe Biden called for restraint."}},
      {"U.S. ends before He",
       "The envoy flew back to the U.S. He did not comment.",
       {"The envoy flew back to the U.S.", "He did not comment."}},
      {"U.N. before a name",
       "The statement came from the U.N. Security Council on Friday.",
       {"The statement came from the U.N. Security Council on Friday."}},
      {"U.N. ends before In",
       "The appeal was made at the U.N. In Geneva, diplomats waited.",
       {"The appeal was made at the U.N.", "In Geneva, diplomats waited."}},
      {"U.K. ends before But",
       "Exports fell to the U.K. But sales to China rose.",
       {"Exports fell to the U.K.", "But sales to China rose."}},
      {"E.U. ends before opening quote and They",
       "Sanctions were urged by the E.U. \u201CThey must stop,\u201D a diplomat said.",
       {"Sanctions were urged by the E.U.", "\u201CThey must stop,\u201D a diplomat said."}},
      {"U.S. before lower case",
       "The U.S. has questions about the request.",
       {"The U.S. has questions about the request."}},
      // Initials.
      {"John F. Kennedy",
       "The airport is named after John F. Kennedy, officials said.",
       {"The airport is named after John F. Kennedy, officials said."}},
      {"J.R.R. and George W.",
       "J.R.R. Tolkien and George W. Bush were not there.",
       {"J.R.R. Tolkien and George W. Bush were not there."}},
      {"initial ends before The",
       "The vote went to Plan B. The assembly adjourned.",
       {"The vote went to Plan B.", "The assembly adjourned."}},
      // Decimals, times, streets.
      {"decimals",
       "Prices rose 4.5 percent. Fuel costs 2.30 dollars a litre.",
       {"Prices rose 4.5 percent.", "Fuel costs 2.30 dollars a litre."}},
      {"p.m. before a weekday",
       "The curfew starts at 11 p.m. Thursday and ends at 7 a.m. local time.",
       {"The curfew starts at 11 p.m. Thursday and ends at 7 a.m. local time."}},
      {"a.m. ends before Police",
       "Shots were heard at 4 a.m. Police sealed off the area.",
       {"Shots were heard at 4 a.m.", "Police sealed off the area."}},
      {"St. Petersburg",
       "Crowds gathered in St. Petersburg and Moscow.",
       {"Crowds gathered in St. Petersburg and Moscow."}},
      {"St. as a street, then The",
       "The march began on Abai St. The police followed it.",
       {"The march began on Abai St.", "The police followed it."}},
      {"Calif. in AP style",
       "He lives in Fresno, Calif., and in Reno, Nev. He left in May.",
       {"He lives in Fresno, Calif., and in Reno, Nev.", "He left in May."}},
      // Ellipses.
      {"ellipsis mid-sentence",
       "We waited ... and waited for news.",
       {"We waited ... and waited for news."}},
      {"ellipsis before a new sentence",
       "Then the shooting stopped\u2026 Nobody moved.",
       {"Then the shooting stopped\u2026", "Nobody moved."}},
      // Quotes that close a sentence.
      {"curly quote after the stop",
       "He called it \u201Ccomplete stupidity.\u201D The troops stayed.",
       {"He called it \u201Ccomplete stupidity.\u201D", "The troops stayed."}},
      {"ASCII quote after the stop",
       "\"The sincere wish of our states is real help,\" he said. \"We will stay.\" Then he left.",
       {"\"The sincere wish of our states is real help,\" he said.", "\"We will stay.\"",
        "Then he left."}},
      {"single quote inside double",
       "She said: \u201CThey told us \u2018leave now.\u2019\u201D Many did.",
       {"She said: \u201CThey told us \u2018leave now.\u2019\u201D", "Many did."}},
      {"quote opens the next sentence",
       "The spokesman was brief. \u201CDozens of attackers were liquidated,\u201D she said.",
       {"The spokesman was brief.", "\u201CDozens of attackers were liquidated,\u201D she said."}},
      {"bracket after the stop",
       "The vote was delayed. (The count resumed later.) Results are due.",
       {"The vote was delayed.", "(The count resumed later.)", "Results are due."}},
      // Headlines and datelines.
      {"headline without a stop",
       "Dozens of protesters, 12 police dead in Kazakhstan protests",
       {"Dozens of protesters, 12 police dead in Kazakhstan protests"}},
      {"headline with U.S. inside",
       "U.S. Warns Russia Over Troop Buildup Near Ukraine Border",
       {"U.S. Warns Russia Over Troop Buildup Near Ukraine Border"}},
      {"dateline with an en dash",
       "MOSCOW \u2013 Security forces in Kazakhstan killed dozens of protesters, authorities said "
       "Thursday.",
       {"MOSCOW \u2013 Security forces in Kazakhstan killed dozens of protesters, authorities said "
        "Thursday."}},
      {"dateline with ST. and (AP)",
       "ST. LOUIS (AP) \u2014 Hundreds marched downtown on Sunday. Police made no arrests.",
       {"ST. LOUIS (AP) \u2014 Hundreds marched downtown on Sunday.", "Police made no arrests."}},
      {"dateline with a comma and em dash",
       "KYIV, Ukraine (AP) \u2014 Missiles struck the city overnight, officials said.",
       {"KYIV, Ukraine (AP) \u2014 Missiles struck the city overnight, officials said."}},
      // Things that look like boundaries but are not.
      {"web address",
       "Details were posted on gov.kz. The site crashed.",
       {"Details were posted on gov.kz.", "The site crashed."}},
      {"no space after the stop", "It ended.Then it began.", {"It ended.Then it began."}},
      {"e.g.",
       "Some cities, e.g. Almaty, were hit hardest.",
       {"Some cities, e.g. Almaty, were hit hardest."}},
      {"possessive then stop",
       "The airport was seized by the protesters'. Officials denied it.",
       {"The airport was seized by the protesters'.", "Officials denied it."}},
      {"single quote, stop, double quote, capital",
       "\u201CThey called it \u2018a war\u2019.\u201D Then they left. \u201CWe saw "
       "\u2018tanks\u2019.\u201D Nobody else did.",
       {"\u201CThey called it \u2018a war\u2019.\u201D", "Then they left.",
        "\u201CWe saw \u2018tanks\u2019.\u201D", "Nobody else did."}},
      {"list number opens the paragraph",
       "1. Protests spread to 12 cities.",
       {"1. Protests spread to 12 cities."}},
      {"all capitals",
       "POLICE FIRED ON THE CROWD. THE CROWD FLED.",
       {"POLICE FIRED ON THE CROWD.", "THE CROWD FLED."}},
      {"Jr. before a name and before She",
       "Martin Luther King Jr. Day passed quietly for Tom Bell Jr. She said so.",
       {"Martin Luther King Jr. Day passed quietly for Tom Bell Jr.", "She said so."}},
      {"Mt. and Ft.",
       "Troops left Ft. Bragg for Mt. Kenya on Monday.",
       {"Troops left Ft. Bragg for Mt. Kenya on Monday."}},
      {"lower-case abbreviation is an ordinary word",
       "He felt ill. Doctors were called.",
       {"He felt ill.", "Doctors were called."}},
      {"question inside a sentence with lower case after",
       "Who fired first? the commission asked in its report.",
       {"Who fired first? the commission asked in its report."}},
      {"accented capital starts a sentence",
       "The vote was annulled. \u00C9lys\u00E9e officials declined to comment.",
       {"The vote was annulled.", "\u00C9lys\u00E9e officials declined to comment."}},
      {"currency symbol starts a sentence",
       "Aid was pledged. $5 million arrived on Friday.",
       {"Aid was pledged.", "$5 million arrived on Friday."}},
      // Around the world.
      {"Nairobi: shillings and a title",
       "NAIROBI, Kenya (AP) \u2014 Police fired tear gas at traders who demanded Sh. 500 refunds. "
       "Insp. Gen. Japhet Koome said 40 were held.",
       {"NAIROBI, Kenya (AP) \u2014 Police fired tear gas at traders who demanded Sh. 500 refunds.",
        "Insp. Gen. Japhet Koome said 40 were held."}},
      {"Lahore: rupees",
       "Fuel rose to Rs. 272 a litre in Lahore. Traders shut their shops in protest.",
       {"Fuel rose to Rs. 272 a litre in Lahore.", "Traders shut their shops in protest."}},
      {"Sanaa: curly apostrophe inside a name",
       "Airstrikes hit Sana\u2019a overnight. The Houthis\u2019 television said 14 people died.",
       {"Airstrikes hit Sana\u2019a overnight.",
        "The Houthis\u2019 television said 14 people died."}},
      {"Mexico: accents and a decimal",
       "In Culiac\u00E1n, gunmen set 12 vehicles on fire. The army deployed 3.5 thousand troops.",
       {"In Culiac\u00E1n, gunmen set 12 vehicles on fire.",
        "The army deployed 3.5 thousand troops."}},
      {"Kyiv: Washington D.C. before a title",
       "The package was approved in Washington, D.C. Defense Secretary Lloyd Austin flew to Kyiv.",
       {"The package was approved in Washington, D.C. Defense Secretary Lloyd Austin flew to "
        "Kyiv."}},
      {"Kyiv: D.C. before They",
       "Ukrainian envoys met officials in Washington, D.C. They asked for air defenses.",
       {"Ukrainian envoys met officials in Washington, D.C.", "They asked for air defenses."}},
      {"Lagos: Esq. before However",
       "The suit was filed by Adewale Okoye, Esq. However, the court adjourned until Tues. Dec. 4.",
       {"The suit was filed by Adewale Okoye, Esq.",
        "However, the court adjourned until Tues. Dec. 4."}},
      {"Bogota: spaced ellipsis",
       "The talks stalled . . . Then the guerrillas walked out.",
       {"The talks stalled . . .", "Then the guerrillas walked out."}},
      {"Caracas: quotes in guillemets",
       "Protesters chanted \u00ABLibertad.\u00BB Troops dispersed them at dawn.",
       {"Protesters chanted \u00ABLibertad.\u00BB", "Troops dispersed them at dawn."}},
      {"Manila: a .45-caliber pistol",
       "Police said the suspect carried a .45-caliber pistol when he was detained.",
       {"Police said the suspect carried a .45-caliber pistol when he was detained."}},
      {"a script without case starts a sentence",
       "The crowd chanted for hours. \u0627\u0644\u0634\u0639\u0628 \u064A\u0631\u064A\u062F was "
       "written on the walls.",
       {"The crowd chanted for hours.",
        "\u0627\u0644\u0634\u0639\u0628 \u064A\u0631\u064A\u062F was written on the walls."}},
      {"caption credit",
       "Police block a street in Almaty. (AP Photo/Vladimir Tretyakov)",
       {"Police block a street in Almaty.", "(AP Photo/Vladimir Tretyakov)"}},
  };
  return *rows;
}

TEST(SentenceTest, Table) {
  for (const SentenceRow& row : Rows()) {
    SCOPED_TRACE(std::string(row.what) + ": " + std::string(row.paragraph));
    const TokenizedText out = TokenizeText(row.paragraph);
    EXPECT_EQ(SentenceTexts(row.paragraph, out), row.sentences);
    // Sentences tile the tokens in order.
    std::uint32_t next = 0;
    for (const Sentence& s : out.sentences) {
      EXPECT_EQ(s.first_token, next);
      EXPECT_LT(s.first_token, s.end_token);
      EXPECT_EQ(s.start, out.tokens[s.first_token].start);
      EXPECT_EQ(s.end, out.tokens[s.end_token - 1].end);
      next = s.end_token;
    }
    EXPECT_EQ(next, out.tokens.size());
  }
}

TEST(SentenceTest, TableHasEnoughRows) { EXPECT_GE(Rows().size(), 40u); }

TEST(SentenceTest, NeverAcrossParagraphs) {
  Article article;
  article.text =
      "Kazakhstan imposes curfew\n\n"
      "Police fired on crowds in Almaty. Dozens died\n\n"
      "He said the U.S.\n\n"
      "Photo: a burned car.";
  const auto add = [&](ParagraphKind kind, std::string_view piece) {
    const std::size_t at = article.text.find(piece);
    article.paragraphs.push_back({kind, at, at + piece.size()});
  };
  add(ParagraphKind::kBody, "Kazakhstan imposes curfew");
  add(ParagraphKind::kBody, "Police fired on crowds in Almaty. Dozens died");
  add(ParagraphKind::kQuote, "He said the U.S.");
  add(ParagraphKind::kCaption, "Photo: a burned car.");
  const TokenizedText out = Tokenize(article);
  EXPECT_EQ(
      SentenceTexts(article.text, out),
      (std::vector<std::string>{"Kazakhstan imposes curfew", "Police fired on crowds in Almaty.",
                                "Dozens died", "He said the U.S.", "Photo: a burned car."}));
  std::vector<std::uint32_t> paragraphs;
  for (const Sentence& s : out.sentences) paragraphs.push_back(s.paragraph);
  EXPECT_EQ(paragraphs, (std::vector<std::uint32_t>{0, 1, 1, 2, 3}));
}

TEST(SentenceTest, EmptyInputs) {
  EXPECT_TRUE(TokenizeText("").sentences.empty());
  EXPECT_TRUE(TokenizeText(" \n ").sentences.empty());
  Article article;
  EXPECT_TRUE(Tokenize(article).tokens.empty());
  article.text = "\n\n";
  article.paragraphs = {{ParagraphKind::kBody, 0, 0}, {ParagraphKind::kBody, 1, 2}};
  EXPECT_TRUE(Tokenize(article).sentences.empty());
}

TEST(SentenceTest, MegabyteParagraphWithoutStopIsCutIntoBoundedSentences) {
  std::string text;
  const std::string_view clause = "protesters and police clashed again near the square, ";
  while (text.size() < (1u << 20)) text += clause;
  TextOptions options;  // default max_sentence_bytes
  const TokenizedText out = TokenizeText(text, options);
  ASSERT_GT(out.sentences.size(), 200u);
  std::uint32_t next = 0;
  for (const Sentence& s : out.sentences) {
    EXPECT_LE(s.end - s.start, options.max_sentence_bytes);
    EXPECT_EQ(s.first_token, next);
    next = s.end_token;
  }
  EXPECT_EQ(next, out.tokens.size());
  // Cut on a token boundary close to the limit, not far before it.
  EXPECT_GT(out.sentences[0].end - out.sentences[0].start, options.max_sentence_bytes - 20);
}

TEST(SentenceTest, SmallLimitCutsEverySentence) {
  const std::string_view text =
      "Security forces in Kazakhstan killed dozens of protesters and 12 police officers died.";
  TextOptions options;
  options.max_sentence_bytes = 30;
  const TokenizedText out = TokenizeText(text, options);
  ASSERT_GE(out.sentences.size(), 3u);
  for (const Sentence& s : out.sentences) EXPECT_LE(s.end - s.start, 30u);
  EXPECT_EQ(out.sentences.back().end, text.size());
}

TEST(SentenceTest, MegabyteOfGarbageStaysBounded) {
  std::string text;
  unsigned x = 12345;
  while (text.size() < (1u << 20)) {
    x = x * 1103515245u + 12345u;
    text.push_back(static_cast<char>(x >> 16));
  }
  const TokenizedText out = TokenizeText(text);
  for (const Sentence& s : out.sentences) EXPECT_LE(s.end - s.start, 4096u);
  for (const Token& t : out.tokens) ASSERT_LE(t.end, text.size());
}

}  // namespace
}  // namespace dateline::text
