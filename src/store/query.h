// How Store::Query and Store::ForEach (store.h) read the events a query
// selects. Private to the store and its tests.
//
// A query with --text can be run two ways. Both give the same events in the
// same (day, id) order, and so the same pages and cursors; they differ in
// what SQLite reads, and each is fast where the other is slow:
//   kFromText   the events of the matching evidence sentences (FTS rowid ->
//               mention -> event) are the candidates, every other filter is
//               checked on them, and they are sorted. It reads a few rows per
//               matching sentence: right for words that are rare, and for
//               rare words whose events bunch in time (a storm's name), where
//               a scan in day order would pass most events before the first.
//   kProbeText  the other filters (or the day index) give the candidates in
//               (day, id) order, and each is looked up in the set of matching
//               sentence rowids through its mentions. A page stops the scan
//               early, so common words cost a page's worth of candidates
//               instead of every match.
// kAuto counts the matching sentences, no further than kTextDriveMax, and
// takes kFromText when there are at most that many. With N matches among E
// events an unfiltered page of L events scans about L * E / N candidates, so
// kFromText is cheaper below N ≈ sqrt(L * E) (≈ 10,000 for L = 100 and
// E = 1M); 5,000 keeps kFromText near 20 ms at the worst. A Query keeps
// the rowids it counted and reads them back rather than searching twice
// (both statements in one read transaction); ForEach searches again.
//
// Threads: as the Store whose handle `db` is: one thread at a time.
#ifndef DATELINE_STORE_QUERY_H_
#define DATELINE_STORE_QUERY_H_

#include <cstdint>
#include <functional>

#include "dateline/status.h"
#include "store/store.h"

namespace dateline::store {

enum class TextPlan { kAuto, kFromText, kProbeText };

inline constexpr std::int64_t kTextDriveMax = 5000;

// Store::Query and Store::ForEach of the store whose handle is `db` and that
// was opened with `options`, with the plan given for --text (ignored without
// it). Errors as Store::Query: InvalidInput for a bad filter value or cursor,
// IoError from SQLite.
Result<QueryPage> QueryEvents(sqlite3* db, const OpenOptions& options, const EventQuery& query,
                              TextPlan plan = TextPlan::kAuto);
Status ForEachEvent(sqlite3* db, const OpenOptions& options, const EventQuery& query, TextPlan plan,
                    const std::function<bool(const StoredEvent&)>& fn);

}  // namespace dateline::store

#endif  // DATELINE_STORE_QUERY_H_
