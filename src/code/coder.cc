#include "code/coder.h"

#include <algorithm>
#include <map>
#include <system_error>
#include <thread>

#include "code/sentence_coder.h"
#include "geo/placement.h"
#include "recognize/recognizer.h"
#include "recognize/time_expressions.h"
#include "text/tokenizer.h"

namespace dateline::code {
namespace {

using recognize::ActorMention;
using recognize::SentenceMentions;

// The country the article is about: countries, demonyms and people named in
// it, the title and first paragraphs weighing more; news outlets do not count.
std::string FocusCountry(const Article& article, const TokenizedText& tt,
                         const std::vector<SentenceMentions>& mentions) {
  std::map<std::string, double> score;
  std::map<std::string, std::size_t> first_seen;  // ties go to the country named first
  std::uint32_t first_body = 0;
  for (std::size_t s = 0; s < mentions.size(); ++s) {
    const Sentence& sentence = tt.sentences[s];
    bool caption = article.paragraphs[sentence.paragraph].kind == ParagraphKind::kCaption;
    if (!caption && first_body == 0) first_body = sentence.paragraph + 1;
    double weight = caption ? 1.0 : (sentence.paragraph + 1 <= first_body + 1 ? 2.0 : 1.0);
    for (const ActorMention& a : mentions[s].actors) {
      if (a.is_media || a.actor.country.empty()) continue;
      score[a.actor.country] += weight;
      first_seen.emplace(a.actor.country, first_seen.size());
    }
  }
  std::string best;
  double best_score = 0;
  for (const auto& [country, value] : score) {
    if (value > best_score || (value == best_score && !best.empty() &&
                               first_seen[country] < first_seen[best])) {
      best = country;
      best_score = value;
    }
  }
  return best;
}

bool SameHappeningType(const Event& a, const Event& b) {
  auto violent = [](const Event& e) {
    return e.root == "18" || e.root == "19" || e.root == "20" || e.plover_type == "ASSAULT";
  };
  if (violent(a) && violent(b)) return true;
  return a.plover_type == b.plover_type && a.root == b.root;
}

bool RangesOverlap(const std::optional<Count>& a, const std::optional<Count>& b) {
  return a && b && a->min <= b->max && b->min <= a->max;
}

bool CountsConflict(const std::optional<Count>& a, const std::optional<Count>& b) {
  return a && b && !RangesOverlap(a, b);
}

// Two events of one article that report the same happening: same kind of
// event, same target (or same source when neither has a target), figures
// that agree, and at least one figure or the whole code in common.
bool SameHappening(const Event& a, const Event& b) {
  if (!SameHappeningType(a, b) || a.negated != b.negated || a.modality != b.modality) return false;
  // dates the text gives must agree within a day
  if (a.date_basis == "text" && b.date_basis == "text" && a.date_precision == DatePrecision::kDay &&
      b.date_precision == DatePrecision::kDay) {
    auto da = recognize::ParseIsoDay(a.date), db = recognize::ParseIsoDay(b.date);
    if (da && db && (*da - *db > 1 || *db - *da > 1)) return false;
  }
  if (a.target.agent != b.target.agent) return false;
  if (a.target.empty() && a.source.agent != b.source.agent) return false;
  if (!a.source.agent.empty() && !b.source.agent.empty() && a.source.agent != b.source.agent) {
    return false;
  }
  const Counts& x = a.counts;
  const Counts& y = b.counts;
  if (CountsConflict(x.killed, y.killed) || CountsConflict(x.injured, y.injured) ||
      CountsConflict(x.arrested, y.arrested) || CountsConflict(x.participants, y.participants) ||
      CountsConflict(x.troops, y.troops)) {
    return false;
  }
  bool shared_figure = RangesOverlap(x.killed, y.killed) || RangesOverlap(x.injured, y.injured) ||
                       RangesOverlap(x.arrested, y.arrested) ||
                       RangesOverlap(x.participants, y.participants) ||
                       RangesOverlap(x.troops, y.troops);
  bool same_code = a.cameo == b.cameo && a.source.code == b.source.code &&
                   a.target.code == b.target.code && !a.target.code.empty();
  return shared_figure || same_code;
}

void MergeCount(std::optional<Count>& into, const std::optional<Count>& from) {
  if (!from) return;
  if (!into || (from->max - from->min) < (into->max - into->min)) into = from;
}

// point > city > admin1 > country > none
int Specificity(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::kPoint: return 4;
    case PlacePrecision::kCity: return 3;
    case PlacePrecision::kAdmin1: return 2;
    case PlacePrecision::kCountry: return 1;
    case PlacePrecision::kNone: break;
  }
  return 0;
}

void Absorb(Event& into, const Event& from) {
  for (const Evidence& ev : from.evidence) {
    bool have = std::any_of(into.evidence.begin(), into.evidence.end(),
                            [&](const Evidence& e) { return e.sentence == ev.sentence; });
    if (!have) into.evidence.push_back(ev);
  }
  MergeCount(into.counts.killed, from.counts.killed);
  MergeCount(into.counts.injured, from.counts.injured);
  MergeCount(into.counts.arrested, from.counts.arrested);
  MergeCount(into.counts.participants, from.counts.participants);
  MergeCount(into.counts.displaced, from.counts.displaced);
  MergeCount(into.counts.troops, from.counts.troops);
  if (into.source.empty()) into.source = from.source;
  if (into.target.empty()) into.target = from.target;
  if (!into.claimed_by) into.claimed_by = from.claimed_by;
  if (Specificity(from.location.precision) > Specificity(into.location.precision)) {
    into.location = from.location;
  }
  // a date the text gives beats the publish date taken for want of one
  if (into.date_basis != "text" && from.date_basis == "text") {
    into.date = from.date;
    into.date_precision = from.date_precision;
    into.date_from = from.date_from;
    into.date_to = from.date_to;
    into.date_basis = from.date_basis;
  }
  into.confidence = std::max(into.confidence, from.confidence);
}

// "Al-Shabaab militants ambushed a convoy. 5 soldiers were killed.": a bare
// toll (a killing or figure with no one named as its author) in the sentence
// right after a violent happening is that happening's toll. A toll after a
// toll ("The toll had stood at 15. Officials said 59 people sought medical
// help.") stays a figure of its own, as each claimant's figure does.
// (The merges below work in place: the events kept so far are the first
// `kept` of the vector; an Event is large, and most are kept.)
std::vector<Event> JoinTolls(std::vector<Event> events) {
  auto violent = [](const Event& e) { return e.plover_type == "ASSAULT" || e.cameo == "145"; };
  std::size_t kept = 0;
  auto bare_toll = [](const Event& e) {
    return (e.cameo == "190" || e.cameo == "180" || e.cameo == "200") && e.source.empty() &&
           (e.counts.killed || e.counts.injured) && !e.counts.arrested;
  };
  for (std::size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    bool bare = bare_toll(e);
    Event* into = nullptr;
    if (bare && kept > 0) {
      std::int32_t s = e.evidence.front().sentence;
      for (auto it = std::make_reverse_iterator(events.begin() + static_cast<std::ptrdiff_t>(kept));
           it != events.rend(); ++it) {
        std::int32_t t = it->evidence.front().sentence;
        if (t < s - 1) break;
        if (t != s - 1 || !violent(*it) || bare_toll(*it) || it->negated != e.negated ||
            it->modality != e.modality) {
          continue;
        }
        if ((e.counts.killed && it->counts.killed) || (e.counts.injured && it->counts.injured)) break;
        // the same day, and the same victims when both name them
        if (e.date_basis == "text" && e.date != it->date) continue;
        if (!e.target.agent.empty() && !it->target.agent.empty() && e.target.agent != it->target.agent) continue;
        into = &*it;
        break;
      }
    }
    if (!into) {
      if (kept != k) events[kept] = std::move(e);
      ++kept;
      continue;
    }
    if (!into->counts.killed) into->counts.killed = e.counts.killed;
    if (!into->counts.injured) into->counts.injured = e.counts.injured;
    if ((into->target.empty() || into->target.agent.empty()) && !e.target.agent.empty()) into->target = e.target;
    for (const Evidence& ev : e.evidence) into->evidence.push_back(ev);
    if (!into->claimed_by) into->claimed_by = e.claimed_by;
  }
  events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
  return events;
}

// The kind of happening a definite noun names again: protests, or violence
// (attacks, raids, shootings, crowd control); "" for others ("ordered the
// arrest of the opposition leader" is a new order, not a reference).
std::string_view HappeningFamily(const Event& e) {
  if (e.plover_type == "PROTEST") return "PROTEST";
  if (e.plover_type == "ASSAULT" || e.root == "18" || e.root == "19" || e.root == "20" || e.cameo == "170") {
    return "VIOLENCE";
  }
  return "";
}

// "The demonstrations began over fuel prices", "Monday's raid came on the
// eve of Eid": an event that only names, with a definite noun, a happening
// of its kind told earlier in the article is that happening (one more
// sentence of evidence), not a second one: the latest of its kind whose day
// agrees with a day the reference gives. With none, it stays.
std::vector<Event> MergeReferences(std::vector<Event> events, const std::vector<bool>& references) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    Event* into = nullptr;
    if (k < references.size() && references[k] && !HappeningFamily(e).empty()) {
      for (auto it = std::make_reverse_iterator(events.begin() + static_cast<std::ptrdiff_t>(kept));
           it != events.rend(); ++it) {
        if (HappeningFamily(*it) != HappeningFamily(e) || it->negated != e.negated ||
            it->modality != Modality::kActual || e.modality != Modality::kActual) {
          continue;
        }
        // a day the reference gives ("Monday's raid") must be the happening's
        if (e.date_basis == "text" && e.date_precision == DatePrecision::kDay &&
            it->date_precision == DatePrecision::kDay) {
          auto a = recognize::ParseIsoDay(e.date), b = recognize::ParseIsoDay(it->date);
          if (a && b && (*a - *b > 1 || *b - *a > 1)) continue;
        }
        into = &*it;
        break;
      }
    }
    if (!into) {
      if (kept != k) events[kept] = std::move(e);
      ++kept;
      continue;
    }
    for (const Evidence& ev : e.evidence) {
      bool have = std::any_of(into->evidence.begin(), into->evidence.end(),
                              [&](const Evidence& x) { return x.sentence == ev.sentence; });
      if (!have) into->evidence.push_back(ev);
    }
  }
  events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
  return events;
}

