#include "store/fusion_index.h"

#include <algorithm>
#include <limits>

namespace dateline::store {
namespace {

// Bucket kinds (top 2 bits of Key::kind_and_string): a source or target
// code, a CAMEO code at a local place, or a sentence (its hash's low 30 bits:
// a collision only adds candidates, which SameHappening then refuses).
constexpr std::uint32_t kSource = 0u << 30, kTarget = 1u << 30, kCameo = 2u << 30, kSentence = 3u << 30;
constexpr std::uint32_t kSentenceBits = (1u << 30) - 1;

}  // namespace

std::int64_t DayOf(const Event& e) {
  if (e.date_precision != DatePrecision::kDay) return kNoDay;
  return fuse::DayNumber(e.date).value_or(kNoDay);
}

std::size_t FusionIndex::KeyHash::operator()(const Key& k) const {
  std::uint64_t x = ((static_cast<std::uint64_t>(k.kind_and_string) << 32) | k.country) ^
                    (static_cast<std::uint64_t>(k.day) * 0x9E3779B97F4A7C15ULL);
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  return static_cast<std::size_t>(x);
}

std::uint32_t FusionIndex::Intern(std::string_view s) {
  if (auto it = string_ids_.find(s); it != string_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  string_ids_.emplace(std::string(s), id);
  return id;
}

std::optional<std::uint32_t> FusionIndex::Find(std::string_view s) const {
  auto it = string_ids_.find(s);
  if (it == string_ids_.end()) return std::nullopt;
  return it->second;
}

// SharedAnchor's third way (the same CAMEO code at one local place) needs a
// gazetteer id or a city-level point on both sides.
bool FusionIndex::Anchorable(const fuse::LocationView& l) {
  return l.geonameid != 0 ||
         ((l.precision == PlacePrecision::kCity || l.precision == PlacePrecision::kPoint) && l.lat && l.lon);
}

std::uint32_t FusionIndex::Add(std::int64_t mention_id, std::int64_t event_id, std::int64_t article_rowid,
                               const Event& report) {
  const fuse::FusionView v = fuse::ViewOf(report);
  auto intern = [&](std::string_view s) { return Intern(s); };
  Entry e{};
  e.mention_id = mention_id;
  e.event_id = event_id;
  e.article_rowid = article_rowid;
  e.geonameid = v.location.geonameid;
  e.day = DayOf(report);
  e.evidence_hash = v.evidence_hash;
  e.has_lat = v.location.lat.has_value();
  e.has_lon = v.location.lon.has_value();
  e.lat = v.location.lat.value_or(0);
  e.lon = v.location.lon.value_or(0);
  e.date = intern(v.date);
  e.cameo = intern(v.cameo);
  e.root = intern(v.root);
  e.plover = intern(v.plover_type);
  e.source_code = intern(v.source.code);
  e.source_country = intern(v.source.country);
  e.source_agent = intern(v.source.agent);
  e.target_code = intern(v.target.code);
  e.target_country = intern(v.target.country);
  e.target_agent = intern(v.target.agent);
  e.place = intern(v.location.name);
  e.admin1 = intern(v.location.admin1);
  e.country = intern(v.location.country);
  e.date_precision = static_cast<std::uint8_t>(v.date_precision);
  e.place_precision = static_cast<std::uint8_t>(v.location.precision);
  e.modality = static_cast<std::uint8_t>(v.modality);
  e.negated = v.negated;
  e.published_date = v.published_date;
  const auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(e);
  members_[event_id].push_back(index);
  // Filed under each anchor and its day (kNoDay for a coarser or no date).
  auto file = [&](std::uint32_t kind_and_string) {
    buckets_.Add(KeyHash{}(Key{kind_and_string, e.country, e.day}), index);
  };
  if (!v.source.code.empty()) file(kSource | e.source_code);
  if (!v.target.code.empty()) file(kTarget | e.target_code);
  if (Anchorable(v.location)) file(kCameo | e.cameo);
  if (e.evidence_hash != 0) file(kSentence | static_cast<std::uint32_t>(e.evidence_hash & kSentenceBits));
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

fuse::FusionView FusionIndex::View(const Entry& x) const {
  fuse::FusionView v;
  v.date = Str(x.date);
  v.date_precision = static_cast<DatePrecision>(x.date_precision);
  if (x.day != kNoDay) v.day = x.day;
  v.published_date = x.published_date;
  v.cameo = Str(x.cameo);
  v.root = Str(x.root);
  v.plover_type = Str(x.plover);
  v.negated = x.negated;
  v.modality = static_cast<Modality>(x.modality);
  v.source = {Str(x.source_code), Str(x.source_country), Str(x.source_agent)};
  v.target = {Str(x.target_code), Str(x.target_country), Str(x.target_agent)};
  v.location.name = Str(x.place);
  v.location.admin1 = Str(x.admin1);
  v.location.country = Str(x.country);
  v.location.geonameid = x.geonameid;
  if (x.has_lat) v.location.lat = x.lat;
  if (x.has_lon) v.location.lon = x.lon;
  v.location.precision = static_cast<PlacePrecision>(x.place_precision);
  v.evidence_hash = x.evidence_hash;
  return v;
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

std::set<std::int64_t> FusionIndex::Matches(const Event& probe, std::int64_t article_rowid) const {
  std::set<std::int64_t> matched;
  const fuse::FusionView p = fuse::ViewOf(probe);
  const std::int64_t day = DayOf(probe);
  // Ids of the probe's keys; a string never interned matches no report.
  const auto root = p.root.empty() ? std::nullopt : Find(p.root);
  const auto plover = p.plover_type.empty() ? std::nullopt : Find(p.plover_type);
  if (!root && !plover) return matched;
  const auto country = Find(p.location.country);
  if (!country) return matched;
  // SameHappening's dates: a day date matches days within ±max_days, any
  // other date (coarser, none) only reports filed under kNoDay.
  const std::int64_t from = day == kNoDay ? day : day - options_.max_days;
  const std::int64_t to = day == kNoDay ? day : day + options_.max_days;
  std::vector<std::uint32_t> candidates;
  auto gather = [&](std::uint32_t kind_and_string) {
    for (std::int64_t d = from; d <= to; ++d) {
      buckets_.ForEach(KeyHash{}(Key{kind_and_string, *country, d}), [&](std::uint32_t i) { candidates.push_back(i); });
    }
  };
  if (!p.source.code.empty()) {
    if (auto id = Find(p.source.code)) gather(kSource | *id);
  }
  if (!p.target.code.empty()) {
    if (auto id = Find(p.target.code)) gather(kTarget | *id);
  }
  if (Anchorable(p.location)) {
    if (auto id = Find(p.cameo)) gather(kCameo | *id);
  }
  if (p.evidence_hash != 0) gather(kSentence | static_cast<std::uint32_t>(p.evidence_hash & kSentenceBits));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t i : candidates) {
    const Entry& x = entries_[i];
    // Cheap tests first: what SameHappening would refuse anyway.
    if (x.article_rowid == article_rowid) continue;
    if (!((root && x.root == *root) || (plover && x.plover == *plover))) continue;
    if (x.negated != p.negated || x.modality != static_cast<std::uint8_t>(p.modality)) continue;
    if (matched.count(x.event_id)) continue;
    if (!fuse::SameHappening(p, View(x), options_)) continue;
    // Copies of one story: only the same sentence coded the same way is the
    // same happening (the coder kept the story's other events apart).
    if ((x.evidence_hash != p.evidence_hash || Str(x.cameo) != p.cameo) && copies_ &&
        copies_(article_rowid, x.article_rowid)) {
      continue;
    }
    matched.insert(x.event_id);
  }
  return matched;
}

}  // namespace dateline::store
