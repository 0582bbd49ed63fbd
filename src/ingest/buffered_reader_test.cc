#include "ingest/buffered_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/byte_source.h"

namespace dateline::ingest {
namespace {

using LineStatus = BufferedReader::LineStatus;

// Reads all lines, writing "!N" for a line too long (N = its length).
std::vector<std::string> Lines(const std::string& text, std::size_t buffer, std::size_t max_line) {
  StringSource source(text);
  BufferedReader reader(&source, buffer);
  std::vector<std::string> out;
  std::string_view line;
  std::size_t length = 0;
  for (;;) {
    LineStatus s = reader.ReadLine(&line, max_line, &length);
    if (s == LineStatus::kEnd || s == LineStatus::kError) break;
    out.push_back(s == LineStatus::kTooLong ? "!" + std::to_string(length) : std::string(line));
  }
  EXPECT_EQ(reader.offset(), text.size());
  return out;
}

TEST(IngestBufferedReaderTest, LinesTable) {
  const std::string long_line(100, 'x');
  struct Row {
    const char* name;
    std::string text;
    std::size_t buffer;
    std::size_t max_line;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"empty", "", 64, 1000, {}},
      {"lines", "a\nbb\n\nccc\n", 64, 1000, {"a", "bb", "", "ccc"}},
      {"crlf", "a\r\nb\r\n", 64, 1000, {"a", "b"}},
      {"last line without newline", "a\nlast", 64, 1000, {"a", "last"}},
      {"line longer than the buffer", "s\n" + long_line + "\nt\n", 16, 1000, {"s", long_line, "t"}},
      {"long last line", "s\n" + long_line, 16, 1000, {"s", long_line}},
      {"too long, skipped", "s\n" + long_line + "\nt\n", 16, 50, {"s", "!100", "t"}},
      {"too long within the buffer", "s\n" + long_line + "\nt\n", 4096, 50, {"s", "!100", "t"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(Lines(row.text, row.buffer, row.max_line), row.expected);
  }
}

TEST(IngestBufferedReaderTest, CountedReads) {
  std::string text = "HEAD\n0123456789abcdefghij\nTAIL\n";
  StringSource source(text);
  BufferedReader reader(&source, 16);
  std::string_view line;
  ASSERT_EQ(reader.ReadLine(&line, 100), LineStatus::kOk);
  EXPECT_EQ(line, "HEAD");
  EXPECT_EQ(reader.Peek(4), "0123");
  EXPECT_EQ(reader.Skip(2), 2u);
  std::string out;
  EXPECT_EQ(reader.Read(18, &out), 18u);
  EXPECT_EQ(out, "23456789abcdefghij");
  ASSERT_EQ(reader.ReadLine(&line, 100), LineStatus::kOk);
  EXPECT_EQ(line, "");
  ASSERT_EQ(reader.ReadLine(&line, 100), LineStatus::kOk);
  EXPECT_EQ(line, "TAIL");
  EXPECT_EQ(reader.Skip(10), 0u);  // at the end
  EXPECT_EQ(reader.ReadLine(&line, 100), LineStatus::kEnd);
  EXPECT_TRUE(reader.status().ok());
}

}  // namespace
}  // namespace dateline::ingest
