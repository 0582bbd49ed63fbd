// Store: schema and migrations, idempotency, syndicated copies, fusion and
// order independence, queries (every filter, paging, injection attempts),
// the generated corpus, and the kill -9 resume test.
#include "store/store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "dateline/event_json.h"
#include "store/event_codec.h"
#include "store/query.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dateline::store {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("dateline_store_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

Article MakeArticle(const std::string& id, const std::string& url, const std::string& published,
                    const std::string& text) {
  Article a;
  a.id = id;
  a.url = url;
  a.title = "Title of " + id;
  a.published.date = published;
  a.published.precision = DatePrecision::kDay;
  a.text = text;
  a.paragraphs.push_back({ParagraphKind::kBody, 0, text.size()});
  return a;
}

struct Place {
  const char* name;
  std::int64_t geonameid;
  const char* admin1;
  const char* country2;
  const char* country3;
  double lat, lon;
};
const Place kAlmaty{"Almaty", 1526384, "Almaty City", "KZ", "KAZ", 43.25, 76.92};
const Place kAktau{"Aktau", 610611, "Mangghystau", "KZ", "KAZ", 43.65, 51.16};
const Place kNairobi{"Nairobi", 184745, "Nairobi County", "KE", "KEN", -1.29, 36.82};
const Place kLima{"Lima", 3936456, "Lima", "PE", "PER", -12.05, -77.04};

Event MakeEvent(const std::string& date, const char* plover, const char* cameo, const Place& p,
                const std::string& evidence, std::optional<std::int64_t> killed = std::nullopt,
                const char* claimant = nullptr, int sentence = 0) {
  Event e;
  e.evidence = {{sentence, evidence, 0, static_cast<std::uint32_t>(evidence.size())}};
  e.date = date;
  e.date_from = e.date_to = date;
  e.date_precision = DatePrecision::kDay;
  e.cameo = cameo;
  e.root = std::string(cameo).substr(0, 2);
  e.plover_type = plover;
  e.acled_event_type = std::string(plover) == "PROTEST" ? "Protests" : "Riots";
  e.source = {"Police", std::string(p.country3) + "COP", p.country3, "COP", "", 0, 6};
  e.target = {"protesters", std::string(p.country3) + "PRO", p.country3, "PRO", "", 0, 0};
  e.location = {p.name, p.geonameid, p.admin1, p.country2, p.lat, p.lon, PlacePrecision::kCity};
  if (killed) e.counts.killed = Count{*killed, *killed, *killed, std::to_string(*killed), sentence};
  if (claimant) e.claimed_by = Claim{std::string(claimant) + " said", claimant, "GOV"};
  return e;
}

OpenOptions Options() {
  OpenOptions o;
  o.country_codes = [](std::string_view code, std::string* a2, std::string* a3) {
    static const std::map<std::string, std::pair<std::string, std::string>> kCodes = {
        {"KZ", {"KZ", "KAZ"}}, {"KAZ", {"KZ", "KAZ"}}, {"KE", {"KE", "KEN"}},
        {"KEN", {"KE", "KEN"}}, {"PE", {"PE", "PER"}}, {"PER", {"PE", "PER"}}};
    auto it = kCodes.find(std::string(code));
    if (it == kCodes.end()) return false;
    *a2 = it->second.first;
    *a3 = it->second.second;
    return true;
  };
  return o;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path, OpenOptions o = Options()) {
  auto s = Store::Open(path, std::move(o));
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

std::int64_t Count(Store& s, const char* table) {
  Stmt q;
  EXPECT_TRUE(q.Prepare(s.handle(), std::string("SELECT count(*) FROM ") + table).ok());
  return q.Step() ? q.Int(0) : -1;
}

// stories.articles of story `id`; -1 when there is no such story.
std::int64_t StoryArticles(Store& s, const std::string& id) {
  Stmt q;
  EXPECT_TRUE(q.Prepare(s.handle(), "SELECT articles FROM stories WHERE id = ?").ok());
  q.Bind(1, id);
  return q.Step() ? q.Int(0) : -1;
}

// What a user sees of a database, independent of row ids.
std::string Snapshot(Store& s) {
  std::vector<std::string> rows;
  EXPECT_TRUE(s.ForEach({}, [&](const StoredEvent& e) {
    rows.push_back(std::to_string(e.uid) + " " + EventToJson(e.event) + " m" + std::to_string(e.num_mentions) +
                   " s" + std::to_string(e.num_sources) + " a" + std::to_string(e.num_articles) + " " +
                   e.first_seen + ".." + e.last_seen + " " + e.figures_json);
    return true;
  }).ok());
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const char* t : {"articles", "stories", "sources", "events", "mentions"}) {
    out += std::string(t) + "=" + std::to_string(Count(s, t)) + "\n";
  }
  Stmt q;
  EXPECT_TRUE(q.Prepare(s.handle(), "SELECT id, story_id FROM articles ORDER BY id").ok());
  while (q.Step()) out += q.Text(0) + "->" + q.Text(1) + "\n";
  Stmt stories;
  EXPECT_TRUE(stories.Prepare(s.handle(), "SELECT id, articles FROM stories ORDER BY id").ok());
  while (stories.Step()) out += "story " + stories.Text(0) + " of " + std::to_string(stories.Int(1)) + "\n";
  for (const std::string& r : rows) out += r + "\n";
  return out;
}

