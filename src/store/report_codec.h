// A report — one article's Event as the store keeps it (event_codec.h
// StoredForm) — in the compact binary form of the `mentions.record` column.
//
// The form: a format byte (kReportFormat), then every field of the Event in
// declaration order: strings as a varint length and their bytes, integers as
// zig-zag varints, doubles as their 8 bytes, an optional as a presence byte
// before its value. The main sentence's text (evidence.front().text) is left
// out: the mentions row keeps it in its `evidence` column and gives it back
// to DecodeReport. The record is a third of the size of the Event's JSON and
// needs no parsing, which is what the writer's speed hangs on.
//
// DecodeReport(EncodeReport(e), e.evidence.front().text) == e for every Event
// e with at least one Evidence. A record that is cut short, has trailing
// bytes or another format byte is InvalidInput.
#ifndef DATELINE_STORE_REPORT_CODEC_H_
#define DATELINE_STORE_REPORT_CODEC_H_

#include <string>
#include <string_view>

#include "dateline/event.h"
#include "dateline/status.h"

namespace dateline::store {

inline constexpr unsigned char kReportFormat = 1;

// Appends the record of `e` to `out`.
void EncodeReport(const Event& e, std::string* out);
Result<Event> DecodeReport(std::string_view record, std::string_view main_evidence);

// The report of a mentions row from its `record`, `json` and `evidence`
// columns: the record when there is one, else (rows written before schema
// v5) the JSON.
Result<Event> ReportOfRow(std::string_view record, std::string_view json, std::string_view evidence);

}  // namespace dateline::store

#endif  // DATELINE_STORE_REPORT_CODEC_H_
