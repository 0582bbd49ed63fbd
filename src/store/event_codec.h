// The Event record back from its JSON form (dateline/event_json.h), for
// events read from the database; and the JSON of Counts and figures kept in
// the mentions and events tables. Unknown keys are ignored; a malformed
// document is InvalidInput.
#ifndef DATELINE_STORE_EVENT_CODEC_H_
#define DATELINE_STORE_EVENT_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/event.h"
#include "dateline/status.h"
#include "fuse/fusion.h"

namespace dateline::store {

Result<Event> EventFromJson(std::string_view json);
// The event as EventFromJson(EventToJson(event)) gives it back, mostly
// without the round trip: what the JSON form drops is dropped (empty actors
// and places, actor offsets, which sentence a count came from) and a date
// range equal to the date is spelled out. The store keeps every report in this
// form, so reports read back from the database and reports still in memory
// build the same canonical events.
Event StoredForm(Event event);
std::string CountsToJson(const Counts& counts);
std::string FiguresToJson(const std::vector<fuse::Figure>& figures);

}  // namespace dateline::store

#endif  // DATELINE_STORE_EVENT_CODEC_H_
