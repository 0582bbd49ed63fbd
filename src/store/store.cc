#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dateline/event_json.h"
#include "fuse/simhash.h"
#include "store/checkpointer.h"
#include "store/event_codec.h"
#include "store/fusion_index.h"
#include "store/report_codec.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dateline::store {

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
  Impl(fuse::DuplicateOptions d, fuse::FusionOptions f) : duplicates(d), fusion(f) {}

  // In-memory indexes of what the database holds, built on the first write
  // (Load) and rebuilt when another connection has written meanwhile.
  fuse::DuplicateIndex duplicates;
  FusionIndex fusion;
  bool loaded = false;
  std::int64_t data_version = -1;  // PRAGMA data_version after our last commit
  std::unique_ptr<Checkpointer> checkpointer;  // none when read-only or in memory

  // Row ids this Store gives next. SQLite would reuse the largest id of a
  // deleted event; we do not, so an id never names two happenings in a run.
  std::int64_t next_event_id = 1, next_mention_id = 1;

  // The open batch. Articles and their mentions are written as they come
  // (a mention under the event it joined then; Flush moves the mentions of
  // events merged since); canonical events wait for Flush, so an event made
  // and merged or grown within one batch is written once.
  bool in_batch = false;
  int pending = 0;
  // What Rebuild needs of a mention of this batch whose event may be written
  // from it alone.
  struct PendingMention {
    std::string json, figures_json;
  };
  std::unordered_map<std::int64_t, PendingMention> mentions;  // by mention id
  std::set<std::int64_t> dirty;                              // canonical events to (re)write
  std::unordered_set<std::int64_t> new_events;               // made in this batch, not in the database
  std::unordered_map<std::int64_t, std::int64_t> merged_into;  // this batch's merges
  std::set<std::string> stories_to_count;  // stories that gained articles: recounted at Flush

  // Reports by mention id, in StoredForm, with what fusion needs of their
  // article: those this Store wrote or read, so that rebuilding a canonical
  // event rarely touches SQL. Emptied at a commit once it holds
  // kReportCacheLimit.
  struct CachedReport {
    std::unique_ptr<fuse::Report> report;  // report->story is refreshed when used
    std::int64_t article_rowid = 0;
    std::int64_t uid = 0;  // the uid of a canonical event this report represents
  };
  std::unordered_map<std::int64_t, CachedReport> reports;
  // The uid each canonical event was last written with by this Store: an
  // event whose representative is unchanged is updated in its counts only.
  std::unordered_map<std::int64_t, std::int64_t> written_uid;
  std::unordered_map<std::string, std::int64_t> source_ids;
  // Article row id -> its number in `duplicates`, for FusionIndex's copies test.
  std::unordered_map<std::int64_t, std::uint32_t> article_numbers;
  Stmt find_id, find_body, find_source, add_source, add_article, set_story, upsert_story, drop_story,
      add_article_fts, add_mention, add_evidence_fts, move_mentions, drop_event, drop_rtree, add_rtree,
      story_events, mention_report, update_event, update_counts, insert_event, data_version_stmt;

  std::int64_t FinalId(std::int64_t id) const {
    for (auto it = merged_into.find(id); it != merged_into.end(); it = merged_into.find(id)) id = it->second;
    return id;
  }
};

// What WriteEvent stores for a canonical event.
struct Store::EventRow {
  const Event* event = nullptr;  // the canonical record
  std::string_view json;         // EventToJson(*event)
  std::int64_t uid = 0;
  std::int64_t article_rowid = 0;  // the representative report's article
  std::string_view first_seen, last_seen, figures_json;
  int num_mentions = 1, num_sources = 1, num_articles = 1;
};