// A photo caption describes a picture; when the body tells the same
// happening, the body's sentence is the event's first evidence.
std::vector<Event> MergeWithinArticle(std::vector<Event> events, const Article& article, const TokenizedText& tt) {
  auto caption = [&](const Event& e) {
    if (e.evidence.empty()) return false;
    std::int32_t s = e.evidence.front().sentence;
    return s >= 0 && static_cast<std::size_t>(s) < tt.sentences.size() &&
           article.paragraphs[tt.sentences[s].paragraph].kind == ParagraphKind::kCaption;
  };
  std::size_t kept = 0;
  for (std::size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    auto merged_end = events.begin() + static_cast<std::ptrdiff_t>(kept);
    auto it = std::find_if(events.begin(), merged_end, [&](const Event& m) { return SameHappening(m, e); });
    if (it == merged_end) {
      if (kept != k) events[kept] = std::move(e);
      ++kept;
    } else if (caption(*it) && !caption(e)) {
      Absorb(e, *it);
      *it = std::move(e);
    } else {
      Absorb(*it, e);
    }
  }
  events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
  return events;
}

// The day the lead gives its news: the first day-precision time expression
// of the first two body sentences that is not when something was said
// ("authorities said Thursday") and not after publication.
std::string LeadDate(const Article& article, const TokenizedText& tt,
                     const std::vector<SentenceMentions>& mentions) {
  int body_sentences = 0;
  for (std::size_t s = 0; s < mentions.size() && body_sentences < 2; ++s) {
    if (article.paragraphs[tt.sentences[s].paragraph].kind == ParagraphKind::kCaption) continue;
    ++body_sentences;
    for (const recognize::TimeMention& t : mentions[s].times) {
      if (t.precision != DatePrecision::kDay || t.date_from != t.date_to) continue;
      if (article.published.precision == DatePrecision::kDay && t.date > article.published.date) continue;
      bool of_speech = false;
      for (std::uint32_t k = t.first; k > tt.sentences[s].first_token && k + 3 > t.first; --k) {
        const std::string& w = tt.tokens[k - 1].norm;
        of_speech |= w == "said" || w == "told" || w == "reported" || w == "announced";
      }
      if (!of_speech) return t.date;
    }
  }
  return "";
}

