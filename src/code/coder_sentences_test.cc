// Validation records at scale: src/code/testdata/sentences.tsv holds a few
// hundred sentences we wrote (news sentences and short ACLED-style event
// notes from many countries), each with the events the coder must give — or
// must not give. The real dictionaries in data/ are used, no gazetteer
// (events are placed by country).
//
// Row format (one TAB between columns, '#' lines are comments):
//   id  <TAB> status <TAB> published <TAB> text <TAB> expectations
//   status       "ok", or "gap": a known gap. A gap row is run and reported but
//                does not fail the test by itself; an "ok" row that fails does.
//   published    the article's publish date (YYYY-MM-DD), "-" for 2023-03-16.
//   text         the article text; "\n" starts a new paragraph.
//   expectations clauses separated by " ; ", each one of:
//     none            no event (negated ones aside)
//     n=K             exactly K events (negated ones aside)
//     key=v key=v ... an event with all of these exists
//     !key=v ...      no event has all of these
//   keys: root (CAMEO root), cameo (code prefix), src / tgt (agent; "-" =
//   none), srcc / tgtc (country alpha-3), killed / injured / arrested /
//   participants / troops / displaced ("N": best, else min, is N; "N-M": the
//   range; "-": no such count), date, country (alpha-2 of the location), mod
//   (actual, threat, future, hypothetical; default actual), neg (yes/no;
//   default no), acled (event type, '_' for spaces), subtype (ACLED sub-event type, the
//   same), plover (type).
//
// A "#min_pass N" line is the floor: the test fails when fewer rows pass.
// Raise it when the coder gets better; never lower it to make a change pass.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "code/coder.h"

namespace dateline::code {
namespace {

const Coder& RealCoder() {
  static const Coder* coder = [] {
    auto created = Coder::Create(std::string(DATELINE_SOURCE_DIR) + "/data");
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return created.value().release();
  }();
  return *coder;
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + sep.size();
  }
  return out;
}

struct Row {
  int line = 0;
  std::string id, status, published, text, expect;
};

Article ArticleOf(const Row& row) {
  Article a;
  a.id = row.id;
  std::string date = row.published == "-" ? "2023-03-16" : row.published;
  a.published = {date, DatePrecision::kDay, "test"};
  std::string text;
  for (const std::string& p : Split(row.text, "\\n")) {
    if (!text.empty()) text += "\n\n";
    std::size_t start = text.size();
    text += p;
    a.paragraphs.push_back({ParagraphKind::kBody, start, text.size()});
  }
  a.text = text;
  return a;
}

const std::optional<Count>& CountOf(const Event& e, const std::string& kind, bool* known) {
  *known = true;
  if (kind == "killed") return e.counts.killed;
  if (kind == "injured") return e.counts.injured;
  if (kind == "arrested") return e.counts.arrested;
  if (kind == "participants") return e.counts.participants;
  if (kind == "troops") return e.counts.troops;
  if (kind == "displaced") return e.counts.displaced;
  *known = false;
  return e.counts.killed;
}

// Whether event e has every key=value of the clause; *error is set for a
// clause the test cannot read.
bool Matches(const Event& e, const std::vector<std::string>& pairs, std::string* error) {
  bool want_negated = false;
  Modality want_modality = Modality::kActual;
  for (const std::string& kv : pairs) {
    std::size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      *error = "no '=' in " + kv;
      return false;
    }
    std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
    auto agent_is = [&](const Actor& a) { return value == "-" ? a.agent.empty() : a.agent == value; };
    bool count_key = false;
    const std::optional<Count>& count = CountOf(e, key, &count_key);
    if (count_key) {
      if (value == "-") {
        if (count) return false;
        continue;
      }
      if (!count) return false;
      std::size_t dash = value.find('-');
      if (dash == std::string::npos) {
        std::int64_t want = std::atoll(value.c_str());
        if ((count->best ? *count->best : count->min) != want) return false;
      } else {
        if (count->min != std::atoll(value.substr(0, dash).c_str()) ||
            count->max != std::atoll(value.substr(dash + 1).c_str())) {
          return false;
        }
      }
    } else if (key == "root") {
      if (e.root != value) return false;
    } else if (key == "cameo") {
      if (e.cameo.rfind(value, 0) != 0) return false;
    } else if (key == "src") {
      if (!agent_is(e.source)) return false;
    } else if (key == "tgt") {
      if (!agent_is(e.target)) return false;
    } else if (key == "srcc") {
      if (e.source.country != value) return false;
    } else if (key == "tgtc") {
      if (e.target.country != value) return false;
    } else if (key == "date") {
      if (e.date != value) return false;
    } else if (key == "country") {
      if (e.location.country != value) return false;
    } else if (key == "acled") {
      std::string t = value;
      for (char& c : t) c = c == '_' ? ' ' : c;
      if (e.acled_event_type != t) return false;
    } else if (key == "subtype") {
      std::string t = value;
      for (char& c : t) c = c == '_' ? ' ' : c;
      if (e.acled_sub_event_type != t) return false;
    } else if (key == "plover") {
      if (e.plover_type != value) return false;
    } else if (key == "mod") {
      if (value == "actual") want_modality = Modality::kActual;
      else if (value == "threat") want_modality = Modality::kThreat;
      else if (value == "future") want_modality = Modality::kFuture;
      else if (value == "hypothetical") want_modality = Modality::kHypothetical;
      else *error = "bad mod " + value;
    } else if (key == "neg") {
      want_negated = value == "yes";
    } else {
      *error = "unknown key " + key;
      return false;
    }
  }
  return e.negated == want_negated && e.modality == want_modality;
}

