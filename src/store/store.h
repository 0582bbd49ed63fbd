// Store: the SQLite database `dateline ingest` writes and `query`, `export`,
// `stats` and `serve` read. One file, WAL mode, schema migrations (schema.h).
//
// Writing. AddArticle(article, events) adds an article with the events coded
// from it, inside a transaction that is committed every
// `batch_articles` articles (and by Flush / Close / the destructor). Each
// batch commits as a whole, so after a crash or kill -9 the database holds
// whole batches only (PRAGMA integrity_check passes) and running the same
// inputs again ends with exactly the counts of an uninterrupted run:
//   * idempotent: an article whose id is stored, or whose body is stored
//     byte for byte from the same site, adds nothing (AddResult::kSkipped);
//     the same body on another site is a copy and is stored (it counts as an
//     article and a source of the story's events);
//   * syndicated copies are grouped into stories (fuse::DuplicateIndex,
//     MinHash containment ≥ 0.8), named by their smallest article id;
//   * fusion: each event is compared (fuse::SameHappening) with the stored
//     reports of other articles with the same CAMEO root or PLOVER type
//     within ±max_days and the same country (or both none); between two
//     copies of one story only the report of the same sentence and CAMEO
//     code matches. It joins the canonical event it matches, merges the ones
//     it bridges, or starts a new one. The stored reports are held in memory
//     for this (store/fusion_index.h, ≈ 130 bytes a report), read at the
//     first write and again when another connection has written. Canonical
//     events are the connected components of that relation and their fields come from
//     fuse::MakeCanonical (earliest report by published, article id,
//     sentence), so the result does not depend on the order articles arrive
//     in. NumMentions / NumSources / NumArticles are kept per event.
// After a failed write the Store is in an unknown state: reopen it.
//
// Within a batch, articles and their mentions are written as they are added;
// canonical events wait for the commit (an event made, merged and grown
// within a batch is written once). Row ids are never reused by one Store.
//
// Reading. Query / ForEach / GetEvent / GetArticle / GetStats see committed
// data (of the open batch, only its articles and mentions: call Flush first). Every filter value is bound
// as a parameter; FTS words are quoted, so any text is data, never SQL or
// FTS syntax.
//
// Threads: a Store is used from one thread at a time; Store::Prepare, the
// costly part of adding an article, runs on any thread. Several processes may
// read while one writes (WAL); a second writer waits up to `busy_timeout_ms`.
#ifndef DATELINE_STORE_STORE_H_
#define DATELINE_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dateline/article.h"
#include "dateline/event.h"
#include "dateline/status.h"
#include "fuse/duplicate_index.h"
#include "fuse/fusion.h"

typedef struct sqlite3 sqlite3;