// The city the first body paragraph puts its news in ("in central Nairobi"):
// a cued, city-level place that is not the dateline. None when the lead
// names no city, or names several.
std::optional<Location> LeadCity(const Article& article, const TokenizedText& tt,
                                 const geo::ArticlePlaces& places, const geo::Gazetteer* gazetteer) {
  if (!gazetteer) return std::nullopt;
  std::optional<std::uint32_t> lead;
  for (std::uint32_t p = 0; p < article.paragraphs.size(); ++p) {
    if (article.paragraphs[p].kind != ParagraphKind::kCaption) {
      lead = p;
      break;
    }
  }
  if (!lead) return std::nullopt;
  std::optional<Location> found;
  for (const geo::ResolvedToponym& t : places.toponyms) {
    if (t.paragraph != *lead || t.dateline || t.in_actor || t.origin || !t.cued) continue;
    Location l = geo::ToLocation(*gazetteer, t.place);
    if (l.precision != PlacePrecision::kCity) continue;
    if (found && found->geonameid != l.geonameid) return std::nullopt;
    found = l;
  }
  (void)tt;
  return found;
}

// A sentence that speaks of the whole country (data/coder_cues.txt: "died
// across Nigeria", "throughout the country", "across much of Sudan", "all
// over Kenya", "protests nationwide", "in several cities"): its events stay
// at country precision, never a city from the lead or another sentence (a
// place below the country the sentence names itself still wins).
// "Nationwide" that only dates the news ("during nationwide protests") does
// not count.
bool CountryWide(const TokenizedText& tt, const Sentence& s, const SentenceMentions& m,
                 const geo::ArticlePlaces& places, const geo::Gazetteer* gazetteer,
                 const CueTable& cues) {
  auto norm = [&](std::uint32_t i) -> std::string_view {
    return i >= s.first_token && i < s.end_token ? std::string_view(tt.tokens[i].norm)
                                                 : std::string_view();
  };
  auto country_at = [&](std::uint32_t i) {
    for (const ActorMention& a : m.actors) {
      if (a.first == i && a.kind == lexicon::ActorKind::kCountry) return true;
    }
    if (!gazetteer) return false;
    for (const geo::ResolvedToponym& t : places.toponyms) {
      if (t.first_token == i && !t.in_actor &&
          gazetteer->PlaceAt(t.place).kind == geo::PlaceKind::kCountry) {
        return true;
      }
    }
    return false;
  };
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    std::string_view w = tt.tokens[i].norm;
    if (cues.Has("country_span", w) && (w != "over" || norm(i - 1) == "all")) {
      std::uint32_t j = i + 1;
      while (j < i + 4 && cues.Has("country_part", norm(j))) ++j;
      if (norm(j) == "the") ++j;
      if (cues.Has("whole", norm(j))) ++j;
      if (cues.Has("country_noun", norm(j)) || country_at(j)) return true;
    } else if (cues.Has("country_wide", w)) {
      std::uint32_t j = i;
      while (j > s.first_token && cues.Has("determiner", norm(j - 1))) --j;
      if (!cues.Has("background", norm(j - 1))) return true;
    } else if (cues.Has("many_places", w)) {
      // the two words before: "several towns", "several provincial towns", "dozens of towns"
      for (std::uint32_t j = i; j > s.first_token && j + 2 > i; --j) {
        const Token& q = tt.tokens[j - 1];
        if (q.norm == "of") continue;
        if (cues.Has("many", q.norm)) return true;
        if (q.kind == TokenKind::kNumber) {
          std::string digits;
          for (char c : q.norm) {
            if (c >= '0' && c <= '9') digits += c;
            else if (c != ',') break;
          }
          if (!digits.empty() && (digits.size() > 1 || digits[0] >= '3')) return true;
        }
      }
    }
  }
  return false;
}

