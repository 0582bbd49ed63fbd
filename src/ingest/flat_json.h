// FlatJsonObject: the fast path for JSONL lines. Reads a JSON object whose
// values are all strings ({"id":"a","text":"..."}), the common shape of news
// dumps, at memory speed: each string is scanned in runs and copied once.
//
// Anything else (a number, true/false/null, a nested value, an escape or a
// byte JSON does not allow, an unpaired surrogate) makes it return false
// without a message: the caller then hands the line to a full JSON parser,
// which accepts it or says what is wrong. So this path never accepts a line
// the full parser would refuse, nor reads one differently (a key given twice:
// the last value wins, as there).
#ifndef DATELINE_INGEST_FLAT_JSON_H_
#define DATELINE_INGEST_FLAT_JSON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::ingest {

// On success, *fields holds every key and its decoded value, in line order.
bool ParseFlatJsonObject(std::string_view line,
                         std::vector<std::pair<std::string, std::string>>* fields);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_FLAT_JSON_H_
