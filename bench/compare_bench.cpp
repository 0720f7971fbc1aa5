// How the time of engine::align() grows with the length of the compared texts.
//
// Two texts of N words each (N from 1,000 to 100,000) are generated from a Zipf-distributed
// vocabulary of made-up words, names and numbers, one statement per sentence (12 to 20 words),
// and put into one map with two sources. BM_align measures align() with its default options
// (candidates from the inverted index); BM_align_every_pair lets every term propose candidates
// (max_postings unbounded), which comes close to scoring every pair: the baseline the index is
// measured against. Complexity is fitted against the number of statements.
//
//   argmap_compare_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/comparison.hpp"
#include "grammar/snowball_stemmer.hpp"

namespace {

using namespace argmap;

/// Made-up words from syllables: "tavo", "kerimu", ... (deterministic).
std::vector<std::string> make_vocabulary(std::size_t size, std::uint32_t seed) {
    static const char* const onsets[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "st", "pr"};
    static const char* const vowels[] = {"a", "e", "i", "o", "u", "ai", "ou"};
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    out.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string w;
        const auto syllables = 2 + rng() % 3;
        for (std::uint32_t s = 0; s < syllables; ++s) {
            w += onsets[rng() % std::size(onsets)];
            w += vowels[rng() % std::size(vowels)];
        }
        out.push_back(std::move(w));
    }
    return out;
}

/// Index i drawn with probability proportional to 1 / (i + 1)^1.1.
class zipf {
public:
    zipf(std::size_t n, double s) {
        double sum = 0;
        cdf_.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
            cdf_.push_back(sum);
        }
        for (auto& c : cdf_) c /= sum;
    }
    std::size_t operator()(std::mt19937& rng) const {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        const auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
        return it == cdf_.end() ? cdf_.size() - 1 : static_cast<std::size_t>(it - cdf_.begin());
    }

private:
    std::vector<double> cdf_;
};

/// Sentences of one generated text with about `words` words.
std::vector<std::string> make_text(std::size_t words, std::uint32_t seed) {
    static const std::vector<std::string> vocabulary = make_vocabulary(8000, 7);
    static const std::vector<std::string> names = [] {
        auto v = make_vocabulary(300, 11);
        for (auto& w : v) w[0] = static_cast<char>(w[0] - 'a' + 'A');
        return v;
    }();
    static const char* const function_words[] = {"the", "of", "and", "to", "in", "is", "that", "it", "for",
                                                 "with", "as", "on", "by", "will", "not", "but", "may", "never"};
    static const zipf content(vocabulary.size(), 1.1);
    static const zipf name_rank(names.size(), 1.0);
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    std::size_t total = 0;
    while (total < words) {
        const std::size_t length = 12 + rng() % 9;
        std::string s;
        for (std::size_t i = 0; i < length; ++i) {
            const auto roll = rng() % 100;
            std::string w;
            if (roll < 40) w = function_words[rng() % std::size(function_words)];
            else if (roll < 46) w = names[name_rank(rng)];
            else if (roll < 48) w = std::to_string(1900 + rng() % 150);
            else w = vocabulary[content(rng)];
            if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
            if (!s.empty()) s += (rng() % 10 == 0) ? ", " : " ";
            s += w;
        }
        s += '.';
        total += length;
        out.push_back(std::move(s));
    }
    return out;
}

engine::argument_map make_map(std::size_t words) {
    engine::argument_map map;
    for (std::uint32_t side = 0; side < 2; ++side) {
        const auto src = map.add_source({side == 0 ? "a.txt" : "b.txt", "", "", ""});
        for (auto& sentence : make_text(words, 100 + side)) {
            engine::statement st;
            st.source = src;
            st.text = std::move(sentence);
            map.add_statement(std::move(st));
        }
    }
    return map;
}

void run(benchmark::State& state, const engine::compare_options& options) {
    const auto words = static_cast<std::size_t>(state.range(0));
    const auto map = make_map(words);
    grammar::snowball_stemmer stemmer;
    const engine::term_extractor stem = [&stemmer](std::string_view w) { return stemmer.stem(w); };
    std::size_t aligned = 0;
    for (auto _ : state) {
        const auto found = engine::align(map, stem, options);
        aligned = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.SetComplexityN(static_cast<std::int64_t>(map.statements().size()));
    state.counters["statements"] = static_cast<double>(map.statements().size());
    state.counters["alignments"] = static_cast<double>(aligned);
    state.counters["words/s"] =
        benchmark::Counter(static_cast<double>(2 * words), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_align(benchmark::State& state) { run(state, engine::compare_options{}); }

void BM_align_every_pair(benchmark::State& state) {
    engine::compare_options options;
    options.max_postings = std::numeric_limits<std::size_t>::max();
    run(state, options);
}

}  // namespace

BENCHMARK(BM_align)
    ->Arg(1000)->Arg(3000)->Arg(10000)->Arg(30000)->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_align_every_pair)
    ->Arg(1000)->Arg(3000)->Arg(10000)->Arg(30000)->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

BENCHMARK_MAIN();