// Whether `l` is a place sentence `s` names itself (not one PlaceEvent took
// from another sentence or from the article).
bool NamedInSentence(const geo::ArticlePlaces& places, const geo::Gazetteer& gazetteer,
                     std::int32_t s, const Location& l) {
  for (const geo::ResolvedToponym& t : places.toponyms) {
    if (t.sentence != s || t.dateline) continue;
    Location named = geo::ToLocation(gazetteer, t.place);
    if (named.precision == l.precision && named.name == l.name && named.country == l.country) {
      return true;
    }
  }
  return false;
}

// An event that happens in a street rather than across a country.
bool OnTheStreet(const Event& e) {
  if (e.source.agent == "GOV") return false;
  return e.plover_type == "PROTEST" || e.plover_type == "ASSAULT" ||
         (e.plover_type == "COERCE" && (e.source.agent == "COP" || e.source.agent == "MIL"));
}

bool MentionsTheCity(const TokenizedText& tt, const Sentence& s) {
  for (std::uint32_t i = s.first_token; i + 1 < s.end_token; ++i) {
    if (tt.tokens[i].norm == "the" && tt.tokens[i + 1].norm == "city") return true;
  }
  return false;
}

// The last toponym before sentence `s` that the text calls a city ("the
// country's largest city, Almaty", "the city of Almaty").
std::optional<Location> LastNamedCity(const geo::ArticlePlaces& places, const TokenizedText& tt,
                                      std::int32_t s, const geo::Gazetteer* gazetteer) {
  if (!gazetteer) return std::nullopt;
  std::optional<Location> found;
  for (const geo::ResolvedToponym& t : places.toponyms) {
    if (t.sentence >= s || t.dateline || t.in_actor) continue;
    const Sentence& sentence = tt.sentences[t.sentence];
    bool called_city = false;
    for (std::uint32_t i = t.first_token; i > sentence.first_token && i + 6 > t.first_token; --i) {
      called_city |= tt.tokens[i - 1].norm == "city";
    }
    if (!called_city) continue;
    Location l = geo::ToLocation(*gazetteer, t.place);
    if (l.precision == PlacePrecision::kCity) found = l;
  }
  return found;
}