namespace {

// Reports kept in Impl::reports before it is emptied at a commit.
constexpr std::size_t kReportCacheLimit = 200000;

// Pages in the log after a commit that start a checkpoint on the
// Checkpointer's thread.
constexpr int kBackgroundCheckpointFrames = 4096;
// Pages in the log after which the writer lets the Checkpointer finish
// before its next batch, so that the log starts over (256 MiB).
constexpr int kRestartLogFrames = 65536;
// When the writer checkpoints itself: every 64 MiB rather than SQLite's
// 4 MiB, so that pages a batch rewrites (indexes, FTS) reach the database
// file once, not once a batch.
constexpr int kWriterCheckpointFrames = 16384;

}  // namespace

Store::Store(sqlite3* db, OpenOptions options)
    : db_(db), options_(std::move(options)), impl_(std::make_unique<Impl>(options_.duplicates, options_.fusion)) {}

Store::~Store() {
  if (impl_ && impl_->in_batch) Flush();
  if (impl_) impl_->checkpointer.reset();
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
  sqlite3_wal_autocheckpoint(db, kWriterCheckpointFrames);
  // Checkpoints on a thread of their own (checkpointer.h) rather than in the
  // writer's commits; without one (a database in memory) the writer does them.
  if (const char* file = sqlite3_db_filename(db, "main"); file && *file) {
    auto checkpointer = Checkpointer::Start(file, kBackgroundCheckpointFrames);
    if (checkpointer.ok()) {
      store->impl_->checkpointer = std::move(checkpointer).value();
      store->impl_->checkpointer->Attach(db);
    }
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
       "admin1, country2, lat, lon, place_precision, json, id, date_basis, record) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?)"},
      {&m.add_evidence_fts, "INSERT INTO evidence_fts(rowid, evidence) VALUES (?,?)"},
      {&m.move_mentions, "UPDATE mentions SET event_id = ?1 WHERE event_id = ?2"},
      {&m.drop_event, "DELETE FROM events WHERE id = ?"},
      {&m.drop_rtree, "DELETE FROM event_rtree WHERE id = ?"},
      {&m.add_rtree, "INSERT INTO event_rtree(id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)"},
      {&m.story_events,
       "SELECT DISTINCT m.event_id FROM articles a JOIN mentions m ON m.article_rowid = a.rowid WHERE a.story_id = ?"},
      {&m.mention_report,
       "SELECT m.record, m.json, m.evidence, a.rowid, a.published, s.name FROM mentions m JOIN articles a ON a.rowid = m.article_rowid "
       "JOIN sources s ON s.id = a.source_id WHERE m.id = ?"},
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
      {&m.update_counts,
       "UPDATE events SET killed=?2, killed_min=?3, killed_max=?4, injured=?5, arrested=?6, participants=?7, "
       "displaced=?8, troops=?9, first_seen=?10, last_seen=?11, num_mentions=?12, num_sources=?13, "
       "num_articles=?14, figures=?15, json=?16 WHERE id=?1"},
      {&m.insert_event,
       "INSERT INTO events(id, uid, article_rowid, day, date, date_precision, date_from, date_to, cameo, root, "
       "quad_class, goldstein, plover_type, plover_mode, acled_event_type, acled_sub_event_type, trigger, "
       "source_text, source_code, source_country, source_agent, target_text, target_code, target_country, "
       "target_agent, place_name, geonameid, admin1, country2, country3, lat, lon, place_precision, killed, "
       "killed_min, killed_max, injured, arrested, participants, displaced, troops, claimed_by, negated, "
       "modality, confidence, first_seen, last_seen, num_mentions, num_sources, num_articles, figures, json) "
       "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,"
       "?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,?39,?40,?41,?42,?43,?44,?45,?46,?47,?48,?49,?50,?51,?52)"},
      {&m.data_version_stmt, "PRAGMA data_version"},
  };
  for (auto& [stmt, sql] : statements) {
    if (Status s = stmt->Prepare(db, sql); !s.ok()) return Status::IoError(path + ": " + s.message());
  }
  return store;
}

namespace {

// The Event fusion compares (fuse::ViewOf), rebuilt from a mentions row
// (columns of Load's query).
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
  e.date_basis = r.Text(23);
  e.evidence.push_back(Evidence{0, r.Text(24), 0, 0});
  return e;
}

}  // namespace