const std::string kStory =
    "Police in Almaty fired tear gas at several thousand protesters on Wednesday as anger over fuel "
    "prices spread across the country. The Interior Ministry said eight officers had been killed and "
    "that hundreds of people were detained overnight. Witnesses described gunfire near the mayor's "
    "office and said the building had been set on fire. The president declared a state of emergency "
    "in the city and in the western region where the unrest began, and the internet was cut for most "
    "of the day. Residents said shops were closed and queues formed at the few cash machines that worked.";

TEST(Schema, NewDatabaseIsAtTheLatestVersionAndAMigrationAddsColumnsWithoutLosingData) {
  TempDir dir;
  const int latest = Migrations().back().version;
  {
    auto s = OpenOrDie(dir.File("a.db"));
    ASSERT_TRUE(s);
    EXPECT_EQ(*SchemaVersion(s->handle()), latest);
    ASSERT_TRUE(s->AddArticle(MakeArticle("a1", "https://www.example.org/x", "2022-01-05", kStory),
                              {MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Police fired tear gas.")}).ok());
    ASSERT_TRUE(s->Close().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("a.db").c_str(), &db), SQLITE_OK);
  std::vector<Migration> with_next = Migrations();
  with_next.push_back({latest + 1, [](sqlite3* d) {
                       return Exec(d, "ALTER TABLE articles ADD COLUMN section TEXT; UPDATE articles SET section = 'world'");
                     }});
  ASSERT_TRUE(Migrate(db, with_next).ok());
  EXPECT_EQ(*SchemaVersion(db), latest + 1);
  ASSERT_TRUE(Migrate(db, with_next).ok());  // nothing left to apply
  Stmt q;
  ASSERT_TRUE(q.Prepare(db, "SELECT id, section, (SELECT count(*) FROM events) FROM articles").ok());
  ASSERT_TRUE(q.Step());
  EXPECT_EQ(q.Text(0), "a1");
  EXPECT_EQ(q.Text(1), "world");
  EXPECT_EQ(q.Int(2), 1);
  q = Stmt();
  sqlite3_close(db);
  // The database is newer than this build's migrations: refused, not guessed at.
  auto again = Store::Open(dir.File("a.db"), Options());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kUnsupported);
}

// A database written before v4 (no mentions.date_basis) gets the column
// from each mention's Event record when it is opened, and fusion reads it.
// A database as dateline wrote it before v4: mentions keep their report as
// JSON only, with no date_basis column and no binary record.
TEST(Schema, V4AndV5ReadTheReportsOfOlderMentions) {
  TempDir dir;
  Event e = MakeEvent("2022-01-06", "PROTEST", "145", kAlmaty, "Protesters rallied in Almaty.");
  e.date_basis = "published";
  {
    auto s = OpenOrDie(dir.File("v3.db"));
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->AddArticle(MakeArticle("a1", "https://a.example/1", "2022-01-06", kStory), {e}).ok());
    ASSERT_TRUE(s->Close().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("v3.db").c_str(), &db), SQLITE_OK);
  {
    Event stored = e;
    stored.article = "a1";
    Stmt json;
    ASSERT_TRUE(json.Prepare(db, "UPDATE mentions SET json = ?").ok());
    ASSERT_TRUE(json.Bind(1, EventToJson(StoredForm(stored))).Run().ok());
  }
  ASSERT_TRUE(Exec(db, "ALTER TABLE mentions DROP COLUMN date_basis; ALTER TABLE mentions DROP COLUMN record; "
                       "DELETE FROM schema_version WHERE version >= 4").ok());
  sqlite3_close(db);
  auto s = OpenOrDie(dir.File("v3.db"));
  ASSERT_TRUE(s);
  Stmt q;
  ASSERT_TRUE(q.Prepare(s->handle(), "SELECT date_basis FROM mentions").ok());
  ASSERT_TRUE(q.Step());
  EXPECT_EQ(q.Text(0), "published");
  q = Stmt();
  // The report dated by its article fuses with a report a day earlier dated by its text.
  Event earlier = MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Thousands rallied in Almaty on Wednesday.");
  ASSERT_TRUE(s->AddArticle(MakeArticle("b1", "https://b.example/1", "2022-01-05", "Another outlet's own words."), {earlier}).ok());
  ASSERT_TRUE(s->Flush().ok());
  EXPECT_EQ(Count(*s, "events"), 1);
  // The old row keeps its JSON, the new one its record; both read back whole.
  ASSERT_TRUE(q.Prepare(s->handle(), "SELECT record IS NULL, json != '' FROM mentions ORDER BY id").ok());
  ASSERT_TRUE(q.Step());
  EXPECT_EQ(q.Int(0) + q.Int(1), 2);
  ASSERT_TRUE(q.Step());
  EXPECT_EQ(q.Int(0) + q.Int(1), 0);
  q = Stmt();
  Result<EventDetail> detail = s->GetEvent(1);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  ASSERT_EQ(detail->mentions.size(), 2u);
  for (const MentionRecord& m : detail->mentions) {
    ASSERT_FALSE(m.event.evidence.empty());
    EXPECT_EQ(m.event.evidence.front().text, m.article_id == "a1" ? e.evidence.front().text : earlier.evidence.front().text);
    EXPECT_EQ(m.event.location.name, "Almaty");
  }
}

TEST(Store, ReadOnlyOpenOfAMissingFileFailsAndWritesAreRefused) {
  TempDir dir;
  OpenOptions ro = Options();
  ro.read_only = true;
  EXPECT_FALSE(Store::Open(dir.File("missing.db"), ro).ok());
  { auto s = OpenOrDie(dir.File("b.db")); }
  auto r = Store::Open(dir.File("b.db"), ro);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto added = (*r)->AddArticle(MakeArticle("x", "", "2022-01-01", "text"), {});
  EXPECT_EQ(added.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ((*r)->AddArticle(Article{}, {}).status().code(), Status::Code::kUnsupported);
}

struct AddRow {
  const char* name;
  std::string id, url, text;
  AddResult expected;
};

TEST(Store, SameArticleTwiceAddsNothingAndCopiesOnOtherSitesCount) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("c.db"));
  ASSERT_TRUE(s);
  const Event e = MakeEvent("2022-01-05", "ASSAULT", "180", kAlmaty,
                            "The Interior Ministry said eight officers had been killed.", 8, "Interior Ministry");
  const std::vector<AddRow> rows = {
      {"first", "ap-1", "https://apnews.example/a/1", kStory, AddResult::kAdded},
      {"same id again", "ap-1", "https://apnews.example/a/1", kStory, AddResult::kSkipped},
      {"same id, other url", "ap-1", "https://other.example/z", kStory, AddResult::kSkipped},
      {"same body, same site, other id", "ap-1b", "https://www.apnews.example/a/1?utm=x", kStory, AddResult::kSkipped},
      {"same body on another site", "site-b-77", "https://site-b.example/world/77", kStory, AddResult::kAdded},
      {"copy with chrome", "site-c-9", "https://site-c.example/9",
       "Home | World | Asia\n\n" + kStory + "\n\nShare this: Facebook Twitter", AddResult::kAdded},
  };
  for (const AddRow& row : rows) {
    auto r = s->AddArticle(MakeArticle(row.id, row.url, "2022-01-05", row.text), {e});
    ASSERT_TRUE(r.ok()) << row.name << ": " << r.status().ToString();
    EXPECT_EQ(*r, row.expected) << row.name;
  }
  ASSERT_TRUE(s->Flush().ok());
  EXPECT_EQ(Count(*s, "articles"), 3);
  EXPECT_EQ(Count(*s, "stories"), 1);
  EXPECT_EQ(StoryArticles(*s, "ap-1"), 3);
  EXPECT_EQ(Count(*s, "events"), 1);
  EXPECT_EQ(Count(*s, "mentions"), 3);
  auto page = s->Query({});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 1u);
  const StoredEvent& ev = page->events[0];
  EXPECT_EQ(ev.num_articles, 3);
  EXPECT_EQ(ev.num_sources, 3);
  EXPECT_EQ(ev.num_mentions, 3);
  ASSERT_TRUE(ev.event.counts.killed);
  EXPECT_EQ(*ev.event.counts.killed->best, 8);  // never 24
  EXPECT_EQ(ev.source_name, "apnews.example");
  auto article = s->GetArticle("site-c-9");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->story_id, "ap-1");
  EXPECT_EQ(article->source_name, "site-c.example");
  EXPECT_EQ(article->event_ids, std::vector<std::int64_t>{ev.id});
  EXPECT_EQ(s->GetArticle("nope").status().code(), Status::Code::kNotFound);
  // Reopening and adding everything again changes nothing.
  const std::string before = Snapshot(*s);
  s.reset();
  s = OpenOrDie(dir.File("c.db"));
  for (const AddRow& row : rows) {
    auto r = s->AddArticle(MakeArticle(row.id, row.url, "2022-01-05", row.text), {e});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, AddResult::kSkipped) << row.name;
  }
  ASSERT_TRUE(s->Flush().ok());
  EXPECT_EQ(Snapshot(*s), before);
}