// "Governor Babajide Sanwo-Olu" early on makes "Sanwo-Olu" alone an actor
// later in the article: the same person, with the title's agent.
void KnowSurnames(const Article& article, const TokenizedText& tt,
                  std::vector<SentenceMentions>& mentions) {
  std::map<std::string, Actor> known;
  for (std::size_t s = 0; s < mentions.size(); ++s) {
    std::vector<ActorMention>& actors = mentions[s].actors;
    const Sentence& sentence = tt.sentences[s];
    std::vector<ActorMention> added;
    for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      const Token& t = tt.tokens[i];
      if (!t.capitalized || t.kind != TokenKind::kWord || t.joined_left) continue;
      bool covered = std::any_of(actors.begin(), actors.end(), [&](const ActorMention& a) {
        return i >= a.first && i < a.end;
      });
      if (covered) continue;
      std::uint32_t j = i + 1;
      while (j < sentence.end_token && tt.tokens[j].joined_left &&
             (tt.tokens[j].norm == "-" || tt.tokens[j].capitalized)) {
        ++j;
      }
      auto it = known.find(recognize::SurnameKey(tt, i, j));
      if (it == known.end()) continue;
      ActorMention m;
      m.first = m.head = i;
      m.end = j;
      m.kind = lexicon::ActorKind::kPerson;
      m.actor = it->second;
      m.actor.start = tt.tokens[i].start;
      m.actor.end = tt.tokens[j - 1].end;
      m.actor.text = article.text.substr(m.actor.start, m.actor.end - m.actor.start);
      added.push_back(std::move(m));
      i = j - 1;
    }
    for (ActorMention& m : added) actors.push_back(std::move(m));
    std::sort(actors.begin(), actors.end(),
              [](const ActorMention& a, const ActorMention& b) { return a.first < b.first; });
    for (const ActorMention& a : actors) {
      if (a.name_end > a.name_first) {
        Actor person = a.actor;
        person.name = article.text.substr(tt.tokens[a.name_first].start,
                                          tt.tokens[a.name_end - 1].end - tt.tokens[a.name_first].start);
        known.emplace(recognize::SurnameKey(tt, a.name_first, a.name_end), person);
      }
    }
  }
}

