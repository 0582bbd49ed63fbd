#include "recognize/actors.h"

#include <algorithm>

namespace dateline::recognize {
namespace {

using lexicon::ActorEntry;
using lexicon::ActorKind;
using lexicon::PhraseMatch;

// Longest-first, non-overlapping selection of the dictionary matches.
std::vector<PhraseMatch> SelectMatches(std::vector<PhraseMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.end > b.end;
  });
  std::vector<PhraseMatch> kept;
  for (const PhraseMatch& m : matches) {
    if (!kept.empty() && m.first < kept.back().end) {
      // overlapping: keep the longer one
      if (m.end - m.first > kept.back().end - kept.back().first) kept.back() = m;
      continue;
    }
    kept.push_back(m);
  }
  return kept;
}

bool IsCalendarWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The dot of an abbreviated title split off by the text stage, with a name
// after it: "Gen. Tiani", "Lt. Gen. Burhan", "Col. Goita" (token `i` is the
// dot; the word before it is short and capitalised).
bool AbbreviationDot(const TokenizedText& text, std::uint32_t i, std::uint32_t end) {
  if (i == 0 || i + 1 >= end) return false;
  const Token& dot = text.tokens[i];
  const Token& word = text.tokens[i - 1];
  return dot.norm == "." && dot.joined_left && word.kind == TokenKind::kWord && word.capitalized &&
         word.norm.size() <= 4 && text.tokens[i + 1].capitalized && text.tokens[i + 1].kind == TokenKind::kWord;
}

bool IsPlaceKind(ActorKind k) { return k == ActorKind::kCountry || k == ActorKind::kDemonym; }

bool IsHeadKind(ActorKind k) {
  return k == ActorKind::kAgent || k == ActorKind::kOrganization || k == ActorKind::kPerson ||
         k == ActorKind::kMedia;
}

std::string CodeOf(const std::string& country, const ActorEntry& head) {
  if (head.kind == ActorKind::kOrganization || head.kind == ActorKind::kPerson) {
    if (!head.code.empty()) return head.code;
  }
  return country + head.agent;
}

}  // namespace

std::string SurnameKey(const TokenizedText& text, std::uint32_t first, std::uint32_t end) {
  if (first >= end) return "";
  std::uint32_t start = end - 1;
  while (start > first && text.tokens[start].joined_left) --start;
  std::string key;
  for (std::uint32_t i = start; i < end; ++i) key += text.tokens[i].norm;
  return key;
}

