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
//            `max_km` (haversine); or, when one is an admin-1 region, the
//            same admin1; two country-level places: the same country; names
//            equal otherwise. A country-level place is not compatible with a
//            finer one (a national report would bridge every city's
//            happenings of that day). Two reports without a place are one
//            happening only when their main sentences are the same text
//            (copies of one story); without a place, a report joins nothing else;
//   date     two day dates: the same day when both texts state it, at most
//            `max_days` apart when either only has its article's publish date
//            (date_basis "published"); coarser dates (month, year) and
//            missing dates only equal ones.
// Fusion joins the connected components of this relation, so a looser rule
// would chain: reports a day apart, day after day in one city, would become
// one "happening" a month long.
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

// What SameHappening compares of a report: views into an Event (ViewOf) or
// into strings an index keeps. An actor's `code` is its code, else its text.
struct ActorView {
  std::string_view code, country, agent;
};
struct LocationView {
  std::string_view name, admin1, country;
  std::int64_t geonameid = 0;
  std::optional<double> lat, lon;
  PlacePrecision precision = PlacePrecision::kNone;
  bool empty() const { return name.empty() && country.empty() && !lat; }
};
struct FusionView {
  std::string_view article;  // "" = unknown: never taken as the same article
  std::string_view date;
  DatePrecision date_precision = DatePrecision::kNone;
  std::optional<std::int64_t> day;  // DayNumber(date) for a day-precision date
  bool published_date = false;  // date_basis "published": the text gives no date
  std::string_view cameo, root, plover_type;
  bool negated = false;
  Modality modality = Modality::kActual;
  ActorView source, target;
  LocationView location;
  std::uint64_t evidence_hash = 0;  // Hash64 of the main evidence sentence; 0 = none
};
// Views into `e`, which must outlive the result.
FusionView ViewOf(const Event& e);

bool SameHappening(const Event& a, const Event& b, const FusionOptions& options = {});
bool SameHappening(const FusionView& a, const FusionView& b, const FusionOptions& options = {});
// The parts, for tests and for a store that filters by index first.
bool CompatibleType(const FusionView& a, const FusionView& b);
bool CompatibleActor(const ActorView& a, const ActorView& b);
bool CompatiblePlace(const FusionView& a, const FusionView& b, double max_km);
bool CompatibleDate(const FusionView& a, const FusionView& b, int max_days);

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

// The figures MakeCanonicalOf gives for `report` alone (each count of its
// event, under its claimant, as one report of one story), without building
// the canonical event: what a store keeps of a report before fusion.
std::vector<Figure> FiguresOf(const Report& report);

// Groups reports into happenings (connected components of SameHappening)
// and returns their canonical events sorted by their earliest report.
std::vector<CanonicalEvent> Fuse(std::vector<Report> reports, const FusionOptions& options = {});

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_FUSION_H_
