// JSON string text written directly, byte for byte what nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) gives for the same string:
// '"', '\\' and control characters escaped (\b \f \n \r \t, others \u00XX),
// everything else (UTF-8 included) as it is; text that is not valid UTF-8 is
// handed to nlohmann, which mends it its own way. Used by the records' JSON
// (EventToJson) and the store's counts and figures columns so both write the
// same bytes. Stateless; safe from any thread.
#ifndef DATELINE_RECORDS_JSON_TEXT_H_
#define DATELINE_RECORDS_JSON_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::records {

// Well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool ValidUtf8(std::string_view s);

// Appends `v` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view v);

// The most bytes WriteJsonString writes for a string of `size` bytes: every
// byte may become a six-byte escape, plus the quotes.
constexpr std::size_t JsonStringBound(std::size_t size) { return 6 * size + 2; }

// Writes `v` as a quoted JSON string (the bytes AppendJsonString appends) at
// `out`, which must have room for JsonStringBound(v.size()) bytes; returns
// the end of what it wrote.
char* WriteJsonString(char* out, std::string_view v);

}  // namespace dateline::records

#endif  // DATELINE_RECORDS_JSON_TEXT_H_
