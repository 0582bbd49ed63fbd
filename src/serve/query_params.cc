#include "serve/query_params.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace dateline::serve {
namespace {

bool ParseInt(std::string_view s, std::int64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.size() > 32) return false;
  if (s.front() == '+') s.remove_prefix(1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, std::chars_format::fixed);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// "a,b,c" with exactly `n` numbers.
bool ParseNumbers(std::string_view s, std::size_t n, std::vector<double>* out) {
  out->clear();
  while (true) {
    const std::size_t comma = s.find(',');
    double v = 0;
    if (!ParseDouble(s.substr(0, comma), &v)) return false;
    out->push_back(v);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out->size() == n;
}

bool HasControl(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

bool IsCursor(std::string_view s) {
  if (s.empty() || s.size() > 41) return false;
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  std::int64_t day = 0, id = 0;
  return ParseInt(s.substr(0, colon), &day) && ParseInt(s.substr(colon + 1), &id) && id >= 0;
}

}  // namespace

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Status ParseEventQuery(const Request& request, bool paged, const CountryCodes& countries,
                       const FilterLimits& limits, store::EventQuery* query) {
  static constexpr const char* kNames[] = {"country", "type", "from", "to", "near", "actor",
                                           "text", "min_killed", "bbox", "limit", "cursor"};
  for (const char* name : kNames) {
    if (request.Count(name) > 1) return Status::InvalidInput(std::string(name) + ": given more than once");
  }
  auto get = [&](const char* name) -> std::string_view {
    const std::string* v = request.Find(name);
    return v ? std::string_view(*v) : std::string_view();
  };
  store::EventQuery q;

  if (std::string_view country = get("country"); !country.empty()) {
    bool letters = country.size() == 2 || country.size() == 3;
    for (char c : country) letters = letters && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    if (!letters) return Status::InvalidInput("country: expected an ISO 3166 alpha-2 or alpha-3 code (KZ, KAZ)");
    std::string upper(country);
    for (char& c : upper) c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
    std::string a2, a3;
    if (countries && !countries(upper, &a2, &a3)) {
      return Status::InvalidInput("country: unknown ISO 3166 code \"" + upper + "\"");
    }
    q.country = upper;
  }
  struct TextFilter {
    const char* name;
    std::string* into;
  } texts[] = {{"type", &q.type}, {"actor", &q.actor}, {"text", &q.text}};
  for (const auto& [name, into] : texts) {
    std::string_view v = get(name);
    if (v.size() > limits.max_text) {
      return Status::InvalidInput(std::string(name) + ": longer than " + std::to_string(limits.max_text) + " bytes");
    }
    if (HasControl(v)) return Status::InvalidInput(std::string(name) + ": control characters are not allowed");
    *into = std::string(v);
  }
  for (const char* name : {"from", "to"}) {
    std::string_view v = get(name);
    if (v.empty()) continue;
    if (!IsIsoDay(v)) return Status::InvalidInput(std::string(name) + ": expected a day YYYY-MM-DD");
    (std::string(name) == "from" ? q.from : q.to) = std::string(v);
  }
  if (!q.from.empty() && !q.to.empty() && q.from > q.to) {
    return Status::InvalidInput("from: the first day is after the last (to)");
  }
  std::vector<double> n;
  if (std::string_view near = get("near"); !near.empty()) {
    if (!ParseNumbers(near, 3, &n) || std::fabs(n[0]) > 90 || std::fabs(n[1]) > 180 || n[2] <= 0 || n[2] > 20040) {
      return Status::InvalidInput("near: expected LAT,LON,KM with |LAT| <= 90, |LON| <= 180, 0 < KM <= 20040");
    }
    q.near_lat = n[0];
    q.near_lon = n[1];
    q.near_km = n[2];
  }
  if (std::string_view bbox = get("bbox"); !bbox.empty()) {
    if (!ParseNumbers(bbox, 4, &n) || std::fabs(n[0]) > 180 || std::fabs(n[2]) > 180 || std::fabs(n[1]) > 90 ||
        std::fabs(n[3]) > 90 || n[0] > n[2] || n[1] > n[3]) {
      return Status::InvalidInput(
          "bbox: expected minLon,minLat,maxLon,maxLat with -180 <= minLon <= maxLon <= 180 and "
          "-90 <= minLat <= maxLat <= 90");
    }
    q.min_lon = n[0];
    q.min_lat = n[1];
    q.max_lon = n[2];
    q.max_lat = n[3];
  }
  if (std::string_view k = get("min_killed"); !k.empty()) {
    std::int64_t v = 0;
    if (!ParseInt(k, &v) || v < 0 || v > limits.max_killed) {
      return Status::InvalidInput("min_killed: expected a whole number from 0 to " + std::to_string(limits.max_killed));
    }
    q.min_killed = v;
  }
  q.limit = 0;
  if (paged) {
    q.limit = limits.default_limit;
    if (std::string_view l = get("limit"); !l.empty()) {
      std::int64_t v = 0;
      if (!ParseInt(l, &v) || v < 1 || v > limits.max_limit) {
        return Status::InvalidInput("limit: expected a whole number from 1 to " + std::to_string(limits.max_limit));
      }
      q.limit = static_cast<int>(v);
    }
    if (std::string_view c = get("cursor"); !c.empty()) {
      if (!IsCursor(c)) return Status::InvalidInput("cursor: not a cursor this server gave (use next_cursor)");
      q.cursor = std::string(c);
    }
  }
  *query = std::move(q);
  return Status::Ok();
}

}  // namespace dateline::serve
