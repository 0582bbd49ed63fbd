// The Checkpointer copies the log into the database file while the writer
// goes on committing, and a reader's snapshot stays whole meanwhile.
#include "store/checkpointer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/sqlite_util.h"

namespace dateline::store {
namespace {

namespace fs = std::filesystem;

std::string TempFile(const char* name) {
  fs::path dir = fs::temp_directory_path() / ("dateline_ckpt_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  return file.string();
}

sqlite3* OpenWal(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_TRUE(Exec(db, "PRAGMA journal_mode=WAL").ok());
  return db;
}

std::int64_t CountRows(sqlite3* db) {
  Stmt q;
  EXPECT_TRUE(q.Prepare(db, "SELECT count(*) FROM t").ok());
  return q.Step() ? q.Int(0) : -1;
}

// Waits (at most a few seconds) until `done`.
template <class F>
bool Eventually(F done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return done();
}

TEST(Checkpointer, CopiesTheLogIntoTheFileWhileTheWriterCommits) {
  const std::string path = TempFile("a.db");
  sqlite3* writer = OpenWal(path);
  ASSERT_TRUE(Exec(writer, "CREATE TABLE t(x BLOB)").ok());
  auto checkpointer = Checkpointer::Start(path, 16);
  ASSERT_TRUE(checkpointer.ok()) << checkpointer.status().message();
  (*checkpointer)->Attach(writer);
  for (int batch = 0; batch < 20; ++batch) {
    ASSERT_TRUE(Exec(writer, "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
                             "INSERT INTO t SELECT randomblob(1000) FROM n; COMMIT").ok());
  }
  // The database file itself holds the rows before anyone checkpoints at the end.
  EXPECT_TRUE(Eventually([&] { return fs::file_size(path) > 500000; })) << fs::file_size(path);
  EXPECT_GE((*checkpointer)->runs(), 1);
  (*checkpointer)->Stop();
  // After Stop the writer's commits no longer start checkpoints (and nothing breaks).
  const int runs = (*checkpointer)->runs();
  ASSERT_TRUE(Exec(writer, "INSERT INTO t VALUES (randomblob(5000))").ok());
  EXPECT_EQ((*checkpointer)->runs(), runs);
  EXPECT_EQ(CountRows(writer), 20 * 50 + 1);
  checkpointer->reset();
  sqlite3_close(writer);
}

TEST(Checkpointer, AReadersSnapshotStaysWhole) {
  const std::string path = TempFile("b.db");
  sqlite3* writer = OpenWal(path);
  ASSERT_TRUE(Exec(writer, "CREATE TABLE t(x BLOB); INSERT INTO t VALUES (1)").ok());
  sqlite3* reader = OpenWal(path);
  ASSERT_TRUE(Exec(reader, "BEGIN").ok());
  ASSERT_EQ(CountRows(reader), 1);  // the reader's snapshot starts here
  auto checkpointer = Checkpointer::Start(path, 1);
  ASSERT_TRUE(checkpointer.ok());
  (*checkpointer)->Attach(writer);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(Exec(writer, "INSERT INTO t VALUES (randomblob(4000))").ok());
  EXPECT_TRUE(Eventually([&] { return (*checkpointer)->runs() >= 1; }));
  EXPECT_EQ(CountRows(reader), 1);
  ASSERT_TRUE(Exec(reader, "COMMIT").ok());
  EXPECT_EQ(CountRows(reader), 11);
  checkpointer->reset();
  sqlite3_close(reader);
  sqlite3_close(writer);
}

// After WaitIdle, the next write transaction starts the log over.
TEST(Checkpointer, TheLogStartsOverAfterWaitIdle) {
  const std::string path = TempFile("c.db");
  sqlite3* writer = OpenWal(path);
  ASSERT_TRUE(Exec(writer, "CREATE TABLE t(x BLOB)").ok());
  auto checkpointer = Checkpointer::Start(path, 1);
  ASSERT_TRUE(checkpointer.ok());
  (*checkpointer)->Attach(writer);
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(Exec(writer, "INSERT INTO t VALUES (randomblob(8000))").ok());
  const int grown = (*checkpointer)->log_frames();
  EXPECT_GE(grown, 60);
  (*checkpointer)->WaitIdle();
  ASSERT_TRUE(Exec(writer, "INSERT INTO t VALUES (1)").ok());
  EXPECT_LT((*checkpointer)->log_frames(), 5) << "was " << grown;
  EXPECT_EQ(CountRows(writer), 31);
  checkpointer->reset();
  sqlite3_close(writer);
}

TEST(Checkpointer, AMissingFileIsAnError) {
  auto checkpointer = Checkpointer::Start("/nonexistent-dir/x.db", 16);
  EXPECT_FALSE(checkpointer.ok());
}

}  // namespace
}  // namespace dateline::store