// Articles for the fusion and query tests: three happenings, several reports each.
struct Input {
  Article article;
  std::vector<Event> events;
};

std::vector<Input> FusionInputs() {
  std::vector<Input> in;
  auto add = [&](const std::string& id, const std::string& site, const std::string& published,
                 std::vector<Event> events) {
    in.push_back({MakeArticle(id, "https://" + site + "/" + id, published,
                              "Article " + id + " from " + site + " tells what happened in its own words."),
                  std::move(events)});
  };
  // Happening 1: Almaty clash, 2022-01-05; figures from two claimants.
  add("k1", "wire.example", "2022-01-05",
      {MakeEvent("2022-01-05", "ASSAULT", "180", kAlmaty, "Eight officers were killed in Almaty, the ministry said.", 8, "Interior Ministry", 2),
       MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Thousands protested in Almaty over fuel prices.", std::nullopt, nullptr, 0)});
  // Its sentence gives no date: the coder dates it by the article, a day later.
  Event k2 = MakeEvent("2022-01-06", "ASSAULT", "183", kAlmaty, "Twelve officers died in the Almaty unrest, officials said.", 12, "Interior Ministry", 1);
  k2.date_basis = "published";
  add("k2", "daily.example", "2022-01-06", {k2});
  add("k3", "rights.example", "2022-01-06",
      {MakeEvent("2022-01-05", "ASSAULT", "180", kAlmaty, "Rights groups said at least 40 people were killed in Almaty.", 40, "rights groups", 3)});
  // Happening 2: Aktau protest, two days earlier: a separate place.
  add("k4", "daily.example", "2022-01-03",
      {MakeEvent("2022-01-02", "PROTEST", "141", kAktau, "Residents of Aktau demonstrated against gas prices.")}),
  // Happening 3: Nairobi protest; and a Lima one far away and much later.
  add("n1", "kenya.example", "2023-07-07",
      {MakeEvent("2023-07-07", "PROTEST", "145", kNairobi, "Police dispersed protesters in Nairobi with tear gas; 300 were arrested.")});
  add("n2", "wire.example", "2023-07-08",
      {MakeEvent("2023-07-07", "PROTEST", "145", kNairobi, "Tear gas was fired at demonstrators in Nairobi.")});
  add("p1", "lima.example", "2023-12-01",
      {MakeEvent("2023-12-01", "ASSAULT", "190", kLima, "Two people died in clashes in Lima.", 2)});
  return in;
}

void Ingest(Store& s, const std::vector<Input>& inputs) {
  for (const Input& i : inputs) {
    auto r = s.AddArticle(i.article, i.events);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  ASSERT_TRUE(s.Flush().ok());
}

TEST(Store, FusionKeepsEveryMentionAndTheResultDoesNotDependOnOrder) {
  TempDir dir;
  std::vector<Input> inputs = FusionInputs();
  std::string expected;
  {
    auto s = OpenOrDie(dir.File("order0.db"));
    Ingest(*s, inputs);
    expected = Snapshot(*s);
    EXPECT_EQ(Count(*s, "events"), 5);  // Almaty assault, Almaty protest, Aktau, Nairobi, Lima
    EXPECT_EQ(Count(*s, "mentions"), 8);
    // The Almaty assault: three articles, per-claimant figures, latest official figure 12.
    EventQuery q;
    q.type = "ASSAULT";
    q.country = "KAZ";
    auto page = s->Query(q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->events.size(), 1u);
    const StoredEvent& e = page->events[0];
    EXPECT_EQ(e.num_articles, 3);
    EXPECT_EQ(e.num_sources, 3);
    EXPECT_EQ(e.first_seen, "2022-01-05");
    EXPECT_EQ(e.last_seen, "2022-01-06");
    EXPECT_EQ(e.event.article, "k1");
    ASSERT_TRUE(e.event.counts.killed);
    EXPECT_EQ(e.event.counts.killed->min, 8);
    EXPECT_EQ(e.event.counts.killed->max, 12);
    EXPECT_EQ(*e.event.counts.killed->best, 12);
    auto figures = nlohmann::json::parse(e.figures_json);
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0]["claimant"], "interior ministry");
    EXPECT_EQ(figures[1]["claimant"], "rights groups");
    EXPECT_EQ(figures[1]["max"], 40);
    auto detail = s->GetEvent(e.id);
    ASSERT_TRUE(detail.ok());
    ASSERT_EQ(detail->mentions.size(), 3u);
    EXPECT_EQ(detail->mentions[0].article_id, "k1");
    EXPECT_EQ(detail->mentions[0].sentence, 2);
    EXPECT_EQ(detail->mentions[0].claimed_by, "Interior Ministry");
    EXPECT_NE(detail->mentions[2].counts_json.find("40"), std::string::npos);
    EXPECT_EQ(s->GetEvent(999999).status().code(), Status::Code::kNotFound);
  }
  std::mt19937 rng(17);
  for (int round = 1; round <= 6; ++round) {
    std::shuffle(inputs.begin(), inputs.end(), rng);
    OpenOptions o = Options();
    o.batch_articles = 1 + round % 3;  // batch borders fall elsewhere each time
    auto s = OpenOrDie(dir.File("order" + std::to_string(round) + ".db"), o);
    Ingest(*s, inputs);
    EXPECT_EQ(Snapshot(*s), expected) << "round " << round;
  }
}

struct QueryRow {
  const char* name;
  EventQuery query;
  std::vector<std::string> articles;  // representative article of each event, in order
};

TEST(Store, QueryFiltersTable) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("q.db"));
  Ingest(*s, FusionInputs());
  auto q = [](auto f) {
    EventQuery x;
    f(x);
    return x;
  };
  const std::vector<QueryRow> rows = {
      {"all", {}, {"k4", "k1", "k1", "n1", "p1"}},
      {"country alpha-2", q([](EventQuery& x) { x.country = "KZ"; }), {"k4", "k1", "k1"}},
      {"country alpha-3, lower case", q([](EventQuery& x) { x.country = "ken"; }), {"n1"}},
      {"PLOVER type", q([](EventQuery& x) { x.type = "protest"; }), {"k4", "k1", "n1"}},
      {"ACLED type", q([](EventQuery& x) { x.type = "Riots"; }), {"k1", "p1"}},
      {"CAMEO root", q([](EventQuery& x) { x.type = "19"; }), {"p1"}},
      {"CAMEO code", q([](EventQuery& x) { x.type = "141"; }), {"k4"}},
      {"from", q([](EventQuery& x) { x.from = "2023-01-01"; }), {"n1", "p1"}},
      {"from and to", q([](EventQuery& x) { x.from = "2022-01-03"; x.to = "2022-01-05"; }), {"k1", "k1"}},
      {"near Almaty 50 km", q([](EventQuery& x) { x.near_lat = 43.3; x.near_lon = 76.9; x.near_km = 50; }), {"k1", "k1"}},
      {"near Almaty 1 km", q([](EventQuery& x) { x.near_lat = 43.0; x.near_lon = 76.0; x.near_km = 1; }), {}},
      {"bbox Africa", q([](EventQuery& x) { x.min_lat = -35; x.max_lat = 37; x.min_lon = -20; x.max_lon = 52; }), {"n1"}},
      {"actor code", q([](EventQuery& x) { x.actor = "perCOP"; }), {"p1"}},
      {"actor text", q([](EventQuery& x) { x.actor = "protest"; x.country = "PE"; }), {"p1"}},
      {"text", q([](EventQuery& x) { x.text = "tear gas"; }), {"n1"}},
      {"text in any mention", q([](EventQuery& x) { x.text = "rights groups"; }), {"k1"}},
      {"min killed", q([](EventQuery& x) { x.min_killed = 10; }), {"k1"}},
      {"combined", q([](EventQuery& x) { x.country = "KZ"; x.type = "ASSAULT"; x.min_killed = 1; x.text = "officers"; }), {"k1"}},
      // Injection attempts are data: they match nothing and break nothing.
      {"quote in country", q([](EventQuery& x) { x.country = "KZ' OR '1'='1"; }), {}},
      {"SQL in type", q([](EventQuery& x) { x.type = "PROTEST'; DROP TABLE events; --"; }), {}},
      {"LIKE wildcards in actor", q([](EventQuery& x) { x.actor = "%"; }), {}},
      {"underscore in actor", q([](EventQuery& x) { x.actor = "K_ZCOP"; }), {}},
      {"FTS syntax in text", q([](EventQuery& x) { x.text = "evidence: NEAR(gas* OR \"x"; }), {}},
      {"FTS column filter", q([](EventQuery& x) { x.text = "{evidence}:tear"; }), {}},
      {"SQL in text", q([](EventQuery& x) { x.text = "') OR 1=1; --"; }), {}},
  };
  for (const QueryRow& row : rows) {
    auto page = s->Query(row.query);
    ASSERT_TRUE(page.ok()) << row.name << ": " << page.status().ToString();
    std::vector<std::string> got;
    for (const StoredEvent& e : page->events) got.push_back(e.event.article);
    EXPECT_EQ(got, row.articles) << row.name;
  }
  EXPECT_EQ(Count(*s, "events"), 5);  // still there
  // Bad values are errors with a message, not SQL.
  EXPECT_EQ(s->Query(q([](EventQuery& x) { x.from = "yesterday"; })).status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s->Query(q([](EventQuery& x) { x.near_lat = 1; })).status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s->Query(q([](EventQuery& x) { x.cursor = "1; DROP"; })).status().code(), Status::Code::kInvalidInput);
}

