#include "recognize/recognizer.h"

#include <algorithm>

#include "recognize/actors.h"
#include "recognize/quantities.h"
#include "recognize/time_expressions.h"

namespace dateline::recognize {

SentenceMentions RecognizeSentence(const Article& article, const TokenizedText& text,
                                   const Sentence& sentence, const lexicon::Lexicon& lexicon) {
  SentenceMentions m;
  const std::uint32_t first = sentence.first_token, end = sentence.end_token;
  m.times = FindTimeExpressions(text, first, end, article.published);
  std::vector<QuantityMention> quantities = FindQuantities(text, first, end, lexicon);
  // A number inside a date ("Jan. 5, 2022") is not a quantity.
  for (QuantityMention& q : quantities) {
    bool in_date = std::any_of(m.times.begin(), m.times.end(), [&](const TimeMention& t) {
      return q.first < t.end && t.first < q.end;
    });
    if (in_date) continue;
    std::uint32_t start = text.tokens[q.first].start, stop = text.tokens[q.end - 1].end;
    q.value.text = article.text.substr(start, stop - start);
    m.quantities.push_back(q);
  }
  m.counts = FindCounts(text, first, end, m.quantities, lexicon);
  m.actors = FindActors(article.text, text, first, end, lexicon, &m.actor_matches);
  return m;
}

}  // namespace dateline::recognize
