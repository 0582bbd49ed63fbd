#include "extract/html_extractor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"

namespace dateline::extract {
namespace {

// Three paragraphs long enough to count as article text.
const char kPara1[] =
    "The city council voted on Tuesday to approve a new budget for the coming year, "
    "raising spending on schools and road repairs after months of debate.";
const char kPara2[] =
    "Council members said the plan would add forty new teachers and repave more than "
    "sixty miles of streets, while keeping property taxes at their current level.";
const char kPara3[] =
    "Critics argued that the budget relies on optimistic revenue forecasts and warned "
    "that a downturn could force cuts to services later in the year.";

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
         "</head><body>" + body + "</body></html>";
}

std::vector<std::string> BodyTexts(const ParsedPage& p) {
  std::vector<std::string> out;
  for (const Block& b : p.blocks) {
    if (b.kind == ParagraphKind::kBody) out.push_back(b.text);
  }
  return out;
}

std::vector<std::string> CaptionTexts(const ParsedPage& p) {
  std::vector<std::string> out;
  for (const Block& b : p.blocks) {
    if (b.kind == ParagraphKind::kCaption) out.push_back(b.text);
  }
  return out;
}

std::string Article3() {
  return std::string("<p>") + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
}

std::string Nav() {
  return "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
         "<li><a href=\"/politics\">Politics</a></li><li><a "
         "href=\"/sport\">Sport</a></li></ul></nav>";
}

std::string RelatedLinks() {
  return "<div class=\"related-stories\"><h3>Related</h3><ul>"
         "<li><a href=\"/a\">Mayor announces plan to expand bus service across the region next "
         "spring</a></li>"
         "<li><a href=\"/b\">School board weighs new start times for high schools in the "
         "district</a></li>"
         "<li><a href=\"/c\">State lawmakers return to the capitol for a special session on "
         "taxes</a></li>"
         "</ul></div>";
}

// ---------------------------------------------------------------- body choice

struct BodyCase {
  const char* name;
  std::string html;
  std::vector<std::string> body;  // exact expected body blocks
};

TEST(ParseHtmlPageTest, ChoosesArticleBody) {
  const std::vector<BodyCase> cases = {
      {"article between nav, sidebar and footer",
       Page("<title>Budget passes | City Times</title>",
            "<header><div class=\"logo\">City Times</div></header>" + Nav() +
                "<main><article><h1>Budget passes</h1><div class=\"byline\">By Jane Doe</div>"
                "<div class=\"article-body\">" +
                Article3() +
                "</div></article>"
                "<aside class=\"sidebar\"><p>Most read: A very long teaser paragraph that talks "
                "about "
                "something else entirely and should never be part of this article text at "
                "all.</p></aside>"
                "</main>" +
                RelatedLinks() +
                "<footer><p>Copyright 2019 City Times. All rights reserved.</p></footer>"),
       {kPara1, kPara2, kPara3}},
      {"boilerplate lines inside the body are dropped",
       Page("", std::string("<div id=\"content\"><p>") + kPara1 + "</p><p>Advertisement</p><p>" +
                    kPara2 +
                    "</p><div class=\"share-tools\"><a href=\"#\">Facebook</a> <a "
                    "href=\"#\">Twitter</a></div>"
                    "<p>Read more</p><p>" +
                    kPara3 +
                    "</p><div class=\"newsletter\"><p>Sign up for our daily "
                    "newsletter to get the news in your inbox every morning.</p></div></div>"),
       {kPara1, kPara2, kPara3}},
      {"subheadings and list items inside the article are kept",
       Page("", std::string("<article><p>") + kPara1 + "</p><h2>What comes next</h2><p>" + kPara2 +
                    "</p><ul><li>Forty new teachers</li><li>Sixty miles of roads</li></ul><p>" +
                    kPara3 + "</p></article>"),
       {kPara1, "What comes next", kPara2, "Forty new teachers", "Sixty miles of roads", kPara3}},
      {"div text runs split by double br",
       Page("", std::string("<div class=\"story\">") + kPara1 + "<br><br>" + kPara2 + "<br/><br/>" +
                    kPara3 + "</div>"),
       {kPara1, kPara2, kPara3}},
      {"comments section is not body",
       Page("",
            "<article class=\"post\">" + Article3() +
                "</article><section id=\"comments\"><div class=\"comment\"><p>I have lived in this "
                "city for thirty years and I have never seen a budget this careless with money.</p>"
                "</div></section>"),
       {kPara1, kPara2, kPara3}},
      {"the rest of the article behind a 'show more' wrapper",
       Page("", std::string("<article><p>") + kPara1 + "</p><div class=\"show-more-content\"><p>" +
                    kPara2 + "</p><p>" + kPara3 +
                    "</p></div><div class=\"more\"><a href=\"/m\">More "
                    "from the city desk</a></div></article>"),
       {kPara1, kPara2, kPara3}},
      {"date and category lines are not body",
       Page("",
            std::string("<article><p>05/10/2018 - Posted by: Jane Doe - Category: City</p><p>") +
                kPara1 + "</p><p>Nov. 19, 2019, 8:41 AM UTC</p><p>" + kPara2 + "</p><p>" + kPara3 +
                "</p></article>"),
       {kPara1, kPara2, kPara3}},
      {"a short item of two brief paragraphs",
       Page("", Nav() +
                    "<article><p>The bridge on Main Street reopened today.</p>"
                    "<p>Repairs took three weeks.</p></article>" +
                    RelatedLinks()),
       {"The bridge on Main Street reopened today.", "Repairs took three weeks."}},
      {"a dateline set apart goes in front of the first paragraph",
       Page("", std::string("<article><div class=\"dateline\">BOSTON \xe2\x80\x94</div><p>") +
                    kPara1 + "</p><p>" + kPara2 + "</p></article>"),
       {std::string("BOSTON \xe2\x80\x94 ") + kPara1, kPara2}},
      {"inline markup keeps words apart only where the page does",
       Page("", std::string("<article><p>The <b>council</b> voted <a href=\"/x\">on Tuesday</a> to "
                            "approve a new budget, raising spending on schools and roads.</p><p>") +
                    kPara2 + "</p><p>" + kPara3 + "</p></article>"),
       {"The council voted on Tuesday to approve a new budget, raising spending on schools and "
        "roads.",
        kPara2, kPara3}},
  };
  for (const BodyCase& c : cases) {
    ParsedPage p = ParseHtmlPage(c.html, ExtractOptions());
    EXPECT_EQ(BodyTexts(p), c.body) << c.name;
  }
}

TEST(ParseHtmlPageTest, KeepsDatelineAndDropsHeadlineAndByline) {
  std::string html = Page(
      "<meta property=\"og:title\" content=\"Senate passes spending bill\">",
      "<article><h1>Senate passes spending bill</h1><p class=\"byline\">By Jane Doe and John "
      "Roe</p>"
      "<p><span class=\"dateline\">WASHINGTON (AP) \xe2\x80\x94</span> The Senate on Friday passed "
      "a "
      "spending bill that keeps the government open through February, ending a week of talks.</p>"
      "<p>" +
          std::string(kPara2) + "</p></article>");
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  ASSERT_EQ(BodyTexts(p).size(), 2u);
  EXPECT_EQ(
      BodyTexts(p)[0],
      "WASHINGTON (AP) \xe2\x80\x94 The Senate on Friday passed a spending bill that keeps the "
      "government open through February, ending a week of talks.");
  EXPECT_EQ(p.title, "Senate passes spending bill");
}

TEST(ParseHtmlPageTest, CaptionsKeptApart) {
  struct Case {
    const char* name;
    std::string figure;
    std::string caption;
  };
  const std::vector<Case> cases = {
      {"figcaption",
       "<figure><img src=\"a.jpg\"><figcaption>Council members vote on the budget on "
       "Tuesday.</figcaption></figure>",
       "Council members vote on the budget on Tuesday."},
      {"caption class", "<div class=\"image-caption\">The council chamber before the vote.</div>",
       "The council chamber before the vote."},
      {"credit line", "<p>(AP Photo/Jane Doe)</p>", "(AP Photo/Jane Doe)"},
  };
  for (const Case& c : cases) {
    std::string html = Page("", std::string("<article><p>") + kPara1 + "</p>" + c.figure + "<p>" +
                                    kPara2 + "</p><p>" + kPara3 + "</p></article>");
    ParsedPage p = ParseHtmlPage(html, ExtractOptions());
    EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3})) << c.name;
    EXPECT_EQ(CaptionTexts(p), (std::vector<std::string>{c.caption})) << c.name;
  }
}

