#include "code/sentence_coder.h"

#include <algorithm>
#include <cmath>

#include "recognize/time_expressions.h"

namespace dateline::code {
namespace {

// Each figure `into` lacks, taken from `from` (merging two events of one act).
void FillMissingCounts(Counts& into, const Counts& from) {
  if (!into.killed) into.killed = from.killed;
  if (!into.injured) into.injured = from.injured;
  if (!into.arrested) into.arrested = from.arrested;
  if (!into.participants) into.participants = from.participants;
  if (!into.displaced) into.displaced = from.displaced;
  if (!into.troops) into.troops = from.troops;
}

using lexicon::CountKind;
using lexicon::PhraseMatch;
using recognize::ActorMention;
using recognize::CountMention;
using recognize::SentenceMentions;
using recognize::TimeMention;

// (Inline, and the length and first letter tested before the bytes: the
// coder asks this of most tokens, and most are on no list.)
inline bool IsOneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  if (w.empty()) {
    for (std::string_view x : words) {
      if (x.empty()) return true;
    }
    return false;
  }
  for (std::string_view x : words) {
    if (x.size() == w.size() && x[0] == w[0] && w == x) return true;
  }
  return false;
}

// said, says, say, told, tells, reported, reports, added, stated, claimed,
// claims, confirmed, quoted, cited, citing, according, wrote, tweeted,
// posted, insisted, alleged (grouped by length: asked of every token)
bool IsSpeechVerb(std::string_view w) {
  switch (w.size()) {
    case 3: return w == "say";
    case 4: return IsOneOf(w, {"said", "says", "told"});
    case 5: return IsOneOf(w, {"tells", "added", "cited", "wrote"});
    case 6: return IsOneOf(w, {"stated", "claims", "quoted", "citing", "posted"});
    case 7: return IsOneOf(w, {"reports", "claimed", "tweeted", "alleged"});
    case 8: return IsOneOf(w, {"reported", "insisted"});
    case 9: return IsOneOf(w, {"confirmed", "according"});
    default: return false;
  }
}

// A clause boundary a source/target search should not cross.
bool IsBoundary(const Token& t) {
  return t.kind == TokenKind::kPunct && IsOneOf(t.norm, {";", ":", "\"", "(", ")"});
}

struct Trigger {
  PhraseMatch match;
  const lexicon::EventPattern* pattern = nullptr;
  const lexicon::CameoInfo* info = nullptr;
};

// Longest-first, non-overlapping triggers; on equal length the more specific code.
std::vector<Trigger> SelectTriggers(std::vector<PhraseMatch> matches, const lexicon::Lexicon& lex) {
  std::sort(matches.begin(), matches.end(), [&](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.end - a.first != b.end - b.first) return a.end - a.first > b.end - b.first;
    if (a.first != b.first) return a.first < b.first;
    return lex.Event(a.entry).cameo.size() > lex.Event(b.entry).cameo.size();
  });
  std::vector<Trigger> kept;
  for (const PhraseMatch& m : matches) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Trigger& t) {
      return m.first < t.match.end && t.match.first < m.end;
    });
    if (overlaps) continue;
    const lexicon::EventPattern& p = lex.Event(m.entry);
    const lexicon::CameoInfo* info = lex.Cameo(p.cameo);
    if (!info) continue;
    kept.push_back({m, &p, info});
  }
  std::sort(kept.begin(), kept.end(),
            [](const Trigger& a, const Trigger& b) { return a.match.first < b.match.first; });
  return kept;
}

class SentenceCoder {
 public:
  SentenceCoder(const ArticleContext& ctx, std::int32_t index, const SentenceMentions& m,
                const lexicon::Lexicon& lex, const CountryTable& countries, const CueTable& cues)
      : ctx_(ctx), tt_(*ctx.text), s_(ctx.text->sentences[index]), index_(index), m_(m),
        lex_(lex), countries_(countries), cues_(cues) {}

