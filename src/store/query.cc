// Reads: Query / ForEach / GetEvent / GetArticle / GetStats (store.h); the
// two plans of a --text query are described in query.h.
#include <sqlite3.h>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "store/event_codec.h"
#include "store/query.h"
#include "store/report_codec.h"
#include "store/sqlite_util.h"
#include "store/store.h"

namespace dateline::store {

extern const std::int64_t kNoDay;

namespace {

constexpr const char* kEventColumns =
    "e.id, e.uid, e.json, a.url, s.name, a.published, e.num_mentions, e.num_sources, e.num_articles, "
    "e.first_seen, e.last_seen, e.figures, e.day";

Result<StoredEvent> EventFromRow(const Stmt& r, bool json_only = false) {
  StoredEvent out;
  out.id = r.Int(0);
  out.uid = static_cast<std::uint64_t>(r.Int(1));
  if (json_only) {
    out.json = r.Text(2);
  } else {
    Result<Event> e = EventFromJson(r.Text(2));
    if (!e.ok()) return Status::Internal("event " + std::to_string(out.id) + ": " + e.status().message());
    out.event = std::move(e).value();
  }
  out.url = r.Text(3);
  out.source_name = r.Text(4);
  std::string published = r.Text(5);
  if (published.size() >= 10) {
    out.date_added = published.substr(0, 4) + published.substr(5, 2) + published.substr(8, 2) + "000000";
  }
  out.num_mentions = static_cast<int>(r.Int(6));
  out.num_sources = static_cast<int>(r.Int(7));
  out.num_articles = static_cast<int>(r.Int(8));
  out.first_seen = r.Text(9);
  out.last_seen = r.Text(10);
  out.figures_json = r.Text(11);
  return out;
}

// "word word" -> "\"word\" \"word\"": every token a quoted FTS5 string, so
// operators, column filters and quotes in user text are plain words.
std::string FtsQuery(std::string_view text) {
  std::string out, token;
  auto flush = [&] {
    if (token.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : token) {
      out += c;
      if (c == '"') out += '"';
    }
    out += '"';
    token.clear();
  };
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      flush();
    } else {
      token += c;
    }
  }
  flush();
  return out;
}

std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

struct Bound {
  enum Kind { kText, kInt, kReal } kind;
  std::string text;
  std::int64_t i = 0;
  double d = 0;
};

}  // namespace

