#include "dateline/article_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dateline {
namespace {

Article TwoParagraphArticle() {
  Article a;
  a.id = "a1";
  a.title = "Title";
  a.published = {"2022-01-06", DatePrecision::kDay, "inferred"};
  a.text = "Caption here.\n\nMOSCOW - Body one.";
  a.paragraphs = {{ParagraphKind::kCaption, 0, 13}, {ParagraphKind::kBody, 15, 33}};
  return a;
}

TEST(ArticleJson, BodyLeavesCaptionsOut) {
  nlohmann::json j = nlohmann::json::parse(ArticleToJson(TwoParagraphArticle()));
  EXPECT_EQ(j["body"], "MOSCOW - Body one.");
  EXPECT_EQ(j["paragraphs"][0]["kind"], "caption");
  EXPECT_EQ(j["paragraphs"][1]["text"], "MOSCOW - Body one.");
  EXPECT_EQ(j["published"]["date"], "2022-01-06");
  EXPECT_EQ(j["published"]["precision"], "day");
}

TEST(ArticleJson, InvalidUtf8IsReplacedNotThrown) {
  Article a = TwoParagraphArticle();
  a.title = "bad \xff byte";
  std::string out;
  ASSERT_NO_THROW(out = ArticleToJson(a));
  EXPECT_TRUE(nlohmann::json::accept(out));
}

}  // namespace
}  // namespace dateline