TEST(Store, SearchArticlesTreatsEveryWordAsData) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("f.db"));
  Ingest(*s, FusionInputs());
  struct Row {
    const char* words;
    std::vector<std::string> ids;
  };
  const Row rows[] = {
      {"kenya.example", {"n1"}},
      {"article k2 daily", {"k2"}},
      {"own words", {"k1", "k2", "k3", "k4", "n1", "n2", "p1"}},
      {"title:k1", {}},
      {"k1 OR k2", {}},
      {"\"unbalanced", {}},
      {"'; DROP TABLE articles; --", {}},
      {"", {}},
  };
  for (const Row& row : rows) {
    auto ids = s->SearchArticles(row.words);
    ASSERT_TRUE(ids.ok()) << row.words << ": " << ids.status().ToString();
    std::vector<std::string> got = *ids;
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, row.ids) << row.words;
  }
  EXPECT_EQ(Count(*s, "articles"), 7);
}

TEST(Store, CursorPagesThroughEverythingOnce) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("p.db"));
  Ingest(*s, FusionInputs());
  EventQuery q;
  q.limit = 2;
  std::vector<std::int64_t> ids;
  int pages = 0;
  do {
    auto page = s->Query(q);
    ASSERT_TRUE(page.ok());
    for (const StoredEvent& e : page->events) ids.push_back(e.id);
    q.cursor = page->next_cursor;
    ++pages;
  } while (!q.cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), 5u);
}