// Builds the SELECT for a query; values go to `params` in order of the ?s.
// `sentence_ids`, when not empty, is the JSON array of the rowids of the
// sentences that match the words (kFromText only), read instead of
// searching evidence_fts again.
static Status BuildQuery(const EventQuery& q, const OpenOptions& options, bool paged, TextPlan plan,
                         const std::string& sentence_ids, std::string* sql, std::vector<Bound>* params) {
  auto text = [&](std::string v) { params->push_back({Bound::kText, std::move(v)}); };
  auto integer = [&](std::int64_t v) { params->push_back({Bound::kInt, "", v}); };
  auto real = [&](double v) { params->push_back({Bound::kReal, "", 0, v}); };
  std::string where;
  auto add = [&](const std::string& cond) { where += (where.empty() ? " WHERE " : " AND ") + cond; };
  const std::string fts = FtsQuery(q.text);
  // "+e.col" is e.col that no index may serve: with kFromText the events of
  // the matching sentences are the only candidates (query.h). Every value
  // compared is bound with the column's own type, so the column affinity
  // that "+" drops changes no comparison.
  const std::string e = !fts.empty() && plan == TextPlan::kFromText ? "+e." : "e.";

  if (!q.country.empty()) {
    std::string a2, a3;
    std::string code = q.country;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (options.country_codes && options.country_codes(code, &a2, &a3) && !a2.empty()) {
      add(e + "country2 = ?");  // the store fills country2 from country3 with the same mapping
      text(a2);
    } else if (code.size() == 3) {
      add(e + "country3 = ?");
      text(code);
    } else {
      add(e + "country2 = ?");
      text(code);
    }
  }
  if (!q.type.empty()) {
    if (AllDigits(q.type) && q.type.size() <= 2) {
      add(e + "root = ?");
      text(q.type.size() == 1 ? "0" + q.type : q.type);
    } else if (AllDigits(q.type)) {
      add(e + "cameo = ?");
      text(q.type);
    } else {
      add("(" + e + "plover_type = ? COLLATE NOCASE OR " + e + "acled_event_type = ? COLLATE NOCASE OR " + e +
          "acled_sub_event_type = ? COLLATE NOCASE)");
      text(q.type);
      text(q.type);
      text(q.type);
    }
  }
  auto day = [](const std::string& d) { return fuse::DayNumber(d); };
  if (!q.from.empty()) {
    auto d = day(q.from);
    if (!d) return Status::InvalidInput("--from: expected YYYY-MM-DD, got \"" + q.from + "\"");
    add(e + "day >= ?");
    integer(*d);
  }
  if (!q.to.empty()) {
    auto d = day(q.to);
    if (!d) return Status::InvalidInput("--to: expected YYYY-MM-DD, got \"" + q.to + "\"");
    add(e + "day <= ? AND " + e + "day > ?");
    integer(*d);
    integer(kNoDay);
  }
  const int near_given = q.near_lat.has_value() + q.near_lon.has_value() + q.near_km.has_value();
  if (near_given != 0) {
    if (near_given != 3 || *q.near_km < 0 || std::fabs(*q.near_lat) > 90 || std::fabs(*q.near_lon) > 180) {
      return Status::InvalidInput("--near: expected LAT,LON,KM with |LAT| <= 90, |LON| <= 180, KM >= 0");
    }
    const double dlat = *q.near_km / 111.0;
    const double coslat = std::max(0.01, std::cos(*q.near_lat * 3.14159265358979 / 180));
    const double dlon = std::min(180.0, *q.near_km / (111.0 * coslat));
    add(e + "id IN (SELECT id FROM event_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)");
    real(*q.near_lat - dlat);
    real(*q.near_lat + dlat);
    real(*q.near_lon - dlon);
    real(*q.near_lon + dlon);
    add("dl_haversine(e.lat, e.lon, ?, ?) <= ?");
    real(*q.near_lat);
    real(*q.near_lon);
    real(*q.near_km);
  }
  const int bbox_given = q.min_lat.has_value() + q.max_lat.has_value() + q.min_lon.has_value() + q.max_lon.has_value();
  if (bbox_given != 0) {
    if (bbox_given != 4) return Status::InvalidInput("bbox: give min_lat, max_lat, min_lon and max_lon");
    add(e + "id IN (SELECT id FROM event_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)");
    real(*q.min_lat);
    real(*q.max_lat);
    real(*q.min_lon);
    real(*q.max_lon);
  }
  if (!q.actor.empty()) {
    add("(e.source_text LIKE ? ESCAPE '\\' OR e.source_code LIKE ? ESCAPE '\\' OR "
        "e.target_text LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')");
    std::string p = LikePattern(q.actor);
    for (int i = 0; i < 4; ++i) text(p);
  }
  if (!fts.empty()) {
    if (plan == TextPlan::kFromText && !sentence_ids.empty()) {
      add("e.id IN (SELECT m.event_id FROM mentions m WHERE m.id IN (SELECT value FROM json_each(?)))");
    } else if (plan == TextPlan::kFromText) {
      add("e.id IN (SELECT m.event_id FROM mentions m WHERE m.id IN "
          "(SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))");
    } else {
      // "+m.id": the rowid set is probed, never walked, for each event.
      add("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND +m.id IN "
          "(SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))");
    }
    text(plan == TextPlan::kFromText && !sentence_ids.empty() ? sentence_ids : fts);
  }
  if (q.min_killed) {
    add(e + "killed >= ?");
    integer(*q.min_killed);
  }
  if (paged && !q.cursor.empty()) {
    auto colon = q.cursor.find(':');
    std::int64_t cday = 0, cid = 0;
    try {
      if (colon == std::string::npos) throw 0;
      std::size_t used = 0;
      cday = std::stoll(q.cursor.substr(0, colon), &used);
      if (used != colon) throw 0;
      cid = std::stoll(q.cursor.substr(colon + 1), &used);
      if (used != q.cursor.size() - colon - 1) throw 0;
    } catch (...) {
      return Status::InvalidInput("bad cursor \"" + q.cursor + "\"");
    }
    add("(" + e + "day, " + e + "id) > (?, ?)");
    integer(cday);
    integer(cid);
  }
  const std::string joins = " JOIN articles a ON a.rowid = e.article_rowid JOIN sources s ON s.id = a.source_id";
  if (paged && q.limit > 0) {
    // The page's ids first, from the events table alone; then the rows of
    // those few. A plan that sorts (kFromText, --near) then reads no article
    // and copies no record for the candidates that miss the page. Every event
    // has its article and the article its source, so the joins drop nothing.
    *sql = std::string("SELECT ") + kEventColumns + " FROM (SELECT e.id, e.day FROM events e" + where +
           " ORDER BY e.day, e.id LIMIT ?) p JOIN events e ON e.id = p.id" + joins + " ORDER BY p.day, p.id";
    integer(q.limit + 1);
  } else {
    *sql = std::string("SELECT ") + kEventColumns + " FROM events e" + joins + where + " ORDER BY e.day, e.id";
  }
  return Status::Ok();
}

