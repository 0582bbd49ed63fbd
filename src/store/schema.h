// The database schema as an ordered list of migrations. A database records
// the version it is at in `schema_version`; Migrate applies, in one
// transaction each, every migration above it. A later version only adds
// (ALTER TABLE ... ADD COLUMN, new tables, new indexes, backfills), so data
// written by an older dateline survives an upgrade. A database newer than
// the code is refused (Unsupported) rather than guessed at.
#ifndef DATELINE_STORE_SCHEMA_H_
#define DATELINE_STORE_SCHEMA_H_

#include <sqlite3.h>

#include <functional>
#include <vector>

#include "dateline/status.h"

namespace dateline::store {

struct Migration {
  int version;
  std::function<Status(sqlite3*)> apply;
};

// The migrations of this build: v1 is the schema documented in schema.cc.
const std::vector<Migration>& Migrations();

// The version recorded in the database; 0 for an empty database.
Result<int> SchemaVersion(sqlite3* db);

// Applies the migrations above the database's version, in order.
Status Migrate(sqlite3* db, const std::vector<Migration>& migrations);

}  // namespace dateline::store

#endif  // DATELINE_STORE_SCHEMA_H_