// The lower-cased words of a sentence, split as FTS5's unicode61 splits ASCII.
std::set<std::string> Words(const std::string& sentence) {
  std::set<std::string> out;
  std::string w;
  for (char c : sentence + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  return out;
}

// Every page of `q` (limit 3) through its cursors: the ids in order.
std::vector<std::int64_t> AllPages(Store& s, EventQuery q, TextPlan plan) {
  std::vector<std::int64_t> ids;
  q.limit = 3;
  for (int pages = 0; pages < 100; ++pages) {
    auto page = QueryEvents(s.handle(), Options(), q, plan);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) break;
    for (const StoredEvent& e : page->events) ids.push_back(e.id);
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  return ids;
}

TEST(Store, TextQueriesGiveTheSameEventsAndPagesWhicheverSideDrives) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("t.db"));
  // 60 articles of three reports each over three months and four places;
  // the sentences draw three words each from a short list.
  const char* kPlaceWords[] = {"fuel", "bread", "water", "strike", "court", "wages"};
  const Place* kPlaces[] = {&kAlmaty, &kAktau, &kNairobi, &kLima};
  std::mt19937 rng(11);
  for (int a = 0; a < 60; ++a) {
    std::vector<Event> events;
    std::string body;
    for (int k = 0; k < 3; ++k) {
      const Place& p = *kPlaces[rng() % 4];
      char date[16];
      std::snprintf(date, sizeof date, "2023-0%d-%02d", 1 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 28));
      std::string sentence = std::string("Crowds in ") + p.name + " marched over " + kPlaceWords[rng() % 6] + ", " +
                             kPlaceWords[rng() % 6] + " and " + kPlaceWords[rng() % 6] + ".";
      body += sentence + " ";
      events.push_back(MakeEvent(date, k == 1 ? "ASSAULT" : "PROTEST", k == 1 ? "180" : "145", p, sentence,
                                 k == 2 ? std::optional<std::int64_t>(static_cast<std::int64_t>(rng() % 20)) : std::nullopt,
                                 nullptr, k));
    }
    const std::string id = "t" + std::to_string(a);
    ASSERT_TRUE(s->AddArticle(MakeArticle(id, "https://site" + std::to_string(a % 5) + ".example/" + id, "2023-04-01", body),
                              events)
                    .ok());
  }
  ASSERT_TRUE(s->Flush().ok());

  auto q = [](auto f) {
    EventQuery x;
    f(x);
    return x;
  };
  const std::pair<const char*, EventQuery> rows[] = {
      {"one word", q([](EventQuery& x) { x.text = "fuel"; })},
      {"two words, country", q([](EventQuery& x) { x.text = "bread WATER"; x.country = "KAZ"; })},
      {"word, type", q([](EventQuery& x) { x.text = "strike"; x.type = "protest"; })},
      {"word, from/to", q([](EventQuery& x) { x.text = "court"; x.from = "2023-02-01"; x.to = "2023-03-10"; })},
      {"word, near Nairobi", q([](EventQuery& x) { x.text = "wages"; x.near_lat = -1.3; x.near_lon = 36.8; x.near_km = 50; })},
      {"word, bbox", q([](EventQuery& x) { x.text = "fuel"; x.min_lat = 40; x.max_lat = 50; x.min_lon = 50; x.max_lon = 80; })},
      {"word, min killed", q([](EventQuery& x) { x.text = "bread"; x.min_killed = 5; })},
      {"word, CAMEO root and actor", q([](EventQuery& x) { x.text = "water"; x.type = "18"; x.actor = "COP"; })},
      {"place name as a word", q([](EventQuery& x) { x.text = "lima marched"; })},
      {"no such word", q([](EventQuery& x) { x.text = "zebra"; })},
  };
  std::size_t found = 0;
  for (const auto& [name, query] : rows) {
    // What the words select, worked out here: the events (in order) that pass
    // the other filters and have a mention whose sentence holds every word.
    EventQuery others = query;
    others.text.clear();
    const std::set<std::string> words = Words(query.text);
    std::vector<std::int64_t> want;
    ASSERT_TRUE(s->ForEach(others, [&](const StoredEvent& e) {
      auto detail = s->GetEvent(e.id);
      EXPECT_TRUE(detail.ok());
      for (const MentionRecord& m : detail->mentions) {
        const std::set<std::string> has = Words(m.evidence);
        if (std::includes(has.begin(), has.end(), words.begin(), words.end())) {
          want.push_back(e.id);
          break;
        }
      }
      return true;
    }).ok());
    found += want.size();
    for (TextPlan plan : {TextPlan::kAuto, TextPlan::kFromText, TextPlan::kProbeText}) {
      EXPECT_EQ(AllPages(*s, query, plan), want) << name << ", plan " << static_cast<int>(plan);
      std::vector<std::int64_t> all;
      ASSERT_TRUE(ForEachEvent(s->handle(), Options(), query, plan, [&](const StoredEvent& e) {
        all.push_back(e.id);
        return true;
      }).ok());
      EXPECT_EQ(all, want) << name << ", plan " << static_cast<int>(plan) << ", ForEach";
    }
  }
  EXPECT_GT(found, 60u);  // the rows select something

  // While a batch is open (the writer's transaction), a text query reads as
  // before and leaves the batch to its commit.
  const std::vector<std::int64_t> before = AllPages(*s, rows[0].second, TextPlan::kAuto);
  // (Months after the others: it can fuse with none of them.)
  ASSERT_TRUE(s->AddArticle(MakeArticle("late", "https://late.example/x", "2023-06-16", "Fuel ran out in Lima."),
                            {MakeEvent("2023-06-15", "PROTEST", "145", kLima, "Fuel ran out in Lima.")})
                  .ok());
  EXPECT_EQ(AllPages(*s, rows[0].second, TextPlan::kAuto), before);
  ASSERT_TRUE(s->Flush().ok());
  EXPECT_EQ(AllPages(*s, rows[0].second, TextPlan::kAuto).size(), before.size() + 1);
}