std::vector<ActorMention> FindActors(std::string_view article_text, const TokenizedText& text,
                                     std::uint32_t first, std::uint32_t end,
                                     const lexicon::Lexicon& lexicon,
                                     std::vector<PhraseMatch>* all_matches) {
  std::vector<PhraseMatch> all = lexicon.MatchActors(text, first, end);
  if (all_matches) *all_matches = all;
  std::vector<PhraseMatch> matches = SelectMatches(std::move(all));
  auto norm = [&](std::uint32_t i) -> std::string_view {
    return i < end ? std::string_view(text.tokens[i].norm) : std::string_view();
  };
  std::vector<ActorMention> out;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    const PhraseMatch& m = matches[k];
    const ActorEntry& e = lexicon.Actor(m.entry);
    std::uint32_t phrase_first = m.first, phrase_end = m.end;
    const ActorEntry* head = &e;
    std::uint32_t head_token = m.first;
    std::string country = e.country;
    bool placed = false;
    bool military_rank = false;  // "Gen." before a person's name

    if (IsPlaceKind(e.kind)) {
      // country/demonym + ['s | -led | -backed] + head
      std::uint32_t j = m.end;
      if (norm(j) == "'s" || norm(j) == "'") ++j;
      if (norm(j) == "-" && (norm(j + 1) == "led" || norm(j + 1) == "backed" ||
                             norm(j + 1) == "based" || norm(j + 1) == "allied")) {
        j += 2;
      }
      // allow one or two plain words between ("Russian news agency", "Kazakh riot police")
      std::size_t next = k + 1;
      if (next < matches.size() && matches[next].first >= j && matches[next].first <= j + 2 &&
          IsHeadKind(lexicon.Actor(matches[next].entry).kind)) {
        const ActorEntry& h = lexicon.Actor(matches[next].entry);
        bool plain_between = true;
        for (std::uint32_t t = j; t < matches[next].first; ++t) {
          plain_between &= text.tokens[t].kind == TokenKind::kWord && !text.tokens[t].capitalized;
        }
        if (plain_between || matches[next].first == j) {
          head = &h;
          head_token = matches[next].first;
          phrase_end = matches[next].end;
          if (!h.country.empty() && h.kind == ActorKind::kPerson) country = h.country;
          k = next;
        }
      }
      // "a Russian-led force", "Saudi-backed coalition": led by that country;
      // "a Russian missile strike", "Israeli warplanes", "Russia's shelling":
      // the weapons stand for the country's armed forces. Either way the
      // phrase is the country's military.
      if (head == &e && j < end && text.tokens[j].kind == TokenKind::kWord) {
        static constexpr std::string_view kArmedGroups[] = {
            "force", "forces", "coalition", "troops", "alliance", "mission", "contingent",
            "operation", "militia", "militias", "army"};
        static constexpr std::string_view kWeapons[] = {
            "missile", "missiles", "drone", "drones", "warplane", "warplanes", "jet", "jets",
            "aircraft", "air", "airstrike", "airstrikes", "shelling", "artillery", "rocket",
            "rockets", "shells", "bombers", "helicopter", "helicopters", "tanks", "warships",
            "navy", "planes", "bombardment", "bombing", "bombings", "strike", "strikes"};
        bool military = false;
        if (j > m.end) {
          for (std::string_view w : kArmedGroups) military |= norm(j) == w;
        }
        for (std::string_view w : kWeapons) military |= norm(j) == w;
        if (military) {
          ActorMention a;
          a.first = m.first;
          a.end = j + 1;
          a.head = j;
          a.kind = ActorKind::kAgent;
          std::uint32_t start = text.tokens[a.first].start, stop = text.tokens[j].end;
          a.actor.text = std::string(article_text.substr(start, stop - start));
          a.actor.start = start;
          a.actor.end = stop;
          a.actor.country = e.country;
          a.actor.agent = "MIL";
          a.actor.code = e.country + "MIL";
          out.push_back(std::move(a));
          continue;
        }
      }
      if (head == &e && e.kind == ActorKind::kDemonym) continue;  // "Kazakh institutions"
    } else {
      // "a crowd of residents", "groups of students": the people named after
      // a collective noun are the actor
      std::size_t next = k + 1;
      if (e.kind == ActorKind::kAgent && norm(m.end) == "of" && next < matches.size() &&
          matches[next].first == m.end + 1 && lexicon.Actor(matches[next].entry).kind == ActorKind::kAgent) {
        std::string_view noun = norm(m.end - 1);
        if (noun == "crowd" || noun == "crowds" || noun == "group" || noun == "groups" || noun == "gathering" ||
            noun == "throng" || noun == "throngs") {
          continue;
        }
      }
      // agent + in/of/from + country: "Security forces in Kazakhstan"
      if (next < matches.size() && (norm(m.end) == "in" || norm(m.end) == "of" ||
                                    norm(m.end) == "from")) {
        const PhraseMatch& c = matches[next];
        std::uint32_t c_first = c.first;
        if (norm(c_first) == "the") ++c_first;
        const ActorEntry& ce = lexicon.Actor(c.entry);
        if ((c.first == m.end + 1 || (c.first == m.end + 2 && norm(m.end + 1) == "the")) &&
            ce.kind == ActorKind::kCountry && e.kind == ActorKind::kAgent) {
          country = ce.country;
          phrase_end = c.end;
          placed = norm(m.end) == "in";
          k = next;
        }
      }
      // title agent + person: "President Kassym-Jomart Tokayev", "spokeswoman Saltanat Azirbek",
      // "Gen. Abdel Fattah al-Burhan" (a rank makes its bearer act as the
      // military, whatever office the dictionary gives him)
      next = k + 1;
      if (e.kind == ActorKind::kAgent && next < matches.size() &&
          matches[next].first == m.end + (AbbreviationDot(text, m.end, end) ? 1 : 0) &&
          lexicon.Actor(matches[next].entry).kind == ActorKind::kPerson) {
        head = &lexicon.Actor(matches[next].entry);
        head_token = matches[next].first;
        country = head->country;
        phrase_end = matches[next].end;
        military_rank = e.agent == "MIL";
        k = next;
      }
      // organisation + agent (+ name): "U.N. spokesman Stephane Dujarric" stays the organisation
      if (e.kind == ActorKind::kOrganization && next < matches.size() &&
          matches[next].first == m.end && lexicon.Actor(matches[next].entry).kind == ActorKind::kAgent) {
        phrase_end = matches[next].end;
        k = next;
      }
    }
    // A person's name right after an agent title without a dictionary entry:
    // "spokeswoman Saltanat Azirbek", "Governor Babajide Sanwo-Olu".
    // ("Gen. Abdou Sidikou Issa": past an abbreviated title's dot)
    std::uint32_t name_first = phrase_end, name_end = phrase_end;
    if (head->kind == ActorKind::kAgent && !head->agent.empty() && head->agent != "CVL" &&
        head->agent != "PRO") {
      std::uint32_t limit = end;
      if (k + 1 < matches.size()) limit = std::min(limit, matches[k + 1].first);
      std::uint32_t start = phrase_end + (AbbreviationDot(text, phrase_end, limit) ? 1 : 0);
      std::uint32_t j = start;
      while (j < limit && j < phrase_end + 6) {
        const Token& t = text.tokens[j];
        if (t.kind == TokenKind::kWord && t.capitalized && !IsCalendarWord(t.norm)) {
          ++j;
        } else if (t.norm == "-" && t.joined_left && j + 1 < limit && text.tokens[j + 1].joined_left &&
                   text.tokens[j + 1].capitalized) {
          ++j;
        } else {
          break;
        }
      }
      if (j > start) {
        name_first = start;
        name_end = phrase_end = j;
      }
    }

    ActorMention a;
    a.first = phrase_first;
    a.end = phrase_end;
    a.head = head_token;
    a.kind = head->kind;
    // outlets report; journalists (agent MED) are people things happen to
    a.is_media = head->kind == ActorKind::kMedia;
    a.generic = head->kind == ActorKind::kAgent && head->agent == "CVL";
    a.placed = placed;
    a.name_first = name_first;
    a.name_end = name_end;
    std::uint32_t start = text.tokens[phrase_first].start;
    std::uint32_t stop = text.tokens[phrase_end - 1].end;
    a.actor.text = std::string(article_text.substr(start, stop - start));
    a.actor.start = start;
    a.actor.end = stop;
    a.actor.country = country.empty() ? head->country : country;
    a.actor.agent = head->agent;
    a.actor.name = head->name;
    if (head->kind == ActorKind::kCountry) {
      a.actor.code = head->country;
    } else if (military_rank && head->agent != "MIL") {
      a.actor.agent = "MIL";
      a.actor.code = a.actor.country + "MIL";
    } else {
      a.actor.code = CodeOf(a.actor.country, *head);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace dateline::recognize
