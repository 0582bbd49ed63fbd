#include "store/schema.h"

#include <string>

#include "store/sqlite_util.h"

namespace dateline::store {
namespace {

// v1. `day` is days since 1970-01-01 of a day-precision date, kNoDay
// (-1000000000) otherwise. Events are canonical events (fused); mentions are
// the per-article events that make them up, with the columns fusion compares.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE            -- site from the URL host ("" = unknown)
);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,                 -- smallest article id of the syndication group
  articles INTEGER NOT NULL
);
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  input TEXT, url TEXT, title TEXT, published TEXT, language TEXT, dateline TEXT, byline TEXT,
  text TEXT NOT NULL,
  body_hash INTEGER NOT NULL,          -- XXH3-64 of the body
  simhash INTEGER NOT NULL,            -- 64-bit SimHash of the body
  minhash BLOB,                        -- MinHash signature (fuse/minhash.h)
  story_id TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_source_body ON articles(source_id, body_hash);
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  uid INTEGER NOT NULL,                -- stable id: hash of the representative report
  article_rowid INTEGER NOT NULL,      -- the representative (earliest) report's article
  day INTEGER NOT NULL,
  date TEXT, date_precision TEXT, date_from TEXT, date_to TEXT,
  cameo TEXT, root TEXT, quad_class INTEGER, goldstein REAL,
  plover_type TEXT, plover_mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT, trigger TEXT,
  source_text TEXT, source_code TEXT, source_country TEXT, source_agent TEXT,
  target_text TEXT, target_code TEXT, target_country TEXT, target_agent TEXT,
  place_name TEXT, geonameid INTEGER, admin1 TEXT, country2 TEXT, country3 TEXT,
  lat REAL, lon REAL, place_precision TEXT,
  killed INTEGER, killed_min INTEGER, killed_max INTEGER,
  injured INTEGER, arrested INTEGER, participants INTEGER, displaced INTEGER, troops INTEGER,
  claimed_by TEXT, negated INTEGER, modality TEXT, confidence REAL,
  first_seen TEXT, last_seen TEXT,
  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  figures TEXT,                        -- JSON: [{kind, claimant, min, max, latest, reports, stories}]
  json TEXT NOT NULL                   -- the full canonical Event record (event_json.h)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_country2_day ON events(country2, day);
CREATE INDEX events_root_day ON events(root, day);
CREATE INDEX events_plover_day ON events(plover_type COLLATE NOCASE, day);
CREATE INDEX events_acled_day ON events(acled_event_type COLLATE NOCASE, day);
CREATE INDEX events_killed ON events(killed);
CREATE VIRTUAL TABLE event_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid),
  sentence INTEGER, span_start INTEGER, span_end INTEGER, evidence TEXT,
  claimed_by TEXT, counts TEXT,        -- the figures this report gave (JSON) and who it says gave them
  day INTEGER NOT NULL, date TEXT, date_precision INTEGER,
  cameo TEXT, root TEXT, plover_type TEXT, negated INTEGER, modality INTEGER,
  source_code TEXT, source_country TEXT, source_agent TEXT,
  target_code TEXT, target_country TEXT, target_agent TEXT,
  place_name TEXT, geonameid INTEGER, admin1 TEXT, country2 TEXT, lat REAL, lon REAL, place_precision INTEGER,
  json TEXT NOT NULL                   -- this article's Event record
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_rowid);
-- Fusion candidates: same root / PLOVER type, same country (or none), nearby day.
CREATE INDEX mentions_root_country_day ON mentions(root, country2, day);
CREATE INDEX mentions_plover_country_day ON mentions(plover_type, country2, day);

CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence, content='mentions', content_rowid='id');
INSERT INTO sources(name) VALUES ('');
)sql";

// v2. Fusion finds its candidates in memory (fusion_index.h), so the two
// indexes v1 kept for it only cost time on every insert.
constexpr const char* kSchemaV2 = R"sql(
DROP INDEX IF EXISTS mentions_root_country_day;
DROP INDEX IF EXISTS mentions_plover_country_day;
)sql";

// v4. Fusion tells a date the text states from an article's publish date
// (fuse/fusion.h): the mentions keep the date's basis. Older rows take it
// from their Event record.
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE mentions ADD COLUMN date_basis TEXT;
UPDATE mentions SET date_basis = json_extract(json, '$.date_basis');
)sql";

// v5. A report's Event is kept as a compact binary record
// (report_codec.h) instead of JSON, a third of the bytes and no parsing; its
// main sentence is the row's `evidence`. Rows written before keep their JSON
// (and a NULL record); new rows leave `json` empty.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE mentions ADD COLUMN record BLOB;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, [](sqlite3* db) { return Exec(db, kSchemaV1); }},
      {2, [](sqlite3* db) { return Exec(db, kSchemaV2); }},
      {4, [](sqlite3* db) { return Exec(db, kSchemaV4); }},
      {5, [](sqlite3* db) { return Exec(db, kSchemaV5); }},
  };
  return kMigrations;
}

Result<int> SchemaVersion(sqlite3* db) {
  Stmt exists;
  if (Status s = exists.Prepare(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'"); !s.ok()) return s;
  if (!exists.Step() || exists.Int(0) == 0) return 0;
  Stmt version;
  if (Status s = version.Prepare(db, "SELECT max(version) FROM schema_version"); !s.ok()) return s;
  return version.Step() ? static_cast<int>(version.Int(0)) : 0;
}

Status Migrate(sqlite3* db, const std::vector<Migration>& migrations) {
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  int latest = 0;
  for (const Migration& m : migrations) latest = std::max(latest, m.version);
  if (*current > latest) {
    return Status::Unsupported("database schema version " + std::to_string(*current) +
                               " is newer than this dateline (" + std::to_string(latest) + ")");
  }
  for (const Migration& m : migrations) {
    if (m.version <= *current) continue;
    if (Status s = Exec(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    if (s.ok()) s = m.apply(db);
    if (s.ok()) {
      Stmt ins;
      s = ins.Prepare(db, "INSERT INTO schema_version(version) VALUES (?)");
      if (s.ok()) s = ins.Bind(1, m.version).Run();
    }
    if (!s.ok()) {
      Exec(db, "ROLLBACK");
      return Status::IoError("schema migration to v" + std::to_string(m.version) + ": " + s.message());
    }
    if (Status c = Exec(db, "COMMIT"); !c.ok()) return c;
  }
  return Status::Ok();
}

}  // namespace dateline::store