TEST(Store, StatsCountPerDayCountryAndType) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("s.db"));
  Ingest(*s, FusionInputs());
  auto st = s->GetStats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->articles, 7);
  EXPECT_EQ(st->events, 5);
  EXPECT_EQ(st->mentions, 8);
  EXPECT_EQ(st->sources, 5);
  using Rows = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(st->per_country, (Rows{{"KE", 1}, {"KZ", 3}, {"PE", 1}}));
  EXPECT_EQ(st->per_type, (Rows{{"ASSAULT", 2}, {"PROTEST", 3}}));
  EXPECT_EQ(st->per_day, (Rows{{"2022-01-02", 1}, {"2022-01-05", 2}, {"2023-07-07", 1}, {"2023-12-01", 1}}));
}

// --- the generated corpus and the kill -9 test -------------------------------

struct Corpus {
  std::vector<Input> inputs;
  std::map<std::string, std::string> story_of;        // article -> true story
  std::map<std::string, std::size_t> happening_size;  // happening -> articles
};

#ifdef DATELINE_PYTHON3
// Articles from tools/gen_corpus.py, each with one event as a coder would
// give it for its happening (type, place, date from the answers).
Corpus GeneratedCorpus(const TempDir& dir, int articles, int seed) {
  Corpus c;
  const std::string out = dir.File("corpus.jsonl"), truth = dir.File("truth.json");
  std::string cmd = std::string(DATELINE_PYTHON3) + " " + DATELINE_SOURCE_DIR + "/tools/gen_corpus.py --articles " +
                    std::to_string(articles) + " --seed " + std::to_string(seed) + " --out " + out + " --truth " + truth;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream tin(truth);
  nlohmann::json t = nlohmann::json::parse(tin);
  std::map<std::string, nlohmann::json> happening_of;
  std::map<std::string, nlohmann::json> happenings;
  for (const auto& h : t["happenings"]) happenings[h["id"]] = h;
  for (const auto& a : t["articles"]) {
    c.story_of[a["id"]] = a["story"];
    happening_of[a["id"]] = happenings[a["happening"]];
    c.happening_size[a["happening"]]++;
  }
  std::ifstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    const nlohmann::json& h = happening_of[j["id"]];
    const std::string type = h["type"];
    const bool violent = type == "clashes";
    Place p{"", 0, "", "", "", h["lat"], h["lon"]};
    std::string city = h["city"], admin1 = h["admin1"], country = h["country"];
    p.name = city.c_str();
    p.admin1 = admin1.c_str();
    p.country2 = country.c_str();
    p.country3 = "";
    Event e = MakeEvent(h["date"], violent ? "ASSAULT" : type == "curfew" ? "RESTRICT" : "PROTEST",
                        violent ? "180" : type == "curfew" ? "172" : "145", p, std::string(j["text"]).substr(0, 80),
                        violent ? std::optional<std::int64_t>(h["killed"]) : std::nullopt);
    e.source = e.target = Actor{};
    c.inputs.push_back({MakeArticle(j["id"], j["url"], j["date"], j["text"]), {e}});
  }
  return c;
}

