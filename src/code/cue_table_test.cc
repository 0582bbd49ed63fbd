// CueTable: lists add up over lines, comments and blank lines are skipped,
// a malformed line is an error naming path:line, and the shipped
// data/coder_cues.txt loads with the lists the coder asks for.
#include "code/cue_table.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace dateline::code {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(CueTable, ListsAddUpOverLinesAndSkipComments) {
  std::string path = WriteTemp("cues_ok.txt",
                               "# a comment\n\ndemand\tdemand demands\n"
                               "demand\tdemanding  # trailing comment\nfeared\tfear\n");
  auto table = CueTable::Load(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_TRUE(table.value().Has("demand", "demands"));
  EXPECT_TRUE(table.value().Has("demand", "demanding"));
  EXPECT_TRUE(table.value().Has("feared", "fear"));
  EXPECT_FALSE(table.value().Has("feared", "demand"));
  EXPECT_FALSE(table.value().Has("no_such_list", "fear"));
  std::remove(path.c_str());
}

TEST(CueTable, MalformedLinesAreErrorsWithTheirLine) {
  std::string path = WriteTemp("cues_bad.txt", "demand\tdemand\nno tab here\n");
  auto table = CueTable::Load(path);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find(":2:"), std::string::npos) << table.status().message();
  std::remove(path.c_str());
  EXPECT_FALSE(CueTable::Load(::testing::TempDir() + "no_such_file.txt").ok());
}

TEST(CueTable, ShippedTableHasTheListsTheCoderReads) {
  auto table = CueTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/coder_cues.txt");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const CueTable& t = table.value();
  EXPECT_TRUE(t.Has("demand", "demanding"));
  EXPECT_TRUE(t.Has("ask_for", "calling"));
  EXPECT_TRUE(t.Has("reason", "for"));
  EXPECT_TRUE(t.Has("governor", "since"));
  EXPECT_TRUE(t.Has("determiner", "the"));
  EXPECT_TRUE(t.Has("label", "called"));
  EXPECT_TRUE(t.Has("threat_word", "vowed"));
  EXPECT_TRUE(t.Has("crowd_agent", "PRO"));
  EXPECT_TRUE(t.Has("verb_form", "took"));
}

}  // namespace
}  // namespace dateline::code