namespace dateline::store {

struct OpenOptions {
  bool read_only = false;      // no writes, no migration; fails when the file is missing
  // Articles per committed transaction. Larger batches write the pages they
  // touch (indexes, FTS, grown events) once per batch: 2000 rather than 500
  // cut the writer from ~320 to ~245 µs an article (bench/ingest_stages).
  int batch_articles = 2000;
  int busy_timeout_ms = 10000;
  fuse::FusionOptions fusion;
  fuse::DuplicateOptions duplicates;
  // Maps a country code (alpha-2 or alpha-3) to both forms; optional. With it
  // a query by "KZ" or "KAZ" finds the same events; without it alpha-2 is
  // matched against the place and alpha-3 against the place (if the actors'
  // country gave it) or the actors. The integrator passes code::CountryTable.
  std::function<bool(std::string_view code, std::string* alpha2, std::string* alpha3)> country_codes;
};

enum class AddResult { kAdded, kSkipped };

// One event of a PreparedArticle.
struct PreparedEvent {
  // The event as it reads back from the database (event_codec.h StoredForm),
  // article set, with its article's date and site: made on the worker, kept
  // by the writer's cache of reports as it is.
  std::unique_ptr<fuse::Report> report;
  const Event& event() const { return report->event; }
  std::string json;          // EventToJson(event)
  std::string record;        // EncodeReport(event): what the mentions row keeps
  std::string counts_json;   // the figures this report gave
  std::string figures_json;  // its figures as a canonical event of its own
};

// An article made ready for the writer by Store::Prepare: everything that
// needs no database (body hash, SimHash, MinHash signature, each event's JSON)
// so that `dateline ingest` does it on worker threads.
struct PreparedArticle {
  Article article;
  std::string site;  // SiteOfUrl(article.url)
  std::int64_t body_hash = 0, simhash = 0;
  fuse::MinHashSignature signature;
  std::vector<PreparedEvent> events;
};

// A canonical event with what the writers need (formats::EventContext).
struct StoredEvent {
  std::int64_t id = 0;    // row id in this database
  std::uint64_t uid = 0;  // stable across databases and input orders (hash of the representative report)
  Event event;            // the canonical record: representative report, reconciled counts
  std::string url, source_name, date_added;  // the representative article's
  int num_mentions = 1, num_sources = 1, num_articles = 1;
  std::string first_seen, last_seen;
  std::string figures_json;  // per-claimant figures (fuse::Figure) as a JSON array
  // The canonical record as stored (EventToJson's text). Only filled, instead
  // of `event`, when EventQuery::json_only is set.
  std::string json;
};

struct MentionRecord {
  std::string article_id, url, title, source_name, published, story_id;
  std::int32_t sentence = 0;
  std::uint32_t start = 0, end = 0;
  std::string evidence;
  std::string claimed_by;    // who, "" = the reporter
  std::string counts_json;   // the figures that report gave ({"killed":{min,max,best,text}, ...})
  Event event;               // that article's own event record
};

struct EventDetail {
  StoredEvent event;
  std::vector<MentionRecord> mentions;  // earliest first
};

struct StoredArticle {
  Article article;  // id, url, title, published (date only), language, dateline, byline, text
  std::string source_name, story_id;
  std::uint64_t simhash = 0;
  std::vector<std::int64_t> event_ids;  // canonical events it reports
};

struct EventQuery {
  std::string country;    // ISO alpha-2 or alpha-3
  std::string type;       // PLOVER type, ACLED event or sub-event type, CAMEO code (3-4 digits) or root (2)
  std::string from, to;   // "YYYY-MM-DD", inclusive
  std::optional<double> near_lat, near_lon, near_km;  // all three or none
  std::string actor;      // substring of source/target text or code, case-insensitive
  std::string text;       // words that must all occur in an evidence sentence (FTS5)
  std::optional<std::int64_t> min_killed;  // killed (best, else max) ≥ this
  std::optional<double> min_lat, max_lat, min_lon, max_lon;  // bbox: all four or none
  int limit = 100;        // 0 = no limit (ForEach)
  std::string cursor;     // from the previous page's next_cursor
  // Query / ForEach give StoredEvent::json and leave StoredEvent::event empty:
  // no decoding, for callers that pass the record on as JSON (serve).
  bool json_only = false;
};

struct QueryPage {
  std::vector<StoredEvent> events;  // ordered by (day, id); unknown days first
  std::string next_cursor;          // empty when this is the last page
};

struct Stats {
  std::int64_t articles = 0, stories = 0, sources = 0, events = 0, mentions = 0;
  std::vector<std::pair<std::string, std::int64_t>> per_day, per_country, per_type;  // sorted by key
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path, OpenOptions options = {});
  ~Store();  // commits the open batch; errors are lost, call Close() to see them
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // `events` are the events coded from `article` (Event::article == article.id
  // is not required; it is set). Errors: IoError from SQLite; InvalidInput for
  // an article without id; Unsupported on a read-only store.
  Result<AddResult> AddArticle(const Article& article, const std::vector<Event>& events);
  // The same in two steps: Prepare is a pure function, safe on any thread
  // (also while another thread uses a Store); Add(Prepare(a, e)) is
  // AddArticle(a, e).
  static PreparedArticle Prepare(Article article, std::vector<Event> events);
  Result<AddResult> Add(PreparedArticle article);
  Status Flush();   // commits the open batch
  Status Close();   // Flush, checkpoint the WAL

  Result<QueryPage> Query(const EventQuery& query);
  // Every event matching the query (limit and cursor ignored) in order; stop by returning false.
  Status ForEach(const EventQuery& query, const std::function<bool(const StoredEvent&)>& fn);
  Result<EventDetail> GetEvent(std::int64_t id);  // NotFound when absent
  Result<StoredArticle> GetArticle(const std::string& id);
  Result<Stats> GetStats();
  // Ids of articles whose title or text hold all `words` (FTS5, words quoted
  // as data), best match (bm25) first, at most `limit`.
  Result<std::vector<std::string>> SearchArticles(const std::string& words, int limit = 20);
  Status IntegrityCheck();  // PRAGMA integrity_check; Internal with its text when not "ok"

  sqlite3* handle() { return db_; }  // for tests and tools

 private:
  struct Impl;
  Store(sqlite3* db, OpenOptions options);
  struct EventRow;
  Status Load();
  Status WriteMention(std::int64_t mention_id, std::int64_t event_id, std::int64_t article_rowid,
                      const PreparedEvent& pe);
  Status WriteEvent(std::int64_t event_id, bool is_new, const EventRow& row);
  Status Rebuild(std::int64_t event_id, bool is_new);
  sqlite3* db_;
  OpenOptions options_;
  std::unique_ptr<Impl> impl_;
};

// Site name from a URL: host, lower-cased, without "www." and port; "" when none.
std::string SiteOfUrl(std::string_view url);

}  // namespace dateline::store

#endif  // DATELINE_STORE_STORE_H_
