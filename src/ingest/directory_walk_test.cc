#include "ingest/directory_walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Relative;
using testing::TempDir;

TEST(IngestWalkDirectoryTest, SortedRecursiveKnownKindsOnly) {
  TempDir dir;
  // Written out of order; the walk sorts the names of each directory byte-wise.
  const char* files[] = {
      "b.txt",     "a.html",   "B.txt",  "sub/z.jsonl",      "sub/deeper/y.warc.gz",
      "a.txt.gz",  "notes.md", "c.json", "kz.expected.json", ".hidden.txt",
      "sub/a.htm", "Z.WARC"};
  for (const char* f : files) dir.Write(f, "x");
  // A loop: sub/loop -> .. ; and a second way into sub.
  ASSERT_EQ(symlink("..", (dir.path() + "/sub/loop").c_str()), 0);
  ASSERT_EQ(symlink("sub", (dir.path() + "/sub2").c_str()), 0);
  ASSERT_EQ(symlink("missing.txt", (dir.path() + "/dangling.txt").c_str()), 0);

  std::vector<std::string> found;
  std::vector<std::string> errors;
  WalkDirectory(
      dir.path(), [&](const std::string& f) { found.push_back(Relative(f, dir.path())); },
      [&](const Status& s) { errors.push_back(Relative(s.message(), dir.path())); });
  const std::vector<std::string> expected = {
      "B.txt",       "Z.WARC", "a.html", "a.txt.gz", "b.txt", "sub/a.htm", "sub/deeper/y.warc.gz",
      "sub/z.jsonl",
  };
  EXPECT_EQ(found, expected);
  EXPECT_EQ(errors,
            std::vector<std::string>{"dangling.txt: cannot open (No such file or directory)"});
}

TEST(IngestWalkDirectoryTest, UnreadableDirectoryIsNamed) {
  std::vector<std::string> errors;
  WalkDirectory(
      "/nonexistent-dir", [](const std::string&) {},
      [&](const Status& s) { errors.push_back(s.message()); });
  EXPECT_EQ(errors, std::vector<std::string>{
                        "/nonexistent-dir: cannot read directory (No such file or directory)"});
}

}  // namespace
}  // namespace dateline::ingest