// Builds the in-memory indexes from the database; inside the write transaction.
Status Store::Load() {
  Impl& m = *impl_;
  m.duplicates = fuse::DuplicateIndex(options_.duplicates);
  m.article_numbers.clear();
  m.fusion = FusionIndex(options_.fusion, [&m](std::int64_t a, std::int64_t b) {
    auto x = m.article_numbers.find(a), y = m.article_numbers.find(b);
    return x != m.article_numbers.end() && y != m.article_numbers.end() && m.duplicates.Copies(x->second, y->second);
  });
  m.reports.clear();
  m.written_uid.clear();
  m.source_ids.clear();
  for (auto [table, next] : {std::pair{"events", &m.next_event_id}, std::pair{"mentions", &m.next_mention_id}}) {
    Stmt max;
    if (Status s = max.Prepare(db_, std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table); !s.ok()) return s;
    if (!max.Step()) return max.status().ok() ? Status::Internal("no max id") : max.status();
    *next = max.Int(0);
  }
  Stmt articles;
  if (Status s = articles.Prepare(db_, "SELECT id, minhash, rowid FROM articles ORDER BY rowid"); !s.ok()) return s;
  while (articles.Step()) {
    auto sig = fuse::MinHashSignature::Deserialize(articles.Blob(1));
    const std::string id = articles.Text(0);
    m.duplicates.AddSignature(id, sig.value_or(fuse::MinHashSignature{}));
    m.article_numbers[articles.Int(2)] = *m.duplicates.NumberOf(id);
  }
  if (!articles.status().ok()) return articles.status();
  Stmt mentions;
  if (Status s = mentions.Prepare(db_,
                                  "SELECT id, event_id, day, date, date_precision, cameo, root, plover_type, negated, "
                                  "modality, source_code, source_country, source_agent, target_code, target_country, "
                                  "target_agent, place_name, geonameid, admin1, country2, lat, lon, place_precision, "
                                  "date_basis, evidence, article_rowid FROM mentions ORDER BY id");
      !s.ok()) {
    return s;
  }
  while (mentions.Step()) m.fusion.Add(mentions.Int(0), mentions.Int(1), mentions.Int(25), MentionFromRow(mentions));
  if (!mentions.status().ok()) return mentions.status();
  m.loaded = true;
  return Status::Ok();
}

PreparedArticle Store::Prepare(Article article, std::vector<Event> events) {
  PreparedArticle p;
  const std::string body = article.paragraphs.empty() ? article.text : article.Body();
  p.body_hash = static_cast<std::int64_t>(fuse::Hash64(body));
  fuse::BodyFingerprints prints = fuse::Fingerprint(body);
  p.simhash = static_cast<std::int64_t>(prints.simhash);
  p.signature = prints.minhash;
  p.site = SiteOfUrl(article.url);
  p.events.reserve(events.size());
  for (Event& e : events) {
    e.article = article.id;
    PreparedEvent pe;
    pe.report = std::make_unique<fuse::Report>(
        fuse::Report{StoredForm(std::move(e)), article.published.date, p.site, ""});
    const Event& stored = pe.event();
    pe.json = EventToJson(stored);
    EncodeReport(stored, &pe.record);
    pe.counts_json = CountsToJson(stored.counts);
    pe.figures_json = FiguresToJson(fuse::FiguresOf(*pe.report));
    p.events.push_back(std::move(pe));
  }
  p.article = std::move(article);
  return p;
}

Result<AddResult> Store::AddArticle(const Article& article, const std::vector<Event>& events) {
  return Add(Prepare(article, events));
}

