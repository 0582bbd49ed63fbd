// Api: every endpoint over a small store, paging with the cursor, the
// bounding box, 400s naming the parameter, 404s, SQL-injection strings in
// every filter, and markup in stored text coming back escaped.
#include "serve/api.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "serve/test_store.h"

namespace dateline::serve {
namespace {

using Json = nlohmann::json;
using Params = std::vector<std::pair<std::string, std::string>>;
using namespace dateline::serve::testing;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    countries_ = new code::CountryTable(LoadCountries());
    WriteFixture(dir_->File("events.db"), countries_);
  }
  static void TearDownTestSuite() {
    delete countries_;
    delete dir_;
  }
  void SetUp() override {
    pool_ = std::make_unique<StorePool>(dir_->File("events.db"), StoreOptions(countries_));
    api_ = std::make_unique<Api>(pool_.get(), countries_);
  }

  Response Get(const std::string& path, Params params = {}) const {
    Request r;
    r.path = path;
    r.params = std::move(params);
    return api_->Handle(r);
  }
  // The body of a streamed or plain response.
  static std::string Body(const Response& r) {
    if (!r.stream) return r.body;
    std::string out;
    EXPECT_TRUE(r.stream([&](std::string_view chunk) {
      out += chunk;
      return true;
    }));
    return out;
  }
  static Json Parse(const Response& r) {
    Json j = Json::parse(Body(r), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }
  // Evidence sentences of the events /api/events returns for `params`.
  std::multiset<std::string> Evidence(Params params) const {
    Response r = Get("/api/events", std::move(params));
    EXPECT_EQ(r.status, 200) << r.body;
    std::multiset<std::string> out;
    const Json j = Parse(r);
    for (const Json& e : j["events"]) out.insert(e["evidence"].get<std::string>());
    return out;
  }

  static inline TempDir* dir_ = nullptr;
  static inline code::CountryTable* countries_ = nullptr;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<Api> api_;
};

struct FilterRow {
  const char* name;
  Params params;
  std::multiset<std::string> expected;
};

TEST_F(ApiTest, EventsFilters) {
  const std::multiset<std::string> all = {kAlmatyProtest, kAlmatyKilled, kAktauMarkup,
                                          kNairobiProtest, kLimaKilled,   kFeedProtest};
  const FilterRow rows[] = {
      {"no filter", {}, all},
      {"alpha-2", {{"country", "KZ"}}, {kAlmatyProtest, kAlmatyKilled, kAktauMarkup}},
      {"alpha-3", {{"country", "KAZ"}}, {kAlmatyProtest, kAlmatyKilled, kAktauMarkup}},
      {"lower case", {{"country", "ke"}}, {kNairobiProtest}},
      {"PLOVER type", {{"type", "ASSAULT"}}, {kAlmatyKilled, kLimaKilled}},
      {"ACLED type", {{"type", "Protests"}}, {kAlmatyProtest, kAktauMarkup, kNairobiProtest, kFeedProtest}},
      {"CAMEO code", {{"type", "145"}}, {kAlmatyProtest, kNairobiProtest}},
      {"CAMEO root", {{"type", "14"}}, {kAlmatyProtest, kAktauMarkup, kNairobiProtest, kFeedProtest}},
      {"country and type", {{"country", "PE"}, {"type", "ASSAULT"}}, {kLimaKilled}},
      {"from", {{"from", "2023-01-01"}}, {kNairobiProtest, kLimaKilled, kFeedProtest}},
      {"to", {{"to", "2022-01-04"}}, {kAktauMarkup}},
      {"from and to", {{"from", "2022-01-05"}, {"to", "2023-07-07"}}, {kAlmatyProtest, kAlmatyKilled, kNairobiProtest}},
      {"near Almaty", {{"near", "43.25,76.92,50"}}, {kAlmatyProtest, kAlmatyKilled}},
      {"bbox around Almaty", {{"bbox", "70,40,80,45"}}, {kAlmatyProtest, kAlmatyKilled}},
      {"bbox around Lima", {{"bbox", "-80,-15,-70,-10"}}, {kLimaKilled, kFeedProtest}},
      {"bbox over Kazakhstan", {{"bbox", "46.5,40.5,87.3,55.4"}}, {kAlmatyProtest, kAlmatyKilled, kAktauMarkup}},
      {"bbox over the sea", {{"bbox", "-40,-10,-30,0"}}, {}},
      {"min_killed", {{"min_killed", "5"}}, {kAlmatyKilled}},
      {"min_killed 0 keeps the counted", {{"min_killed", "0"}}, {kAlmatyKilled, kLimaKilled}},
      {"actor", {{"actor", "PERCOP"}}, {kLimaKilled, kFeedProtest}},
      {"text", {{"text", "tear gas"}}, {kAlmatyProtest, kNairobiProtest}},
      {"text and country", {{"text", "tear gas"}, {"country", "KEN"}}, {kNairobiProtest}},
      {"unknown parameter ignored", {{"colour", "red"}}, all},
  };
  for (const FilterRow& row : rows) {
    EXPECT_EQ(Evidence(row.params), row.expected) << row.name;
  }
}

TEST_F(ApiTest, EventRecordHasTheStoreFields) {
  Response r = Get("/api/events", {{"type", "190"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  Json j = Parse(r);
  ASSERT_EQ(j["events"].size(), 1u);
  const Json& e = j["events"][0];
  EXPECT_EQ(e["article"], "a4");
  EXPECT_EQ(e["evidence"], kLimaKilled);
  EXPECT_EQ(e["date"], "2023-12-01");
  EXPECT_EQ(e["cameo"], "190");
  EXPECT_EQ(e["plover"]["type"], "ASSAULT");
  EXPECT_EQ(e["location"]["name"], "Lima");
  EXPECT_EQ(e["counts"]["killed"]["best"], 2);
  EXPECT_TRUE(e["id"].is_number_integer());
  EXPECT_TRUE(e["uid"].is_string());
  EXPECT_EQ(e["num_articles"], 1);
  EXPECT_EQ(e["num_mentions"], 1);
  EXPECT_EQ(e["num_sources"], 1);
  EXPECT_EQ(e["url"], "https://andes.test/lima");
  EXPECT_EQ(e["source_name"], "andes.test");
  EXPECT_TRUE(e["first_seen"].is_string());
  EXPECT_TRUE(e["last_seen"].is_string());
  EXPECT_TRUE(j["next_cursor"].is_null());
}

TEST_F(ApiTest, PagingWithTheCursorVisitsEveryEventOnce) {
  std::vector<std::int64_t> everything;
  const Json all = Parse(Get("/api/events"));
  for (const Json& e : all["events"]) everything.push_back(e["id"]);
  ASSERT_EQ(everything.size(), 6u);
  for (int limit : {1, 2, 4, 5}) {
    std::vector<std::int64_t> paged;
    std::string cursor;
    int pages = 0;
    while (pages++ < 20) {
      Params p = {{"limit", std::to_string(limit)}};
      if (!cursor.empty()) p.emplace_back("cursor", cursor);
      Response r = Get("/api/events", p);
      ASSERT_EQ(r.status, 200) << r.body;
      Json j = Parse(r);
      EXPECT_LE(j["events"].size(), static_cast<std::size_t>(limit));
      for (const Json& e : j["events"]) paged.push_back(e["id"]);
      if (j["next_cursor"].is_null()) break;
      cursor = j["next_cursor"];
    }
    EXPECT_EQ(paged, everything) << "limit " << limit;
    EXPECT_EQ(pages, (6 + limit - 1) / limit) << "limit " << limit;
  }
}

struct ErrorRow {
  const char* path;
  Params params;
  int status;
  const char* names;  // the error message starts with this
};

TEST_F(ApiTest, BadParametersAre400NamingTheParameter) {
  const ErrorRow rows[] = {
      {"/api/events", {{"from", "2022-13-01"}}, 400, "from"},
      {"/api/events", {{"from", "2022-02-30"}}, 400, "from"},
      {"/api/events", {{"from", "yesterday"}}, 400, "from"},
      {"/api/events", {{"to", "2022-1-5"}}, 400, "to"},
      {"/api/events", {{"from", "2023-01-02"}, {"to", "2023-01-01"}}, 400, "from"},
      {"/api/events", {{"near", "43.25,76.92"}}, 400, "near"},
      {"/api/events", {{"near", "91,0,10"}}, 400, "near"},
      {"/api/events", {{"near", "43,76,-5"}}, 400, "near"},
      {"/api/events", {{"near", "nan,0,5"}}, 400, "near"},
      {"/api/events", {{"near", "1e400,0,5"}}, 400, "near"},
      {"/api/events", {{"bbox", "0,0,10"}}, 400, "bbox"},
      {"/api/events", {{"bbox", "10,0,0,10"}}, 400, "bbox"},
      {"/api/events", {{"bbox", "0,0,10,95"}}, 400, "bbox"},
      {"/api/events", {{"bbox", "a,b,c,d"}}, 400, "bbox"},
      {"/api/events", {{"limit", "0"}}, 400, "limit"},
      {"/api/events", {{"limit", "1001"}}, 400, "limit"},
      {"/api/events", {{"limit", "ten"}}, 400, "limit"},
      {"/api/events", {{"limit", "99999999999999999999999"}}, 400, "limit"},
      {"/api/events", {{"min_killed", "2.5"}}, 400, "min_killed"},
      {"/api/events", {{"min_killed", "-1"}}, 400, "min_killed"},
      {"/api/events", {{"min_killed", "many"}}, 400, "min_killed"},
      {"/api/events", {{"country", "Kazakhstan"}}, 400, "country"},
      {"/api/events", {{"country", "QQ"}}, 400, "country"},
      {"/api/events", {{"cursor", "abc"}}, 400, "cursor"},
      {"/api/events", {{"cursor", "1:2:3"}}, 400, "cursor"},
      {"/api/events", {{"type", std::string(600, 'x')}}, 400, "type"},
      {"/api/events", {{"text", "tear\ngas"}}, 400, "text"},
      {"/api/events", {{"country", "KZ"}, {"country", "KE"}}, 400, "country"},
      {"/api/stats", {{"from", "2022/01/01"}}, 400, "from"},
      {"/api/export", {{"format", "xml"}}, 400, "format"},
      {"/api/export", {{"format", "csv"}, {"near", "x"}}, 400, "near"},
      {"/api/events/abc", {}, 400, "id"},
      {"/api/events/-3", {}, 400, "id"},
      {"/api/events/0", {}, 400, "id"},
      {"/api/events/1.5", {}, 400, "id"},
      {"/api/events/99999999999999999999", {}, 400, "id"},
      {"/api/events/999999", {}, 404, ""},
      {"/api/articles/no-such-article", {}, 404, ""},
      {"/api/nothing", {}, 404, ""},
      {"/api/", {}, 404, ""},
  };
  for (const ErrorRow& row : rows) {
    Response r = Get(row.path, row.params);
    std::string what = std::string(row.path) + (row.params.empty() ? "" : "?" + row.params[0].first);
    EXPECT_EQ(r.status, row.status) << what << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json") << what;
    Json j = Parse(r);
    ASSERT_TRUE(j.contains("error")) << what;
    EXPECT_TRUE(j["error"].get<std::string>().starts_with(row.names)) << what << ": " << j["error"];
  }
}

TEST_F(ApiTest, InjectionStringsInEveryFilterAreData) {
  const char* attacks[] = {
      "' OR 1=1 --",
      "'; DROP TABLE events; --",
      "\" OR \"\"=\"",
      "1); DELETE FROM events; --",
      "%' OR '1'='1",
      "' UNION SELECT sql, sql, sql FROM sqlite_master --",
      "KZ' OR country2 LIKE '%",
      "*",
      "\"tear\" OR \"gas\"",
      "NEAR(tear gas)",
      "evidence:tear",
      "\\",
      "0,0,0,0); DROP TABLE mentions; --",
      "1:1 OR 1=1",
      "%00",
      "''''''''",
  };
  const char* filters[] = {"country", "type", "from", "to", "near", "actor", "text",
                           "min_killed", "bbox", "limit", "cursor"};
  const std::set<std::string> known = {kAlmatyProtest, kAlmatyKilled, kAktauMarkup,
                                       kNairobiProtest, kLimaKilled,   kFeedProtest};
  for (const char* filter : filters) {
    for (const char* attack : attacks) {
      for (const char* path : {"/api/events", "/api/stats", "/api/export"}) {
        Response r = Get(path, {{filter, attack}});
        const std::string what = std::string(path) + "?" + filter + "=" + attack;
        ASSERT_TRUE(r.status == 200 || r.status == 400) << what << ": " << r.status << " " << r.body;
        if (r.status != 200 || std::string(path) != "/api/events") {
          Body(r);
          continue;
        }
        // Text filters find nothing (no stored text holds these strings).
        Json j = Parse(r);
        EXPECT_TRUE(j["events"].empty()) << what << ": " << j["events"].size() << " events";
        for (const Json& e : j["events"]) EXPECT_TRUE(known.count(e["evidence"])) << what;
      }
    }
  }
  // The tables are all still there, with every event.
  Json stats = Parse(Get("/api/stats"));
  EXPECT_EQ(stats["events"], 6);
  EXPECT_EQ(stats["articles"], 5);
  EXPECT_EQ(Evidence({}).size(), 6u);
  Response article = Get("/api/articles/a1");
  EXPECT_EQ(article.status, 200);
  // Injection strings as ids are unknown ids.
  EXPECT_EQ(Get("/api/articles/' OR '1'='1").status, 404);
  EXPECT_EQ(Get("/api/events/1 OR 1=1").status, 400);
}

TEST_F(ApiTest, MarkupInStoredTextComesBackEscaped) {
  for (const char* path : {"/api/articles/a2", "/api/events"}) {
    Response r = Get(path, {});
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
    EXPECT_EQ(r.body.find('<'), std::string::npos) << path;
    EXPECT_NE(r.body.find("\\u003cscript\\u003e"), std::string::npos) << path;
  }
  // Decoded, the text is exactly what was stored.
  Json article = Parse(Get("/api/articles/a2"));
  EXPECT_NE(article["text"].get<std::string>().find(kAktauMarkup), std::string::npos);
  EXPECT_EQ(article["title"], "Aktau <b>march</b>");
  Json events = Parse(Get("/api/events", {{"country", "KZ"}, {"type", "141"}}));
  ASSERT_EQ(events["events"].size(), 1u);
  EXPECT_EQ(events["events"][0]["evidence"], kAktauMarkup);
  const std::int64_t id = events["events"][0]["id"];
  Response detail = Get("/api/events/" + std::to_string(id));
  EXPECT_EQ(detail.body.find('<'), std::string::npos);
  EXPECT_EQ(Parse(detail)["mentions"][0]["evidence"], kAktauMarkup);
}

TEST_F(ApiTest, EventDetailHasFiguresAndMentions) {
  Json list = Parse(Get("/api/events", {{"min_killed", "8"}}));
  ASSERT_EQ(list["events"].size(), 1u);
  const std::int64_t id = list["events"][0]["id"];
  Response r = Get("/api/events/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Parse(r);
  EXPECT_EQ(j["event"]["id"], id);
  EXPECT_EQ(j["event"]["evidence"], kAlmatyKilled);
  ASSERT_TRUE(j["figures"].is_array());
  ASSERT_FALSE(j["figures"].empty());
  EXPECT_EQ(j["figures"][0]["kind"], "killed");
  EXPECT_EQ(j["figures"][0]["max"], 8);
  ASSERT_EQ(j["mentions"].size(), 1u);
  const Json& m = j["mentions"][0];
  EXPECT_EQ(m["article_id"], "a1");
  EXPECT_EQ(m["url"], "https://www.almaty-daily.test/protest");
  EXPECT_EQ(m["title"], "Protest and deaths in Almaty");
  EXPECT_EQ(m["published"], "2022-01-05");
  EXPECT_EQ(m["evidence"], kAlmatyKilled);
  EXPECT_EQ(m["sentence"], 1);
  EXPECT_EQ(m["counts"]["killed"]["max"], 8);
  // The span points at the sentence in the article's text.
  Json article = Parse(Get("/api/articles/a1"));
  const std::string text = article["text"];
  const std::size_t start = m["span"][0], end = m["span"][1];
  ASSERT_LE(end, text.size());
  EXPECT_EQ(text.substr(start, end - start), kAlmatyKilled);
}

TEST_F(ApiTest, Article) {
  Response r = Get("/api/articles/a1");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Parse(r);
  EXPECT_EQ(j["id"], "a1");
  EXPECT_EQ(j["title"], "Protest and deaths in Almaty");
  EXPECT_EQ(j["published"], "2022-01-05");
  EXPECT_EQ(j["source_name"], "almaty-daily.test");
  EXPECT_EQ(j["story_id"], "a1");
  ASSERT_EQ(j["paragraphs"].size(), 2u);
  const std::string text = j["text"];
  const std::size_t p1 = j["paragraphs"][1]["start"], e1 = j["paragraphs"][1]["end"];
  EXPECT_EQ(text.substr(p1, e1 - p1), kAlmatyKilled);
  EXPECT_EQ(j["event_ids"].size(), 2u);
  // Ids holding a slash are reached with the rest of the path.
  Response slash = Get("/api/articles/feed/7");
  ASSERT_EQ(slash.status, 200) << slash.body;
  EXPECT_EQ(Parse(slash)["title"], "Water protest");
}

TEST_F(ApiTest, Stats) {
  Json all = Parse(Get("/api/stats"));
  EXPECT_EQ(all["articles"], 5);
  EXPECT_EQ(all["events"], 6);
  EXPECT_EQ(all["mentions"], 6);
  EXPECT_EQ(all["sources"], 5);
  std::vector<std::string> types;
  for (const Json& row : all["per_type"]) types.push_back(row["key"]);
  EXPECT_EQ(types, (std::vector<std::string>{"ASSAULT", "PROTEST"}));
  EXPECT_EQ(all["per_type"][1]["count"], 4);
  EXPECT_EQ(all["per_country"][0]["key"], "KE");
  EXPECT_EQ(all["per_day"][0]["key"], "2022-01-02");

  Json kz = Parse(Get("/api/stats", {{"country", "KZ"}}));
  EXPECT_EQ(kz["events"], 3);
  ASSERT_EQ(kz["per_country"].size(), 1u);
  EXPECT_EQ(kz["per_country"][0]["key"], "KZ");
  EXPECT_EQ(kz["per_country"][0]["count"], 3);
  ASSERT_EQ(kz["per_day"].size(), 2u);
  EXPECT_EQ(kz["per_day"][1]["key"], "2022-01-05");
  EXPECT_EQ(kz["per_day"][1]["count"], 2);
}

struct ExportRow {
  const char* format;
  const char* content_type;
  const char* file;
  std::size_t lines;  // for all six events
  char separator;
};

TEST_F(ApiTest, ExportStreamsEveryFormat) {
  const ExportRow rows[] = {
      {"jsonl", "application/x-ndjson", "dateline-events.jsonl", 6, ','},
      {"plover", "application/x-ndjson", "dateline-events.plover.jsonl", 6, ','},
      {"csv", "text/csv; charset=utf-8", "dateline-events.csv", 7, ','},
      {"acled", "text/csv; charset=utf-8", "dateline-events.acled.csv", 7, ','},
      {"gdelt", "text/tab-separated-values; charset=utf-8", "dateline-events.gdelt.tsv", 6, '\t'},
  };
  for (const ExportRow& row : rows) {
    Response r = Get("/api/export", {{"format", row.format}});
    ASSERT_EQ(r.status, 200) << row.format << ": " << r.body;
    ASSERT_TRUE(r.stream) << row.format;
    EXPECT_EQ(r.content_type, row.content_type);
    ASSERT_NE(r.Header("Content-Disposition"), nullptr);
    EXPECT_EQ(*r.Header("Content-Disposition"), std::string("attachment; filename=\"") + row.file + "\"");
    const std::string body = Body(r);
    std::istringstream in(body);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) {
      ++lines;
      EXPECT_NE(line.find(row.separator), std::string::npos) << row.format << ": " << line;
      if (row.content_type == std::string("application/x-ndjson")) {
        EXPECT_FALSE(Json::parse(line, nullptr, false).is_discarded()) << line;
      }
    }
    EXPECT_EQ(lines, row.lines) << row.format;
  }
  // Filters apply; no format means jsonl.
  std::string kz = Body(Get("/api/export", {{"country", "KZ"}}));
  EXPECT_EQ(std::count(kz.begin(), kz.end(), '\n'), 3);
  // A client that goes away stops the stream.
  ApiOptions small;
  small.export_chunk_bytes = 1;
  Api api(pool_.get(), countries_, small);
  Request req;
  req.path = "/api/export";
  Response r = api.Handle(req);
  int chunks = 0;
  EXPECT_FALSE(r.stream([&](std::string_view) { return ++chunks < 2; }));
  EXPECT_EQ(chunks, 2);
}

TEST_F(ApiTest, MissingDatabaseIs500NotACrash) {
  StorePool pool(dir_->File("missing.db"), StoreOptions(countries_));
  Api api(&pool, countries_);
  Request req;
  req.path = "/api/events";
  Response r = api.Handle(req);
  EXPECT_EQ(r.status, 500);
  EXPECT_TRUE(Parse(r).contains("error"));
}

}  // namespace
}  // namespace dateline::serve
