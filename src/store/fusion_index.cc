#include "store/fusion_index.h"

#include <algorithm>
#include <limits>

namespace dateline::store {
namespace {

constexpr std::uint32_t kSource = 1u << 30, kTarget = 2u << 30, kCameo = 3u << 30;
constexpr std::int64_t kAnyDay = std::numeric_limits<std::int64_t>::min();

}  // namespace

std::int64_t DayOf(const Event& e) {
  if (e.date_precision != DatePrecision::kDay) return kNoDay;
  return fuse::DayNumber(e.date).value_or(kNoDay);
}

Event RowForm(const Event& e) {
  Event r;
  r.date = e.date;
  r.date_precision = e.date_precision;
  r.cameo = e.cameo;
  r.root = e.root;
  r.plover_type = e.plover_type;
  r.negated = e.negated;
  r.modality = e.modality;
  r.source.code = e.source.empty() ? "" : e.source.code.empty() ? e.source.text : e.source.code;
  r.source.country = e.source.country;
  r.source.agent = e.source.agent;
  r.source.text = r.source.code;
  r.target.code = e.target.empty() ? "" : e.target.code.empty() ? e.target.text : e.target.code;
  r.target.country = e.target.country;
  r.target.agent = e.target.agent;
  r.target.text = r.target.code;
  r.location.name = e.location.name;
  r.location.geonameid = e.location.geonameid;
  r.location.admin1 = e.location.admin1;
  r.location.country = e.location.country;
  r.location.lat = e.location.lat;
  r.location.lon = e.location.lon;
  r.location.precision = e.location.precision;
  return r;
}

std::size_t FusionIndex::KeyHash::operator()(const Key& k) const {
  std::uint64_t x = (static_cast<std::uint64_t>(k.kind_and_string) << 32) ^ static_cast<std::uint64_t>(k.day);
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  return static_cast<std::size_t>(x);
}

std::uint32_t FusionIndex::Intern(const std::string& s) {
  auto [it, added] = string_ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
  if (added) strings_.push_back(s);
  return it->second;
}

std::optional<std::uint32_t> FusionIndex::Find(const std::string& s) const {
  auto it = string_ids_.find(s);
  if (it == string_ids_.end()) return std::nullopt;
  return it->second;
}

// SharedAnchor's third way (same CAMEO code at one local place) needs a
// gazetteer id or a city-level point on both sides.
bool FusionIndex::Anchorable(const Location& l) {
  return l.geonameid != 0 || ((l.precision == PlacePrecision::kCity || l.precision == PlacePrecision::kPoint) &&
                              l.lat && l.lon);
}

std::uint32_t FusionIndex::Add(std::int64_t mention_id, std::int64_t event_id, const Event& row) {
  Entry e{};
  e.mention_id = mention_id;
  e.event_id = event_id;
  e.geonameid = row.location.geonameid;
  e.day = DayOf(row);
  e.has_lat = row.location.lat.has_value();
  e.has_lon = row.location.lon.has_value();
  e.lat = row.location.lat.value_or(0);
  e.lon = row.location.lon.value_or(0);
  e.date = Intern(row.date);
  e.cameo = Intern(row.cameo);
  e.root = Intern(row.root);
  e.plover = Intern(row.plover_type);
  e.source_code = Intern(row.source.code);
  e.source_country = Intern(row.source.country);
  e.source_agent = Intern(row.source.agent);
  e.target_code = Intern(row.target.code);
  e.target_country = Intern(row.target.country);
  e.target_agent = Intern(row.target.agent);
  e.place = Intern(row.location.name);
  e.admin1 = Intern(row.location.admin1);
  e.country = Intern(row.location.country);
  e.date_precision = static_cast<std::uint8_t>(row.date_precision);
  e.place_precision = static_cast<std::uint8_t>(row.location.precision);
  e.modality = static_cast<std::uint8_t>(row.modality);
  e.negated = row.negated;
  const auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(e);
  members_[event_id].push_back(index);
  auto file = [&](std::uint32_t kind_and_string) {
    buckets_[Key{kind_and_string, e.day}].push_back(index);
    buckets_[Key{kind_and_string, kAnyDay}].push_back(index);
  };
  if (!row.source.code.empty()) file(kSource | e.source_code);
  if (!row.target.code.empty()) file(kTarget | e.target_code);
  if (Anchorable(row.location)) file(kCameo | e.cameo);
  return index;
}

std::vector<std::int64_t> FusionIndex::MentionsOf(std::int64_t event_id) const {
  std::vector<std::int64_t> out;
  auto it = members_.find(event_id);
  if (it == members_.end()) return out;
  out.reserve(it->second.size());
  for (std::uint32_t i : it->second) out.push_back(entries_[i].mention_id);
  return out;
}

Event FusionIndex::Materialize(const Entry& x) const {
  Event r;
  r.date = Str(x.date);
  r.date_precision = static_cast<DatePrecision>(x.date_precision);
  r.cameo = Str(x.cameo);
  r.root = Str(x.root);
  r.plover_type = Str(x.plover);
  r.negated = x.negated;
  r.modality = static_cast<Modality>(x.modality);
  r.source.code = r.source.text = Str(x.source_code);
  r.source.country = Str(x.source_country);
  r.source.agent = Str(x.source_agent);
  r.target.code = r.target.text = Str(x.target_code);
  r.target.country = Str(x.target_country);
  r.target.agent = Str(x.target_agent);
  r.location.name = Str(x.place);
  r.location.geonameid = x.geonameid;
  r.location.admin1 = Str(x.admin1);
  r.location.country = Str(x.country);
  if (x.has_lat) r.location.lat = x.lat;
  if (x.has_lon) r.location.lon = x.lon;
  r.location.precision = static_cast<PlacePrecision>(x.place_precision);
  return r;
}

void FusionIndex::Merge(std::int64_t from, std::int64_t into) {
  if (from == into) return;
  auto it = members_.find(from);
  if (it == members_.end()) return;
  std::vector<std::uint32_t> moved = std::move(it->second);
  members_.erase(it);
  for (std::uint32_t i : moved) entries_[i].event_id = into;
  std::vector<std::uint32_t>& target = members_[into];
  target.insert(target.end(), moved.begin(), moved.end());
}

std::set<std::int64_t> FusionIndex::Matches(const Event& probe) {
  std::set<std::int64_t> matched;
  const std::int64_t day = DayOf(probe);
  // Ids of the probe's keys; a string never interned matches no report.
  const auto root = probe.root.empty() ? std::nullopt : Find(probe.root);
  const auto plover = probe.plover_type.empty() ? std::nullopt : Find(probe.plover_type);
  if (!root && !plover) return matched;
  const auto country = Find(probe.location.country);
  const auto no_country = Find("");
  std::vector<std::uint32_t> candidates;
  auto gather = [&](std::uint32_t kind_and_string) {
    auto take = [&](std::int64_t d) {
      auto it = buckets_.find(Key{kind_and_string, d});
      if (it != buckets_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    if (day == kNoDay) {
      take(kAnyDay);
      return;
    }
    for (std::int64_t d = day - options_.max_days; d <= day + options_.max_days; ++d) take(d);
    take(kNoDay);
  };
  if (!probe.source.code.empty()) {
    if (auto id = Find(probe.source.code)) gather(kSource | *id);
  }
  if (!probe.target.code.empty()) {
    if (auto id = Find(probe.target.code)) gather(kTarget | *id);
  }
  if (Anchorable(probe.location)) {
    if (auto id = Find(probe.cameo)) gather(kCameo | *id);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t i : candidates) {
    const Entry& x = entries_[i];
    // The candidate filter of the mentions table's indexes (see the header).
    if (!((root && x.root == *root) || (plover && x.plover == *plover))) continue;
    if (!probe.location.country.empty() && !(country && x.country == *country) &&
        !(no_country && x.country == *no_country)) {
      continue;
    }
    if (day != kNoDay && x.day != kNoDay && (x.day < day - options_.max_days || x.day > day + options_.max_days)) {
      continue;
    }
    if (x.negated != probe.negated || x.modality != static_cast<std::uint8_t>(probe.modality)) continue;
    const std::int64_t event_id = x.event_id;
    if (matched.count(event_id)) continue;
    if (fuse::SameHappening(probe, Materialize(x), options_)) matched.insert(event_id);
  }
  return matched;
}

}  // namespace dateline::store
