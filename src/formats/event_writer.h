// Event output in the formats the field already reads:
//   jsonl   the Event record (DESIGN.md), one a line
//   csv     flat columns of the same, with a header
//   gdelt   GDELT 2.0 Events: 61 tab-separated columns in GDELT's order, no header
//   acled   ACLED's 31 CSV columns (event_id_cnty, event_date, ..., timestamp), with a header
//   plover  POLECAT/PLOVER JSON fields, one object a line
// A writer is used from one thread; create one per output stream.
#ifndef DATELINE_FORMATS_EVENT_WRITER_H_
#define DATELINE_FORMATS_EVENT_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "code/country_table.h"
#include "dateline/event.h"
#include "dateline/status.h"

namespace dateline::formats {

// What a writer knows of the article an event came from, and of its reports
// once events are fused (NumMentions / NumSources / NumArticles in GDELT).
struct EventContext {
  std::string url;
  std::string source_name;  // site or feed name, may be empty
  std::string date_added;   // "YYYYMMDDHHMMSS" for GDELT's DATEADDED; empty → event date
  int num_mentions = 1, num_sources = 1, num_articles = 1;
};

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void Begin(std::ostream& out) {}  // header line, if the format has one
  virtual void Write(const Event& event, const EventContext& context, std::ostream& out) = 0;
};

// The names accepted by Create, for --format help and validation.
const std::vector<std::string>& EventFormatNames();

// nullptr-free: an unknown name gives an InvalidInput status. `countries`
// (may be null) supplies ISO numeric codes, names and regions for ACLED.
Result<std::unique_ptr<EventWriter>> CreateEventWriter(std::string_view format,
                                                       const code::CountryTable* countries);

// A stable 63-bit id of an event (article, main sentence, code, actors).
std::uint64_t EventId(const Event& event);

}  // namespace dateline::formats

#endif  // DATELINE_FORMATS_EVENT_WRITER_H_
