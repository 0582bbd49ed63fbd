#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "dateline/event_json.h"
#include "fuse/simhash.h"
#include "store/event_codec.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dateline::store {

extern const std::int64_t kNoDay;
const std::int64_t kNoDay = -1000000000;

namespace {

void HaversineSql(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(ctx);
      return;
    }
  }
  sqlite3_result_double(ctx, fuse::HaversineKm(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                                               sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

std::int64_t DayOf(const Event& e) {
  if (e.date_precision != DatePrecision::kDay) return kNoDay;
  return fuse::DayNumber(e.date).value_or(kNoDay);
}

std::optional<std::int64_t> Headline(const std::optional<Count>& c) {
  if (!c) return std::nullopt;
  return c->best ? *c->best : c->max;
}

}  // namespace

std::string SiteOfUrl(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (auto colon = rest.find(':'); colon != std::string_view::npos) rest = rest.substr(0, colon);
  std::string host(rest);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

struct Store::Impl {
  fuse::DuplicateIndex duplicates;
  bool in_batch = false;
  int pending = 0;
  std::set<std::int64_t> dirty;                       // canonical events to rebuild at Flush
  std::unordered_map<std::int64_t, Event> new_events;  // mention id -> its Event, this batch
  std::unordered_map<std::string, std::int64_t> source_ids;
  Stmt find_id, find_body, find_source, add_source, add_article, set_story, upsert_story, drop_story,
      add_article_fts, add_mention, add_evidence_fts, move_mentions,
      drop_event, drop_rtree, add_rtree, cand_root, cand_plover, cand_root_any, cand_plover_any, event_reports, update_event, insert_event;

  explicit Impl(fuse::DuplicateOptions options) : duplicates(options) {}
};

Store::Store(sqlite3* db, OpenOptions options)
    : db_(db), options_(std::move(options)), impl_(std::make_unique<Impl>(options_.duplicates)) {}

Store::~Store() {
  if (impl_ && impl_->in_batch) Flush();
  sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenOptions options) {
  sqlite3* db = nullptr;
  const int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Status s = SqliteError(db, path);
    sqlite3_close_v2(db);
    return s;
  }
  std::unique_ptr<Store> store(new Store(db, std::move(options)));
  sqlite3_busy_timeout(db, store->options_.busy_timeout_ms);
  sqlite3_create_function_v2(db, "dl_haversine", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             HaversineSql, nullptr, nullptr, nullptr);
  if (store->options_.read_only) {
    Result<int> v = SchemaVersion(db);
    if (!v.ok()) return Status::IoError(path + ": " + v.status().message());
    if (*v == 0) return Status::InvalidInput(path + ": not a dateline database");
    return store;
  }
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                             "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536"}) {
    if (Status s = Exec(db, pragma); !s.ok()) return Status::IoError(path + ": " + s.message());
  }
  if (Status s = Migrate(db, Migrations()); !s.ok()) return Status(s.code() == Status::Code::kUnsupported ? s : Status::IoError(path + ": " + s.message()));
  Impl& m = *store->impl_;
  struct {
    Stmt* stmt;
    const char* sql;
  } statements[] = {
      {&m.find_id, "SELECT 1 FROM articles WHERE id = ?"},
      {&m.find_body, "SELECT 1 FROM articles WHERE source_id = ? AND body_hash = ?"},
      {&m.find_source, "SELECT id FROM sources WHERE name = ?"},
      {&m.add_source, "INSERT INTO sources(name) VALUES (?)"},
      {&m.add_article,
       "INSERT INTO articles(id, source_id, input, url, title, published, language, dateline, byline, text, "
       "body_hash, simhash, minhash, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&m.set_story, "UPDATE articles SET story_id = ?1 WHERE story_id = ?2"},
      {&m.upsert_story,
       "INSERT INTO stories(id, articles) VALUES (?1, (SELECT count(*) FROM articles WHERE story_id = ?1)) "
       "ON CONFLICT(id) DO UPDATE SET articles = excluded.articles"},
      {&m.drop_story, "DELETE FROM stories WHERE id = ?"},
      {&m.add_article_fts, "INSERT INTO article_fts(rowid, title, text) VALUES (?,?,?)"},
      {&m.add_mention,
       "INSERT INTO mentions(event_id, article_rowid, sentence, span_start, span_end, evidence, claimed_by, "
       "counts, day, date, date_precision, cameo, root, plover_type, negated, modality, source_code, "
       "source_country, source_agent, target_code, target_country, target_agent, place_name, geonameid, "
       "admin1, country2, lat, lon, place_precision, json) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&m.add_evidence_fts, "INSERT INTO evidence_fts(rowid, evidence) VALUES (?,?)"},
      {&m.move_mentions, "UPDATE mentions SET event_id = ?1 WHERE event_id = ?2"},
      {&m.drop_event, "DELETE FROM events WHERE id = ?"},
      {&m.drop_rtree, "DELETE FROM event_rtree WHERE id = ?"},
      {&m.add_rtree, "INSERT INTO event_rtree(id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)"},
      {&m.cand_root,
       "SELECT id, event_id, day, date, date_precision, cameo, root, plover_type, negated, modality, "
       "source_code, source_country, source_agent, target_code, target_country, target_agent, place_name, "
       "geonameid, admin1, country2, lat, lon, place_precision FROM mentions "
       "WHERE root = ?1 AND country2 = ?4 AND day BETWEEN ?2 AND ?3"},
      {&m.cand_root_any,
       "SELECT id, event_id, day, date, date_precision, cameo, root, plover_type, negated, modality, "
       "source_code, source_country, source_agent, target_code, target_country, target_agent, place_name, "
       "geonameid, admin1, country2, lat, lon, place_precision FROM mentions "
       "WHERE root = ?1 AND day BETWEEN ?2 AND ?3 AND ?4 = ?4"},
      {&m.cand_plover,
       "SELECT id, event_id, day, date, date_precision, cameo, root, plover_type, negated, modality, "
       "source_code, source_country, source_agent, target_code, target_country, target_agent, place_name, "
       "geonameid, admin1, country2, lat, lon, place_precision FROM mentions "
       "WHERE plover_type = ?1 AND country2 = ?4 AND day BETWEEN ?2 AND ?3"},
      {&m.cand_plover_any,
       "SELECT id, event_id, day, date, date_precision, cameo, root, plover_type, negated, modality, "
       "source_code, source_country, source_agent, target_code, target_country, target_agent, place_name, "
       "geonameid, admin1, country2, lat, lon, place_precision FROM mentions "
       "WHERE plover_type = ?1 AND day BETWEEN ?2 AND ?3 AND ?4 = ?4"},
      {&m.event_reports,
       "SELECT m.id, m.json, a.rowid, a.id, a.published, s.name, a.story_id FROM mentions m "
       "JOIN articles a ON a.rowid = m.article_rowid JOIN sources s ON s.id = a.source_id WHERE m.event_id = ?"},
      {&m.update_event,
       "UPDATE events SET uid=?2, article_rowid=?3, day=?4, date=?5, date_precision=?6, date_from=?7, date_to=?8, "
       "cameo=?9, root=?10, quad_class=?11, goldstein=?12, plover_type=?13, plover_mode=?14, "
       "acled_event_type=?15, acled_sub_event_type=?16, trigger=?17, source_text=?18, source_code=?19, "
       "source_country=?20, source_agent=?21, target_text=?22, target_code=?23, target_country=?24, "
       "target_agent=?25, place_name=?26, geonameid=?27, admin1=?28, country2=?29, country3=?30, lat=?31, "
       "lon=?32, place_precision=?33, killed=?34, killed_min=?35, killed_max=?36, injured=?37, arrested=?38, "
       "participants=?39, displaced=?40, troops=?41, claimed_by=?42, negated=?43, modality=?44, "
       "confidence=?45, first_seen=?46, last_seen=?47, num_mentions=?48, num_sources=?49, num_articles=?50, "
       "figures=?51, json=?52 WHERE id=?1"},
      {&m.insert_event,
       "INSERT INTO events(id, uid, article_rowid, day, date, date_precision, date_from, date_to, cameo, root, "
       "quad_class, goldstein, plover_type, plover_mode, acled_event_type, acled_sub_event_type, trigger, "
       "source_text, source_code, source_country, source_agent, target_text, target_code, target_country, "
       "target_agent, place_name, geonameid, admin1, country2, country3, lat, lon, place_precision, killed, "
       "killed_min, killed_max, injured, arrested, participants, displaced, troops, claimed_by, negated, "
       "modality, confidence, first_seen, last_seen, num_mentions, num_sources, num_articles, figures, json) "
       "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,"
       "?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,?39,?40,?41,?42,?43,?44,?45,?46,?47,?48,?49,?50,?51,?52)"},
  };
  for (auto& [stmt, sql] : statements) {
    if (Status s = stmt->Prepare(db, sql); !s.ok()) return Status::IoError(path + ": " + s.message());
  }
  // Rebuild the syndication index from the stored signatures.
  Stmt load;
  if (Status s = load.Prepare(db, "SELECT id, minhash FROM articles ORDER BY rowid"); !s.ok()) return s;
  while (load.Step()) {
    auto sig = fuse::MinHashSignature::Deserialize(load.Blob(1));
    m.duplicates.AddSignature(load.Text(0), sig.value_or(fuse::MinHashSignature{}));
  }
  if (!load.status().ok()) return load.status();
  return store;
}

namespace {

// The Event fusion compares, rebuilt from a candidate row of cand_root/cand_plover.
Event MentionFromRow(const Stmt& r) {
  Event e;
  e.date = r.Text(3);
  e.date_precision = static_cast<DatePrecision>(r.Int(4));
  e.cameo = r.Text(5);
  e.root = r.Text(6);
  e.plover_type = r.Text(7);
  e.negated = r.Int(8) != 0;
  e.modality = static_cast<Modality>(r.Int(9));
  e.source.code = r.Text(10);
  e.source.country = r.Text(11);
  e.source.agent = r.Text(12);
  e.source.text = e.source.code;
  e.target.code = r.Text(13);
  e.target.country = r.Text(14);
  e.target.agent = r.Text(15);
  e.target.text = e.target.code;
  e.location.name = r.Text(16);
  e.location.geonameid = r.Int(17);
  e.location.admin1 = r.Text(18);
  e.location.country = r.Text(19);
  if (!r.IsNull(20)) e.location.lat = r.Double(20);
  if (!r.IsNull(21)) e.location.lon = r.Double(21);
  e.location.precision = static_cast<PlacePrecision>(r.Int(22));
  return e;
}

}  // namespace

Result<AddResult> Store::AddArticle(const Article& article, const std::vector<Event>& events) {
  if (options_.read_only) return Status::Unsupported("the database is open read-only");
  if (article.id.empty()) return Status::InvalidInput("article without an id");
  Impl& m = *impl_;
  if (!m.in_batch) {
    if (Status s = Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    m.in_batch = true;
  }
  m.find_id.Bind(1, article.id);
  const bool known = m.find_id.Step();
  m.find_id.Reset();
  if (known) return AddResult::kSkipped;

  const std::string body = article.paragraphs.empty() ? article.text : article.Body();
  const auto body_hash = static_cast<std::int64_t>(fuse::Hash64(body));
  const std::string site = SiteOfUrl(article.url);
  std::int64_t source_id;
  if (auto it = m.source_ids.find(site); it != m.source_ids.end()) {
    source_id = it->second;
  } else {
    m.find_source.Bind(1, site);
    if (m.find_source.Step()) {
      source_id = m.find_source.Int(0);
      m.find_source.Reset();
    } else {
      m.find_source.Reset();
      if (Status s = m.add_source.Bind(1, site).Run(); !s.ok()) return s;
      source_id = sqlite3_last_insert_rowid(db_);
    }
    m.source_ids[site] = source_id;
  }
  m.find_body.Bind(1, source_id).Bind(2, body_hash);
  const bool same_body = m.find_body.Step();
  m.find_body.Reset();
  if (same_body) return AddResult::kSkipped;

  fuse::DuplicateMatch copy = m.duplicates.Add(article.id, body);
  m.add_article.Bind(1, article.id).Bind(2, source_id).Bind(3, article.source).Bind(4, article.url)
      .Bind(5, article.title).Bind(6, article.published.date).Bind(7, article.language)
      .Bind(8, article.dateline).Bind(9, article.byline).Bind(10, article.text).Bind(11, body_hash)
      .Bind(12, static_cast<std::int64_t>(fuse::SimHash(body)))
      .BindBlob(13, copy.signature.Serialize()).Bind(14, copy.story);
  if (Status s = m.add_article.Run(); !s.ok()) return s;
  const std::int64_t article_rowid = sqlite3_last_insert_rowid(db_);
  for (const std::string& old : copy.merged) {
    if (Status s = m.set_story.Bind(1, copy.story).Bind(2, old).Run(); !s.ok()) return s;
    if (Status s = m.drop_story.Bind(1, old).Run(); !s.ok()) return s;
  }
  if (Status s = m.upsert_story.Bind(1, copy.story).Run(); !s.ok()) return s;
  if (Status s = m.add_article_fts.Bind(1, article_rowid).Bind(2, article.title).Bind(3, article.text).Run(); !s.ok()) return s;

  for (Event e : events) {
    e.article = article.id;
    if (e.evidence.empty()) e.evidence.push_back(Evidence{});
    const Evidence& main = e.evidence.front();
    const std::int64_t day = DayOf(e);
    const Location& l = e.location;
    const std::string mention_json = EventToJson(e);

    // Fusion: the canonical events this report belongs to.
    Event probe = e;  // compared the way stored rows are
    if (!probe.source.empty() && probe.source.code.empty()) probe.source.code = probe.source.text;
    if (!probe.target.empty() && probe.target.code.empty()) probe.target.code = probe.target.text;
    const std::int64_t lo = day == kNoDay ? LLONG_MIN : day - options_.fusion.max_days;
    const std::int64_t hi = day == kNoDay ? LLONG_MAX : day + options_.fusion.max_days;
    std::set<std::int64_t> matched;
    auto scan = [&](Stmt& q, const std::string& key, const std::string& country, std::int64_t from,
                    std::int64_t to) -> Status {
      q.Bind(1, key).Bind(2, from).Bind(3, to).Bind(4, country);
      while (q.Step()) {
        const std::int64_t event_id = q.Int(1);
        if (matched.count(event_id)) continue;
        if (fuse::SameHappening(probe, MentionFromRow(q), options_.fusion)) matched.insert(event_id);
      }
      Status s = q.status();
      q.Reset();
      return s;
    };
    // Stored reports in the same country or with none; all countries when this one has none.
    std::vector<std::string> countries = {l.country};
    if (!l.country.empty()) countries.push_back("");
    for (auto [by_country, any_country, key] : {std::tuple{&m.cand_root, &m.cand_root_any, &e.root},
                                                std::tuple{&m.cand_plover, &m.cand_plover_any, &e.plover_type}}) {
      if (key->empty()) continue;
      for (const std::string& country : countries) {
        Stmt& q = l.country.empty() ? *any_country : *by_country;
        if (Status s = scan(q, *key, country, lo, hi); !s.ok()) return s;
        if (day != kNoDay) {
          if (Status s = scan(q, *key, country, kNoDay, kNoDay); !s.ok()) return s;
        }
      }
    }
    std::int64_t event_id = 0;
    if (matched.empty()) {
      // A new happening: its canonical event is this report alone.
      fuse::CanonicalEvent c = fuse::MakeCanonical({fuse::Report{e, article.published.date, site, copy.story}});
      if (Status s = WriteEvent(event_id, c, article_rowid, mention_json); !s.ok()) return s;
    } else {
      event_id = *matched.begin();
      for (auto it = std::next(matched.begin()); it != matched.end(); ++it) {
        if (Status s = m.move_mentions.Bind(1, event_id).Bind(2, *it).Run(); !s.ok()) return s;
        if (Status s = m.drop_event.Bind(1, *it).Run(); !s.ok()) return s;
        if (Status s = m.drop_rtree.Bind(1, *it).Run(); !s.ok()) return s;
        m.dirty.erase(*it);
      }
      m.dirty.insert(event_id);
    }
    m.add_mention.Bind(1, event_id).Bind(2, article_rowid).Bind(3, main.sentence)
        .Bind(4, static_cast<std::int64_t>(main.start)).Bind(5, static_cast<std::int64_t>(main.end))
        .Bind(6, main.text).Bind(7, e.claimed_by ? e.claimed_by->who : std::string())
        .Bind(8, CountsToJson(e.counts)).Bind(9, day).Bind(10, e.date)
        .Bind(11, static_cast<int>(e.date_precision)).Bind(12, e.cameo).Bind(13, e.root)
        .Bind(14, e.plover_type).Bind(15, e.negated ? 1 : 0).Bind(16, static_cast<int>(e.modality))
        .Bind(17, e.source.empty() ? "" : e.source.code.empty() ? e.source.text : e.source.code)
        .Bind(18, e.source.country).Bind(19, e.source.agent)
        .Bind(20, e.target.empty() ? "" : e.target.code.empty() ? e.target.text : e.target.code)
        .Bind(21, e.target.country).Bind(22, e.target.agent).Bind(23, l.name).Bind(24, l.geonameid)
        .Bind(25, l.admin1).Bind(26, l.country).Bind(27, l.lat).Bind(28, l.lon)
        .Bind(29, static_cast<int>(l.precision)).Bind(30, mention_json);
    if (Status s = m.add_mention.Run(); !s.ok()) return s;
    const std::int64_t mention_id = sqlite3_last_insert_rowid(db_);
    if (Status s = m.add_evidence_fts.Bind(1, mention_id).Bind(2, main.text).Run(); !s.ok()) return s;
    m.new_events.emplace(mention_id, std::move(e));
  }
  if (++m.pending >= std::max(1, options_.batch_articles)) {
    if (Status s = Flush(); !s.ok()) return s;
  }
  return AddResult::kAdded;
}

namespace {

void CountryCodes(const OpenOptions& options, const Event& e, std::string* c2, std::string* c3) {
  *c2 = e.location.country;
  c3->clear();
  std::string a2, a3;
  if (!c2->empty() && options.country_codes && options.country_codes(*c2, &a2, &a3)) *c3 = a3;
  if (c3->empty()) *c3 = !e.source.country.empty() ? e.source.country : e.target.country;
  if (c2->empty() && !c3->empty() && options.country_codes && options.country_codes(*c3, &a2, &a3)) *c2 = a2;
}

}  // namespace

// Writes canonical event `event_id` (0: insert a new row) with its rtree entry.
Status Store::WriteEvent(std::int64_t& event_id, const fuse::CanonicalEvent& c, std::int64_t article_rowid,
                         const std::string& representative_json) {
  Impl& m = *impl_;
  const Event& e = c.event;
  const std::string json = EventToJson(e);
  std::string c2, c3;
  CountryCodes(options_, e, &c2, &c3);
  const auto uid = static_cast<std::int64_t>(
      fuse::Hash64(representative_json.empty() ? EventToJson(c.reports.front().event) : representative_json) >> 1);
  Stmt& u = event_id == 0 ? m.insert_event : m.update_event;
  if (event_id == 0) {
    u.BindNull(1);
  } else {
    u.Bind(1, event_id);
  }
  u.Bind(2, uid).Bind(3, article_rowid).Bind(4, DayOf(e)).Bind(5, e.date)
      .Bind(6, DatePrecisionName(e.date_precision)).Bind(7, e.date_from).Bind(8, e.date_to).Bind(9, e.cameo)
      .Bind(10, e.root).Bind(11, e.quad_class).Bind(12, e.goldstein).Bind(13, e.plover_type)
      .Bind(14, e.plover_mode).Bind(15, e.acled_event_type).Bind(16, e.acled_sub_event_type)
      .Bind(17, e.trigger).Bind(18, e.source.text).Bind(19, e.source.code).Bind(20, e.source.country)
      .Bind(21, e.source.agent).Bind(22, e.target.text).Bind(23, e.target.code).Bind(24, e.target.country)
      .Bind(25, e.target.agent).Bind(26, e.location.name).Bind(27, e.location.geonameid)
      .Bind(28, e.location.admin1).Bind(29, c2).Bind(30, c3).Bind(31, e.location.lat)
      .Bind(32, e.location.lon).Bind(33, PlacePrecisionName(e.location.precision))
      .Bind(34, Headline(e.counts.killed))
      .Bind(35, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->min) : std::nullopt)
      .Bind(36, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->max) : std::nullopt)
      .Bind(37, Headline(e.counts.injured)).Bind(38, Headline(e.counts.arrested))
      .Bind(39, Headline(e.counts.participants)).Bind(40, Headline(e.counts.displaced))
      .Bind(41, Headline(e.counts.troops)).Bind(42, e.claimed_by ? e.claimed_by->who : std::string())
      .Bind(43, e.negated ? 1 : 0).Bind(44, ModalityName(e.modality)).Bind(45, e.confidence)
      .Bind(46, c.first_seen).Bind(47, c.last_seen).Bind(48, c.num_mentions).Bind(49, c.num_sources)
      .Bind(50, c.num_articles).Bind(51, FiguresToJson(c.figures)).Bind(52, json);
  if (Status s = u.Run(); !s.ok()) return s;
  if (event_id == 0) {
    event_id = sqlite3_last_insert_rowid(db_);
  } else if (Status s = m.drop_rtree.Bind(1, event_id).Run(); !s.ok()) {
    return s;
  }
  if (e.location.lat && e.location.lon) {
    if (Status s = m.add_rtree.Bind(1, event_id).Bind(2, *e.location.lat).Bind(3, *e.location.lon).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Flush() {
  Impl& m = *impl_;
  if (!m.in_batch) return Status::Ok();
  for (std::int64_t event_id : m.dirty) {
    std::vector<fuse::Report> reports;
    std::map<std::string, std::int64_t> rowid_of;
    m.event_reports.Bind(1, event_id);
    while (m.event_reports.Step()) {
      fuse::Report r;
      const std::int64_t mention_id = m.event_reports.Int(0);
      if (auto it = m.new_events.find(mention_id); it != m.new_events.end()) {
        r.event = it->second;
      } else {
        Result<Event> e = EventFromJson(m.event_reports.Text(1));
        if (!e.ok()) {
          m.event_reports.Reset();
          return Status::Internal("mention " + std::to_string(mention_id) + ": " + e.status().message());
        }
        r.event = std::move(e).value();
      }
      rowid_of[m.event_reports.Text(3)] = m.event_reports.Int(2);
      r.published = m.event_reports.Text(4);
      r.source = m.event_reports.Text(5);
      r.story = m.event_reports.Text(6);
      reports.push_back(std::move(r));
    }
    Status rs = m.event_reports.status();
    m.event_reports.Reset();
    if (!rs.ok()) return rs;
    if (reports.empty()) continue;
    fuse::CanonicalEvent c = fuse::MakeCanonical(std::move(reports));
    const std::int64_t rep_rowid = rowid_of[c.event.article];
    if (Status s = WriteEvent(event_id, c, rep_rowid, ""); !s.ok()) return s;
  }
  if (Status s = Exec(db_, "COMMIT"); !s.ok()) return s;
  m.in_batch = false;
  m.pending = 0;
  m.dirty.clear();
  m.new_events.clear();
  return Status::Ok();
}

Status Store::Close() {
  if (Status s = Flush(); !s.ok()) return s;
  if (!options_.read_only) return Exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  return Status::Ok();
}

Status Store::IntegrityCheck() {
  Stmt q;
  if (Status s = q.Prepare(db_, "PRAGMA integrity_check"); !s.ok()) return s;
  std::string all;
  while (q.Step()) all += (all.empty() ? "" : "; ") + q.Text(0);
  if (!q.status().ok()) return q.status();
  return all == "ok" ? Status::Ok() : Status::Internal("integrity_check: " + all);
}

}  // namespace dateline::store
