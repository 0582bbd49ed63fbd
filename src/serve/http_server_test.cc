// HttpServer: the adapter on a real socket (port 0, loopback): the API and
// files through httplib, a chunked export, the limits httplib enforces (a
// 10 MB query string is refused, not a crash), other methods, headers on
// errors httplib answers itself, a taken port, and Stop.
#include "serve/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

#include "serve/test_store.h"

namespace dateline::serve {
namespace {

using Json = nlohmann::json;
using namespace dateline::serve::testing;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    countries_ = std::make_unique<code::CountryTable>(LoadCountries());
    WriteFixture(dir_.File("events.db"), countries_.get());
    fs::create_directories(dir_.path() / "web");
    std::ofstream(dir_.path() / "web" / "index.html") << "<!doctype html><title>dateline</title>";
    std::ofstream(dir_.path() / "secret.txt") << "outside";
    pool_ = std::make_unique<StorePool>(dir_.File("events.db"), StoreOptions(countries_.get()));
    api_ = std::make_unique<Api>(pool_.get(), countries_.get());
    files_ = std::make_unique<StaticFiles>((dir_.path() / "web").string());
    router_ = std::make_unique<Router>(api_.get(), files_.get());
    HttpOptions options;
    options.port = 0;
    options.threads = 4;
    server_ = std::make_unique<HttpServer>(router_.get(), options);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    return c;
  }

  TempDir dir_;
  std::unique_ptr<code::CountryTable> countries_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<StaticFiles> files_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(HttpServerTest, AnswersOverTheSocket) {
  httplib::Client c = Client();
  struct Row {
    std::string target;
    int status;
    const char* content_type;
  } rows[] = {
      {"/api/events?country=KZ&limit=2", 200, "application/json"},
      {"/api/events?country=%4B%5A", 200, "application/json"},  // percent-decoded: KZ
      {"/api/stats", 200, "application/json"},
      {"/api/events?from=2022-99-01", 400, "application/json"},
      {"/api/events/424242", 404, "application/json"},
      {"/", 200, "text/html; charset=utf-8"},
      {"/index.html", 200, "text/html; charset=utf-8"},
      {"/../secret.txt", 404, nullptr},
      {"/%2e%2e/secret.txt", 404, nullptr},
      {"/%2E%2E%2Fsecret.txt", 404, nullptr},
      {"/..%2fsecret.txt", 404, nullptr},
      {"/%2fetc%2fpasswd", 404, nullptr},
      {"/api/articles/a2", 200, "application/json"},
      {"/api/articles/feed%2F7", 200, "application/json"},
      {"/api/events?text=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 200, "application/json"},
  };
  for (const Row& row : rows) {
    auto res = c.Get(row.target.c_str());
    ASSERT_TRUE(res) << row.target << ": " << httplib::to_string(res.error());
    EXPECT_EQ(res->status, row.status) << row.target << ": " << res->body;
    if (row.content_type) {
      EXPECT_EQ(res->get_header_value("Content-Type"), row.content_type) << row.target;
    }
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << row.target;
    EXPECT_EQ(res->body.find("outside"), std::string::npos) << row.target;
  }
  auto kz = c.Get("/api/events?country=%4B%5A");
  ASSERT_TRUE(kz);
  EXPECT_EQ(Json::parse(kz->body)["events"].size(), 3u);
}

// Browsers accept brotli, which Debian's httplib would use at its slowest
// setting (seconds for a large page of events): the server answers in gzip.
TEST_F(HttpServerTest, BrowsersGetGzipNotBrotli) {
  httplib::Client c = Client();
  c.set_decompress(false);
  for (const char* accept : {"gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "br"}) {
    auto res = c.Get("/api/events?limit=10", httplib::Headers{{"Accept-Encoding", accept}});
    ASSERT_TRUE(res) << accept;
    EXPECT_EQ(res->status, 200) << accept;
    EXPECT_NE(res->get_header_value("Content-Encoding"), "br") << accept;
    if (std::string(accept).find("gzip") != std::string::npos) {
      EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip") << accept;
    }
  }
}

TEST_F(HttpServerTest, ExportIsChunked) {
  httplib::Client c = Client();
  auto res = c.Get("/api/export?format=csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment; filename=\"dateline-events.csv\"");
  EXPECT_EQ(std::count(res->body.begin(), res->body.end(), '\n'), 7);
}

TEST_F(HttpServerTest, HugeQueryStringsAndOtherMethodsAreRefused) {
  httplib::Client c = Client();
  const std::string huge = "/api/events?text=" + std::string(10 << 20, 'a');
  auto res = c.Get(huge.c_str());
  if (res) {  // refused with a status, or the connection is closed: never a crash
    EXPECT_TRUE(res->status == 414 || res->status == 400) << res->status;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_FALSE(Json::parse(res->body, nullptr, false).is_discarded()) << res->body;
  }
  const std::string long_line = "/api/events?text=" + std::string(9000, 'b');
  auto refused = Client().Get(long_line.c_str());
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 414);
  auto post = Client().Post("/api/events", "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  // Still serving.
  auto after = Client().Get("/api/stats");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(Json::parse(after->body)["events"], 6);
}

TEST_F(HttpServerTest, ATakenPortIsAClearError) {
  HttpOptions options;
  options.port = server_->port();
  HttpServer second(router_.get(), options);
  Status s = second.Bind();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot listen on 127.0.0.1:" + std::to_string(server_->port())), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("in use"), std::string::npos) << s.message();
}

TEST(HttpServer, StopBeforeRunReturnsAtOnce) {
  StorePool pool("/nonexistent.db", {});
  Api api(&pool, nullptr);
  StaticFiles files("");
  Router router(&api, &files);
  HttpOptions options;
  options.port = 0;
  HttpServer server(&router, options);
  ASSERT_TRUE(server.Bind().ok());
  server.Stop();
  EXPECT_TRUE(server.Run().ok());
}

}  // namespace
}  // namespace dateline::serve