Result<AddResult> Store::Add(PreparedArticle p) {
  if (options_.read_only) return Status::Unsupported("the database is open read-only");
  const Article& article = p.article;
  if (article.id.empty()) return Status::InvalidInput("article without an id");
  Impl& m = *impl_;
  if (!m.in_batch) {
    // Once the log is large, the batch begins after the checkpoint of the
    // last one, so that SQLite starts the log over (checkpointer.h).
    if (m.checkpointer && m.checkpointer->log_frames() >= kRestartLogFrames) m.checkpointer->WaitIdle();
    if (Status s = Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    m.in_batch = true;
    // Another connection may have written since our last commit: reload.
    std::int64_t version = -1;
    if (m.data_version_stmt.Step()) version = m.data_version_stmt.Int(0);
    m.data_version_stmt.Reset();
    if (!m.loaded || version != m.data_version) {
      if (Status s = Load(); !s.ok()) return s;
    }
  }
  m.find_id.Bind(1, article.id);
  const bool known = m.find_id.Step();
  m.find_id.Reset();
  if (known) return AddResult::kSkipped;

  const std::string& site = p.site;
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
  m.find_body.Bind(1, source_id).Bind(2, p.body_hash);
  const bool same_body = m.find_body.Step();
  m.find_body.Reset();
  if (same_body) return AddResult::kSkipped;

  fuse::DuplicateMatch copy = m.duplicates.AddSignature(article.id, p.signature);
  m.add_article.BindRef(1, article.id).Bind(2, source_id).BindRef(3, article.source).BindRef(4, article.url)
      .BindRef(5, article.title).BindRef(6, article.published.date).BindRef(7, article.language)
      .BindRef(8, article.dateline).BindRef(9, article.byline).BindRef(10, article.text).Bind(11, p.body_hash)
      .Bind(12, p.simhash).BindBlob(13, p.signature.Serialize()).BindRef(14, copy.story);
  if (Status s = m.add_article.Run(); !s.ok()) return s;
  const std::int64_t article_rowid = sqlite3_last_insert_rowid(db_);
  m.article_numbers[article_rowid] = *m.duplicates.NumberOf(article.id);
  for (const std::string& old : copy.merged) {
    if (Status s = m.set_story.Bind(1, copy.story).Bind(2, old).Run(); !s.ok()) return s;
    if (Status s = m.drop_story.Bind(1, old).Run(); !s.ok()) return s;
    m.stories_to_count.erase(old);
  }
  m.stories_to_count.insert(copy.story);
  if (!copy.merged.empty()) {
    // Stories merged: figures count stories, so the events the story's
    // articles report are rebuilt.
    m.story_events.Bind(1, copy.story);
    while (m.story_events.Step()) m.dirty.insert(m.FinalId(m.story_events.Int(0)));
    Status s = m.story_events.status();
    m.story_events.Reset();
    if (!s.ok()) return s;
  }
  if (Status s = m.add_article_fts.Bind(1, article_rowid).BindRef(2, article.title).BindRef(3, article.text).Run(); !s.ok()) return s;

  for (PreparedEvent& pe : p.events) {
    const Event& e = pe.event();
    // Fusion: the canonical events this report belongs to.
    std::set<std::int64_t> matched = m.fusion.Matches(e, article_rowid);
    std::int64_t event_id = 0;
    if (matched.empty()) {
      event_id = m.next_event_id++;  // a new happening
      m.new_events.insert(event_id);
    } else {
      event_id = *matched.begin();
      for (auto it = std::next(matched.begin()); it != matched.end(); ++it) {
        m.fusion.Merge(*it, event_id);
        m.merged_into[*it] = event_id;
        m.dirty.erase(*it);
      }
    }
    m.dirty.insert(event_id);
    const std::int64_t mention_id = m.next_mention_id++;
    m.fusion.Add(mention_id, event_id, article_rowid, e);
    if (Status s = WriteMention(mention_id, event_id, article_rowid, pe); !s.ok()) return s;
    const auto uid = static_cast<std::int64_t>(fuse::Hash64(pe.json) >> 1);
    m.mentions[mention_id] = Impl::PendingMention{std::move(pe.json), std::move(pe.figures_json)};
    m.reports[mention_id] = Impl::CachedReport{std::move(pe.report), article_rowid, uid};
  }
  if (++m.pending >= std::max(1, options_.batch_articles)) {
    if (Status s = Flush(); !s.ok()) return s;
  }
  return AddResult::kAdded;
}

namespace {

// What the mentions row keeps of an actor: its code, else its text.
const std::string& ActorKey(const Actor& a) {
  static const std::string kNone;
  if (a.empty()) return kNone;
  return a.code.empty() ? a.text : a.code;
}

// Who the event's figures are claimed by; "" = the reporter.
const std::string& ClaimantOf(const Event& e) {
  static const std::string kNone;
  return e.claimed_by ? e.claimed_by->who : kNone;
}

void CountryCodes(const OpenOptions& options, const Event& e, std::string* c2, std::string* c3) {
  *c2 = e.location.country;
  c3->clear();
  std::string a2, a3;
  if (!c2->empty() && options.country_codes && options.country_codes(*c2, &a2, &a3)) *c3 = a3;
  if (c3->empty()) *c3 = !e.source.country.empty() ? e.source.country : e.target.country;
  if (c2->empty() && !c3->empty() && options.country_codes && options.country_codes(*c3, &a2, &a3)) *c2 = a2;
}

}  // namespace

// Writes report `mention_id` of the article at `article_rowid` as a
// mentions row of event `event_id`, with its evidence in evidence_fts.
Status Store::WriteMention(std::int64_t mention_id, std::int64_t event_id, std::int64_t article_rowid,
                           const PreparedEvent& pe) {
  Impl& m = *impl_;
  const Event& e = pe.event();
  const Evidence& main = e.evidence.front();
  const Location& l = e.location;
  m.add_mention.Bind(1, event_id).Bind(2, article_rowid).Bind(3, main.sentence)
      .Bind(4, static_cast<std::int64_t>(main.start)).Bind(5, static_cast<std::int64_t>(main.end))
      .BindRef(6, main.text).BindRef(7, ClaimantOf(e)).BindRef(8, pe.counts_json).Bind(9, DayOf(e))
      .BindRef(10, e.date).Bind(11, static_cast<int>(e.date_precision)).BindRef(12, e.cameo)
      .BindRef(13, e.root).BindRef(14, e.plover_type).Bind(15, e.negated ? 1 : 0)
      .Bind(16, static_cast<int>(e.modality)).BindRef(17, ActorKey(e.source)).BindRef(18, e.source.country)
      .BindRef(19, e.source.agent).BindRef(20, ActorKey(e.target)).BindRef(21, e.target.country)
      .BindRef(22, e.target.agent).BindRef(23, l.name).Bind(24, l.geonameid).BindRef(25, l.admin1)
      .BindRef(26, l.country).Bind(27, l.lat).Bind(28, l.lon).Bind(29, static_cast<int>(l.precision))
      .Bind(30, mention_id).BindRef(31, e.date_basis).BindBlobRef(32, pe.record);
  if (Status s = m.add_mention.Run(); !s.ok()) return s;
  return m.add_evidence_fts.Bind(1, mention_id).BindRef(2, main.text).Run();
}

// Writes canonical event `event_id` (a new row or an update) with its rtree entry.
Status Store::WriteEvent(std::int64_t event_id, bool is_new, const EventRow& row) {
  Impl& m = *impl_;
  const Event& e = *row.event;
  if (!is_new) {
    if (auto it = m.written_uid.find(event_id); it != m.written_uid.end() && it->second == row.uid) {
      // The same representative report: only what reports add up to changed.
      Stmt& u = m.update_counts;
      u.Bind(1, event_id).Bind(2, Headline(e.counts.killed))
          .Bind(3, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->min) : std::nullopt)
          .Bind(4, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->max) : std::nullopt)
          .Bind(5, Headline(e.counts.injured)).Bind(6, Headline(e.counts.arrested))
          .Bind(7, Headline(e.counts.participants)).Bind(8, Headline(e.counts.displaced))
          .Bind(9, Headline(e.counts.troops)).Bind(10, row.first_seen).Bind(11, row.last_seen)
          .Bind(12, row.num_mentions).Bind(13, row.num_sources).Bind(14, row.num_articles)
          .BindUnowned(15, row.figures_json).BindUnowned(16, row.json);
      return u.Run();
    }
  }
  m.written_uid[event_id] = row.uid;
  std::string c2, c3;
  CountryCodes(options_, e, &c2, &c3);
  Stmt& u = is_new ? m.insert_event : m.update_event;
  u.Bind(1, event_id);
  u.Bind(2, row.uid).Bind(3, row.article_rowid).Bind(4, DayOf(e)).BindRef(5, e.date)
      .Bind(6, DatePrecisionName(e.date_precision)).BindRef(7, e.date_from).BindRef(8, e.date_to)
      .BindRef(9, e.cameo).BindRef(10, e.root).Bind(11, e.quad_class).Bind(12, e.goldstein)
      .BindRef(13, e.plover_type).BindRef(14, e.plover_mode).BindRef(15, e.acled_event_type)
      .BindRef(16, e.acled_sub_event_type).BindRef(17, e.trigger).BindRef(18, e.source.text)
      .BindRef(19, e.source.code).BindRef(20, e.source.country).BindRef(21, e.source.agent)
      .BindRef(22, e.target.text).BindRef(23, e.target.code).BindRef(24, e.target.country)
      .BindRef(25, e.target.agent).BindRef(26, e.location.name).Bind(27, e.location.geonameid)
      .BindRef(28, e.location.admin1).BindRef(29, c2).BindRef(30, c3).Bind(31, e.location.lat)
      .Bind(32, e.location.lon).Bind(33, PlacePrecisionName(e.location.precision))
      .Bind(34, Headline(e.counts.killed))
      .Bind(35, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->min) : std::nullopt)
      .Bind(36, e.counts.killed ? std::optional<std::int64_t>(e.counts.killed->max) : std::nullopt)
      .Bind(37, Headline(e.counts.injured)).Bind(38, Headline(e.counts.arrested))
      .Bind(39, Headline(e.counts.participants)).Bind(40, Headline(e.counts.displaced))
      .Bind(41, Headline(e.counts.troops)).BindRef(42, ClaimantOf(e))
      .Bind(43, e.negated ? 1 : 0).Bind(44, ModalityName(e.modality)).Bind(45, e.confidence)
      .BindUnowned(46, row.first_seen).BindUnowned(47, row.last_seen).Bind(48, row.num_mentions)
      .Bind(49, row.num_sources).Bind(50, row.num_articles).BindUnowned(51, row.figures_json)
      .BindUnowned(52, row.json);
  if (Status s = u.Run(); !s.ok()) return s;
  if (!is_new) {
    if (Status s = m.drop_rtree.Bind(1, event_id).Run(); !s.ok()) return s;
  }
  if (e.location.lat && e.location.lon) {
    if (Status s = m.add_rtree.Bind(1, event_id).Bind(2, *e.location.lat).Bind(3, *e.location.lon).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

// Writes canonical event `event_id` from all its reports.
Status Store::Rebuild(std::int64_t event_id, bool is_new) {
  Impl& m = *impl_;
  const std::vector<std::int64_t> mention_ids = m.fusion.MentionsOf(event_id);
  if (mention_ids.empty()) return Status::Ok();
  if (is_new && mention_ids.size() == 1) {
    // A report alone: its row was made by Prepare.
    const Impl::PendingMention& p = m.mentions.at(mention_ids.front());
    const Impl::CachedReport& r = m.reports.at(mention_ids.front());
    EventRow row;
    row.event = &r.report->event;
    row.json = p.json;
    row.uid = r.uid;
    row.article_rowid = r.article_rowid;
    row.first_seen = row.last_seen = r.report->published;
    row.figures_json = p.figures_json;
    row.num_mentions = std::max<int>(1, static_cast<int>(r.report->event.evidence.size()));
    return WriteEvent(event_id, true, row);
  }
  std::vector<const fuse::Report*> reports;
  reports.reserve(mention_ids.size());
  std::unordered_map<const fuse::Report*, const Impl::CachedReport*> cached_of;
  for (std::int64_t mention_id : mention_ids) {
    auto it = m.reports.find(mention_id);
    if (it == m.reports.end()) {
      // Written by an earlier run: read it back.
      m.mention_report.Bind(1, mention_id);
      if (!m.mention_report.Step()) {
        Status s = m.mention_report.status();
        m.mention_report.Reset();
        return s.ok() ? Status::Internal("mention " + std::to_string(mention_id) + " is missing") : s;
      }
      const std::string record = m.mention_report.Blob(0), json = m.mention_report.Text(1);
      Result<Event> e = ReportOfRow(record, json, m.mention_report.Text(2));
      Impl::CachedReport r;
      r.report = std::make_unique<fuse::Report>();
      r.article_rowid = m.mention_report.Int(3);
      r.report->published = m.mention_report.Text(4);
      r.report->source = m.mention_report.Text(5);
      m.mention_report.Reset();
      if (!e.ok()) return Status::Internal("mention " + std::to_string(mention_id) + ": " + e.status().message());
      // The uid hashes the report's JSON, as Add did (EventToJson of the
      // decoded record gives the same bytes).
      r.uid = static_cast<std::int64_t>(fuse::Hash64(record.empty() ? json : EventToJson(*e)) >> 1);
      r.report->event = std::move(e).value();
      it = m.reports.emplace(mention_id, std::move(r)).first;
    }
    Impl::CachedReport& r = it->second;
    r.report->story = m.duplicates.StoryOf(r.report->event.article);
    reports.push_back(r.report.get());
    cached_of[r.report.get()] = &r;
  }
  fuse::CanonicalEvent c = fuse::MakeCanonicalOf(reports);
  const Impl::CachedReport& representative = *cached_of.at(reports.front());
  const std::string json = EventToJson(c.event);
  const std::string figures = FiguresToJson(c.figures);
  EventRow row;
  row.event = &c.event;
  row.json = json;
  row.uid = representative.uid;
  row.article_rowid = representative.article_rowid;
  row.first_seen = c.first_seen;
  row.last_seen = c.last_seen;
  row.figures_json = figures;
  row.num_mentions = c.num_mentions;
  row.num_sources = c.num_sources;
  row.num_articles = c.num_articles;
  return WriteEvent(event_id, is_new, row);
}

Status Store::Flush() {
  Impl& m = *impl_;
  if (!m.in_batch) return Status::Ok();
  // Events merged into others: their mentions move; those written by an
  // earlier batch go.
  for (const auto& [from, into] : m.merged_into) {
    if (Status s = m.move_mentions.Bind(1, m.FinalId(from)).Bind(2, from).Run(); !s.ok()) return s;
    if (m.new_events.count(from)) continue;
    if (Status s = m.drop_event.Bind(1, from).Run(); !s.ok()) return s;
    if (Status s = m.drop_rtree.Bind(1, from).Run(); !s.ok()) return s;
    m.written_uid.erase(from);
  }
  for (std::int64_t event_id : m.dirty) {
    if (Status s = Rebuild(event_id, m.new_events.count(event_id) > 0); !s.ok()) return s;
  }
  for (const std::string& story : m.stories_to_count) {
    if (Status s = m.upsert_story.BindRef(1, story).Run(); !s.ok()) return s;
  }
  if (Status s = Exec(db_, "COMMIT"); !s.ok()) return s;
  m.in_batch = false;
  m.pending = 0;
  m.mentions.clear();
  m.dirty.clear();
  m.new_events.clear();
  m.merged_into.clear();
  m.stories_to_count.clear();
  if (m.reports.size() > kReportCacheLimit) m.reports.clear();
  if (m.data_version_stmt.Step()) m.data_version = m.data_version_stmt.Int(0);
  m.data_version_stmt.Reset();
  return Status::Ok();
}

Status Store::Close() {
  if (Status s = Flush(); !s.ok()) return s;
  if (impl_->checkpointer) {
    impl_->checkpointer.reset();
    sqlite3_wal_autocheckpoint(db_, kWriterCheckpointFrames);
  }
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
