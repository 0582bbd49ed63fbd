// StaticFiles and Router: files only from the web folder (no "..", no
// encoded traversal, no absolute paths, no symlink leading out), content
// types, the page-not-built fallback, 405 and the security headers.
#include "serve/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "serve/router.h"
#include "serve/test_store.h"

namespace dateline::serve {
namespace {

using namespace dateline::serve::testing;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path web = dir_.path() / "web";
    Write(web / "index.html", "<!doctype html><title>page</title>");
    Write(web / "app.js", "console.log('page');");
    Write(web / "style.css", "body{}");
    Write(web / "data.json", "{}");
    Write(web / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Write(web / "icon.png", std::string("\x89PNG\r\n\x1a\n", 8));
    Write(web / "sub" / "page.html", "<p>sub</p>");
    Write(web / ".secret", "hidden");
    Write(web / "notes.unknownext", "x");
    Write(dir_.path() / "secret.txt", "outside the web folder");
    fs::create_symlink(dir_.path() / "secret.txt", web / "link.txt");
    fs::create_symlink(dir_.path(), web / "up");
    fs::create_symlink(web / "app.js", web / "alias.js");  // inside: allowed
    files_ = std::make_unique<StaticFiles>(web.string());
  }
  TempDir dir_;
  std::unique_ptr<StaticFiles> files_;
};

struct FileRow {
  const char* path;  // as the server sees it: percent-decoded
  int status;
  const char* content_type;  // when 200
};

TEST_F(StaticFilesTest, ServesOnlyFilesInsideTheFolder) {
  const FileRow rows[] = {
      {"/", 200, "text/html; charset=utf-8"},
      {"/index.html", 200, "text/html; charset=utf-8"},
      {"/app.js", 200, "text/javascript; charset=utf-8"},
      {"/style.css", 200, "text/css; charset=utf-8"},
      {"/data.json", 200, "application/json"},
      {"/logo.svg", 200, "image/svg+xml"},
      {"/icon.png", 200, "image/png"},
      {"/sub/page.html", 200, "text/html; charset=utf-8"},
      {"/alias.js", 200, "text/javascript; charset=utf-8"},
      {"/notes.unknownext", 200, "application/octet-stream"},
      {"/missing.js", 404, ""},
      {"/sub", 404, ""},
      {"/sub/", 404, ""},
      {"/../secret.txt", 404, ""},
      {"/sub/../index.html", 404, ""},
      {"/sub/../../secret.txt", 404, ""},
      {"/./index.html", 404, ""},
      {"/..", 404, ""},
      {"/%2e%2e/secret.txt", 404, ""},  // undecoded, it is just a name that is not there
      {"/..%2fsecret.txt", 404, ""},
      {"/..\\secret.txt", 404, ""},
      {"/sub\\..\\..\\secret.txt", 404, ""},
      {"//etc/passwd", 404, ""},
      {"/etc/passwd", 404, ""},
      {"/proc/self/environ", 404, ""},
      {"/C:/Windows/win.ini", 404, ""},
      {"/link.txt", 404, ""},
      {"/up/secret.txt", 404, ""},
      {"/up/web/index.html", 200, "text/html; charset=utf-8"},  // leads back inside
      {"/.secret", 404, ""},
      {"index.html", 404, ""},
      {"", 404, ""},
  };
  for (const FileRow& row : rows) {
    Response r = files_->Get(row.path);
    EXPECT_EQ(r.status, row.status) << row.path;
    if (row.status == 200) {
      EXPECT_EQ(r.content_type, row.content_type) << row.path;
      EXPECT_FALSE(r.body.empty()) << row.path;
    } else {
      EXPECT_EQ(r.body.find("outside"), std::string::npos) << row.path;
    }
  }
  // The NUL byte inside a path (a decoded %00).
  EXPECT_EQ(files_->Get(std::string("/index.html\0.png", 16)).status, 404);
  EXPECT_EQ(files_->Get("/icon.png").body, std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(StaticFiles, MissingFolderSaysThePageIsNotBuilt) {
  StaticFiles files("/nonexistent/dateline/web");
  EXPECT_FALSE(files.has_root());
  Response r = files.Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("not built"), std::string::npos);
  EXPECT_NE(r.body.find("/api/events"), std::string::npos);
  EXPECT_EQ(files.Get("/app.js").status, 404);
  EXPECT_EQ(files.Get("/../etc/passwd").status, 404);
  // A folder without index.html (the page's build has not run) says the same.
  TempDir empty;
  StaticFiles bare(empty.path().string());
  EXPECT_TRUE(bare.has_root());
  EXPECT_NE(bare.Get("/").body.find("not built"), std::string::npos);
  EXPECT_EQ(bare.Get("/index.html").status, 404);
}

TEST_F(StaticFilesTest, RouterAddsSecurityHeadersAndRefusesOtherMethods) {
  const code::CountryTable countries = LoadCountries();
  WriteFixture(dir_.File("events.db"), &countries);
  StorePool pool(dir_.File("events.db"), StoreOptions(&countries));
  Api api(&pool, &countries);
  Router router(&api, files_.get());
  struct Row {
    const char* method;
    const char* path;
    int status;
  } rows[] = {
      {"GET", "/", 200},          {"GET", "/app.js", 200},      {"GET", "/api/events", 200},
      {"HEAD", "/api/stats", 200}, {"GET", "/api/nope", 404},   {"GET", "/../secret.txt", 404},
      {"GET", "/api/events/abc", 400}, {"POST", "/api/events", 405}, {"DELETE", "/index.html", 405},
      {"PUT", "/api/events/1", 405}, {"OPTIONS", "/", 405},
  };
  for (const Row& row : rows) {
    Request req;
    req.method = row.method;
    req.path = row.path;
    Response r = router.Handle(req);
    const std::string what = std::string(row.method) + " " + row.path;
    EXPECT_EQ(r.status, row.status) << what;
    ASSERT_NE(r.Header("X-Content-Type-Options"), nullptr) << what;
    EXPECT_EQ(*r.Header("X-Content-Type-Options"), "nosniff");
    ASSERT_NE(r.Header("X-Frame-Options"), nullptr) << what;
    EXPECT_EQ(*r.Header("X-Frame-Options"), "DENY");
    const std::string* csp = r.Header("Content-Security-Policy");
    ASSERT_NE(csp, nullptr) << what;
    EXPECT_NE(csp->find("script-src 'self';"), std::string::npos);
    EXPECT_NE(csp->find("style-src 'self';"), std::string::npos);
    EXPECT_NE(csp->find("img-src 'self' data:;"), std::string::npos);
    EXPECT_EQ(csp->find("unsafe"), std::string::npos);
    if (row.status == 405) {
      ASSERT_NE(r.Header("Allow"), nullptr);
      EXPECT_EQ(*r.Header("Allow"), "GET, HEAD");
      EXPECT_EQ(r.content_type, "application/json");
    }
  }
}

}  // namespace
}  // namespace dateline::serve
