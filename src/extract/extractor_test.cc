#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/article_id.h"

namespace dateline::extract {
namespace {

RawDocument TextDoc(std::string content) {
  RawDocument doc;
  doc.source = "test.txt";
  doc.format = RawDocument::Format::kText;
  doc.content = std::move(content);
  return doc;
}

// A scrape written for these tests.
const char* const kScrape =
    "Menu\nWorld\n\n"
    "Gunmen kill seven in attack on Oreth market\n\n"
    "Traders gather outside the burned market hall in Oreth, Monday, May 12, 2025. "
    "(Eastern Post photo)\n\n"
    "ORETH, Calvia \xE2\x80\x94 Gunmen on motorcycles killed seven people and wounded 15 at a "
    "crowded market in the northern town of Oreth, police said Tuesday.\n\n"
    "Advertisement\n\n"
    "The attackers set fire to several stalls before fleeing toward the hills, a police "
    "spokesman told reporters, adding that no group had claimed responsibility.\n\n"
    "\xC2\xA9 2025 Eastern Post\n";

TEST(ExtractorTest, AssemblesArticleWithOffsets) {
  Result<Article> r = ExtractArticle(TextDoc(kScrape));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Article& a = *r;
  EXPECT_EQ(a.title, "Gunmen kill seven in attack on Oreth market");
  EXPECT_EQ(a.dateline, "ORETH, Calvia");
  EXPECT_EQ(a.published.date, "2025-05-13");  // Monday's photo, "police said Tuesday"
  EXPECT_EQ(a.published.from, "inferred");
  EXPECT_EQ(a.language, "en");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kCaption);
  EXPECT_EQ(a.paragraphs[1].kind, ParagraphKind::kBody);
  // Offsets: each paragraph is its slice of text, and the slices are joined by "\n\n".
  std::string rebuilt;
  for (const Paragraph& p : a.paragraphs) {
    if (!rebuilt.empty()) rebuilt += "\n\n";
    EXPECT_EQ(a.text.substr(p.start, p.end - p.start), a.ParagraphText(p));
    EXPECT_EQ(p.start, rebuilt.size());
    rebuilt += a.ParagraphText(p);
  }
  EXPECT_EQ(rebuilt, a.text);
  EXPECT_EQ(a.text.find("Advertisement"), std::string::npos);
  EXPECT_EQ(a.text.find("Eastern Post\n"), std::string::npos);
  EXPECT_EQ(a.Body().rfind("ORETH, Calvia", 0), 0u);
}

// A page written for this test: a kicker paragraph above the headline.
TEST(ExtractorTest, KickerAboveTheStoryIsNotItsFirstParagraph) {
  RawDocument doc;
  doc.source = "kicker.html";
  doc.format = RawDocument::Format::kHtml;
  doc.content =
      "<html><head><title>Farmers block ring road</title></head><body><main><article>"
      "<p class=\"kicker\">Agriculture</p><h1>Farmers block ring road</h1>"
      "<p>TORVIK, Calvia \xE2\x80\x94 Several hundred farmers drove tractors onto the ring road on "
      "Tuesday, blocking traffic for six hours, police said.</p>"
      "<p>Police said two farmers were detained after a scuffle with drivers near an exit.</p>"
      "<p>The farmers' union said more blockades would follow next week.</p>"
      "</article></main></body></html>";
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->dateline, "TORVIK, Calvia");
  EXPECT_EQ(r->text.find("Agriculture"), std::string::npos);
  EXPECT_EQ(r->Body().rfind("TORVIK", 0), 0u);
}

struct DateCase {
  const char* name;
  const char* url;
  const char* given;
  const char* option;
  const char* date;
  const char* from;
};

TEST(ExtractorTest, PublishDateOrder) {
  const DateCase kCases[] = {
      {"given beats url", "https://post.example/2025/05/10/oreth", "2025-05-14", "", "2025-05-14",
       "given"},
      {"url beats option", "https://post.example/2025/05/10/oreth", "", "2025-01-01", "2025-05-10",
       "url"},
      {"option beats inference", "", "", "2025-01-01", "2025-01-01", "option"},
      {"inference last", "", "", "", "2025-05-13", "inferred"},
  };
  for (const DateCase& c : kCases) {
    RawDocument doc = TextDoc(kScrape);
    doc.url = c.url;
    doc.date = c.given;
    ExtractOptions options;
    options.fallback_date = c.option;
    Result<Article> r = ExtractArticle(doc, options);
    ASSERT_TRUE(r.ok()) << c.name;
    EXPECT_EQ(r->published.date, c.date) << c.name;
    EXPECT_EQ(r->published.from, c.from) << c.name;
  }
  // A stamp at the top of the text beats the URL but not the reader's date.
  RawDocument doc = TextDoc(std::string("Published 9:00 AM, May 14, 2025\n\n") + kScrape);
  doc.url = "https://post.example/2025/05/10/oreth";
  EXPECT_EQ(ExtractArticle(doc)->published.from, "text");
  EXPECT_EQ(ExtractArticle(doc)->published.date, "2025-05-14");
}

TEST(ExtractorTest, IdIsGivenElseStableHash) {
  RawDocument doc = TextDoc(kScrape);
  std::string from_text = ExtractArticle(doc)->id;
  EXPECT_EQ(from_text.size(), 16u);
  EXPECT_EQ(ExtractArticle(doc)->id, from_text);  // same input, same id
  doc.url = "https://post.example/oreth";
  EXPECT_EQ(ExtractArticle(doc)->id, MakeArticleId("", doc.url, ""));
  EXPECT_NE(ExtractArticle(doc)->id, from_text);
  doc.id = "oreth-0513";
  EXPECT_EQ(ExtractArticle(doc)->id, "oreth-0513");
  EXPECT_EQ(MakeArticleId("", "a", "x"), "af63dc4c8601ec8c");  // FNV-1a 64 of "a"
}

TEST(ExtractorTest, GivenTitleWins) {
  RawDocument doc = TextDoc(kScrape);
  doc.title = "Seven killed in Oreth";
  EXPECT_EQ(ExtractArticle(doc)->title, "Seven killed in Oreth");
}

TEST(ExtractorTest, NoArticleTextIsInvalidInput) {
  for (const char* content : {"", "Home\nWorld\nSport\n", "Loading...\n\xC2\xA9 2025 Post"}) {
    RawDocument doc = TextDoc(content);
    doc.source = "empty.txt";
    Result<Article> r = ExtractArticle(doc);
    ASSERT_FALSE(r.ok()) << content;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(r.status().message(), "empty.txt: no article text found");
  }
}

}  // namespace
}  // namespace dateline::extract
