#include "ingest/flat_json.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace dateline::ingest {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// What the full parser makes of `line`, as key -> string value; false when it
// refuses the line or a value is not a string.
bool FullParse(const std::string& line, std::map<std::string, std::string>* out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  for (auto& [key, value] : j.items()) {
    if (!value.is_string()) return false;
    (*out)[key] = value.get<std::string>();
  }
  return true;
}

std::map<std::string, std::string> LastWins(const Fields& fields) {
  std::map<std::string, std::string> m;
  for (const auto& [k, v] : fields) m[k] = v;
  return m;
}

TEST(IngestFlatJsonTest, Table) {
  struct Row {
    std::string line;
    bool accepted;
    Fields fields;
  };
  const Row rows[] = {
      {R"({"text":"a"})", true, {{"text", "a"}}},
      {R"(  { "id" : "x" , "text":"b" }  )", true, {{"id", "x"}, {"text", "b"}}},
      {R"({})", true, {}},
      {R"({"t":"q\"\\\/\b\f\n\r\t"})", true, {{"t", "q\"\\/\b\f\n\r\t"}}},
      {R"({"t":"caf\u00e9 \u65e5 \ud83d\ude00"})", true, {{"t", "café 日 😀"}}},
      {R"({"t":"a","t":"b"})", true, {{"t", "a"}, {"t", "b"}}},
      {R"({"n":1})", false, {}},  // numbers go to the full parser
      {R"({"n":null})", false, {}},
      {R"({"o":{"a":"b"}})", false, {}},
      {R"({"t":"a",})", false, {}},
      {R"({"t":"\ud83d"})", false, {}},  // unpaired surrogate
      {R"({"t":"\x"})", false, {}},
      {"{\"t\":\"tab\there\"}", false, {}},  // raw control byte
      {R"({"t":"a"} x)", false, {}},
      {R"(["t"])", false, {}},
      {R"({"t":"unterminated)", false, {}},
  };
  for (const Row& row : rows) {
    Fields fields;
    EXPECT_EQ(ParseFlatJsonObject(row.line, &fields), row.accepted) << row.line;
    if (row.accepted) {
      EXPECT_EQ(fields, row.fields) << row.line;
      std::map<std::string, std::string> full;
      ASSERT_TRUE(FullParse(row.line, &full)) << row.line;
      EXPECT_EQ(LastWins(fields), full) << row.line;
    }
  }
}

// Whenever the fast path accepts a damaged line, the full parser reads the
// same thing.
TEST(IngestFlatJsonTest, AgreesWithTheFullParserOnDamagedLines) {
  const std::string base =
      R"({"id":"kz-1","url":"https://e.x/a?b=1","title":"T \"q\"","text":"caf\u00e9\n\ud83d\ude00 end \\ / x"})";
  const std::string alphabet = "\"\\{}:,u0dD8eE \t\n/xa";
  std::mt19937 rng(6);
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line = base;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0:
          line[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          line.erase(at, 1 + rng() % 3);
          break;
        default:
          line.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
      if (line.empty()) line = "{";
    }
    Fields fields;
    if (!ParseFlatJsonObject(line, &fields)) continue;
    ++accepted;
    std::map<std::string, std::string> full;
    ASSERT_TRUE(FullParse(line, &full)) << line;
    ASSERT_EQ(LastWins(fields), full) << line;
  }
  EXPECT_GT(accepted, 1000);
}

}  // namespace
}  // namespace dateline::ingest