// ---------------------------------------------------------------- metadata

struct MetaCase {
  const char* name;
  std::string head;
  std::string body_prefix;  // inside <body>, before the article
  std::string title, byline, url, date;
  DatePrecision precision;
  std::string from;
};

TEST(ParseHtmlPageTest, MetadataFromEachSource) {
  const std::vector<MetaCase> cases = {
      {"json-ld",
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
       "\"NewsArticle\",\"headline\":\"Budget "
       "passes\",\"datePublished\":\"2019-11-25T10:00:00-05:00\","
       "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script>"
       "<link rel=\"canonical\" href=\"https://example.org/budget\">",
       "", "Budget passes", "Jane Doe", "https://example.org/budget", "2019-11-25",
       DatePrecision::kDay, "jsonld"},
      {"json-ld graph with author list",
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"X\"},"
       "{\"@type\":[\"NewsArticle\"],\"headline\":\"Budget "
       "passes\",\"datePublished\":\"2019-11-24\","
       "\"author\":[{\"name\":\"Jane Doe\"},{\"name\":\"John Roe\"}]}]}</script>",
       "", "Budget passes", "Jane Doe, John Roe", "", "2019-11-24", DatePrecision::kDay, "jsonld"},
      {"meta tags",
       "<title>Budget passes | City Times</title><meta name=\"author\" content=\"By Jane Doe\">"
       "<meta property=\"article:published_time\" content=\"2019-11-23T08:00:00Z\">"
       "<meta property=\"og:url\" content=\"https://example.org/b\">",
       "", "Budget passes", "Jane Doe", "https://example.org/b", "2019-11-23", DatePrecision::kDay,
       "meta"},
      {"og:title minus the site it names",
       "<meta property=\"og:title\" content=\"Budget passes after long debate \xe2\x80\x94 City "
       "Times\">"
       "<meta property=\"og:site_name\" content=\"City Times\">",
       "", "Budget passes after long debate", "", "", "", DatePrecision::kNone, ""},
      {"a dash inside the title stays",
       "<meta property=\"og:title\" content=\"Council votes - and the budget passes at last\">"
       "<meta property=\"og:site_name\" content=\"City Times\">",
       "", "Council votes - and the budget passes at last", "", "", "", DatePrecision::kNone, ""},
      {"sailthru date, h1 title, byline class",
       "<meta name=\"sailthru.date\" content=\"2019-11-22 14:00:00\">",
       "<h1>Budget passes</h1><div class=\"byline\">By Jane Doe</div>", "Budget passes", "Jane Doe",
       "", "2019-11-22", DatePrecision::kDay, "meta"},
      {"byline element running on into the date", "<title>Budget passes</title>",
       "<p class=\"byline\">By Jane Doe | November 18, 2019 12:01 PM Print this article</p>",
       "Budget passes", "Jane Doe", "", "", DatePrecision::kNone, ""},
      {"byline with a handle and a weekday", "<title>Budget passes</title>",
       "<div class=\"author\">Jane Doe @janedoe Monday, Nov. 18, 2019</div>", "Budget passes",
       "Jane Doe", "", "", DatePrecision::kNone, ""},
      {"time element in the article, rel=author", "<title>Budget passes - City Times</title>",
       "<article><a rel=\"author\" href=\"/jd\">Jane Doe</a><time datetime=\"2019-11-21T09:00\">"
       "Nov. 21</time></article>",
       "Budget passes", "Jane Doe", "", "2019-11-21", DatePrecision::kDay, "time"},
      {"url day", "<link rel=\"canonical\" href=\"https://example.org/2019/11/20/budget-passes/\">",
       "", "", "", "https://example.org/2019/11/20/budget-passes/", "2019-11-20",
       DatePrecision::kDay, "url"},
      {"url month",
       "<meta property=\"og:url\" content=\"https://example.org/2019/11/budget.html\">", "", "", "",
       "https://example.org/2019/11/budget.html", "2019-11", DatePrecision::kMonth, "url"},
      {"nothing", "", "", "", "", "", "", DatePrecision::kNone, ""},
  };
  for (const MetaCase& c : cases) {
    std::string html =
        Page(c.head, c.body_prefix + "<div class=\"content\">" + Article3() + "</div>");
    ParsedPage p = ParseHtmlPage(html, ExtractOptions());
    EXPECT_EQ(p.title, c.title) << c.name;
    EXPECT_EQ(p.byline, c.byline) << c.name;
    EXPECT_EQ(p.url, c.url) << c.name;
    EXPECT_EQ(p.published.date, c.date) << c.name;
    EXPECT_EQ(p.published.precision, c.precision) << c.name;
    EXPECT_EQ(p.published.from, c.from) << c.name;
    EXPECT_EQ(p.language_hint, "en") << c.name;
    EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3})) << c.name;
  }
}

