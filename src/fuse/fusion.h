// Cross-article fusion: events from different articles (and sentences) that
// report the same happening become one canonical event keeping every report.
//
// SameHappening(a, b) holds when the two come from different articles (the
// coder has already joined one article's reports of one happening), share an
// anchor (the same source or target code, or the same CAMEO code at the same
// local place: one gazetteer id, or city-level points within max_km), and all of these hold:
//   type     same PLOVER type, or same CAMEO root (both non-empty);
//   polarity same `negated` and the same modality (a threat is not the act);
//   actors   source with source and target with target: the same code, or
//            no conflict in country and agent; an empty actor is compatible;
//   place    the same gazetteer id; or both with coordinates within
//            `max_km` (haversine); or, when one is coarser (admin1/country
//            precision), the same admin1 / the same country; names equal
//            otherwise; an empty location is compatible (the coarsest);
//   date     both day dates at most `max_days` apart; a coarser date (month,
//            year) is compatible with the days inside it; an empty date with
//            any date.
// The relation is symmetric. Fuse() groups reports into the connected
// components of it, so the grouping, and with the rules below the canonical
// events, do not depend on the order of the input.
//
// A canonical event is the earliest report by (published, article id, main
// sentence, JSON of the event) with its counts reconciled:
//   figures are kept per (kind, claimant) — claimant is Event::claimed_by's
//   `who`, lower-cased, or "" when the reporter states it — as the range over
//   reports (smallest min .. largest max) and the latest report's figure;
//   never a sum, so 200 copies of "12 killed" stay 12. The canonical Counts
//   take, per kind, the claimant heard in most distinct stories (ties: the
//   reporter's own figure, then the claimant's name): {min, max} is that
//   claimant's range, best/text the latest report's.
// NumMentions counts evidence sentences of all reports, NumArticles distinct
// article ids, NumSources distinct source names (a report without one counts
// as its own source). Pure functions; thread-safe.
#ifndef DATELINE_FUSE_FUSION_H_
#define DATELINE_FUSE_FUSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/event.h"

namespace dateline::fuse {

struct FusionOptions {
  double max_km = 25;  // coordinates closer than this are one place
  int max_days = 1;    // day dates at most this far apart are one happening
};

// One event as one article told it, with what fusion needs of the article.
struct Report {
  Event event;            // event.article names the article
  std::string published;  // the article's publish date ("YYYY-MM-DD..."), may be empty
  std::string source;     // site name ("apnews.com"), may be empty
  std::string story;      // syndication story (DuplicateIndex); empty = its own article
};

// Days since 1970-01-01 of "YYYY-MM-DD" (a longer string is cut at 10); nullopt otherwise.
std::optional<std::int64_t> DayNumber(std::string_view date);
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// The keys under which an index must look for candidates: any b with
// SameHappening(a, b) has b.day within a.day ± max_days or no day, and shares
// a.root or a.plover_type.
struct FuseKey {
  std::optional<std::int64_t> day;  // only for day-precision dates
  std::string root, plover_type;
  std::string country;              // location country (alpha-2), may be empty
};
FuseKey KeyOf(const Event& event);

bool SameHappening(const Event& a, const Event& b, const FusionOptions& options = {});
// The parts, for tests and for a store that filters by index first.
bool CompatibleType(const Event& a, const Event& b);
bool CompatibleActor(const Actor& a, const Actor& b);
bool CompatiblePlace(const Location& a, const Location& b, double max_km);
bool CompatibleDate(const Event& a, const Event& b, int max_days);

// One claimant's figure of one kind over all reports.
struct Figure {
  std::string kind;      // "killed", "injured", "arrested", "participants", "displaced", "troops"
  std::string claimant;  // "" = the reporter
  std::int64_t min = 0, max = 0;  // range over reports
  Count latest;                   // the latest report's figure
  std::string latest_article;
  int reports = 0;                // reports giving this figure
  int stories = 0;                // distinct stories among them
};

struct CanonicalEvent {
  Event event;                  // the earliest report, counts reconciled
  std::vector<Report> reports;  // sorted earliest first
  std::string first_seen, last_seen;  // smallest / largest `published`
  std::vector<Figure> figures;        // sorted by kind, claimant
  int num_mentions = 0, num_sources = 0, num_articles = 0;
};

// The total order used everywhere: (published, article, main sentence, JSON).
bool ReportBefore(const Report& a, const Report& b);

// Builds the canonical event of reports already known to be one happening.
// Input order does not matter. Empty input gives an empty CanonicalEvent.
CanonicalEvent MakeCanonical(std::vector<Report> reports);
// The same over reports the caller keeps, without copying them: sorts
// `reports` earliest first and leaves CanonicalEvent::reports empty.
CanonicalEvent MakeCanonicalOf(std::vector<const Report*>& reports);

// Groups reports into happenings (connected components of SameHappening)
// and returns their canonical events sorted by their earliest report.
std::vector<CanonicalEvent> Fuse(std::vector<Report> reports, const FusionOptions& options = {});

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_FUSION_H_