static void BindAll(Stmt& stmt, const std::vector<Bound>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Bound& b = params[i];
    const int at = static_cast<int>(i) + 1;
    if (b.kind == Bound::kText) stmt.Bind(at, b.text);
    if (b.kind == Bound::kInt) stmt.Bind(at, b.i);
    if (b.kind == Bound::kReal) stmt.Bind(at, b.d);
  }
}

// kFromText or kProbeText for `plan` (query.h); kFromText without words.
// With `sentence_ids` (a Query, not a ForEach: see QueryEvents), kAuto that
// resolves to kFromText also gives the matching sentences' rowids there as a
// JSON array, so that the query reads them instead of searching again.
static Result<TextPlan> ResolveTextPlan(sqlite3* db, const EventQuery& q, TextPlan plan,
                                        std::string* sentence_ids) {
  const std::string fts = FtsQuery(q.text);
  if (fts.empty()) return TextPlan::kFromText;
  if (plan != TextPlan::kAuto) return plan;
  Stmt match;
  if (Status s = match.Prepare(db, "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? LIMIT ?"); !s.ok()) {
    return s;
  }
  match.Bind(1, fts).Bind(2, kTextDriveMax + 1);
  std::string ids = "[";
  std::int64_t n = 0;
  while (match.Step()) {
    if (n++ > 0) ids += ',';
    ids += std::to_string(match.Int(0));
  }
  if (!match.status().ok()) return match.status();
  if (n > kTextDriveMax) return TextPlan::kProbeText;
  if (sentence_ids) *sentence_ids = ids + "]";
  return TextPlan::kFromText;
}

// The statement for `query` (paged: with its cursor and LIMIT), bound.
static Status PrepareQuery(sqlite3* db, const OpenOptions& options, const EventQuery& query, bool paged,
                           TextPlan plan, bool reuse_matches, Stmt* stmt) {
  std::string sentence_ids;
  Result<TextPlan> resolved = ResolveTextPlan(db, query, plan, reuse_matches ? &sentence_ids : nullptr);
  if (!resolved.ok()) return resolved.status();
  std::string sql;
  std::vector<Bound> params;
  if (Status s = BuildQuery(query, options, paged, *resolved, sentence_ids, &sql, &params); !s.ok()) return s;
  if (Status s = stmt->Prepare(db, sql); !s.ok()) return s;
  BindAll(*stmt, params);
  return Status::Ok();
}