TEST(ParseDateTextTest, Formats) {
  struct Case {
    const char* text;
    const char* date;
  };
  const Case cases[] = {
      {"2019-11-25T10:00:00Z", "2019-11-25"},
      {"2019/11/25", "2019-11-25"},
      {"20191125", "2019-11-25"},
      {"Nov. 25, 2019", "2019-11-25"},
      {"Monday, November 25, 2019 3:00 PM", "2019-11-25"},
      {"Mon, 25 Nov 2019 10:00:00 GMT", "2019-11-25"},
      {"11/25/2019", "2019-11-25"},
      {"yesterday", ""},
      {"2019-13-45", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseDateText(c.text).date, c.date) << c.text;
}

// ---------------------------------------------------------------- JSON-LD body

TEST(ParseHtmlPageTest, JsonLdArticleBodyFallback) {
  // The DOM has no article text (a script-rendered page); the JSON-LD has it.
  std::string body = std::string(kPara1) + "\n" + kPara2 + "\n" + kPara3;
  std::string html = Page(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Budget\","
      "\"articleBody\":\"" +
          std::string(kPara1) + "\\n" + kPara2 + "\\n" + kPara3 + "\"}</script>",
      "<div id=\"app\"></div>" + Nav());
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3}));
}

TEST(ParseHtmlPageTest, TruncatedJsonLdArticleBodyIsNotTrusted) {
  // A teaser-length articleBody ("...") must not cut the article to its lead.
  std::string html =
      Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
               std::string(kPara1) + " " + std::string(kPara2).substr(0, 80) + "...\"}</script>",
           "<div class=\"story\">" + Article3() + "</div>");
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3}));
}

