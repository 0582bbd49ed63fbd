// The dateline at the start of a news story's first paragraph: the place the
// reporter filed from, written before a dash.
//
//   "MOSCOW – Security forces ..."                      -> "MOSCOW"
//   "WASHINGTON (AP) — ..."                             -> "WASHINGTON"
//   "KYIV, Ukraine — ..."                               -> "KYIV, Ukraine"
//   "BEIRUT (Reuters) - ..."                            -> "BEIRUT"
//   "NAIROBI, Kenya, June 25 (Reuters) - ..."           -> "NAIROBI, Kenya"
//   "DUBAI, Sept 25 (Reuters) - ..."                    -> "DUBAI"
//   "Tens of thousands of people — ..."                 -> ""  (not a place)
//
// The place is an upper-case name (letters of any script, spaces, ".", "'",
// "-"), optionally followed by ", Region" parts in title case, an optional
// date ("June 25", "Sept. 25"), an optional agency in parentheses ("(AP)",
// "(Reuters)", "(AFP)"), and then a dash (—, –, -, --) or a colon. A name in
// title case ("Kyiv, Ukraine —") is accepted only with a region part or an
// agency, since a capitalised word before a dash is often not a place.
// Pure and thread-safe.
#ifndef DATELINE_EXTRACT_DATELINE_FINDER_H_
#define DATELINE_EXTRACT_DATELINE_FINDER_H_

#include <string>
#include <string_view>

namespace dateline::extract {

// The place named by the dateline that opens `paragraph`, or "" when there is none.
std::string FindDateline(std::string_view paragraph);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_DATELINE_FINDER_H_
