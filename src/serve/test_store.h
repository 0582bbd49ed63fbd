// For the serve tests only: a small database in a temporary folder, written
// through store::Store::AddArticle with hand-made events, and the country
// table from data/. Every text here was written for these tests.
#ifndef DATELINE_SERVE_TEST_STORE_H_
#define DATELINE_SERVE_TEST_STORE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "code/country_table.h"
#include "store/store.h"

namespace dateline::serve::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("dateline_serve_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

struct Place {
  const char* name;
  std::int64_t geonameid;
  const char* admin1;
  const char* country2;
  const char* country3;
  double lat, lon;
};
inline const Place kAlmaty{"Almaty", 1526384, "Almaty City", "KZ", "KAZ", 43.25, 76.92};
inline const Place kAktau{"Aktau", 610611, "Mangghystau", "KZ", "KAZ", 43.65, 51.16};
inline const Place kNairobi{"Nairobi", 184745, "Nairobi County", "KE", "KEN", -1.29, 36.82};
inline const Place kLima{"Lima", 3936456, "Lima", "PE", "PER", -12.05, -77.04};

// An event whose evidence is `sentence`, found at its byte offset in `text`.
inline Event MakeEvent(const std::string& text, const std::string& sentence, int index, const std::string& date,
                       const char* plover, const char* cameo, const Place& p,
                       std::optional<std::int64_t> killed = std::nullopt) {
  Event e;
  const std::size_t at = text.find(sentence);
  EXPECT_NE(at, std::string::npos) << sentence;
  e.evidence = {{index, sentence, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + sentence.size())}};
  e.date = e.date_from = e.date_to = date;
  e.date_precision = DatePrecision::kDay;
  e.date_basis = "text";
  e.cameo = cameo;
  e.root = std::string(cameo).substr(0, 2);
  e.plover_type = plover;
  e.acled_event_type = std::string(plover) == "PROTEST" ? "Protests" : "Violence against civilians";
  e.source = {"Police", std::string(p.country3) + "COP", p.country3, "COP", "", 0, 6};
  e.target = {"protesters", std::string(p.country3) + "PRO", p.country3, "PRO", "", 0, 0};
  e.location = {p.name, p.geonameid, p.admin1, p.country2, p.lat, p.lon, PlacePrecision::kCity};
  if (killed) e.counts.killed = Count{*killed, *killed, *killed, std::to_string(*killed), index};
  e.confidence = 0.8;
  return e;
}

inline Article MakeArticle(const std::string& id, const std::string& url, const std::string& published,
                           const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.url = url;
  a.title = title;
  a.published.date = published;
  a.published.precision = DatePrecision::kDay;
  a.language = "en";
  a.text = text;
  a.paragraphs.push_back({ParagraphKind::kBody, 0, text.size()});
  return a;
}

// The evidence sentences of the fixture, one event each.
inline const char kAlmatyProtest[] = "Police fired tear gas at protesters in central Almaty on Wednesday.";
inline const char kAlmatyKilled[] = "Eight police officers were killed in Almaty, the ministry said.";
inline const char kAktauMarkup[] = "Residents of Aktau marched against gas prices <script>alert('x')</script> & more.";
inline const char kNairobiProtest[] = "Police dispersed protesters in Nairobi with tear gas on Friday.";
inline const char kLimaKilled[] = "Two people died in clashes with police in Lima.";
inline const char kFeedProtest[] = "Police watched as a small crowd protested in Lima over water cuts.";

inline code::CountryTable LoadCountries() {
  auto t = code::CountryTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/country_codes.tsv");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

inline store::OpenOptions StoreOptions(const code::CountryTable* countries) {
  store::OpenOptions o;
  o.country_codes = [countries](std::string_view code, std::string* a2, std::string* a3) {
    const code::CountryInfo* c = countries->Find(code);
    if (!c) return false;
    *a2 = c->alpha2;
    *a3 = c->alpha3;
    return true;
  };
  return o;
}

// Six events in five articles: Almaty (protest; eight killed), Aktau (with
// markup in its text), Nairobi, Lima (two killed), and an article whose id
// holds a slash ("feed/7", Lima protest).
inline void WriteFixture(const std::string& db, const code::CountryTable* countries) {
  auto s = store::Store::Open(db, StoreOptions(countries));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  struct Doc {
    std::string id, url, published, title, text;
    std::vector<Event> events;
  };
  const std::string almaty = std::string("ALMATY, Kazakhstan — ") + kAlmatyProtest + "\n\n" + kAlmatyKilled;
  const std::string aktau = std::string("AKTAU, Kazakhstan — ") + kAktauMarkup;
  const std::string nairobi = std::string("NAIROBI — ") + kNairobiProtest;
  const std::string lima = std::string("LIMA — ") + kLimaKilled;
  const std::string feed = std::string("LIMA — ") + kFeedProtest;
  std::vector<Doc> docs = {
      {"a1", "https://www.almaty-daily.test/protest", "2022-01-05", "Protest and deaths in Almaty", almaty,
       {MakeEvent(almaty, kAlmatyProtest, 0, "2022-01-05", "PROTEST", "145", kAlmaty),
        MakeEvent(almaty, kAlmatyKilled, 1, "2022-01-05", "ASSAULT", "180", kAlmaty, 8)}},
      {"a2", "https://caspian.test/aktau", "2022-01-02", "Aktau <b>march</b>", aktau,
       {MakeEvent(aktau, kAktauMarkup, 0, "2022-01-02", "PROTEST", "141", kAktau)}},
      {"a3", "https://nairobi-star.test/x?a=1&b=2", "2023-07-07", "Nairobi protest", nairobi,
       {MakeEvent(nairobi, kNairobiProtest, 0, "2023-07-07", "PROTEST", "145", kNairobi)}},
      {"a4", "https://andes.test/lima", "2023-12-01", "Clashes in Lima", lima,
       {MakeEvent(lima, kLimaKilled, 0, "2023-12-01", "ASSAULT", "190", kLima, 2)}},
      {"feed/7", "https://wire.test/feed/7", "2024-03-03", "Water protest", feed,
       {MakeEvent(feed, kFeedProtest, 0, "2024-03-03", "PROTEST", "141", kLima)}},
  };
  for (const Doc& d : docs) {
    auto r = (*s)->AddArticle(MakeArticle(d.id, d.url, d.published, d.title, d.text), d.events);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  ASSERT_TRUE((*s)->Close().ok());
}

}  // namespace dateline::serve::testing

#endif  // DATELINE_SERVE_TEST_STORE_H_
