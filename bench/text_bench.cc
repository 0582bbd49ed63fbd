// Throughput of the `text` stage (tokens and sentences) on one thread, over a
// generated corpus of news-like articles: sentences assembled from parts we
// wrote (actors, actions, places, dates, quotes, numbers, abbreviations,
// possessives, hyphenated compounds, curly quotes, a few accented names).
// Reports MB/s (bytes_per_second), articles/s (items_per_second), tokens/s
// and sentences/s. No input files needed.
//
//   build-NAME/bench/text_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/article.h"
#include "text/tokenizer.h"

namespace {

constexpr std::string_view kActors[] = {
    "Security forces",
    "Riot police",
    "Hundreds of protesters",
    "Gen. Marat Ospanov",
    "The Interior Ministry",
    "U.S. Secretary of State Ana Ruiz",
    "Government troops",
    "A Russia-led force",
    "Rebels loyal to Col. Idriss Mahamat",
    "The U.N. refugee agency",
    "Mr. Tokayev",
    "Dozens of students",
    "Kazakhstan's president",
    "Police in S\u00E3o Paulo",
    "Residents of the Jos\u00E9 Mart\u00ED district",
    "The protesters\u2019 leaders",
};
constexpr std::string_view kActions[] = {
    "clashed with",
    "fired tear gas at",
    "called on",
    "detained 2,000 supporters of",
    "accused",
    "set fire to the offices of",
    "negotiated a 180-day truce with",
    "demanded the release of",
    "opened fire on",
    "met",
    "threatened to arrest",
    "sent 4,500 troops to protect",
};
constexpr std::string_view kTargets[] = {
    "demonstrators",
    "the opposition",
    "U.N. observers",
    "local officials",
    "Kyrgyzstan's border guards",
    "journalists",
    "the ruling party",
    "striking miners",
    "peacekeepers",
    "the mayor\u2019s office",
};
constexpr std::string_view kPlaces[] = {
    "in Almaty",
    "near Republic Square",
    "outside the capital",
    "in St. Petersburg",
    "in the northern city of Kano",
    "along the 4,700-mile border",
    "in Sana\u2019a",
    "in downtown Nairobi",
    "in Monterrey, Mexico",
    "in the Donetsk region",
};
constexpr std::string_view kWhen[] = {
    "on Thursday",    "on Jan. 5, 2022", "at 4 a.m. local time", "late Wednesday",
    "in recent days", "on Sept. 11",     "a day after the vote", "before dawn",
};
constexpr std::string_view kClaims[] = {
    ", authorities said.",
    ", witnesses told The Associated Press.",
    ".",
    ", according to a statement.",
    ", the channel reported, citing city officials.",
    ". \u201CWe will not back down,\u201D one organizer said.",
    ", a spokeswoman said. She gave no figures.",
    "; 12 people were killed and 353 injured.",
    " \u2013 the worst unrest in 30 years.",
    "... Nobody has claimed responsibility.",
};

struct Rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  std::size_t Next(std::size_t n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<std::size_t>(s % n);
  }
};

template <std::size_t N>
std::string_view Pick(Rng& rng, const std::string_view (&parts)[N]) {
  return parts[rng.Next(N)];
}

// About 200 articles of about 5 KB each (1 MB), paragraphs of 1 to 4 sentences.
const std::vector<dateline::Article>& Corpus() {
  static const std::vector<dateline::Article> corpus = [] {
    std::vector<dateline::Article> articles;
    Rng rng;
    for (int a = 0; a < 200; ++a) {
      dateline::Article article;
      article.text = "Clashes spread as troops deploy in the capital";
      article.paragraphs.push_back({dateline::ParagraphKind::kBody, 0, article.text.size()});
      while (article.text.size() < 5000) {
        article.text += "\n\n";
        const std::size_t start = article.text.size();
        if (article.paragraphs.size() == 1) article.text += "MOSCOW \u2013 ";
        const std::size_t sentences = 1 + rng.Next(4);
        for (std::size_t s = 0; s < sentences; ++s) {
          if (s > 0) article.text += ' ';
          article.text += Pick(rng, kActors);
          article.text += ' ';
          article.text += Pick(rng, kActions);
          article.text += ' ';
          article.text += Pick(rng, kTargets);
          article.text += ' ';
          article.text += Pick(rng, kPlaces);
          article.text += ' ';
          article.text += Pick(rng, kWhen);
          article.text += Pick(rng, kClaims);
        }
        article.paragraphs.push_back({dateline::ParagraphKind::kBody, start, article.text.size()});
      }
      articles.push_back(std::move(article));
    }
    return articles;
  }();
  return corpus;
}

void BM_TokenizeArticles(benchmark::State& state) {
  const auto& corpus = Corpus();
  std::size_t bytes = 0, tokens = 0, sentences = 0, articles = 0, i = 0;
  for (auto _ : state) {
    const dateline::Article& article = corpus[i];
    dateline::TokenizedText out = dateline::text::Tokenize(article);
    benchmark::DoNotOptimize(out.tokens.data());
    bytes += article.text.size();
    tokens += out.tokens.size();
    sentences += out.sentences.size();
    ++articles;
    if (++i == corpus.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(articles));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeArticles);

// One long paragraph (the whole corpus's first article, repeated to 1 MB):
// the per-paragraph overhead left out.
void BM_TokenizeText1MB(benchmark::State& state) {
  std::string text;
  const auto& corpus = Corpus();
  for (std::size_t i = 0; text.size() < (1u << 20); ++i) {
    text += corpus[i % corpus.size()].text;
    text += ' ';
  }
  std::size_t tokens = 0;
  for (auto _ : state) {
    dateline::TokenizedText out = dateline::text::TokenizeText(text);
    benchmark::DoNotOptimize(out.tokens.data());
    tokens += out.tokens.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size() * state.iterations()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeText1MB)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
