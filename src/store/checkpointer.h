// Checkpointer: copies a database's write-ahead log into the database file on
// a thread and a connection of its own, so that the writer never stops for
// it. Attach(writer) takes the place of the writer connection's automatic
// checkpoints: after a commit that leaves at least `frames` pages in the log,
// the thread runs a PASSIVE checkpoint, which never waits for the writer or a
// reader (frames a reader still needs stay in the log for the next one).
// Stop() (and the destructor) ends the thread after the checkpoint in
// progress; the writer then checkpoints what is left.
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
  // Checkpoints run so far (for tests).
  int runs() const;

 private:
  Checkpointer(sqlite3* db, int frames);
  void Loop();

  sqlite3* db_;
  sqlite3* writer_ = nullptr;
  int frames_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool nudged_ = false, stopping_ = false;
  int runs_ = 0;
  std::thread thread_;
};

}  // namespace dateline::store

#endif  // DATELINE_STORE_CHECKPOINTER_H_