TEST(ParseHtmlPageTest, JsonLdArticleBodyPicksMatchingContainer) {
  // Two text-rich containers; the one matching articleBody wins.
  std::string teaser =
      "<div class=\"content\"><p>An unrelated feature about a local bakery that has served the "
      "neighbourhood for fifty years, with long paragraphs of its own history and recipes.</p>"
      "<p>The bakery owners say the secret is patience, good flour, and an oven older than the "
      "building itself, which they refuse to replace.</p><p>Customers line up before dawn on "
      "weekends for the rye bread, which sells out within the first hour of opening.</p>"
      "<p>Another long paragraph about the bakery to make this block heavier than the article "
      "next to it, so that text mass alone would choose it.</p></div>";
  std::string html =
      Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
               std::string(kPara1) + " " + kPara2 + " " + kPara3 + "\"}</script>",
           "<div class=\"story\">" + Article3() + "</div>" + teaser);
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3}));
}

TEST(ParseHtmlPageTest, TextStaysUtf8WhateverThePageDeclares) {
  // Readers hand over UTF-8; a stale charset declaration must not re-decode it.
  const std::string para =
      "S\xc3\xa3o Paulo e Bras\xc3\xadlia receberam na ter\xc3\xa7"
      "a-feira uma delega\xc3\xa7\xc3\xa3o "
      "de prefeitos para discutir o or\xc3\xa7"
      "amento das escolas p\xc3\xba"
      "blicas do pa\xc3\xads.";
  for (const char* head :
       {"<meta charset=\"iso-8859-1\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", ""}) {
    std::string html = std::string("<html><head>") + head + "</head><body><article><p>" + para +
                       "</p></article></body></html>";
    ParsedPage p = ParseHtmlPage(html, ExtractOptions());
    EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{para})) << head;
  }
}

TEST(ParseHtmlPageTest, InvalidUtf8IsReplacedNotFatal) {
  // A stray Latin-1 byte and a NUL: the rest of the page is still read as UTF-8.
  std::string html = std::string("<html><body><article><p>") + kPara1 + " caf\xe9.</p><p>" +
                     kPara2 + std::string(" S\xc3\xa3o Paulo\0.</p><p>", 20) + kPara3 +
                     "</p></article></body></html>";
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  EXPECT_EQ(BodyTexts(p),
            (std::vector<std::string>{std::string(kPara1) + " caf\xef\xbf\xbd.",
                                      std::string(kPara2) + " S\xc3\xa3o Paulo .", kPara3}));
}

// ---------------------------------------------------------------- hostile input

TEST(ParseHtmlPageTest, DeepNestingReturnsQuickly) {
  struct Case {
    const char* name;
    std::string open, close;
  };
  const std::vector<Case> cases = {
      {"divs", "<div>", "</div>"},
      {"mismatched inline tags", "<b>", "</i>"},
      {"unclosed spans", "<span>", ""},
      {"tables", "<table><tr><td>", ""},
  };
  for (const Case& c : cases) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += c.open;
    html += kPara1;
    for (int i = 0; i < 100000; ++i) html += c.close;
    html += "</body></html>";
    auto start = std::chrono::steady_clock::now();
    ParsedPage p = ParseHtmlPage(html, ExtractOptions());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0) << c.name;
    // The text survives, flattened into the deepest kept element.
    ASSERT_FALSE(p.blocks.empty()) << c.name;
    EXPECT_EQ(p.blocks.back().text, kPara1) << c.name;
  }
}

