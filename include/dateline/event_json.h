// The JSON form of an Event (DESIGN.md): one object, one line in JSONL.
// "evidence" is the main sentence's text and "span" its byte range; every
// sentence that reports the event is in "mentions" ([{sentence, span, text}]).
#ifndef DATELINE_EVENT_JSON_H_
#define DATELINE_EVENT_JSON_H_

#include <string>

#include "dateline/event.h"

namespace dateline {

std::string EventToJson(const Event& event, int indent = -1);

}  // namespace dateline

#endif  // DATELINE_EVENT_JSON_H_
