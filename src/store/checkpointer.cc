#include "store/checkpointer.h"

#include <sqlite3.h>

namespace dateline::store {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path, int frames) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError(path + ": checkpointer: " + message);
  }
  // A connection knows the database is in WAL mode (and checkpoints it)
  // only once it has read it.
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close_v2(db);
    return Status::IoError(path + ": checkpointer: " + message);
  }
  return std::unique_ptr<Checkpointer>(new Checkpointer(db, frames));
}

Checkpointer::Checkpointer(sqlite3* db, int frames) : db_(db), frames_(frames), thread_([this] { Loop(); }) {}

void Checkpointer::Attach(sqlite3* writer) {
  writer_ = writer;
  sqlite3_wal_hook(
      writer,
      [](void* self, sqlite3*, const char*, int frames) {
        auto* c = static_cast<Checkpointer*>(self);
        {
          std::lock_guard<std::mutex> lock(c->mu_);
          c->log_frames_ = frames;
        }
        if (frames >= c->frames_) c->Nudge();
        return SQLITE_OK;
      },
      this);
}

Checkpointer::~Checkpointer() {
  Stop();
  sqlite3_close_v2(db_);
}

void Checkpointer::Nudge() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    nudged_ = true;
  }
  wake_.notify_one();
}

void Checkpointer::Stop() {
  if (writer_) {
    sqlite3_wal_hook(writer_, nullptr, nullptr);
    writer_ = nullptr;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

int Checkpointer::runs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return runs_;
}

int Checkpointer::log_frames() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_frames_;
}

void Checkpointer::WaitIdle() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [this] { return stopping_ || (!nudged_ && !running_); });
}

void Checkpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return nudged_ || stopping_; });
    if (stopping_) break;
    nudged_ = false;
    running_ = true;
    lock.unlock();
    // A failure (the database busy or gone) only leaves frames for the
    // next run or the writer's final checkpoint.
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    running_ = false;
    ++runs_;
    if (!nudged_) idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace dateline::store