// Two reports the coder kept apart in one article stay two events; daily
// protests in one city, each dated by its text, stay one event a day.
TEST(Store, OneArticlesReportsAndDailyHappeningsStayApart) {
  TempDir dir;
  auto s = OpenOrDie(dir.File("apart.db"));
  ASSERT_TRUE(s);
  const Event morning = MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Students marched in Almaty in the morning.");
  Event evening = MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Workers rallied in Almaty in the evening.", std::nullopt, nullptr, 3);
  ASSERT_TRUE(s->AddArticle(MakeArticle("one", "https://a.example/one", "2022-01-05", "Two rallies in one day."),
                            {morning, evening}).ok());
  for (int day = 6; day <= 9; ++day) {
    const std::string date = "2022-01-0" + std::to_string(day);
    for (const char* site : {"b", "c"}) {
      const std::string id = std::string(site) + std::to_string(day);
      ASSERT_TRUE(s->AddArticle(MakeArticle(id, "https://" + std::string(site) + ".example/" + id, date,
                                            "Protest number " + id + "."),
                                {MakeEvent(date, "PROTEST", "145", kAlmaty, "Protesters rallied in Almaty on " + date + ".")})
                      .ok());
    }
  }
  ASSERT_TRUE(s->Flush().ok());
  EXPECT_EQ(Count(*s, "events"), 2 + 4);
  auto page = s->Query({});
  ASSERT_TRUE(page.ok());
  for (const StoredEvent& e : page->events) EXPECT_EQ(e.num_articles, e.event.date == "2022-01-05" ? 1 : 2) << e.event.date;
}