namespace {

// Holds the statements of one Query to one snapshot of the database: a read
// transaction, unless the connection is already in one (a writer's batch).
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite3* db) : db_(sqlite3_get_autocommit(db) ? db : nullptr) {
    if (db_ && !Exec(db_, "BEGIN").ok()) db_ = nullptr;
  }
  ~ReadSnapshot() {
    if (db_) Exec(db_, "COMMIT");  // reads only: nothing to lose
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace

Result<QueryPage> QueryEvents(sqlite3* db, const OpenOptions& options, const EventQuery& query, TextPlan plan) {
  // The sentence rowids kAuto read are used in a second statement: both see
  // the same data. (ForEach runs a caller's function between rows, which may
  // write, so it holds no transaction and searches in its one statement.)
  ReadSnapshot snapshot(db);
  Stmt stmt;
  if (Status s = PrepareQuery(db, options, query, true, plan, true, &stmt); !s.ok()) return s;
  QueryPage page;
  std::int64_t last_day = 0;
  while (stmt.Step()) {
    if (query.limit > 0 && static_cast<int>(page.events.size()) == query.limit) {
      page.next_cursor = std::to_string(last_day) + ":" + std::to_string(page.events.back().id);
      break;
    }
    Result<StoredEvent> e = EventFromRow(stmt, query.json_only);
    if (!e.ok()) return e.status();
    last_day = stmt.Int(12);
    page.events.push_back(std::move(e).value());
  }
  if (!stmt.status().ok()) return stmt.status();
  return page;
}

Status ForEachEvent(sqlite3* db, const OpenOptions& options, const EventQuery& query, TextPlan plan,
                    const std::function<bool(const StoredEvent&)>& fn) {
  Stmt stmt;
  if (Status s = PrepareQuery(db, options, query, false, plan, false, &stmt); !s.ok()) return s;
  while (stmt.Step()) {
    Result<StoredEvent> e = EventFromRow(stmt, query.json_only);
    if (!e.ok()) return e.status();
    if (!fn(*e)) return Status::Ok();
  }
  return stmt.status();
}

Result<QueryPage> Store::Query(const EventQuery& query) { return QueryEvents(db_, options_, query); }

Status Store::ForEach(const EventQuery& query, const std::function<bool(const StoredEvent&)>& fn) {
  return ForEachEvent(db_, options_, query, TextPlan::kAuto, fn);
}

Result<EventDetail> Store::GetEvent(std::int64_t id) {
  Stmt stmt;
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM events e JOIN articles a ON a.rowid = e.article_rowid JOIN sources s ON s.id = "
                    "a.source_id WHERE e.id = ?";
  if (Status s = stmt.Prepare(db_, sql); !s.ok()) return s;
  stmt.Bind(1, id);
  if (!stmt.Step()) {
    if (!stmt.status().ok()) return stmt.status();
    return Status::NotFound("no event " + std::to_string(id));
  }
  Result<StoredEvent> e = EventFromRow(stmt);
  if (!e.ok()) return e.status();
  EventDetail detail;
  detail.event = std::move(e).value();
  Stmt m;
  if (Status s = m.Prepare(db_,
                           "SELECT a.id, a.url, a.title, s.name, a.published, a.story_id, m.sentence, m.span_start, "
                           "m.span_end, m.evidence, m.claimed_by, m.counts, m.json, m.record FROM mentions m JOIN articles a "
                           "ON a.rowid = m.article_rowid JOIN sources s ON s.id = a.source_id WHERE m.event_id = ? "
                           "ORDER BY a.published, a.id, m.sentence, m.id");
      !s.ok()) {
    return s;
  }
  m.Bind(1, id);
  while (m.Step()) {
    MentionRecord r;
    r.article_id = m.Text(0);
    r.url = m.Text(1);
    r.title = m.Text(2);
    r.source_name = m.Text(3);
    r.published = m.Text(4);
    r.story_id = m.Text(5);
    r.sentence = static_cast<std::int32_t>(m.Int(6));
    r.start = static_cast<std::uint32_t>(m.Int(7));
    r.end = static_cast<std::uint32_t>(m.Int(8));
    r.evidence = m.Text(9);
    r.claimed_by = m.Text(10);
    r.counts_json = m.Text(11);
    if (Result<Event> ev = ReportOfRow(m.Blob(13), m.Text(12), r.evidence); ev.ok()) r.event = std::move(ev).value();
    detail.mentions.push_back(std::move(r));
  }
  if (!m.status().ok()) return m.status();
  return detail;
}

Result<StoredArticle> Store::GetArticle(const std::string& id) {
  Stmt stmt;
  if (Status s = stmt.Prepare(db_,
                              "SELECT a.rowid, a.id, a.input, a.url, a.title, a.published, a.language, a.dateline, "
                              "a.byline, a.text, s.name, a.story_id, a.simhash FROM articles a JOIN sources s ON "
                              "s.id = a.source_id WHERE a.id = ?");
      !s.ok()) {
    return s;
  }
  stmt.Bind(1, id);
  if (!stmt.Step()) {
    if (!stmt.status().ok()) return stmt.status();
    return Status::NotFound("no article \"" + id + "\"");
  }
  StoredArticle out;
  const std::int64_t rowid = stmt.Int(0);
  Article& a = out.article;
  a.id = stmt.Text(1);
  a.source = stmt.Text(2);
  a.url = stmt.Text(3);
  a.title = stmt.Text(4);
  a.published.date = stmt.Text(5);
  a.published.precision = a.published.date.size() >= 10 ? DatePrecision::kDay
                          : a.published.date.size() == 7 ? DatePrecision::kMonth
                          : a.published.date.size() == 4 ? DatePrecision::kYear
                                                         : DatePrecision::kNone;
  a.language = stmt.Text(6);
  a.dateline = stmt.Text(7);
  a.byline = stmt.Text(8);
  a.text = stmt.Text(9);
  out.source_name = stmt.Text(10);
  out.story_id = stmt.Text(11);
  out.simhash = static_cast<std::uint64_t>(stmt.Int(12));
  Stmt ev;
  if (Status s = ev.Prepare(db_, "SELECT DISTINCT event_id FROM mentions WHERE article_rowid = ? ORDER BY event_id"); !s.ok()) return s;
  ev.Bind(1, rowid);
  while (ev.Step()) out.event_ids.push_back(ev.Int(0));
  if (!ev.status().ok()) return ev.status();
  return out;
}

Result<std::vector<std::string>> Store::SearchArticles(const std::string& words, int limit) {
  std::vector<std::string> ids;
  const std::string fts = FtsQuery(words);
  if (fts.empty()) return ids;
  Stmt q;
  if (Status s = q.Prepare(db_,
                           "SELECT a.id FROM article_fts f JOIN articles a ON a.rowid = f.rowid "
                           "WHERE article_fts MATCH ? ORDER BY bm25(article_fts), a.id LIMIT ?");
      !s.ok()) {
    return s;
  }
  q.Bind(1, fts).Bind(2, limit);
  while (q.Step()) ids.push_back(q.Text(0));
  if (!q.status().ok()) return q.status();
  return ids;
}

Result<Stats> Store::GetStats() {
  Stats stats;
  struct {
    const char* sql;
    std::int64_t* into;
  } counts[] = {{"SELECT count(*) FROM articles", &stats.articles},
                {"SELECT count(*) FROM stories", &stats.stories},
                {"SELECT count(*) FROM sources WHERE name <> ''", &stats.sources},
                {"SELECT count(*) FROM events", &stats.events},
                {"SELECT count(*) FROM mentions", &stats.mentions}};
  for (auto& [sql, into] : counts) {
    Stmt s;
    if (Status st = s.Prepare(db_, sql); !st.ok()) return st;
    if (s.Step()) *into = s.Int(0);
    if (!s.status().ok()) return s.status();
  }
  struct {
    const char* sql;
    std::vector<std::pair<std::string, std::int64_t>>* into;
  } groups[] = {
      {"SELECT CASE WHEN day > -1000000000 THEN date ELSE '' END AS k, count(*) FROM events GROUP BY k ORDER BY k", &stats.per_day},
      {"SELECT coalesce(country2, '') AS k, count(*) FROM events GROUP BY k ORDER BY k", &stats.per_country},
      {"SELECT coalesce(plover_type, '') AS k, count(*) FROM events GROUP BY k ORDER BY k", &stats.per_type},
  };
  for (auto& [sql, into] : groups) {
    Stmt s;
    if (Status st = s.Prepare(db_, sql); !st.ok()) return st;
    while (s.Step()) into->emplace_back(s.Text(0), s.Int(1));
    if (!s.status().ok()) return s.status();
  }
  return stats;
}

}  // namespace dateline::store