TEST(ParseHtmlPageTest, HugeTagsAndTextReturnQuickly) {
  struct Case {
    const char* name;
    std::string html;
  };
  std::string many_attributes = "<html><body><article><div ";
  for (int i = 0; i < 100000; ++i) many_attributes += "a" + std::to_string(i) + "=x ";
  many_attributes += ">" + Article3() + "</div></article></body></html>";
  std::string long_class = "<html><body><article class=\"" + std::string(1 << 20, 'x') + "\">" +
                           Article3() + "</article></body></html>";
  const std::vector<Case> cases = {{"100,000 attributes on one tag", many_attributes},
                                   {"a 1 MiB class attribute", long_class}};
  for (const Case& c : cases) {
    auto start = std::chrono::steady_clock::now();
    ParsedPage p = ParseHtmlPage(c.html, ExtractOptions());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0) << c.name;
    EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3})) << c.name;
  }
}

TEST(ParseHtmlPageTest, TextAfterDeepNestingIsNotLost) {
  std::string html = "<html><body><div class=\"story\">";
  for (int i = 0; i < 1000; ++i) html += "<div>";
  for (int i = 0; i < 1000; ++i) html += "</div>";
  html += Article3() + "</div></body></html>";
  ParsedPage p = ParseHtmlPage(html, ExtractOptions());
  EXPECT_EQ(BodyTexts(p), (std::vector<std::string>{kPara1, kPara2, kPara3}));
}

TEST(ParseHtmlPageTest, JunkGivesNoBlocks) {
  const std::vector<std::string> cases = {
      "",
      "   \n\t  ",
      std::string("\x00\x01\x02\xff\xfe", 5),
      "<<<<>>>><!--",
      "<script>var x = '<p>not text</p>';</script>",
      "<html><head><title>t</title></head><body></body></html>",
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav></body></html>",
      "<script type=\"application/ld+json\">{\"articleBody\": [[[[[[[[",
  };
  for (const std::string& html : cases) {
    ParsedPage p = ParseHtmlPage(html, ExtractOptions());
    EXPECT_TRUE(BodyTexts(p).empty()) << html;
  }
}

TEST(ParseHtmlPageTest, SamePageFromManyThreads) {
  const std::string html = Page("<title>Budget passes</title>",
                                Nav() + "<article>" + Article3() + "</article>" + RelatedLinks());
  const ParsedPage expected = ParseHtmlPage(html, ExtractOptions());
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        ParsedPage p = ParseHtmlPage(html, ExtractOptions());
        same[t] += BodyTexts(p) == BodyTexts(expected) && p.title == expected.title;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(same, (std::vector<int>{50, 50, 50, 50}));
}

TEST(PrefilterHtmlTest, DropsScriptsStylesCommentsKeepsJsonLd) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"<p>a<script>if (a<b) x='</p>';</script>b</p>", "<p>a<script></script>b</p>"},
      {"<style>p{}</style><p>a</p>", "<style></style><p>a</p>"},
      {"a<!-- <p>hidden</p> -->b", "ab"},
      {"<script type=\"application/ld+json\">{\"a\":1}</script>",
       "<script type=\"application/ld+json\">{\"a\":1}</script>"},
      {"<a class=\"x>y\" title=\"t\" data-x=y>t</a>", "<a class=\"x>y\">t</a>"},
  };
  for (const Case& c : cases) EXPECT_EQ(PrefilterHtml(c.in, 256), c.out) << c.in;
  // Over-deep tags are dropped with their end tags; text stays.
  EXPECT_EQ(PrefilterHtml("<div><div><div>x</div></div></div>y", 2), "<div><div>x</div></div>y");
}

TEST(IsBoilerplateLineTest, Table) {
  struct Case {
    const char* text;
    bool boilerplate;
  };
  const Case cases[] = {
      {"Advertisement", true},
      {"Read more \xc2\xbb", true},
      {"Sign up for our newsletter", true},
      {"\xc2\xa9 2019 City Times. All rights reserved.", true},
      {"Copyright 2019 The Associated Press.", true},
      {kPara1, false},
      {"Read the full report, which runs to three hundred pages, before the council meets.", false},
      {"The council will meet again in January.", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsBoilerplateLine(c.text), c.boilerplate) << c.text;
}

}  // namespace
}  // namespace dateline::extract
