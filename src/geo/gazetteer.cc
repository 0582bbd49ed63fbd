#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "geo/gazetteer_format.h"

namespace dateline::geo {
namespace format {

namespace {
constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}
constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();
}  // namespace

uint32_t Crc32(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) c = kCrcTable[(c ^ p[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace format

namespace {

using format::FileHeader;

std::string_view Fixed(const char* field, size_t width) {
  return std::string_view(field, strnlen(field, width));
}

// `code` uppercased into `buf`; false if longer than the buffer.
template <size_t N>
bool Upper(std::string_view code, std::array<char, N>* buf) {
  if (code.size() > N) return false;
  buf->fill('\0');
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    (*buf)[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<const Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  Status s = g->Init(path);
  if (!s.ok()) return s;
  return std::unique_ptr<const Gazetteer>(std::move(g));
}

Gazetteer::~Gazetteer() {
  if (base_ != nullptr) munmap(const_cast<unsigned char*>(base_), size_);
}

Status Gazetteer::Init(const std::string& path) {
  const std::string hint = "; rebuild it with `make gazetteer`";
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string msg = path + ": cannot open gazetteer: " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(msg + " (build it with `make gazetteer`)");
    return Status::IoError(msg);
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::IoError(path + ": not a regular file");
  }
  const auto file_size = static_cast<uint64_t>(st.st_size);
  if (file_size < sizeof(FileHeader)) {
    close(fd);
    return Status::InvalidInput(
        path + ": " + std::to_string(file_size) +
        " bytes: too short for a gazetteer header (truncated or not a gazetteer)" + hint);
  }
  void* mem = mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
  const int map_err = errno;
  close(fd);
  if (mem == MAP_FAILED) return Status::IoError(path + ": mmap failed: " + std::strerror(map_err));
  base_ = static_cast<const unsigned char*>(mem);
  size_ = file_size;
  header_ = reinterpret_cast<const FileHeader*>(base_);

  if (std::memcmp(header_->magic, format::kMagic, sizeof(format::kMagic)) != 0) {
    return Status::InvalidInput(path + ": not a dateline gazetteer (bad magic)");
  }
  if (header_->version != format::kVersion) {
    return Status::InvalidInput(
        path + ": gazetteer format version " + std::to_string(header_->version) +
        ", this dateline reads version " + std::to_string(format::kVersion) + hint);
  }
  if (header_->header_size != sizeof(FileHeader)) {
    return Status::InvalidInput(path + ": bad gazetteer header size " +
                                std::to_string(header_->header_size));
  }
  if (header_->file_size != file_size) {
    return Status::InvalidInput(path + ": truncated or damaged: header says " +
                                std::to_string(header_->file_size) + " bytes, file has " +
                                std::to_string(file_size) + hint);
  }
  static constexpr const char* kNames[] = {"places",   "countries", "admin1",   "names",
                                           "postings", "hash",      "demonyms", "strings"};
  static constexpr uint64_t kElement[] = {sizeof(format::PlaceRecord),
                                          sizeof(format::CountryRecord),
                                          sizeof(format::Admin1Record),
                                          sizeof(format::NameRecord),
                                          sizeof(uint32_t),
                                          sizeof(uint32_t),
                                          sizeof(format::DemonymRecord),
                                          1};
  for (int i = 0; i < format::kNumSections; ++i) {
    const format::SectionRef& sec = header_->sections[i];
    const uint64_t expected = kElement[i] * header_->counts[i];
    if (sec.offset % 8 != 0 || sec.offset < sizeof(FileHeader) || sec.offset > file_size ||
        sec.size > file_size - sec.offset || sec.size != expected) {
      return Status::InvalidInput(path + ": damaged gazetteer: section '" + kNames[i] +
                                  "' does not fit the file" + hint);
    }
  }
  auto at = [&](int i) { return base_ + header_->sections[i].offset; };
  places_ = reinterpret_cast<const format::PlaceRecord*>(at(format::kPlaces));
  countries_ = reinterpret_cast<const format::CountryRecord*>(at(format::kCountries));
  admin1_ = reinterpret_cast<const format::Admin1Record*>(at(format::kAdmin1));
  names_ = reinterpret_cast<const format::NameRecord*>(at(format::kNames));
  postings_ = reinterpret_cast<const PlaceIndex*>(at(format::kPostings));
  hash_ = reinterpret_cast<const uint32_t*>(at(format::kHash));
  demonyms_ = reinterpret_cast<const format::DemonymRecord*>(at(format::kDemonyms));
  strings_ = reinterpret_cast<const char*>(at(format::kStrings));
  num_places_ = header_->counts[format::kPlaces];
  num_countries_ = header_->counts[format::kCountries];
  num_admin1_ = header_->counts[format::kAdmin1];
  num_names_ = header_->counts[format::kNames];
  num_postings_ = header_->counts[format::kPostings];
  hash_slots_ = header_->counts[format::kHash];
  num_demonyms_ = header_->counts[format::kDemonyms];
  strings_size_ = header_->counts[format::kStrings];
  if (hash_slots_ == 0 || (hash_slots_ & (hash_slots_ - 1)) != 0 || hash_slots_ <= num_names_) {
    return Status::InvalidInput(path + ": damaged gazetteer: bad name table size" + hint);
  }
  return Status::Ok();
}

std::string_view Gazetteer::String(uint32_t offset, uint32_t length) const {
  if (offset > strings_size_ || length > strings_size_ - offset) return {};
  return std::string_view(strings_ + offset, length);
}

PlaceView Gazetteer::PlaceAt(PlaceIndex index) const {
  PlaceView v;
  if (index >= num_places_) return v;
  const format::PlaceRecord& r = places_[index];
  v.index = index;
  v.geonameid = r.geonameid;
  v.kind = static_cast<PlaceKind>(r.kind);
  v.name = String(r.name_offset, r.name_length);
  v.lat = r.lat_e5 / 1e5;
  v.lon = r.lon_e5 / 1e5;
  v.feature_class = r.feature_class;
  v.feature_code = Fixed(r.feature_code, sizeof(r.feature_code));
  v.country = Fixed(r.country, sizeof(r.country));
  v.admin1 = Fixed(r.admin1, sizeof(r.admin1));
  v.population = r.population;
  v.alt_names = r.alt_names;
  return v;
}

PlaceBrief Gazetteer::BriefAt(PlaceIndex index) const {
  PlaceBrief b;
  if (index >= num_places_) return b;
  const format::PlaceRecord& r = places_[index];
  b.kind = static_cast<PlaceKind>(r.kind);
  std::memcpy(b.feature_code, r.feature_code, sizeof(b.feature_code));
  std::memcpy(b.country, r.country, sizeof(b.country));
  b.population = r.population;
  return b;
}

std::optional<PlaceView> Gazetteer::Place(int32_t geonameid) const {
  const format::PlaceRecord* end = places_ + num_places_;
  const format::PlaceRecord* it =
      std::lower_bound(places_, end, geonameid,
                       [](const format::PlaceRecord& r, int32_t id) { return r.geonameid < id; });
  if (it == end || it->geonameid != geonameid) return std::nullopt;
  return PlaceAt(static_cast<PlaceIndex>(it - places_));
}

NameMatch Gazetteer::MatchOf(const format::NameRecord& rec) const {
  NameMatch m;
  if (rec.postings_offset <= num_postings_ &&
      rec.postings_count <= num_postings_ - rec.postings_offset) {
    m.places = std::span<const PlaceIndex>(postings_ + rec.postings_offset, rec.postings_count);
  }
  m.stop_listed = (rec.flags & format::kNameStopListed) != 0;
  m.curated = (rec.flags & format::kNameCurated) != 0;
  return m;
}

NameMatch Gazetteer::Lookup(std::string_view key) const {
  if (key.empty()) return {};
  const uint32_t mask = hash_slots_ - 1;
  uint32_t h = format::Crc32(key.data(), key.size()) & mask;
  for (uint32_t probes = 0; probes < hash_slots_; ++probes, h = (h + 1) & mask) {
    const uint32_t slot = hash_[h];
    if (slot == 0) break;
    const uint32_t i = slot - 1;
    if (i >= num_names_) break;  // damaged table
    const format::NameRecord& rec = names_[i];
    if (rec.key_length == key.size() && String(rec.key_offset, rec.key_length) == key)
      return MatchOf(rec);
  }
  return {};
}

std::span<const PlaceIndex> Gazetteer::Candidates(std::string_view name) const {
  return Lookup(NormalizePlaceName(name)).places;
}

std::optional<CountryView> Gazetteer::CountryAt(uint32_t i) const {
  if (i >= num_countries_) return std::nullopt;
  const format::CountryRecord& r = countries_[i];
  CountryView v;
  v.alpha2 = Fixed(r.alpha2, sizeof(r.alpha2));
  v.alpha3 = Fixed(r.alpha3, sizeof(r.alpha3));
  v.place = PlaceAt(r.place_index);
  if (r.capital_index != format::kNoIndex && r.capital_index < num_places_)
    v.capital = PlaceAt(r.capital_index);
  return v;
}

std::optional<CountryView> Gazetteer::Country(std::string_view code) const {
  if (code.size() == 2) {
    std::array<char, 2> key;
    Upper(code, &key);
    const format::CountryRecord* end = countries_ + num_countries_;
    const format::CountryRecord* it = std::lower_bound(
        countries_, end, key, [](const format::CountryRecord& r, const std::array<char, 2>& k) {
          return std::memcmp(r.alpha2, k.data(), 2) < 0;
        });
    if (it != end && std::memcmp(it->alpha2, key.data(), 2) == 0) {
      return CountryAt(static_cast<uint32_t>(it - countries_));
    }
  } else if (code.size() == 3) {
    std::array<char, 3> key;
    Upper(code, &key);
    for (uint32_t i = 0; i < num_countries_; ++i) {  // 250 rows: a scan is fine
      if (std::memcmp(countries_[i].alpha3, key.data(), 3) == 0) return CountryAt(i);
    }
  }
  return std::nullopt;
}

std::optional<PlaceView> Gazetteer::CapitalOf(std::string_view country_code) const {
  std::optional<CountryView> c = Country(country_code);
  if (!c) return std::nullopt;
  return c->capital;
}

std::optional<CountryView> Gazetteer::CountryByDemonym(std::string_view word) const {
  const std::string key = NormalizePlaceName(word);
  const format::DemonymRecord* end = demonyms_ + num_demonyms_;
  const format::DemonymRecord* it = std::lower_bound(
      demonyms_, end, key, [this](const format::DemonymRecord& r, const std::string& k) {
        return String(r.key_offset, r.key_length) < std::string_view(k);
      });
  if (it == end || String(it->key_offset, it->key_length) != key) return std::nullopt;
  return CountryAt(it->country_index);
}

std::optional<PlaceView> Gazetteer::Admin1(std::string_view country, std::string_view code) const {
  std::array<char, 12> key;  // country[2] + code[10], as stored
  std::array<char, 2> cc;
  std::array<char, 10> ac;
  if (country.size() != 2 || code.empty() || !Upper(country, &cc) || !Upper(code, &ac))
    return std::nullopt;
  std::memcpy(key.data(), cc.data(), 2);
  std::memcpy(key.data() + 2, ac.data(), 10);
  const format::Admin1Record* end = admin1_ + num_admin1_;
  const format::Admin1Record* it = std::lower_bound(
      admin1_, end, key, [](const format::Admin1Record& r, const std::array<char, 12>& k) {
        return std::memcmp(r.country, k.data(), 12) < 0;
      });
  if (it == end || std::memcmp(it->country, key.data(), 12) != 0) return std::nullopt;
  return PlaceAt(it->place_index);
}

std::string_view Gazetteer::Admin1Name(std::string_view country, std::string_view code) const {
  std::optional<PlaceView> p = Admin1(country, code);
  return p ? p->name : std::string_view();
}

void Gazetteer::ForEachName(
    const std::function<bool(std::string_view, const NameMatch&)>& fn) const {
  for (uint32_t i = 0; i < num_names_; ++i) {
    if (!fn(String(names_[i].key_offset, names_[i].key_length), MatchOf(names_[i]))) return;
  }
}

std::string_view Gazetteer::NameKeyAt(uint32_t i) const {
  if (i >= num_names_) return {};
  return String(names_[i].key_offset, names_[i].key_length);
}

uint32_t Gazetteer::num_names() const { return num_names_; }

uint32_t Gazetteer::num_places() const { return num_places_; }

GazetteerStats Gazetteer::stats() const {
  GazetteerStats s;
  s.places = num_places_;
  s.countries = num_countries_;
  s.admin1 = num_admin1_;
  s.names = num_names_;
  s.name_place_pairs = num_postings_;
  s.demonyms = num_demonyms_;
  s.file_bytes = size_;
  return s;
}

}  // namespace dateline::geo