// A story with two like events (two protests in one city on one day) and a
// copy of it on another site: each event takes its copy's report only, in
// either order, so the copy never merges what the coder kept apart.
TEST(Store, ACopyJoinsEachEventOfItsStoryToItsOwnSentenceOnly) {
  const Event first = MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Police in Almaty fired tear gas at several thousand protesters.");
  const Event second = MakeEvent("2022-01-05", "PROTEST", "145", kAlmaty, "Residents said shops were closed and queues formed.", std::nullopt, nullptr, 5);
  const Article original = MakeArticle("wire-1", "https://wire.example/1", "2022-01-05", kStory);
  const Article copy = MakeArticle("site-b-1", "https://site-b.example/1", "2022-01-05",
                                   "Home | World | Asia\n\n" + kStory + "\n\nShare this: Facebook Twitter");
  for (bool copy_first : {false, true}) {
    TempDir dir;
    auto s = OpenOrDie(dir.File("copy.db"));
    ASSERT_TRUE(s);
    for (const Article* a : copy_first ? std::vector{&copy, &original} : std::vector{&original, &copy}) {
      ASSERT_TRUE(s->AddArticle(*a, {first, second}).ok());
    }
    ASSERT_TRUE(s->Flush().ok());
    EXPECT_EQ(Count(*s, "events"), 2) << copy_first;
    auto page = s->Query({});
    ASSERT_TRUE(page.ok());
    for (const StoredEvent& e : page->events) {
      EXPECT_EQ(e.num_articles, 2) << copy_first;
      EXPECT_EQ(e.num_sources, 2) << copy_first;
    }
  }
}

TEST(Store, GeneratedCorpusGivesOneEventPerHappeningWithAllItsArticles) {
  TempDir dir;
  Corpus c = GeneratedCorpus(dir, 600, 21);
  auto s = OpenOrDie(dir.File("g.db"));
  Ingest(*s, c.inputs);
  std::map<std::size_t, int> by_size_expected, by_size_got;
  for (const auto& [h, n] : c.happening_size) by_size_expected[n]++;
  ASSERT_TRUE(s->ForEach({}, [&](const StoredEvent& e) {
    by_size_got[static_cast<std::size_t>(e.num_articles)]++;
    return true;
  }).ok());
  // Happenings of one type in one city on neighbouring days would be fused;
  // the generator spreads them over 30 days and 18 cities, so few collide.
  int events = 0;
  for (const auto& [n, k] : by_size_got) events += k;
  EXPECT_NEAR(events, static_cast<int>(c.happening_size.size()), c.happening_size.size() / 10.0);
  // Stories: every true copy is in its original's story.
  int copies = 0, grouped = 0;
  for (const auto& [id, story] : c.story_of) {
    if (id == story) continue;
    ++copies;
    auto a = s->GetArticle(id), o = s->GetArticle(story);
    ASSERT_TRUE(a.ok() && o.ok());
    grouped += a->story_id == o->story_id;
  }
  EXPECT_GE(grouped, copies * 95 / 100) << copies << " copies";
}

// A child ingests and is SIGKILLed mid-way; the database is intact and a
// re-run of the same input ends exactly like an uninterrupted run.
TEST(Store, KillNineMidIngestThenRerunEqualsCleanRun) {
  TempDir dir;
  Corpus c = GeneratedCorpus(dir, 1500, 5);
  OpenOptions o = Options();
  o.batch_articles = 50;
  std::string clean;
  {
    auto s = OpenOrDie(dir.File("clean.db"), o);
    Ingest(*s, c.inputs);
    clean = Snapshot(*s);
  }
  const std::string path = dir.File("killed.db");
  { auto init = OpenOrDie(path, o); }  // schema exists before the child starts
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto s = Store::Open(path, o);
    if (!s.ok()) _exit(3);
    for (const Input& i : c.inputs) {
      if (!(*s)->AddArticle(i.article, i.events).ok()) _exit(4);
      // A little slower than it could be, so the parent's kill lands mid-run
      // even on a loaded machine.
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
    _exit(5);  // should have been killed before the end
  }
  // Wait until some batches are committed, then kill it in the middle of one.
  std::int64_t committed = 0;
  for (int i = 0; i < 2000 && committed < 300; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 1000);
      Stmt q;
      if (q.Prepare(db, "SELECT count(*) FROM articles").ok() && q.Step()) committed = q.Int(0);
    }
    sqlite3_close_v2(db);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited by itself with " << WEXITSTATUS(status);
  ASSERT_GE(committed, 300);
  auto s = OpenOrDie(path, o);
  ASSERT_TRUE(s->IntegrityCheck().ok());
  const std::int64_t after_kill = Count(*s, "articles");
  EXPECT_GT(after_kill, 0);
  EXPECT_LT(after_kill, static_cast<std::int64_t>(c.inputs.size()));
  EXPECT_EQ(after_kill % 50, 0) << "only whole batches are stored";
  std::cout << "killed after " << after_kill << " of " << c.inputs.size() << " articles\n";
  Ingest(*s, c.inputs);
  EXPECT_EQ(Snapshot(*s), clean);
  ASSERT_TRUE(s->IntegrityCheck().ok());
}
#endif

}  // namespace
}  // namespace dateline::store
