// The Event record: one coded happening, as DESIGN.md defines it, with the
// evidence it came from. `dateline code --format jsonl` prints one a line.
//
// Offsets (span, actor start/end) are bytes into the Article::text of the
// article named by `article`. Plain values; safe to move across threads.
#ifndef DATELINE_EVENT_H_
#define DATELINE_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dateline/article.h"

namespace dateline {

// Who acts or is acted on. code is CAMEO style: country alpha-3 + agent
// ("KAZCOP"), an organisation ("IGOCSTO"), or a country alone ("USA").
struct Actor {
  std::string text;     // as written: "Security forces", "a Russia-led military alliance"
  std::string code;
  std::string country;  // ISO 3166 alpha-3, may be empty
  std::string agent;    // COP, MIL, PRO, ..., may be empty
  std::string name;     // canonical name when a dictionary entry gave one
  std::uint32_t start = 0, end = 0;
  bool empty() const { return text.empty() && code.empty(); }
};

// A figure: "dozens" → {24, 99, none, "dozens"}; "about 2,500" → {2250, 2750, 2500}.
struct Count {
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::optional<std::int64_t> best;
  std::string text;  // the words that gave it
  std::int32_t sentence = -1;  // which sentence said it
};

struct Counts {
  std::optional<Count> killed, injured, arrested, participants, displaced, troops;
  bool empty() const {
    return !killed && !injured && !arrested && !participants && !displaced && !troops;
  }
};

enum class PlacePrecision { kNone, kPoint, kCity, kAdmin1, kCountry };
std::string_view PlacePrecisionName(PlacePrecision p);  // "", "point", "city", "admin1", "country"

struct Location {
  std::string name;
  std::int64_t geonameid = 0;  // 0 when none
  std::string admin1;
  std::string country;  // ISO 3166 alpha-2
  std::optional<double> lat, lon;
  PlacePrecision precision = PlacePrecision::kNone;
  bool empty() const { return precision == PlacePrecision::kNone; }
};

// Who the article says the claim comes from ("the Interior Ministry said").
struct Claim {
  std::string text;  // "The Interior Ministry said"
  std::string who;   // "Interior Ministry"
  std::string agent; // GOV, COP, MED, ...
};

enum class Modality { kActual, kThreat, kFuture, kHypothetical };
std::string_view ModalityName(Modality m);  // "actual", "threat", "future", "hypothetical"

// One sentence that reports the event.
struct Evidence {
  std::int32_t sentence = 0;  // index among the article's sentences
  std::string text;
  std::uint32_t start = 0, end = 0;  // byte span in Article::text
};

struct Event {
  std::string article;  // Article::id
  std::vector<Evidence> evidence;  // first is the main sentence; never empty

  std::string date;  // "YYYY-MM-DD" (or shorter with coarser precision); empty when unknown
  DatePrecision date_precision = DatePrecision::kNone;
  // A range when the text gives one ("in recent days"); equal to date otherwise.
  std::string date_from, date_to;
  // "text" when the sentence dates the event, "published" when the date is
  // the article's publish date for want of one.
  std::string date_basis;

  std::string cameo;  // "175"
  std::string root;   // "17"
  int quad_class = 0;
  double goldstein = 0;
  std::string plover_type, plover_mode;
  std::string acled_event_type, acled_sub_event_type;
  std::string trigger;  // the words that made it an event: "killed", "stormed"

  Actor source, target;
  Location location;
  Counts counts;
  std::optional<Claim> claimed_by;
  bool negated = false;
  Modality modality = Modality::kActual;
  double confidence = 0;
};

}  // namespace dateline

#endif  // DATELINE_EVENT_H_
