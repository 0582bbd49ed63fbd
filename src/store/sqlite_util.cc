#include "store/sqlite_util.h"

namespace dateline::store {

Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::IoError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

Status Stmt::Prepare(sqlite3* db, std::string_view sql) {
  db_ = db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    return SqliteError(db, "preparing SQL");
  }
  return Status::Ok();
}

bool Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteError(db_, "running SQL");
  return false;
}

Status Stmt::Run() {
  status_ = Status::Ok();
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IoError(msg);
  }
  return Status::Ok();
}

}  // namespace dateline::store
