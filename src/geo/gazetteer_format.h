// The on-disk layout of the gazetteer file, shared by the reader (gazetteer.cc)
// and, by convention, the writer (tools/gazetteer/build.py): change both
// together and bump kVersion.
//
// Little-endian. A 192-byte FileHeader, then eight sections, each starting at
// an 8-byte-aligned offset given in the header:
//   places     PlaceRecord[num_places], sorted by geonameid (countries and
//              admin-1 regions have negative ids, so they come first)
//   countries  CountryRecord[num_countries], sorted by alpha-2
//   admin1     Admin1Record[num_admin1], sorted by (country, code)
//   names      NameRecord[num_names], sorted by normalised key bytes
//   postings   uint32_t place indexes; a name's run is sorted by population
//              (descending), then kind (city, admin-1, country: the more
//              specific first on a tie), then id; an admin-1 region moves
//              right after its namesake city (see order_candidates in build.py)
//   hash       uint32_t[hash_slots] (a power of two): name index + 1, 0 empty;
//              slot = crc32(key) & (hash_slots - 1), linear probing
//   demonyms   DemonymRecord[num_demonyms], sorted by normalised key bytes
//   strings    UTF-8 bytes referenced by (offset, length) pairs
// Fixed-width codes (feature code, country, admin-1) are ASCII, NUL-padded.
#ifndef DATELINE_GEO_GAZETTEER_FORMAT_H_
#define DATELINE_GEO_GAZETTEER_FORMAT_H_

#include <cstddef>
#include <cstdint>

namespace dateline::geo::format {

inline constexpr char kMagic[8] = {'D', 'L', 'G', 'A', 'Z', 'T', 'R', '\0'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

enum Section : int {
  kPlaces = 0,
  kCountries,
  kAdmin1,
  kNames,
  kPostings,
  kHash,
  kDemonyms,
  kStrings,
  kNumSections
};

struct SectionRef {
  uint64_t offset;
  uint64_t size;
};

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t header_size;
  uint64_t file_size;
  // Element counts per section (for kHash the slot count, for kStrings bytes).
  uint32_t counts[kNumSections];
  SectionRef sections[kNumSections];
  uint64_t reserved;
};
static_assert(sizeof(FileHeader) == 192);

struct PlaceRecord {
  int32_t geonameid;
  int32_t lat_e5;  // degrees * 1e5
  int32_t lon_e5;
  uint32_t population;
  uint32_t name_offset;
  uint16_t name_length;
  uint8_t kind;  // PlaceKind
  char feature_class;
  char feature_code[8];
  char country[2];
  char admin1[10];
  // How many alternate names GeoNames records for the place (any script): a
  // proxy for how well known it is (St. Louis, Missouri has 51, Saint-Louis,
  // Senegal 32). 0 for countries and regions, and in files written before
  // the field existed (it was reserved, always 0), so no version bump.
  uint32_t alt_names;
};
static_assert(sizeof(PlaceRecord) == 48);
static_assert(offsetof(PlaceRecord, feature_code) == 24);
static_assert(offsetof(PlaceRecord, admin1) == 34);

struct CountryRecord {
  char alpha2[2];
  char alpha3[3];
  uint8_t reserved8;
  uint16_t reserved16;
  uint32_t place_index;
  uint32_t capital_index;  // kNoIndex when unknown
};
static_assert(sizeof(CountryRecord) == 16);

struct Admin1Record {
  char country[2];
  char code[10];
  uint32_t place_index;
};
static_assert(sizeof(Admin1Record) == 16);

struct NameRecord {
  uint32_t key_offset;
  uint16_t key_length;
  uint16_t flags;            // kNameStopListed | kNameCurated
  uint32_t postings_offset;  // in elements
  uint32_t postings_count;
};
static_assert(sizeof(NameRecord) == 16);

inline constexpr uint16_t kNameStopListed = 1;
inline constexpr uint16_t kNameCurated = 2;

struct DemonymRecord {
  uint32_t key_offset;
  uint16_t key_length;
  uint16_t reserved;
  uint32_t country_index;
};
static_assert(sizeof(DemonymRecord) == 12);

// CRC-32 (IEEE 802.3, as zlib.crc32) of a key: the hash of the name table.
uint32_t Crc32(const void* data, size_t size);

}  // namespace dateline::geo::format

#endif  // DATELINE_GEO_GAZETTEER_FORMAT_H_
