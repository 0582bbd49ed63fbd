// Checkpointer: copies a database's write-ahead log into the database file on
// a thread and a connection of its own, so that the writer never stops for
// it. Attach(writer) takes the place of the writer connection's automatic
// checkpoints: after a commit that leaves at least `frames` pages in the log,
// the thread runs a PASSIVE checkpoint, which never waits for the writer or a
// reader (frames a reader still needs stay in the log for the next one).
// Stop() (and the destructor) ends the thread after the checkpoint in
// progress; the writer then checkpoints what is left.
//
// SQLite starts the log over only when a write transaction begins after a
// checkpoint has copied all of it, which a writer that never waits does not
// see: it calls WaitIdle() before a transaction once log_frames() is large,
// so the log (and the disk it takes) stays bounded.
#ifndef DATELINE_STORE_CHECKPOINTER_H_
#define DATELINE_STORE_CHECKPOINTER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "dateline/status.h"

struct sqlite3;

namespace dateline::store {

class Checkpointer {
 public:
  // Opens its connection to the database file at `path` and starts.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path, int frames);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Hooks the writer's commits (sqlite3_wal_hook); until Stop.
  void Attach(sqlite3* writer);
  void Nudge();
  void Stop();
  // Returns when no checkpoint is running or asked for.
  void WaitIdle();
  // Pages in the log at the writer's last commit.
  int log_frames() const;
  // Checkpoints run so far (for tests).
  int runs() const;

 private:
  Checkpointer(sqlite3* db, int frames);
  void Loop();

  sqlite3* db_;
  sqlite3* writer_ = nullptr;
  int frames_;
  mutable std::mutex mu_;
  std::condition_variable wake_, idle_;
  bool nudged_ = false, running_ = false, stopping_ = false;
  int runs_ = 0;
  int log_frames_ = 0;
  std::thread thread_;
};

}  // namespace dateline::store

#endif  // DATELINE_STORE_CHECKPOINTER_H_