// `events` are the sentence's own: "The army fought the RSF. It also
// carried out air strikes": "it" is the body that acted (the subject of the
// sentence's first event), else the last one named.
void RememberActors(const SentenceMentions& m, const Sentence& sentence, const std::vector<Event>& events,
                    ArticleContext& ctx) {
  auto body = [](const ActorMention& a) {
    return !a.is_media && (a.kind == lexicon::ActorKind::kOrganization ||
                           (a.kind == lexicon::ActorKind::kAgent && !a.generic));
  };
  // the last of each kind (copied once: an Actor is five strings)
  const Actor *person = nullptr, *organization = nullptr, *group = nullptr, *last_body = nullptr;
  for (const ActorMention& a : m.actors) {
    if (a.is_media) continue;
    if (a.kind == lexicon::ActorKind::kPerson) person = &a.actor;
    else if (a.kind == lexicon::ActorKind::kOrganization) organization = last_body = &a.actor;
    else if (a.kind == lexicon::ActorKind::kAgent && !a.generic) group = last_body = &a.actor;
  }
  if (person) ctx.last_person = *person;
  if (organization) ctx.last_organization = *organization;
  if (group) ctx.last_group = *group;
  const Actor* subject = nullptr;
  for (const Event& e : events) {
    if (e.source.empty()) continue;
    for (const ActorMention& a : m.actors) {
      if (body(a) && a.actor.start == e.source.start) subject = &a.actor;
    }
    break;
  }
  // no event with a subject: the body that opens the sentence ("The army of Sudan ...")
  for (const ActorMention& a : m.actors) {
    if (subject) break;
    if (body(a) && a.first <= sentence.first_token + 1) subject = &a.actor;
  }
  if (subject) ctx.last_body = *subject;
  else if (last_body) ctx.last_body = *last_body;
}

}  // namespace