std::string Describe(const Event& e) {
  std::ostringstream s;
  s << e.cameo << " " << (e.source.code.empty() ? "?" : e.source.code) << "("
    << e.source.agent << ") -> " << (e.target.code.empty() ? "?" : e.target.code) << "("
    << e.target.agent << ") " << e.location.country << " " << e.date << " "
    << ModalityName(e.modality) << (e.negated ? " NEGATED" : "") << " [" << e.trigger << "]";
  auto put = [&](const char* name, const std::optional<Count>& c) {
    if (!c) return;
    s << " " << name << "=" << c->min;
    if (c->max != c->min) s << "-" << c->max;
    if (c->best && *c->best != c->min) s << "~" << *c->best;
  };
  put("killed", e.counts.killed);
  put("injured", e.counts.injured);
  put("arrested", e.counts.arrested);
  put("participants", e.counts.participants);
  put("troops", e.counts.troops);
  put("displaced", e.counts.displaced);
  if (!e.acled_event_type.empty()) s << " {" << e.acled_event_type << "}";
  return s.str();
}

// Checks one row; returns the reasons it fails (empty = it passes).
std::vector<std::string> Check(const Row& row, const std::vector<Event>& events) {
  std::vector<std::string> why;
  std::size_t shown = 0;
  for (const Event& e : events) shown += !e.negated;
  for (std::string clause : Split(row.expect, " ; ")) {
    while (!clause.empty() && clause.back() == ' ') clause.pop_back();
    if (clause.empty()) continue;
    if (clause == "none") {
      if (shown != 0) why.push_back("expected no event");
      continue;
    }
    if (clause.rfind("n=", 0) == 0) {
      if (shown != static_cast<std::size_t>(std::atoi(clause.c_str() + 2))) {
        why.push_back("expected " + clause + " events, got " + std::to_string(shown));
      }
      continue;
    }
    bool forbid = clause[0] == '!';
    std::vector<std::string> pairs = Split(forbid ? clause.substr(1) : clause, " ");
    std::string error;
    bool any = false;
    for (const Event& e : events) any |= Matches(e, pairs, &error);
    if (!error.empty()) why.push_back("bad clause '" + clause + "': " + error);
    else if (forbid && any) why.push_back("unwanted event: " + clause);
    else if (!forbid && !any) why.push_back("missing: " + clause);
  }
  return why;
}

TEST(CoderSentences, TableOfWrittenSentences) {
  // DATELINE_SENTENCES=other.tsv runs another table of the same format.
  const char* other = std::getenv("DATELINE_SENTENCES");
  const std::string path = other && *other ? std::string(other)
                                           : std::string(DATELINE_SOURCE_DIR) + "/src/code/testdata/sentences.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::vector<Row> rows;
  int min_pass = 0;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("#min_pass ", 0) == 0) min_pass = std::atoi(line.c_str() + 10);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = Split(line, "\t");
    ASSERT_EQ(cols.size(), 5u) << path << ":" << n << ": expected 5 TAB-separated columns";
    ASSERT_TRUE(cols[1] == "ok" || cols[1] == "gap") << path << ":" << n << ": status is ok or gap";
    rows.push_back({n, cols[0], cols[1], cols[2], cols[3], cols[4]});
  }
  CodeOptions options;
  options.keep_negated = true;
  int passed = 0, gaps_failing = 0, gaps_passing = 0;
  for (const Row& row : rows) {
    std::vector<Event> events = RealCoder().CodeArticle(ArticleOf(row), options);
    std::vector<std::string> why = Check(row, events);
    if (why.empty()) {
      ++passed;
      if (row.status == "gap") {
        ++gaps_passing;
        std::cout << "[gap now passes] " << row.id << " (line " << row.line << ")\n";
      }
      continue;
    }
    std::ostringstream report;
    report << (row.status == "gap" ? "[known gap] " : "[FAIL] ") << row.id << " (line "
           << row.line << "): " << row.text << "\n  want: " << row.expect << "\n";
    for (const std::string& w : why) report << "  " << w << "\n";
    for (const Event& e : events) report << "  got: " << Describe(e) << "\n";
    if (events.empty()) report << "  got: no event\n";
    if (row.status == "gap") {
      ++gaps_failing;
      std::cout << report.str();
    } else {
      ADD_FAILURE() << report.str();
    }
  }
  std::cout << "coder sentences: " << passed << " of " << rows.size() << " rows pass ("
            << gaps_failing << " known gaps fail, " << gaps_passing
            << " gaps now pass); floor " << min_pass << "\n";
  if (!other || !*other) EXPECT_GE(rows.size(), 300u);
  EXPECT_GE(passed, min_pass) << "fewer rows pass than the floor in " << path;
}

}  // namespace
}  // namespace dateline::code