  // *references (when given) gets, per event, whether it only names a
  // happening with a definite noun and adds nothing (see Definite).
  std::vector<Event> Run(std::vector<bool>* references) {
    if (PageLabel()) return {};
    FindClaim();
    std::vector<PhraseMatch> matches = lex_.MatchEvents(tt_, s_.first_token, s_.end_token);
    // (before the longest match is chosen: "command had decided to back the
    // soldiers" is no order, and "decided to back" is then the trigger)
    matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const PhraseMatch& m) { return InsideActor(m); }),
                  matches.end());
    std::vector<Trigger> triggers = SelectTriggers(std::move(matches), lex_);
    std::vector<Event> events;
    // A lone word inside quotes ("a terrible attack") characterises; it
    // reports no happening of its own.
    // A noun in quotes ("terrorist bands") labels; it reports no happening.
    triggers.erase(std::remove_if(triggers.begin(), triggers.end(),
                                  [&](const Trigger& t) {
                                    return ((t.match.end - t.match.first == 1 ||
                                             (Nominal(t) && t.match.end - t.match.first <= 4)) &&
                                            InsideQuotes(t.match.first)) ||
                                           WhatIsDemanded(t.match.first) || ReasonGiven(t.match.first) ||
                                           (ParticipleCompound(t.match.first) &&
                                            IsOneOf(t.info->plover_type, {"PROTEST", "ASSAULT", "COERCE"})) ||
                                           InsideCompound(t.match.first) || Feared(t.match.first) ||
                                           Anonymity(t) || Label(t) || ModifiesNoun(t) ||
                                           CrowdsMessage(t, triggers);
                                  }),
                   triggers.end());
    DropWhatIsAskedOrThreatened(triggers);
    for (const Trigger& t : triggers) {
      if (Definite(t)) reference_at_.push_back(t.match.first);
    }
    // (every trigger, and at most one event per count or quantity)
    events.reserve(triggers.size() + m_.counts.size() + m_.quantities.size());
    for (const Trigger& t : triggers) {
      CodeTrigger(t, events.emplace_back());  // (built in place: an Event is large)
      at_.push_back(t.match.first);
      generic_.push_back(IsOneOf(events.back().cameo, {"190", "180", "200"}));
    }
    ShareCoordinatedSubject(triggers, events);
    // ("gunmen fired on traders and set fire to stalls": the shared subject
    // makes the second verb an attack too)
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      if (events[k].cameo.starts_with("145")) {
        ArmedRiotIsAttack(triggers[k], events[k]);
        generic_[k] = IsOneOf(events[k].cameo, {"190", "180", "200"});
      }
    }
    AssignCounts(triggers, events);
    for (std::size_t k = 0; k < triggers.size(); ++k) SingleVictim(triggers[k], events[k]);
    DropBackground(triggers, events);
    MergeViolence(events);
    MergeRepeats(events);
    if (references) {
      references->clear();
      for (std::size_t k = 0; k < events.size(); ++k) {
        bool named = std::find(reference_at_.begin(), reference_at_.end(), at_[k]) != reference_at_.end();
        references->push_back(named && events[k].counts.empty());
      }
    }
    return events;
  }

 private:
  std::string_view Norm(std::uint32_t i) const { return tt_.tokens[i].norm; }

  // "marched to demand lower food prices", "calling for the release of the
  // detainees": what a crowd or a party asks for has not happened; the ask
  // itself is the protest or the appeal already coded.
  bool WhatIsDemanded(std::uint32_t at) const {
    std::uint32_t i = at;
    while (i > s_.first_token && cues_.Has("determiner", Norm(i - 1))) {
      --i;
    }
    if (i == s_.first_token) return false;
    std::string_view before = Norm(i - 1);
    if (cues_.Has("demand", before)) return true;
    if (before != "for" || i - 1 == s_.first_token) return false;
    return cues_.Has("ask_for", Norm(i - 2));
  }

  // "arrested a journalist for criticising the junta", "jailed for
  // protesting": the reason given for an act is background, not an event.
  // So is a charge: "questioned on suspicion of organizing a protest",
  // "arrested on charges of rioting and blocking a road", "for arson and
  // looting" (what follows the cue up to the trigger is a list of acts).
  bool ReasonGiven(std::uint32_t at) const {
    if (!Norm(at).ends_with("ing") || at <= s_.first_token + 1) return false;
    for (std::uint32_t i = at; i > s_.first_token + 1 && i + 7 > at; --i) {
      const Token& w = tt_.tokens[i - 1];
      if (w.kind != TokenKind::kWord) return false;
      if (cues_.Has("reason", w.norm)) return true;
      if (w.norm == "of") {
        // "on charges of", "accused officers of firing at a church"
        for (std::uint32_t j = i - 1; j > s_.first_token && j + 4 > i - 1; --j) {
          if (tt_.tokens[j - 1].kind == TokenKind::kPunct) break;
          if (cues_.Has("charge", Norm(j - 1))) return true;
        }
        return false;
      }
      // only acts and "and"/"or" between the cue and the trigger
      if (!IsOneOf(w.norm, {"and", "or"}) && !w.norm.ends_with("ing") && !cues_.Has("act_noun", w.norm)) {
        return false;
      }
    }
    return false;
  }

  // "a burned-out car", "a bombed-out street": a participle joined by a
  // hyphen describes a thing; it reports no violence of its own.
  bool ParticipleCompound(std::uint32_t at) const {
    if (at + 2 >= s_.end_token) return false;
    const Token& dash = tt_.tokens[at + 1];
    std::string_view w = Norm(at);
    return dash.norm == "-" && dash.joined_left && tt_.tokens[at + 2].joined_left &&
           (w.ends_with("ed") || w.ends_with("en") || w.ends_with("rn") || w.ends_with("nt"));
  }

  // A trigger that names a happening with a noun ("the protests", "a raid
  // on the camp", "wave of protests", "the storming of parliament") rather
  // than telling it with a verb.
  bool Nominal(const Trigger& t) const {
    const PhraseMatch& m = t.match;
    if (t.pattern->passive) return false;
    // ("a televised address", "the planned march": a participle after a
    // determiner qualifies the noun)
    bool qualified = m.first > s_.first_token && (tt_.tokens[m.first - 1].kind == TokenKind::kPossessive ||
                                                  IsOneOf(Norm(m.first - 1), {"a", "an", "the", "its", "their"}));
    for (std::uint32_t i = m.first; i < m.end; ++i) {
      std::string_view w = Norm(i);
      if (i == m.first && qualified && w.ends_with("ed")) continue;
      if (cues_.Has("verb_form", w) || (w.size() > 3 && w.ends_with("ed"))) return false;
    }
    std::string_view first = Norm(m.first);
    bool gerund = first.ends_with("ing");
    if (!gerund && !t.pattern->pattern.starts_with('~')) return true;
    // a gerund or a verb's form is a noun after a determiner or a
    // possessive ("the storming of", "Monday's raid"); after a preposition a
    // verb's form is a noun ("months of protests") and so is a lone gerund
    // ("charges of rioting"), but a gerund with its object tells ("a day
    // after breaking into the residence")
    if (m.first == s_.first_token) return false;
    const Token& before = tt_.tokens[m.first - 1];
    if (before.kind == TokenKind::kPossessive || cues_.Has("determiner", before.norm)) return true;
    // ("to" before a verb's form is the infinitive: "gathered to call for
    // better pay")
    return cues_.Has("governor", before.norm) && before.norm != "to" && (!gerund || m.end - m.first == 1);
  }

  // "The demonstrations began over fuel prices", "Monday's raid came on the
  // eve of Eid": a definite noun names a happening the article has told.
  bool Definite(const Trigger& t) const {
    if (!Nominal(t)) return false;
    // "the protests", "Monday's raid", "the dawn raid", "the deadly shooting"
    std::uint32_t start = PhraseStart(t.match.first);
    for (int plain = 0; plain < 2 && start > s_.first_token; ++plain) {
      const Token& w = tt_.tokens[start - 1];
      if (w.kind != TokenKind::kWord || cues_.Has("governor", w.norm) || cues_.Has("verb_form", w.norm) ||
          w.norm.ends_with("ed") || IsOneOf(w.norm, {"and", "or", "but"})) {
        break;
      }
      start = PhraseStart(start - 1);
    }
    for (std::uint32_t i = start; i < t.match.first; ++i) {
      if (IsOneOf(Norm(i), {"the", "this", "these", "those"}) || tt_.tokens[i].kind == TokenKind::kPossessive) {
        return true;
      }
    }
    return false;
  }

  // A gerund that opens a non-finite clause ("including accepting the
  // resignation", "by firing on the crowd", "after storming the camp") has
  // the subject of the sentence's main clause: its first actor outside a
  // prepositional phrase. nullptr when the trigger is no such gerund.
  const ActorMention* GerundSubject(std::uint32_t at) const {
    if (at == s_.first_token || !Norm(at).ends_with("ing") || !cues_.Has("gerund_opener", Norm(at - 1))) {
      return nullptr;
    }
    for (const ActorMention& a : m_.actors) {
      if (a.first >= at) break;
      if (!Usable(a) || PlaceQualifier(a)) continue;
      if (a.first > s_.first_token && cues_.Has("governor", Norm(a.first - 1))) continue;
      return &a;
    }
    return nullptr;
  }

  // Where the noun phrase of a trigger starts: back over determiners,
  // modifiers and possessives ("Colombia's national strike").
  std::uint32_t PhraseStart(std::uint32_t at) const {
    std::uint32_t i = at;
    for (int steps = 0; steps < 5 && i > s_.first_token; ++steps) {
      const Token& t = tt_.tokens[i - 1];
      bool owner = i >= s_.first_token + 2 && t.kind == TokenKind::kPossessive;
      if (owner) {
        i -= 2;
        continue;
      }
      if (!cues_.Has("determiner", t.norm)) break;
      --i;
    }
    return i;
  }

  // A nominal trigger that is the object of a preposition or of another
  // verb ("killed since the protests began", "deployed to clear road
  // blockades", "condemned the raid"): background, when the sentence tells
  // something else. A noun that opens its clause is its subject.
  bool Governed(const Trigger& t) const {
    std::uint32_t i = PhraseStart(t.match.first);
    if (i == s_.first_token) return false;
    // "killed since the protests began": a clause that dates the sentence's
    // news by the start of something told before
    if (!Nominal(t)) return cues_.Has("time_clause", Norm(i - 1));
    const Token& g = tt_.tokens[i - 1];
    if (g.kind == TokenKind::kPunct || IsOneOf(g.norm, {"and", "but", "or", "while", "when"})) return false;
    for (const ActorMention& a : m_.actors) {
      if (a.end == i) return false;  // "police protests": an actor's own
    }
    return true;
  }

  // "open-ended general strike", "long-awaited talks": a participle that
  // ends a hyphenated adjective starts no match ("air-strike", "car-bomb"
  // are nouns and do).
  bool InsideCompound(std::uint32_t at) const {
    return at >= s_.first_token + 2 && tt_.tokens[at].joined_left && Norm(at - 1) == "-" &&
           tt_.tokens[at - 1].joined_left && Norm(at).ends_with("ed");
  }

  // Where the words of [first, end) stop before a time expression in it
  // ("the public on Saturday evening" -> "the public"), with the
  // prepositions that lead into it; `first` when the span is only a time.
  std::uint32_t BeforeTime(std::uint32_t first, std::uint32_t end) const {
    for (const TimeMention& t : m_.times) {
      if (t.first < first || t.first >= end) continue;
      std::uint32_t cut = t.first;
      while (cut > first && IsOneOf(Norm(cut - 1), {"on", "at", "in", "late", "early", "by", "during", "last",
                                                    "this", "until", "since", "from"})) {
        --cut;
      }
      return cut;
    }
    return end;
  }

  // A news outlet right before `at`, with only auxiliaries between ("State
  // television had warned"); nullptr when none.
  const ActorMention* OutletSubject(std::uint32_t at) const {
    for (const ActorMention& a : m_.actors) {
      if (!a.is_media || a.end > at || a.end + 3 < at) continue;
      bool plain = true;
      for (std::uint32_t k = a.end; k < at; ++k) plain &= IsOneOf(Norm(k), {"had", "has", "have", "also", "was"});
      if (plain && (a.first == s_.first_token || !cues_.Has("governor", Norm(a.first - 1)))) return &a;
    }
    return nullptr;
  }

  // "the military command had decided", "the police force ordered": a verb's
  // form that is a word of an actor's noun phrase, after its first word, is
  // a noun ("command", "force", "guard"), not the verb of a pattern.
  bool InsideActor(const PhraseMatch& m) const {
    for (const ActorMention& a : m_.actors) {
      if (a.first >= m.first) break;
      if (a.head < m.first && m.first < a.end) return lex_.Event(m.entry).pattern.starts_with('~');
    }
    return false;
  }

  // "for fear of arrest", "risked being shot": what is feared has not happened.
  bool Feared(std::uint32_t at) const {
    if (at == s_.first_token) return false;
    if (cues_.Has("feared", Norm(at - 1))) return true;
    return at >= s_.first_token + 2 && Norm(at - 1) == "of" && cues_.Has("feared", Norm(at - 2));
  }

  // "asking not to be named for fear of reprisal": a source's anonymity.
  bool Anonymity(const Trigger& t) const {
    if (t.info->plover_type != "REQUEST") return false;
    for (std::uint32_t i = t.match.first; i + 3 < s_.end_token && i < t.match.end + 2; ++i) {
      if (Norm(i) == "not" && Norm(i + 1) == "to" && Norm(i + 2) == "be" && cues_.Has("anonymous", Norm(i + 3))) {
        return true;
      }
    }
    return false;
  }

  // "called the raid a massacre", "what it calls riots", "described the
  // attack as": a noun that labels a happening; the happening is told (or
  // not) elsewhere.
  bool Label(const Trigger& t) const {
    if (!Nominal(t)) return false;
    std::uint32_t at = t.match.first;
    for (std::uint32_t l = at; l > s_.first_token && l + 7 > at; --l) {
      const Token& w = tt_.tokens[l - 1];
      if (w.kind == TokenKind::kPunct && w.norm != "\"") return false;
      if (!cues_.Has("label", w.norm)) continue;
      std::uint32_t label = l - 1;
      if (IsOneOf(Norm(label + 1), {"for", "on", "off", "up", "in"})) return false;
      // a predicate: "called the raid a massacre", "described it as a crime"
      for (std::uint32_t j = label + 2; j < at; ++j) {
        if (IsOneOf(Norm(j), {"a", "an", "as"})) return true;
      }
      // "what it calls riots", "in what the governor called a massacre"
      for (std::uint32_t j = label; j > s_.first_token && j + 4 > label; --j) {
        if (Norm(j - 1) == "what") return true;
      }
      return false;  // "described the attack": the labelled happening is told here
    }
    return false;
  }

  // "protest leaders said", "the National Strike Committee": a protest noun
  // that qualifies another noun.
  bool ModifiesNoun(const Trigger& t) const {
    if (t.info->plover_type != "PROTEST" || t.match.end >= s_.end_token) return false;
    for (std::uint32_t i = t.match.first; i < t.match.end; ++i) {
      if (cues_.Has("verb_form", Norm(i)) || Norm(i).ends_with("ed")) return false;
    }
    return cues_.Has("modified_by", Norm(t.match.end));
  }

  // "Demonstrators denouncing the price rise clashed with police": what a
  // crowd marches for, said by an -ing word right after it, is the message
  // of the protest the sentence tells, not an event of its own.
  bool CrowdsMessage(const Trigger& t, const std::vector<Trigger>& all) const {
    if (IsOneOf(t.info->plover_type, {"PROTEST", "ASSAULT", "COERCE"}) || !Norm(t.match.first).ends_with("ing")) {
      return false;
    }
    bool after_crowd = false;
    for (const ActorMention& a : m_.actors) {
      after_crowd |= a.end == t.match.first && cues_.Has("crowd_agent", a.actor.agent);
    }
    if (!after_crowd) return false;
    return std::any_of(all.begin(), all.end(),
                       [](const Trigger& p) { return p.info->plover_type == "PROTEST"; });
  }

  // "urged Sudanese to launch a campaign of civil disobedience", "warned
  // that people who joined protests risked being shot": a material act asked
  // for, promised or threatened in a call, demand or warning has not
  // happened; the call is the event. (What is asked in words, such as a
  // demand that unrest "be put down", stays: it is a threat of its own.)
  void DropWhatIsAskedOrThreatened(std::vector<Trigger>& triggers) const {
    std::vector<bool> drop(triggers.size(), false);
    for (const Trigger& r : triggers) {
      const std::string& type = r.info->plover_type;
      if (type != "REQUEST" && type != "THREATEN") continue;
      std::uint32_t open = r.match.end;  // where the asked-for clause begins
      if (IsOneOf(Norm(r.match.end - 1), {"to", "that"})) {
        open = r.match.end;
      } else if (r.match.end < s_.end_token && IsOneOf(Norm(r.match.end), {"to", "that"})) {
        open = r.match.end + 1;
      } else {
        continue;
      }
      // "warned that fighting had displaced 10,000 people" reports a fact; a
      // "that" clause is asked for or threatened only when it says what
      // would, could or risks happening
      if (Norm(open - 1) == "that") {
        bool unreal = false;
        for (std::uint32_t i = open; i < s_.end_token && Norm(i) != ";"; ++i) unreal |= cues_.Has("unreal", Norm(i));
        if (!unreal) continue;
      }
      for (std::size_t k = 0; k < triggers.size(); ++k) {
        const Trigger& t = triggers[k];
        // (a protest is an act too, though CAMEO counts it as verbal conflict)
        bool material = t.info->quad_class == 2 || t.info->quad_class == 4 || t.info->plover_type == "PROTEST";
        if (t.match.first < open || t.match.first > open + 12 || !material) {
          continue;
        }
        bool crosses = false;
        for (std::uint32_t i = open; i < t.match.first; ++i) crosses |= Norm(i) == ";";
        if (!crosses) drop[k] = true;
      }
    }
    std::size_t k = 0;
    triggers.erase(std::remove_if(triggers.begin(), triggers.end(), [&](const Trigger&) { return drop[k++]; }),
                   triggers.end());
  }

  // Nominal mentions that are background to what the sentence tells: a
  // protest noun, or a generic violent or coercive noun ("the raid", "the
  // shootings", "a crackdown"), governed by a preposition or another verb and
  // carrying no figure of its own. Dropped only when something else in the
  // sentence is kept.
  void DropBackground(const std::vector<Trigger>& triggers, std::vector<Event>& events) {
    std::vector<bool> background(events.size(), false);
    bool other = false;
    // "died after he was hit by a brick during a clash between protesters and
    // police": a riot named as the setting of a death no one is named for is
    // the happening itself (MergeRepeats joins the death to it)
    bool unclaimed_death = std::any_of(events.begin(), events.end(), [](const Event& e) {
      return IsOneOf(e.cameo, {"180", "190", "200"}) && e.source.agent.empty();
    });
    for (std::size_t k = 0; k < events.size(); ++k) {
      const Event& e = events[k];
      const Counts& c = e.counts;
      bool figure = c.killed || c.injured || c.arrested || c.participants || c.displaced || c.troops;
      bool generic = e.cameo.size() == 3 && e.cameo[2] == '0';
      bool riot_setting = unclaimed_death && e.cameo.starts_with("145");
      if (k < triggers.size() && !figure && !riot_setting && (e.plover_type == "PROTEST" || generic) &&
          Governed(triggers[k])) {
        background[k] = true;
      } else {
        other = true;
      }
    }
    if (!other) return;
    DropMarked(events, background);
  }

  // "clashed with police in Almaty and held protests in a dozen other
  // cities": a word between or after two triggers that sets the second apart.
  bool Elsewhere(std::uint32_t first, std::uint32_t second) const {
    std::uint32_t lo = std::min(first, second), hi = std::max(first, second);
    for (std::uint32_t i = lo; i < s_.end_token && i < hi + 8; ++i) {
      if (cues_.Has("elsewhere", Norm(i))) return true;
    }
    return false;
  }

  // One act told with two verbs or two objects ("fired tear gas to disperse
  // the crowd", "broke into the residence and set it on fire", "announced a
  // price cap and a moratorium") is one event: events of one sentence and
  // clause and day with the same CAMEO code, or a generic code ("in a
  // concession", 080) and a specific one of the same PLOVER type, whose
  // actors agree and whose figures do not clash, become the first (or the
  // specific) one.
  void MergeRepeats(std::vector<Event>& events) {
    if (events.size() < 2) return;
    auto clause = [&](std::uint32_t at) {
      int n = 0;
      for (std::uint32_t i = s_.first_token; i < at && i < s_.end_token; ++i) n += Norm(i) == ";";
      return n;
    };
    auto generic_code = [](const Event& e) { return e.cameo.size() == 3 && e.cameo[2] == '0'; };
    // (a generic act by the crowd, or by no one named: "13 people were
    // killed in Cali as protests turned violent")
    auto crowd_violence = [&](const Event& e) {
      return IsOneOf(e.cameo, {"180", "190", "200"}) &&
             (e.source.agent.empty() || cues_.Has("crowd_agent", e.source.agent));
    };
    auto agree = [](const Actor& a, const Actor& b) {
      return a.empty() || b.empty() || a.agent.empty() || b.agent.empty() ||
             (a.agent == b.agent && (a.country.empty() || b.country.empty() || a.country == b.country));
    };
    std::vector<bool> gone(events.size(), false);
    for (std::size_t k = 1; k < events.size(); ++k) {
      for (std::size_t j = 0; j < k && !gone[k]; ++j) {
        if (gone[j]) continue;
        Event& a = events[j];
        Event& b = events[k];
        // "Crowds pushed past police lines and climbed the gates": a crowd's
        // generic violence in a riot's sentence is the riot
        bool riot = (a.cameo.starts_with("145") && crowd_violence(b)) || (b.cameo.starts_with("145") && crowd_violence(a));
        // "the fighting began when troops raided a farm": a raid (170) in a
        // sentence of violence by the same side is that violence
        bool raid = (a.cameo == "170" && b.plover_type == "ASSAULT") || (b.cameo == "170" && a.plover_type == "ASSAULT");
        if (a.plover_type.empty() || (a.plover_type != b.plover_type && !riot && !raid) || a.negated != b.negated ||
            a.modality != b.modality || a.date != b.date || clause(at_[j]) != clause(at_[k]) ||
            FiguresClash(a.counts, b.counts) ||
            !agree(a.source, b.source) || (!agree(a.target, b.target) && !riot)) {
          continue;
        }
        bool same = a.cameo == b.cameo;
        // one crowd's protest told with several verbs ("blocked streets with
        // burning tires", "where crowds blocked roads and set tires alight")
        // is one protest, a riot if any part is one; "and held protests in
        // other cities" is another
        bool protest = a.plover_type == "PROTEST" && !Elsewhere(at_[j], at_[k]);
        if (!same && !protest && !riot && !raid && !generic_code(a) && !generic_code(b)) continue;
        // the specific one stays (a riot over a march or a crowd's attack);
        // between equals, the first
        bool keep_b = raid ? a.cameo == "170"
                           : (generic_code(a) && !generic_code(b)) ||
                                 ((protest || riot) && b.cameo.starts_with("145") && !a.cameo.starts_with("145"));
        Event& into = keep_b ? b : a;
        Event& from = keep_b ? a : b;
        FillMissingCounts(into.counts, from.counts);
        if (into.source.empty() || (into.source.agent.empty() && !from.source.agent.empty())) into.source = from.source;
        if (into.target.empty() || (into.target.agent.empty() && !from.target.agent.empty())) into.target = from.target;
        if (!into.claimed_by) into.claimed_by = from.claimed_by;
        if (Specific(from.location.precision) > Specific(into.location.precision)) into.location = from.location;
        into.confidence = std::max(into.confidence, from.confidence);
        RefineAcled(into);
        gone[keep_b ? j : k] = true;
      }
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < events.size(); ++k) {
      if (gone[k]) continue;
      if (kept != k) events[kept] = std::move(events[k]);
      ++kept;
    }
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
  }

  // Page furniture that survived extraction: "Related: How the protests
  // began", "Read more: ...", "Watch: ..." name stories, not happenings.
  bool PageLabel() const {
    std::uint32_t i = s_.first_token;
    std::uint32_t colon = i;
    while (colon < s_.end_token && colon < i + 3 && Norm(colon) != ":") ++colon;
    if (colon >= s_.end_token || Norm(colon) != ":" || colon == i) return false;
    std::string label;
    for (std::uint32_t k = i; k < colon; ++k) label += (k > i ? " " : "") + std::string(Norm(k));
    return IsOneOf(label, {"related", "read more", "read also", "also read", "see also", "watch",
                           "most read", "trending", "recommended", "listen", "more", "latest",
                           "related stories", "related articles", "editor's picks", "top stories"});
  }

  // "Police broke up the protest and arrested 12": the second verb has the
  // first one's subject, not its object.
  void ShareCoordinatedSubject(const std::vector<Trigger>& triggers, std::vector<Event>& events) const {
    for (std::size_t k = 1; k < triggers.size(); ++k) {
      std::uint32_t at = triggers[k].match.first;
      // "attacked the party's headquarters, ransacking offices": a participle
      // after a comma has the clause's subject too
      if (at <= s_.first_token) continue;
      bool participle = Norm(at - 1) == "," && Norm(at).ends_with("ing");
      if (Norm(at - 1) != "and" && !participle) continue;
      const Event& prev = events[k - 1];
      Event& e = events[k];
      if (prev.source.empty() || triggers[k].pattern->passive || PassiveMatch(triggers[k].match)) continue;
      // the verb has no subject of its own unless the pattern spells one
      // ("and police fired tear gas"); what the search found is the object
      // of the first verb or a noun of its clause ("attacked the party's
      // offices, ransacking rooms and setting cars on fire")
      if (!ActorStartingWithin(at, at + 1)) e.source = prev.source;
    }
  }

  static bool IsKillWord(std::string_view w) {
    return w.starts_with("kill") || w.starts_with("murder") || w == "dead" || w == "death" ||
           w.starts_with("execut") || w.starts_with("assassinated") || w.starts_with("lynch") ||
           w == "slain" || w.starts_with("behead");
  }

  // "killed a local councillor", "a journalist was shot dead": one person
  // killed when the text gives no figure.
  void SingleVictim(const Trigger& t, Event& e) const {
    if (e.counts.killed || e.plover_type != "ASSAULT" || e.cameo.rfind("185", 0) == 0) return;
    std::uint32_t kill = t.match.end;
    for (std::uint32_t i = t.match.first; i < t.match.end; ++i) {
      if (IsKillWord(Norm(i))) {
        kill = i;
        break;
      }
    }
    if (kill == t.match.end) return;
    for (std::uint32_t i = s_.first_token; i < kill; ++i) {
      if (IsOneOf(Norm(i), {"attempt", "attempted", "tried", "try", "plot", "plotted"})) return;
    }
    bool singular = false;
    if (kill + 1 < s_.end_token && IsOneOf(Norm(kill + 1), {"a", "an", "one"})) singular = true;
    for (std::uint32_t i = t.match.first; i < kill; ++i) singular |= Norm(i) == "was";
    if (t.match.first > s_.first_token && Norm(t.match.first - 1) == "was") singular = true;
    if (!singular) return;
    Count c;
    c.min = c.max = 1;
    c.best = 1;
    c.text = e.trigger;
    c.sentence = index_;
    e.counts.killed = c;
  }

  static bool Violent(const Event& e) { return e.plover_type == "ASSAULT"; }

  static int Specific(PlacePrecision p) {
    switch (p) {
      case PlacePrecision::kPoint: return 4;
      case PlacePrecision::kCity: return 3;
      case PlacePrecision::kAdmin1: return 2;
      case PlacePrecision::kCountry: return 1;
      case PlacePrecision::kNone: break;
    }
    return 0;
  }

  // Two figures of one kind are two reports: "killed dozens of protesters
  // and 12 police officers died" stays two events.
  static bool FiguresClash(const Counts& a, const Counts& b) {
    return (a.killed && b.killed) || (a.injured && b.injured) || (a.arrested && b.arrested) ||
           (a.participants && b.participants);
  }

  // One happening per sentence: "A drone strike hit the market, killing 13
  // people" is one air strike with 13 dead, not a strike and a killing. A
  // generic violent event (a killing, an attack, a figure of its own) joins
  // the closest violent event before it in its clause, else the closest
  // after it; specific ones stay apart, and so do two figures of one kind.
  void MergeViolence(std::vector<Event>& events) {
    std::vector<bool> gone(events.size(), false);
    // "...killing two; he was then beaten to death by a crowd": two happenings
    auto clause = [&](std::size_t k) {
      int n = 0;
      for (std::uint32_t i = s_.first_token; i < at_[k] && i < s_.end_token; ++i) n += Norm(i) == ";";
      return n;
    };
    std::vector<std::size_t> order(events.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return at_[a] < at_[b]; });
    // "police fired on protesters, and protesters attacked the airport": a
    // generic act whose own author is the other one's victim, or another
    // side, is a second happening (the victims named as subject of a noun
    // trigger, "12 militants ... in a gunfight", are taken care of below)
    auto other_side = [&](const Event& g, const Event& k) {
      return !g.source.agent.empty() && !k.source.agent.empty() && g.source.agent != k.source.agent &&
             (k.target.empty() || g.source.start != k.target.start) &&
             (g.target.empty() || g.target.start != k.source.start);
    };
    auto joinable = [&](std::size_t g, std::size_t k) {
      return k != g && !gone[k] && Violent(events[k]) && events[k].negated == events[g].negated &&
             events[k].modality == events[g].modality && clause(k) == clause(g) &&
             !FiguresClash(events[k].counts, events[g].counts) && !other_side(events[g], events[k]);
    };
    for (std::size_t r = order.size(); r-- > 0;) {
      std::size_t g = order[r];
      if (gone[g] || !generic_[g] || !Violent(events[g])) continue;
      std::size_t into_k = events.size();
      for (std::size_t q = r; q-- > 0;) {
        if (joinable(g, order[q])) {
          into_k = order[q];
          break;
        }
      }
      for (std::size_t q = r + 1; into_k == events.size() && q < order.size(); ++q) {
        if (joinable(g, order[q])) into_k = order[q];
      }
      if (into_k == events.size()) continue;
      Event& into = events[into_k];
      Event& from = events[g];
      if (!from.source.agent.empty() && !into.source.empty() && from.target.start == into.source.start &&
          !from.target.empty()) {
        // "Soldiers killed 12 militants in a gunfight": the noun trigger
        // took the victims for its subject; the verb knows who did what
        into.source = from.source;
        into.target = from.target;
      }
      FillMissingCounts(into.counts, from.counts);
      if ((into.target.empty() || into.target.agent.empty()) && !from.target.agent.empty() &&
          from.target.start != into.source.start) {
        into.target = from.target;
      }
      if (into.source.empty() && !from.source.agent.empty() && from.source.start != into.target.start) {
        into.source = from.source;
      }
      if (!into.claimed_by) into.claimed_by = from.claimed_by;
      if (Specific(from.location.precision) > Specific(into.location.precision)) into.location = from.location;
      into.confidence = std::max(into.confidence, from.confidence);
      gone[g] = true;
      if (const lexicon::CameoInfo* info = lex_.Cameo(into.cameo)) {
        into.acled_event_type = info->acled_event_type;
        into.acled_sub_event_type = info->acled_sub_event_type;
      }
      RefineAcled(into);
    }
    DropMarked(events, gone);
  }

  // Removes the events marked in `drop`, keeping at_ and generic_ in step.
  // (In place: an Event is large, and most calls drop nothing.)
  void DropMarked(std::vector<Event>& events, const std::vector<bool>& drop) {
    std::size_t kept = 0;
    for (std::size_t k = 0; k < events.size(); ++k) {
      if (drop[k]) continue;
      if (kept != k) {
        events[kept] = std::move(events[k]);
        at_[kept] = at_[k];
        generic_[kept] = generic_[k];
      }
      ++kept;
    }
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
    at_.resize(kept);
    generic_.resize(kept);
  }

  bool InsideQuotes(std::uint32_t at) const {
    int quotes = 0;
    for (std::uint32_t i = s_.first_token; i < at; ++i) quotes += Norm(i) == "\"";
    return quotes % 2 == 1;
  }

  // "the Interior Ministry said", "Tass said", "police spokeswoman X told",
  // "according to rights groups", "said the ministry".
  void FindClaim() {
    for (std::uint32_t i = s_.first_token; i < s_.end_token; ++i) {
      if (!IsSpeechVerb(Norm(i))) continue;
      const ActorMention* who = nullptr;
      if (Norm(i) == "according" || Norm(i) == "citing" || Norm(i) == "cited") {
        for (const ActorMention& a : m_.actors) {
          if (a.first > i && a.first <= i + 3) { who = &a; break; }
        }
      } else {
        for (const ActorMention& a : m_.actors) {
          if (a.end <= i && a.end + 3 >= i) who = &a;  // the last one ending just before
        }
        if (!who) {
          for (const ActorMention& a : m_.actors) {
            if (a.first > i && a.first <= i + 2) { who = &a; break; }
          }
        }
      }
      speech_tokens_.push_back(i);
      if (who && !claim_) {
        claimant_ = who;
        Claim c;
        std::uint32_t from = std::min(who->first, i), to = std::max(who->end, i + 1);
        c.text = Slice(from, to);
        c.who = who->actor.text;
        c.agent = who->actor.agent;
        claim_ = c;
      }
    }
  }

  std::string Slice(std::uint32_t first, std::uint32_t end) const {
    std::uint32_t a = tt_.tokens[first].start, b = tt_.tokens[end - 1].end;
    return ctx_.article->text.substr(a, b - a);
  }

  bool Usable(const ActorMention& a) const { return !a.is_media && &a != claimant_; }

  // The closest usable actor ending before token `at`, not across a clause boundary.
  const ActorMention* ActorBefore(std::uint32_t at) const {
    const ActorMention* best = nullptr;
    for (const ActorMention& a : m_.actors) {
      // an actor may run into the trigger ("a Russian-led force of peacekeeping
      // troops" + "peacekeeping troops was on its way") but must start before it
      if (a.first >= at || !Usable(a) || PlaceQualifier(a)) continue;
      // (a quotation mark that opens on the trigger is no boundary: "vowed
      // that those responsible would \"pay the price\"" is the speaker's)
      bool crosses = false;
      for (std::uint32_t k = a.end; k < at; ++k) {
        crosses |= IsBoundary(tt_.tokens[k]) && !(k + 1 == at && Norm(k) == "\"" && InsideQuotes(at));
      }
      if (crosses) continue;
      best = &a;
    }
    return best;
  }

  // The subject of the clause that ends at `at`: its first actor that is not
  // inside a prepositional phrase ("several television journalists covering
  // the crowd outside the prime minister's home were beaten"); else the
  // closest actor before.
  const ActorMention* ClauseSubject(std::uint32_t at) const {
    std::uint32_t start = s_.first_token;
    for (std::uint32_t k = at; k > s_.first_token; --k) {
      if (IsBoundary(tt_.tokens[k - 1]) || Norm(k - 1) == ",") {
        start = k;
        break;
      }
    }
    for (const ActorMention& a : m_.actors) {
      if (a.first < start || a.first >= at || !Usable(a) || PlaceQualifier(a)) continue;
      if (a.first > start &&
          IsOneOf(Norm(a.first - 1), {"of", "from", "outside", "near", "with", "at", "in", "by", "for",
                                      "against", "to", "on", "covering", "inside", "behind"})) {
        continue;
      }
      // "an opposition lawmaker": the last of adjacent actors is the head
      const ActorMention* head = &a;
      for (const ActorMention& b : m_.actors) {
        if (b.first == head->end && b.first < at && Usable(b)) head = &b;
      }
      return head;
    }
    return ActorBefore(at);
  }

  // A country that qualifies a place name ("in Lagos, Nigeria,"; "Kherson
  // city, Ukraine"): where, not who.
  bool PlaceQualifier(const ActorMention& a) const {
    return a.kind == lexicon::ActorKind::kCountry && a.first >= s_.first_token + 2 &&
           Norm(a.first - 1) == "," &&
           (tt_.tokens[a.first - 2].capitalized || Norm(a.first - 2) == ")");  // "Kherson (Kherson), Ukraine"
  }

  // A source before the trigger: as ActorBefore, but not the subject of a
  // passive between them ("Twelve officers were killed ... in an attack":
  // the victims do not attack), and for a coordinated subject ("protesters
  // and police clashed") the first conjunct; *partner gets the second.
  const ActorMention* SourceBefore(std::uint32_t at, const ActorMention** partner = nullptr) const {
    const ActorMention* a = ActorBefore(at);
    if (!a) return nullptr;
    for (std::uint32_t k = a->end; k + 1 < at; ++k) {
      if (IsOneOf(Norm(k), {"was", "were", "been", "being"}) && IsParticiple(Norm(k + 1))) {
        return nullptr;
      }
    }
    // "A and B <verb>": A and B both act; A is the source
    if (a->first >= s_.first_token + 2 && Norm(a->first - 1) == "and") {
      for (const ActorMention& b : m_.actors) {
        if (b.end == a->first - 1 && Usable(b) && b.kind != lexicon::ActorKind::kCountry) {
          if (partner) *partner = a;
          return &b;
        }
      }
    }
    return a;
  }

  static bool IsParticiple(std::string_view w) {
    return w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn") || w.ends_with("pt") ||
           IsOneOf(w, {"shot", "hit", "held", "hurt", "struck", "caught", "slain", "left", "found"});
  }

  // The first usable actor that starts inside [first, end) (it may run past
  // end: "arrested a prominent opposition figure").
  const ActorMention* ActorStartingWithin(std::uint32_t first, std::uint32_t end) const {
    for (const ActorMention& a : m_.actors) {
      if (a.first >= first && a.first < end && Usable(a)) return &a;
    }
    return nullptr;
  }

  const ActorMention* ActorAfter(std::uint32_t at, std::uint32_t window) const {
    for (const ActorMention& a : m_.actors) {
      if (a.first < at || a.first > at + window || !Usable(a)) continue;
      bool crosses = false;
      for (std::uint32_t k = at; k < a.first; ++k) crosses |= IsBoundary(tt_.tokens[k]) || Norm(k) == ",";
      if (!crosses) return &a;
    }
    return nullptr;
  }

  // A match in the passive voice: a form of "be" followed by another word of
  // the match ("police officers were killed", "was found beheaded").
  bool PassiveMatch(const PhraseMatch& m) const {
    for (std::uint32_t i = m.first; i + 1 < m.end; ++i) {
      if (!IsOneOf(Norm(i), {"was", "were", "been", "being", "is", "are", "be"})) continue;
      std::uint32_t j = i + 1;
      // "were reportedly killed", "was then beaten"
      while (j + 1 < m.end && IsOneOf(Norm(j), {"then", "later", "reportedly", "allegedly", "subsequently",
                                                "eventually", "apparently", "initially", "briefly", "also",
                                                "again", "repeatedly", "brutally", "violently", "forcibly",
                                                "summarily", "immediately", "swiftly"})) {
        ++j;
      }
      std::string_view next = Norm(j);
      if (next.ends_with("ed") || next.ends_with("en") || next.ends_with("wn") ||
          IsOneOf(next, {"shot", "hit", "held", "hurt", "set", "cut", "put", "found", "struck",
                         "caught", "sent", "left", "kept", "led", "built", "lost", "slain"})) {
        return true;
      }
    }
    return false;
  }

  // An actor sharing tokens with [first, end): "police officers" in a pattern
  // that spells out "officers were killed".
  const ActorMention* ActorOverlapping(std::uint32_t first, std::uint32_t end) const {
    for (const ActorMention& a : m_.actors) {
      if (a.first < end && first < a.end && Usable(a)) return &a;
    }
    return nullptr;
  }

  const ActorMention* ActorWithin(std::uint32_t first, std::uint32_t end) const {
    for (const ActorMention& a : m_.actors) {
      if (a.first >= first && a.end <= end && Usable(a)) return &a;
    }
    return nullptr;
  }

  // Triggers whose two sides both act: clashes, fighting, exchanges of fire.
  bool Reciprocal(const Trigger& t) const {
    for (std::uint32_t i = t.match.first; i < t.match.end; ++i) {
      std::string_view w = Norm(i);
      if (w.starts_with("clash") || w.starts_with("fought") || w.starts_with("fight") ||
          w == "exchanged" || w == "exchange" || w.starts_with("battle") || w == "skirmished") {
        return true;
      }
    }
    return false;
  }

  // A subject pronoun before the trigger resolved to an earlier actor.
  std::optional<Actor> PronounBefore(std::uint32_t at) const {
    for (std::uint32_t i = at; i > s_.first_token && i + 4 > at; --i) {
      std::string_view w = Norm(i - 1);
      // "police said they had arrested 238": the one speaking
      if (IsOneOf(w, {"he", "she", "they", "it", "we"}) && claimant_ && i >= s_.first_token + 2 &&
          (IsSpeechVerb(Norm(i - 2)) || (i >= s_.first_token + 3 && Norm(i - 2) == "that" &&
                                         IsSpeechVerb(Norm(i - 3))))) {
        return FromMention(*claimant_);
      }
      if (w == "it" && ctx_.last_body) return ctx_.last_body;
      if ((w == "he" || w == "she") && ctx_.last_person) return ctx_.last_person;
      if (w == "they" && ctx_.last_group) return ctx_.last_group;
      if (w == "alliance" || w == "organization" || w == "bloc") {
        if (ctx_.last_organization) return ctx_.last_organization;
      }
    }
    return std::nullopt;
  }

  Actor FromMention(const ActorMention& a) const {
    actor_tokens_.emplace_back(a.first, a.end);
    Actor actor = a.actor;
    if (actor.country.empty() && !actor.agent.empty() && !ctx_.focus_country.empty() &&
        (a.kind == lexicon::ActorKind::kAgent ||
         (a.kind == lexicon::ActorKind::kPerson && actor.code == actor.agent))) {
      // a domestic agent without a country acts in the article's country
      actor.country = ctx_.focus_country;
      actor.code = actor.country + actor.agent;
    }
    return actor;
  }

  Actor FromSpan(std::uint32_t first, std::uint32_t end) const {
    while (first < end && IsOneOf(Norm(first), {"the", "a", "an", "its", "their", "his", "her"})) ++first;
    Actor actor;
    if (first >= end) return actor;
    actor.text = Slice(first, end);
    actor.start = tt_.tokens[first].start;
    actor.end = tt_.tokens[end - 1].end;
    return actor;
  }

  bool Negated(std::uint32_t at) const {
    for (std::uint32_t i = at; i > s_.first_token && i + 4 > at; --i) {
      std::string_view w = Norm(i - 1);
      if (IsOneOf(w, {"not", "n't", "never", "no", "neither", "nor", "denied", "without"})) return true;
      if (w == "failed" && i < s_.end_token && Norm(i) == "to") return true;
    }
    return false;
  }

  Modality ModalityAt(std::uint32_t at) const {
    for (std::uint32_t i = at; i > s_.first_token && i + 6 > at; --i) {
      std::string_view w = Norm(i - 1);
      if (cues_.Has("threat_word", w)) {
        // "warned that soldiers had killed 30 civilians": a warning that
        // reports a fact; the act stays actual unless its clause says what
        // would or could happen
        bool reported = false, unreal = false;
        for (std::uint32_t k = i; k < at; ++k) reported |= Norm(k) == "that";
        for (std::uint32_t k = i; reported && k < s_.end_token && Norm(k) != ";"; ++k) {
          unreal |= cues_.Has("unreal", Norm(k));
        }
        return reported && !unreal ? Modality::kActual : Modality::kThreat;
      }
      if (IsOneOf(w, {"if", "unless", "could", "might", "may", "should"})) return Modality::kHypothetical;
      if (IsOneOf(w, {"will", "would", "plans", "planned", "plan", "planning", "intends", "intend",
                      "intending", "expected", "shall", "going", "'ll", "scheduled", "preparing",
                      "poised"})) {
        return Modality::kFuture;
      }
      if (IsBoundary(tt_.tokens[i - 1]) || Norm(i - 1) == ",") break;
    }
    return Modality::kActual;
  }

  // The date of an event at `at`: the sentence's time expression that is not
  // the date of a statement ("said Thursday"), with "a day after" moving it
  // back; else the publish date.
  void SetDate(Event& e, std::uint32_t at) const {
    const TimeMention* best = nullptr;
    for (const TimeMention& t : m_.times) {
      bool of_speech = false;
      for (std::uint32_t sp : speech_tokens_) {
        of_speech |= t.first > sp && t.first <= sp + 2;  // "said Thursday", "said on Thursday"
      }
      if (of_speech) continue;
      if (e.modality == Modality::kActual && t.relative && ctx_.article->published.known() &&
          t.date_from > ctx_.article->published.date && FutureClauseBefore(t.first)) {
        continue;  // "will resign on Wednesday, hours after protesters overran ..."
      }
      if (!best || std::abs(static_cast<int>(t.first) - static_cast<int>(at)) <
                       std::abs(static_cast<int>(best->first) - static_cast<int>(at))) {
        best = &t;
      }
    }
    const PublishDate& p = ctx_.article->published;
    if (best) {
      e.date = best->date;
      e.date_precision = best->precision;
      e.date_from = best->date_from;
      e.date_to = best->date_to;
      e.date_basis = "text";
    } else if (!ctx_.paragraph_date.empty() && NarratesInThePast()) {
      e.date = e.date_from = e.date_to = ctx_.paragraph_date;
      e.date_precision = DatePrecision::kDay;
      e.date_basis = "paragraph";
    } else if (!ctx_.lead_date.empty()) {
      e.date = e.date_from = e.date_to = ctx_.lead_date;
      e.date_precision = DatePrecision::kDay;
      e.date_basis = "lead";
    } else if (p.known()) {
      e.date = e.date_from = e.date_to = p.date;
      e.date_precision = p.precision;
      e.date_basis = "published";
    }
    // "two days after his troops detained": the event is that many days
    // before the sentence's date; "A day earlier, Raisi said": likewise
    if (e.date_precision != DatePrecision::kDay) return;
    for (std::uint32_t i = s_.first_token; i + 2 < s_.end_token; ++i) {
      if (!(Norm(i + 1) == "day" || Norm(i + 1) == "days")) continue;
      int days = DayCount(Norm(i));
      if (days == 0) continue;
      bool after = Norm(i + 2) == "after" && i + 2 < at && i + 8 >= at;
      // only a sentence that opens with it: "A day earlier, Raisi said ..."
      bool earlier = (Norm(i + 2) == "earlier" || (Norm(i + 2) == "before" &&
                                                    (i + 3 >= s_.end_token || Norm(i + 3) == ","))) &&
                     i <= s_.first_token + 1 && i < at;
      if (!after && !earlier) continue;
      if (auto d = recognize::ParseIsoDay(e.date)) {
        e.date = e.date_from = e.date_to = recognize::FormatIsoDay(*d - days);
        e.date_basis = "text";
      }
      break;
    }
  }

  // A sentence that goes on with the paragraph's story in the past: no
  // present perfect or present ("Police have denied", "rights groups say"),
  // no running total ("since the protests began") and no shift of its own
  // ("three days later"); such a sentence takes the paragraph's day.
  bool NarratesInThePast() const {
    for (std::uint32_t i = s_.first_token; i < s_.end_token; ++i) {
      if (IsOneOf(Norm(i), {"has", "have", "'ve", "since", "says", "say", "is", "are"})) return false;
      if (i > s_.first_token && IsOneOf(Norm(i), {"later", "earlier", "before", "after"}) &&
          IsOneOf(Norm(i - 1), {"day", "days", "week", "weeks", "month", "months", "year", "years"})) {
        return false;
      }
    }
    return true;
  }

  static int DayCount(std::string_view w) {
    if (w == "a" || w == "one" || w == "the" || w == "1") return 1;
    if (w == "two" || w == "2") return 2;
    if (w == "three" || w == "3") return 3;
    if (w == "four" || w == "4") return 4;
    if (w == "five" || w == "5") return 5;
    return 0;
  }

  bool FutureClauseBefore(std::uint32_t at) const {
    for (std::uint32_t i = at; i > s_.first_token && i + 6 > at; --i) {
      if (IsOneOf(Norm(i - 1), {"will", "would", "'ll", "due", "scheduled", "expected", "plans",
                                "planned", "shall"})) {
        return true;
      }
    }
    return false;
  }

  void SetTaxonomy(Event& e, const Trigger& t) const {
    const lexicon::CameoInfo& info = *t.info;
    e.cameo = t.pattern->cameo;
    e.root = e.cameo.substr(0, 2);
    e.goldstein = info.goldstein;
    e.quad_class = info.quad_class;
    e.plover_type = info.plover_type;
    e.plover_mode = t.pattern->plover_mode.empty() ? info.plover_mode : t.pattern->plover_mode;
    e.acled_event_type = info.acled_event_type;
    e.acled_sub_event_type = info.acled_sub_event_type;
  }

  void RefineAcled(Event& e) const {
    auto armed = [](const std::string& agent) {
      return IsOneOf(agent, {"MIL", "COP", "REB", "SPY", "UAF", "INS", "SEP"});
    };
    // remote violence (air and drone strikes, shelling, bombs) whoever the target
    if (e.acled_event_type == "Explosions/Remote violence") return;
    if (e.source.agent == "PRO" || (e.source.agent == "CVL" && e.plover_type == "COERCE")) {
      // crowds that destroy, burn or kill: a riot
      bool mob = e.source.text.find("mob") != std::string::npos || e.source.agent == "CVL";
      if (e.plover_type == "ASSAULT" || e.cameo.rfind("171", 0) == 0) {
        e.acled_event_type = "Riots";
        e.acled_sub_event_type = mob ? "Mob violence" : "Violent demonstration";
        return;
      }
    }
    if (e.plover_type == "ASSAULT") {
      bool crowd_control = e.cameo.rfind("175", 0) == 0 || e.plover_mode == "crowd-control";
      if (crowd_control && !e.target.agent.empty() && !armed(e.target.agent)) {
        // tear gas, water cannon, dispersal of a crowd (protesters, teachers,
        // students): ACLED records the protest, intervened on
        e.acled_event_type = "Protests";
        e.acled_sub_event_type = "Protest with intervention";
      } else if (!e.target.agent.empty() && !armed(e.target.agent) && armed(e.source.agent)) {
        // keep the crosswalk's own kind of violence against civilians
        // (abduction, sexual violence); other assaults on civilians are attacks
        if (e.acled_event_type != "Violence against civilians") e.acled_sub_event_type = "Attack";
        e.acled_event_type = "Violence against civilians";
      } else if (armed(e.source.agent) && armed(e.target.agent)) {
        e.acled_event_type = "Battles";
        e.acled_sub_event_type = "Armed clash";
      }
    }
  }

  void SetLocation(Event& e, std::uint32_t trigger_first, std::uint32_t trigger_end) const {
    if (ctx_.place) {
      bool verbal = e.quad_class == 1 || e.quad_class == 3;
      e.location = ctx_.place(index_, trigger_first, trigger_end, actor_tokens_, verbal);
      if (!e.location.empty()) return;
    }
    // a country named in the sentence ("in Kazakhstan") wins over the focus
    std::string country;
    for (const ActorMention& a : m_.actors) {
      if (a.kind == lexicon::ActorKind::kCountry && a.first > s_.first_token &&
          (IsOneOf(Norm(a.first - 1), {"in", "across", "throughout", "inside"}) || PlaceQualifier(a))) {
        country = a.actor.country;
        break;
      }
    }
    for (const ActorMention& a : m_.actors) {
      if (!country.empty()) break;
      if (a.placed) country = a.actor.country;  // "hostages in Kenya", "police in Peru"
    }
    // "Russia launched attacks on Ukraine's grid": violence happens where its target is
    if (country.empty() && (e.plover_type == "ASSAULT" || e.plover_type == "COERCE") &&
        !e.target.country.empty() && e.target.country != e.source.country) {
      country = e.target.country;
    }
    if (country.empty()) country = ctx_.focus_country;
    if (country.empty()) country = e.source.country.empty() ? e.target.country : e.source.country;
    if (const CountryInfo* c = countries_.Find(country)) {
      e.location.name = c->name;
      e.location.country = c->alpha2;
      e.location.lat = c->lat;
      e.location.lon = c->lon;
      e.location.precision = PlacePrecision::kCountry;
    }
  }

  // Armed men storming a church riot no more than soldiers do: a "riot"
  // (145) by an armed side, or an attack by no crowd, is an attack (180).
  void ArmedRiotIsAttack(const Trigger& t, Event& e) const {
    bool crowd = IsOneOf(e.source.agent, {"PRO", "CVL", "OPP", "EDU", "LAB"});
    if (e.cameo.rfind("145", 0) != 0 ||
        !(IsOneOf(e.source.agent, {"REB", "MIL", "COP", "SPY", "CRM", "UAF", "INS"}) ||
          (!crowd && Norm(t.match.first).starts_with("attack")))) {
      return;
    }
    if (const lexicon::CameoInfo* attack = lex_.Cameo("180")) {
      lexicon::EventPattern p180 = *t.pattern;
      p180.cameo = "180";
      SetTaxonomy(e, Trigger{t.match, &p180, attack});
      RefineAcled(e);
    }
  }

  // Fills `e`, a default Event.
  void CodeTrigger(const Trigger& t, Event& e) {
    actor_tokens_.clear();
    e.article = ctx_.article->id;
    e.evidence.push_back({index_, Slice(s_.first_token, s_.end_token),
                          tt_.tokens[s_.first_token].start, tt_.tokens[s_.end_token - 1].end});
    e.trigger = Slice(t.match.first, t.match.end);
    SetTaxonomy(e, t);

    using lexicon::SlotPlace;
    const lexicon::EventPattern& pat = *t.pattern;
    const bool has_inner_source = t.match.source_end > t.match.source_first;
    const bool has_inner_target = t.match.target_end > t.match.target_first;
    const bool target_before = pat.target == SlotPlace::kBefore || pat.passive ||
                               (pat.target == SlotPlace::kDefault && PassiveMatch(t.match));
    const ActorMention* partner = nullptr;  // the second of two coordinated subjects
    // source
    if (has_inner_source) {
      const ActorMention* a = ActorWithin(t.match.source_first, t.match.source_end);
      e.source = a ? FromMention(*a) : FromSpan(t.match.source_first, t.match.source_end);
    } else if (pat.source == SlotPlace::kAfter || target_before) {
      // passive: "were killed by police"; "~be attacked by $"
      // the "by" phrase may follow a place or a date: "detained in Tehran on Sept. 13 by police"
      // ("were attacked by soldiers and police" may be the pattern itself)
      for (std::uint32_t i = t.match.first + 1; i < s_.end_token && i < t.match.end + 12; ++i) {
        if (IsBoundary(tt_.tokens[i]) || IsSpeechVerb(Norm(i)) || (Norm(i) == "and" && i >= t.match.end)) break;
        if (Norm(i) == "by") {
          if (const ActorMention* a = ActorAfter(i + 1, 3)) e.source = FromMention(*a);
          break;
        }
      }
      if (e.source.empty() && pat.source == SlotPlace::kAfter) {
        if (const ActorMention* a = ActorAfter(t.match.end, 4)) e.source = FromMention(*a);
      }
    } else if (const ActorMention* at = ActorStartingWithin(t.match.first, t.match.first + 1);
               at && t.match.end - t.match.first > 1) {
      // the pattern spells out its subject: "gunmen ~open fire", "demonstrators ~clash with +"
      e.source = FromMention(*at);
    } else if (const ActorMention* main = GerundSubject(t.match.first)) {
      // "Tokayev has vacillated between trying to mollify the protesters,
      // including accepting the resignation ...": the main clause's subject
      e.source = FromMention(*main);
    } else if (const ActorMention* a = SourceBefore(t.match.first, &partner)) {
      e.source = FromMention(*a);
    } else if (auto p = PronounBefore(t.match.first)) {
      e.source = *p;
    }
    // "State television had warned that ...", "the state news agency
    // accused ...": an outlet that is the subject of a statement, a warning
    // or an accusation speaks for itself (it reports everything else); state
    // media without a country of their own speak for the article's country
    if (e.source.empty() && !has_inner_source && !target_before && (t.info->quad_class == 1 || t.info->quad_class == 3)) {
      if (const ActorMention* outlet = OutletSubject(t.match.first)) {
        e.source = outlet->actor;
        if (e.source.country.empty() && !ctx_.focus_country.empty()) {
          e.source.country = ctx_.focus_country;
          e.source.code = e.source.country + "MED";
        }
        actor_tokens_.emplace_back(outlet->first, outlet->end);
      }
    }
    // "a drone strike by the Turkish military": a noun's "by" names its author
    const ActorMention* by_author = nullptr;
    if (!target_before && !has_inner_source && t.match.end + 1 < s_.end_token && Norm(t.match.end) == "by") {
      by_author = ActorAfter(t.match.end + 1, 3);
      if (by_author && e.source.empty()) e.source = FromMention(*by_author);
    }
    // target
    if (has_inner_target) {
      // "warned on Friday night that", "appealed to the public on Saturday
      // evening to": a time phrase in the slot is when, not whom
      const std::uint32_t slot_end = BeforeTime(t.match.target_first, t.match.target_end);
      const ActorMention* a = ActorWithin(t.match.target_first, slot_end);
      if (a) {
        e.target = FromMention(*a);
        e.target.text = FromSpan(t.match.target_first, slot_end).text;
      } else if (slot_end > t.match.target_first) {
        e.target = FromSpan(t.match.target_first, slot_end);
      }
    } else if (target_before && (e.plover_type == "AID" || e.plover_type == "MOBILIZE")) {
      // "the contingent to be sent": what is sent belongs to the sender
      if (e.source.empty()) {
        if (const ActorMention* a = ActorBefore(t.match.first)) e.source = FromMention(*a);
      }
    } else if (target_before) {
      // "+ ~be killed": the subject; patterns that spell the noun out
      // ("police officers were killed") hold it inside the match
      if (const ActorMention* a = ClauseSubject(t.match.first)) e.target = FromMention(*a);
      else if (const ActorMention* in = ActorOverlapping(t.match.first, t.match.end)) e.target = FromMention(*in);
      else if (auto p = PronounBefore(t.match.first)) e.target = *p;
    } else if (const ActorMention* in = ActorStartingWithin(t.match.first + 1, t.match.end);
               in && !(e.source.start == in->actor.start && !e.source.empty())) {
      // the object spelled out in the pattern: "killed dozens of protesters"
      e.target = FromMention(*in);
    } else if (const ActorMention* a = ActorAfter(t.match.end, 6); a && a != by_author) {
      e.target = FromMention(*a);
    }
    if (e.target.empty() && partner && Reciprocal(t)) {
      // "protesters and police clashed": the other side
      e.target = FromMention(*partner);
    }
    if (e.cameo.starts_with("175") && !cues_.Has("crowd_agent", e.target.agent)) {
      // "Protesters scatter as police fire tear gas outside parliament": tear
      // gas and water cannon are used on the sentence's crowd, not on the
      // place it stands
      for (const ActorMention& a : m_.actors) {
        bool near = a.end + 8 >= t.match.first && a.first <= t.match.end + 8;
        for (std::uint32_t k = std::min(a.end, t.match.end); near && k < std::max(a.first, t.match.first); ++k) {
          near = !IsBoundary(tt_.tokens[k]);
        }
        if (near && Usable(a) && cues_.Has("crowd_agent", a.actor.agent) && a.actor.start != e.source.start) {
          e.target = FromMention(a);
          break;
        }
      }
    }
    if (e.cameo == "190" && Reciprocal(t) && (e.source.agent == "PRO" || e.target.agent == "PRO")) {
      // "protesters and police clashed": a violent demonstration
      if (const lexicon::CameoInfo* riot = lex_.Cameo("145")) {
        lexicon::EventPattern p145 = *t.pattern;
        p145.cameo = "145";
        SetTaxonomy(e, Trigger{t.match, &p145, riot});
      }
    }
    ArmedRiotIsAttack(t, e);
    if (e.cameo.rfind("192", 0) == 0 &&
        IsOneOf(e.target.agent, {"CVL", "MED", "EDU", "LAB", "REL", "HLH", "REF", "BUS", "GOV", "OPP"})) {
      // "kidnappers seized 12 passengers": people are abducted, not occupied
      if (const lexicon::CameoInfo* abduct = lex_.Cameo("181")) {
        lexicon::EventPattern p181 = *t.pattern;
        p181.cameo = "181";
        SetTaxonomy(e, Trigger{t.match, &p181, abduct});
      }
    }
    static const std::string_view kAnnounced[] = {"AID",     "MOBILIZE", "CONCEDE", "COOPERATE",
                                                  "AGREE",   "CONSULT",  "SUPPORT", "REQUEST",
                                                  "RETREAT", "THREATEN", "ACCUSE",  "REJECT"};
    bool announced_kind = std::find(std::begin(kAnnounced), std::end(kAnnounced), e.plover_type) !=
                          std::end(kAnnounced);
    // the state announcing its own coercion: "the Interior Ministry said 2,000 were arrested"
    bool state_coercion = e.plover_type == "COERCE" && claimant_ &&
                          (claimant_->actor.agent == "GOV" || claimant_->actor.agent == "COP" ||
                           claimant_->actor.agent == "MIL");
    if (e.source.empty() && (announced_kind || state_coercion) && claimant_ && !claimant_->is_media &&
        (claimant_->kind == lexicon::ActorKind::kOrganization ||
         claimant_->kind == lexicon::ActorKind::kPerson || claimant_->actor.agent == "GOV" ||
         state_coercion)) {
      // an official announcing their own side's action
      e.source = FromMention(*claimant_);
    }
    if (e.target.empty() && (e.plover_type == "AID" || e.plover_type == "MOBILIZE") &&
        !ctx_.focus_country.empty() && e.source.country != ctx_.focus_country &&
        !e.source.empty()) {
      e.target.code = e.target.country = ctx_.focus_country;
      if (const CountryInfo* c = countries_.Find(ctx_.focus_country)) e.target.name = c->name;
    }
    if (claim_ && claimant_ && !(claimant_->first >= t.match.first && claimant_->end <= t.match.end)) {
      e.claimed_by = claim_;
    }
    e.negated = Negated(t.match.first);
    e.modality = ModalityAt(t.match.first);
    SetDate(e, t.match.first);
    // (statements, appeals and demands are made now about later things)
    bool spoken = e.root < "06" || (e.root >= "10" && e.root <= "13");
    if (!spoken && e.modality == Modality::kActual && e.date_basis == "text" && ctx_.article->published.known() &&
        ctx_.article->published.precision == DatePrecision::kDay &&
        e.date_from > ctx_.article->published.date) {
      e.modality = Modality::kFuture;  // "a general strike for Sunday" (the coming one)
    }
    // "the union called a general strike", "calling for a boycott": a protest
    // called for is still to come, whatever day the call names
    if (e.plover_type == "PROTEST" && e.modality == Modality::kActual && cues_.Has("call_verb", Norm(t.match.first))) {
      e.modality = Modality::kFuture;
    }
    RefineAcled(e);
    SetLocation(e, t.match.first, t.match.end);
    double confidence = 0.45;
    if (!e.source.empty()) confidence += 0.2;
    if (!e.target.empty()) confidence += 0.15;
    if (t.match.end - t.match.first > 1) confidence += 0.1;
    if (e.modality != Modality::kActual) confidence -= 0.2;
    e.confidence = std::round(std::clamp(confidence, 0.05, 0.95) * 100) / 100;
  }

  static bool CountFits(CountKind kind, const Event& e) {
    const std::string& r = e.root;
    switch (kind) {
      case CountKind::kKilled:
      case CountKind::kInjured:
        return r == "18" || r == "19" || r == "20" || e.cameo == "145" || e.plover_type == "ASSAULT";
      case CountKind::kArrested:
        return r == "17";
      case CountKind::kParticipants:  // a crowd protests, or is the one acted on
        return r == "14" || e.target.agent == "PRO" || e.source.agent == "PRO";
      case CountKind::kTroops:
        return r == "15" || r == "07" || r == "19" || r == "08";
      case CountKind::kDisplaced:
        return true;
    }
    return false;
  }

  static std::optional<Count>& Slot(Counts& c, CountKind kind) {
    switch (kind) {
      case CountKind::kKilled: return c.killed;
      case CountKind::kInjured: return c.injured;
      case CountKind::kArrested: return c.arrested;
      case CountKind::kParticipants: return c.participants;
      case CountKind::kDisplaced: return c.displaced;
      case CountKind::kTroops: return c.troops;
    }
    return c.killed;
  }

  // "2 soldiers and 4 militants were killed", "killing 3 soldiers and 2
  // civilians": figures coordinated under one verb are one toll, their sum.
  // The other figure is a bare quantity or a group count ("2 soldiers")
  // joined by "and" over a few plain words; a figure of another kind of its
  // own ("killed 2 and injured 40") stays apart.
  void SumCoordinated(std::vector<CountMention>& counts) const {
    auto plain = [&](std::uint32_t from, std::uint32_t to) {  // [from, to): a short noun phrase
      if (to < from || to - from > 3) return false;
      for (std::uint32_t i = from; i < to; ++i) {
        const Token& t = tt_.tokens[i];
        if (t.kind != TokenKind::kWord || cues_.Has("verb_form", t.norm) || t.norm.ends_with("ed") ||
            t.norm.ends_with("ing") || t.norm == "and") {
          return false;
        }
      }
      return true;
    };
    auto group = [](CountKind k) { return k == CountKind::kParticipants || k == CountKind::kTroops; };
    std::vector<std::uint32_t> absorbed;  // first tokens of the figures summed into another
    for (CountMention& c : counts) {
      if (group(c.kind) || c.kind == CountKind::kDisplaced) continue;
      for (const recognize::QuantityMention& q : m_.quantities) {
        bool before = q.end < c.first && c.cue >= c.end && c.first > s_.first_token &&
                      Norm(c.first - 1) == "and" && plain(q.end, c.first - 1);
        bool after = q.first > c.end && c.cue < c.first && Norm(q.first - 1) == "and" && plain(c.end, q.first - 1);
        if (!before && !after) continue;
        bool own = std::any_of(counts.begin(), counts.end(), [&](const CountMention& d) {
          return d.first == q.first && !group(d.kind);
        });
        if (own || std::find(absorbed.begin(), absorbed.end(), q.first) != absorbed.end()) continue;
        Count& v = c.value;
        v.min += q.value.min;
        v.max += q.value.max;
        if (v.best && q.value.best) *v.best += *q.value.best;
        else v.best.reset();
        c.first = std::min(c.first, q.first);
        c.end = std::max(c.end, q.end);
        v.text = Slice(c.first, c.end);
        absorbed.push_back(q.first);
        break;
      }
    }
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [&](const CountMention& d) {
                                  return group(d.kind) &&
                                         std::find(absorbed.begin(), absorbed.end(), d.first) != absorbed.end();
                                }),
                 counts.end());
  }

  // Each count goes to the trigger that holds its cue, else to the nearest
  // trigger it fits; a count no trigger takes becomes an event of its own
  // ("12 police officers died").
  void AssignCounts(const std::vector<Trigger>& triggers, std::vector<Event>& events) {
    std::vector<CountMention> counts = m_.counts;
    SumCoordinated(counts);
    // "Tens of thousands of people ... have taken to the streets": a crowd
    // in a protest sentence counts its participants.
    bool protest = std::any_of(events.begin(), events.end(), [](const Event& e) { return e.root == "14"; });
    if (protest) {
      for (const recognize::QuantityMention& q : m_.quantities) {
        bool counted = std::any_of(counts.begin(), counts.end(),
                                   [&](const CountMention& c) { return c.first == q.first; });
        std::uint32_t j = q.end;
        if (j < s_.end_token && Norm(j) == "of") ++j;
        bool group_follows = std::any_of(m_.actors.begin(), m_.actors.end(), [&](const ActorMention& a) {
          return a.first == j && !a.is_media;
        });
        // "Dozens of relatives of missing soldiers demonstrated", "around 150
        // members of the union marched": the subject of the protest verb
        bool subject = false;
        for (const Trigger& t : triggers) {
          if (t.info->plover_type != "PROTEST" || t.match.first <= q.end) continue;
          bool plain = true;
          for (std::uint32_t k = q.end; k < t.match.first && k < q.end + 10; ++k) {
            plain &= !IsBoundary(tt_.tokens[k]) && Norm(k) != "," && tt_.tokens[k].kind != TokenKind::kNumber;
          }
          // ("only three of them were connected to the demonstrations": a
          // part of a set told before, not a crowd)
          subject = plain && t.match.first <= q.end + 10 && tt_.tokens[j].kind == TokenKind::kWord &&
                    !IsOneOf(Norm(j), {"them", "those", "these", "us", "whom", "which"}) &&
                    (Norm(j).ends_with("s") || Norm(q.end) == "of");
          break;
        }
        if (counted && subject) {
          // "dozens of relatives of missing soldiers demonstrated": the
          // crowd, not a troop figure
          for (CountMention& c : counts) {
            if (c.first == q.first && c.kind == CountKind::kTroops) c.kind = CountKind::kParticipants;
          }
        }
        if (!counted && j < s_.end_token &&
            (group_follows || subject || IsOneOf(Norm(j), {"people", "persons", "residents", "citizens"}))) {
          counts.push_back({CountKind::kParticipants, q.first, q.end, j, q.value});
        }
      }
    }
    for (const CountMention& c : counts) {
      Count value = c.value;
      value.sentence = index_;
      Event* owner = nullptr;
      int best_distance = 1 << 30;
      for (std::size_t k = 0; k < triggers.size(); ++k) {
        if (!CountFits(c.kind, events[k]) || Slot(events[k].counts, c.kind)) continue;
        const PhraseMatch& m = triggers[k].match;
        int distance = (c.cue >= m.first && c.cue < m.end)
                           ? -1
                           : std::min(std::abs(static_cast<int>(c.cue) - static_cast<int>(m.first)),
                                      std::abs(static_cast<int>(c.first) - static_cast<int>(m.end)));
        if (distance < best_distance) {
          best_distance = distance;
          owner = &events[k];
        }
      }
      if (owner) {
        Slot(owner->counts, c.kind) = value;
        continue;
      }
      if (auto e = EventFromCount(c, value)) {
        events.push_back(std::move(*e));
        at_.push_back(c.cue);
        generic_.push_back(true);
      }
    }
  }

  std::optional<Event> EventFromCount(const CountMention& c, const Count& value) {
    actor_tokens_.clear();
    const char* cameo = nullptr;
    switch (c.kind) {
      case CountKind::kKilled:
      case CountKind::kInjured: cameo = "180"; break;
      case CountKind::kArrested: cameo = "173"; break;
      case CountKind::kParticipants: cameo = "140"; break;
      default: return std::nullopt;
    }
    const lexicon::CameoInfo* info = lex_.Cameo(cameo);
    if (!info) return std::nullopt;
    lexicon::EventPattern pattern;
    pattern.cameo = cameo;
    Trigger t{PhraseMatch{c.cue, c.cue + 1, 0}, &pattern, info};
    Event e;
    e.article = ctx_.article->id;
    e.evidence.push_back({index_, Slice(s_.first_token, s_.end_token),
                          tt_.tokens[s_.first_token].start, tt_.tokens[s_.end_token - 1].end});
    e.trigger = Slice(c.cue, c.cue + 1);
    SetTaxonomy(e, t);
    // the counted people are the target (victims, detainees) or the source (a crowd)
    std::uint32_t lo = std::min(c.end, c.cue), hi = std::max(c.end, c.cue);
    const ActorMention* who = ActorWithin(lo, hi + 1);
    if (!who) who = ActorWithin(c.first, std::max(c.cue, c.end) + 1);
    if (who) {
      if (c.kind == CountKind::kParticipants) e.source = FromMention(*who);
      else e.target = FromMention(*who);
    }
    if (claim_) e.claimed_by = claim_;
    Slot(e.counts, c.kind) = value;
    e.negated = Negated(c.first);
    e.modality = ModalityAt(c.first);
    SetDate(e, c.cue);
    RefineAcled(e);
    SetLocation(e, c.cue, c.cue + 1);
    e.confidence = who ? 0.6 : 0.45;
    return e;
  }

  const ArticleContext& ctx_;
  const TokenizedText& tt_;
  const Sentence& s_;
  std::int32_t index_;
  const SentenceMentions& m_;
  const lexicon::Lexicon& lex_;
  const CountryTable& countries_;
  const CueTable& cues_;
  std::vector<std::uint32_t> speech_tokens_;
  // per event of Run(): where its trigger starts, and whether it is generic
  // (a killing, an attack, a figure of its own) rather than a specific kind
  std::vector<std::uint32_t> at_;
  std::vector<bool> generic_;
  std::vector<std::uint32_t> reference_at_;  // triggers that are definite nouns
  const ActorMention* claimant_ = nullptr;
  std::optional<Claim> claim_;
  // token spans of the current event's actors, for placement
  mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> actor_tokens_;
};

}  // namespace

std::vector<Event> CodeSentence(const ArticleContext& context, std::int32_t sentence_index,
                                const recognize::SentenceMentions& mentions,
                                const lexicon::Lexicon& lexicon, const CountryTable& countries,
                                const CueTable& cues, std::vector<bool>* references) {
  return SentenceCoder(context, sentence_index, mentions, lexicon, countries, cues).Run(references);
}

}  // namespace dateline::code