Result<std::unique_ptr<const Coder>> Coder::Create(const std::string& data_dir,
                                                   const std::string& gazetteer_path,
                                                   const lexicon::LoadOptions& options) {
  // The gazetteer and the geoparser's start-up tables need nothing from the
  // lexicon: they are built on a second thread while this one loads it (a
  // quarter of the start-up), and get the lexicon afterwards.
  std::unique_ptr<const geo::Gazetteer> gazetteer;
  std::unique_ptr<geo::Geoparser> tables;
  Status geo_status;
  auto load_geo = [&] {
    auto loaded = geo::Gazetteer::Load(gazetteer_path);
    if (!loaded.ok()) {
      geo_status = loaded.status();
      return;
    }
    gazetteer = std::move(loaded.value());
    tables = std::make_unique<geo::Geoparser>(gazetteer.get(), nullptr);
  };
  std::thread geo_thread;
  if (!gazetteer_path.empty()) {
    try {
      geo_thread = std::thread(load_geo);
    } catch (const std::system_error&) {
      load_geo();  // no thread to be had: one after the other
    }
  }
  auto lexicon = lexicon::Lexicon::Load(data_dir, options);
  auto countries = CountryTable::Load(data_dir + "/country_codes.tsv");
  auto cues = CueTable::Load(data_dir + "/coder_cues.txt");
  if (geo_thread.joinable()) geo_thread.join();
  if (!lexicon.ok()) return lexicon.status();
  if (!countries.ok()) return countries.status();
  if (!cues.ok()) return cues.status();
  if (!geo_status.ok()) return geo_status;
  std::unique_ptr<const geo::Geoparser> geoparser;
  if (tables) geoparser = std::make_unique<geo::Geoparser>(std::move(*tables), lexicon.value().get());
  return std::unique_ptr<const Coder>(new Coder(std::move(lexicon.value()), std::move(countries.value()),
                                                std::move(cues.value()), std::move(gazetteer),
                                                std::move(geoparser)));
}

Coder::Coder(std::unique_ptr<const lexicon::Lexicon> lexicon, CountryTable countries, CueTable cues,
             std::unique_ptr<const geo::Gazetteer> gazetteer,
             std::unique_ptr<const geo::Geoparser> geoparser)
    : lexicon_(std::move(lexicon)), countries_(std::move(countries)), cues_(std::move(cues)),
      gazetteer_(std::move(gazetteer)), geoparser_(std::move(geoparser)) {}

