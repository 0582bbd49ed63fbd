// FusionIndex: the stored reports (mentions) a new report is compared with
// when it is fused, kept in memory so the writer never scans SQL for them.
//
// A report is a candidate for a probe when it has the probe's CAMEO root or
// PLOVER type, the probe's place country (or both none), and a day within
// ±max_days of the probe's (for day dates; other dates only meet reports
// without a day); Matches() returns the canonical events of the candidates
// that fuse::SameHappening accepts. Lookups go through the anchors
// SameHappening needs (a shared source or target code, the CAMEO code of a
// report with a gazetteer id or a local point, or the same sentence), filed
// by (anchor, country, day) in a fuse::KeyChains, so a probe touches only the
// reports it could share an anchor with.
//
// Reports are compared as fuse::ViewOf gives them (an actor's code stands
// for its text); two reports of one article (the same article row id) never
// match. Strings are interned; ≈ 130 bytes a report. Not thread-safe; one writer.
#ifndef DATELINE_STORE_FUSION_INDEX_H_
#define DATELINE_STORE_FUSION_INDEX_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/event.h"
#include "fuse/fusion.h"
#include "fuse/key_chains.h"

namespace dateline::store {

// The day number the mentions and events tables use: days since 1970-01-01
// for a day-precision date, kNoDay otherwise.
extern const std::int64_t kNoDay;
std::int64_t DayOf(const Event& e);

class FusionIndex {
 public:
  // `copies(a, b)`: whether the articles with row ids a and b are copies of
  // one story (their bodies' MinHash containment); none = never.
  using CopiesFn = std::function<bool(std::int64_t, std::int64_t)>;
  explicit FusionIndex(fuse::FusionOptions options, CopiesFn copies = {})
      : options_(options), copies_(std::move(copies)) {}

  // Adds report (mention) `mention_id` of canonical event `event_id`, from
  // the article with row id `article_rowid`; returns its entry number.
  std::uint32_t Add(std::int64_t mention_id, std::int64_t event_id, std::int64_t article_rowid, const Event& report);
  // The canonical events (current ids) with a report of another article
  // that SameHappening(probe, report) accepts; when the two articles are
  // copies of one story (`copies`), only a report of the same sentence
  // and CAMEO code.
  // Symmetric, so the connected components do not follow arrival order.
  std::set<std::int64_t> Matches(const Event& probe, std::int64_t article_rowid) const;
  // Canonical event `from` was merged into `into` (its id may be used again
  // for a new event, as SQLite reuses the largest row id).
  void Merge(std::int64_t from, std::int64_t into);
  // The canonical event entry `entry` belongs to now.
  std::int64_t EventOf(std::uint32_t entry) const { return entries_[entry].event_id; }
  // The mentions of canonical event `event_id`, in no particular order.
  std::vector<std::int64_t> MentionsOf(std::int64_t event_id) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::int64_t mention_id, event_id, article_rowid, geonameid, day;
    std::uint64_t evidence_hash;
    double lat, lon;
    std::uint32_t date, cameo, root, plover, source_code, source_country, source_agent, target_code,
        target_country, target_agent, place, admin1, country;
    std::uint8_t date_precision, place_precision, modality;
    bool negated, published_date, has_lat, has_lon;
  };
  // A bucket: reports with one anchor, in one country (SameHappening wants
  // the same one, or both none), on one day.
  struct Key {
    std::uint32_t kind_and_string;  // kind in the top 2 bits
    std::uint32_t country;          // interned location country
    std::int64_t day;
    bool operator==(const Key& o) const {
      return kind_and_string == o.kind_and_string && country == o.country && day == o.day;
    }
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };

  std::uint32_t Intern(std::string_view s);
  std::optional<std::uint32_t> Find(std::string_view s) const;
  const std::string& Str(std::uint32_t id) const { return strings_[id]; }
  fuse::FusionView View(const Entry& e) const;  // views into strings_
  static bool Anchorable(const fuse::LocationView& l);

  fuse::FusionOptions options_;
  CopiesFn copies_;
  std::vector<std::string> strings_;
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> string_ids_;
  std::vector<Entry> entries_;
  fuse::KeyChains buckets_;  // KeyHash()(Key) -> entries
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> members_;  // event id -> its entries
};

}  // namespace dateline::store

#endif  // DATELINE_STORE_FUSION_INDEX_H_