std::vector<Event> Coder::CodeArticle(const Article& article, const CodeOptions& options) const {
  TokenizedText tt = text::Tokenize(article);
  std::vector<SentenceMentions> mentions;
  mentions.reserve(tt.sentences.size());
  for (const Sentence& s : tt.sentences) {
    mentions.push_back(recognize::RecognizeSentence(article, tt, s, *lexicon_));
  }
  KnowSurnames(article, tt, mentions);
  ArticleContext ctx;
  ctx.article = &article;
  ctx.text = &tt;
  ctx.focus_country = FocusCountry(article, tt, mentions);
  geo::ArticlePlaces places;
  std::vector<bool> country_wide(tt.sentences.size());
  if (geoparser_) {
    // Names the recogniser found (people after a title, surnames known from
    // earlier in the article) are no places: "Governor Kano" is a person.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> names;
    for (const SentenceMentions& m : mentions) {
      for (const recognize::ActorMention& a : m.actors) {
        if (a.name_end > a.name_first) names.emplace_back(a.name_first, a.name_end);
        else if (a.kind == lexicon::ActorKind::kPerson) names.emplace_back(a.first, a.end);
      }
    }
    // the lexicon's actor matches, found once by the recogniser
    std::vector<lexicon::PhraseMatch> actor_matches;
    for (const SentenceMentions& m : mentions) {
      actor_matches.insert(actor_matches.end(), m.actor_matches.begin(), m.actor_matches.end());
    }
    geo::ParseHints hints;
    hints.actors = actor_matches;
    hints.not_places = names;
    places = geoparser_->Parse(article, tt, hints);
    // the geo stage weighs places as well as actors: its focus wins
    if (const CountryInfo* c = countries_.Find(places.focus_country); c && !places.focus_country.empty()) {
      ctx.focus_country = c->alpha3;
    }
    ctx.place = [&](std::int32_t sentence, std::uint32_t first, std::uint32_t end,
                    std::span<const std::pair<std::uint32_t, std::uint32_t>> actors, bool verbal) {
      geo::EventSite site;
      site.sentence = sentence;
      site.trigger_first = first;
      site.trigger_end = end;
      site.actor_tokens = actors;
      site.verbal = verbal;
      Location l = geo::PlaceEvent(*gazetteer_, places, tt, site);
      // a country-wide sentence takes no city or region from elsewhere: the
      // article's country (empty: the sentence coder's country)
      if (country_wide[static_cast<std::size_t>(sentence)] &&
          (l.precision == PlacePrecision::kCity || l.precision == PlacePrecision::kAdmin1 ||
           l.precision == PlacePrecision::kPoint) &&
          !NamedInSentence(places, *gazetteer_, sentence, l)) {
        return places.focus ? geo::ToLocation(*gazetteer_, *places.focus) : Location{};
      }
      return l;
    };
  }
  for (std::size_t s = 0; geoparser_ && s < tt.sentences.size(); ++s) {
    country_wide[s] =
        CountryWide(tt, tt.sentences[s], mentions[s], places, gazetteer_.get(), cues_);
  }
  ctx.lead_date = LeadDate(article, tt, mentions);
  std::optional<Location> lead_city = LeadCity(article, tt, places, gazetteer_.get());
  // each sentence's events, moved once into `events` at the end (an Event is large)
  std::vector<std::vector<Event>> per_sentence(tt.sentences.size());
  std::size_t total = 0;
  std::vector<bool> references;
  std::vector<bool> named;
  std::uint32_t paragraph = 0;
  for (std::size_t s = 0; s < tt.sentences.size(); ++s) {
    std::vector<Event>& found = per_sentence[s];
    named.clear();
    if (s == 0 || tt.sentences[s].paragraph != paragraph) ctx.paragraph_date.clear();
    paragraph = tt.sentences[s].paragraph;
    found = CodeSentence(ctx, static_cast<std::int32_t>(s), mentions[s], *lexicon_, countries_, cues_, &named);
    references.insert(references.end(), named.begin(), named.end());
    RememberActors(mentions[s], tt.sentences[s], found, ctx);
    // the day this sentence gives is the day of the next ones of its paragraph
    // (not a day told in the past perfect, "had warned on Friday night",
    // which is background to the story's own time, nor one to come, "is due
    // to speak later this week")
    for (const recognize::TimeMention& t : mentions[s].times) {
      if (t.precision != DatePrecision::kDay || t.date_from != t.date_to) continue;
      if (article.published.precision == DatePrecision::kDay && t.date > article.published.date) continue;
      bool aside = false;
      for (std::uint32_t k = t.first; k > tt.sentences[s].first_token && k + 6 > t.first; --k) {
        const std::string& w = tt.tokens[k - 1].norm;
        aside |= w == "had" || w == "will" || w == "would" || w == "'ll" || w == "due" || w == "expected" ||
                 w == "later" || w == "scheduled" || w == "plans" || w == "planned" || w == "this";
      }
      if (aside) continue;
      ctx.paragraph_date = t.date;
      break;
    }
    for (Event& e : found) {
      // street-level events the text does not place happen where the lead put
      // the story ("massed in central Nairobi"); national measures and
      // sentences about the whole country ("died across Nigeria") stay national
      if (e.location.precision == PlacePrecision::kCountry && lead_city &&
          lead_city->country == e.location.country && OnTheStreet(e) && !country_wide[s]) {
        e.location = *lead_city;
      }
      // "in the city": the last place the article called a city
      if (e.location.precision == PlacePrecision::kCountry && MentionsTheCity(tt, tt.sentences[s])) {
        if (auto city = LastNamedCity(places, tt, static_cast<std::int32_t>(s), gazetteer_.get());
            city && city->country == e.location.country) {
          e.location = *city;
        }
      }
    }
    total += found.size();
  }
  std::vector<Event> events;
  events.reserve(total);
  for (std::vector<Event>& found : per_sentence) {
    for (Event& e : found) events.push_back(std::move(e));
  }
  events = MergeWithinArticle(JoinTolls(MergeReferences(std::move(events), references)), article, tt);
  if (!options.keep_negated) {
    events.erase(std::remove_if(events.begin(), events.end(), [](const Event& e) { return e.negated; }),
                 events.end());
  }
  return events;
}

}  // namespace dateline::code
