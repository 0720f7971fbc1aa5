#pragma once
// Comparison of texts that argue about the same matter: statements aligned across sources by
// what they speak of, each alignment given a stance (agree, contradict, related), and a summary
// of agreements, clashes and each side's reasons that the other side never addresses.
//
//   auto map = merge_maps({reconstruct(doc_a, "a.txt"), reconstruct(doc_b, "b.txt")});
//   for (const auto& a : align(map, stem)) map.add_alignment(a);
//   const auto summary = summarize(map);
//
// Similarity: each statement becomes weighted terms: stemmed content words, names (capitalised
// words not at a sentence start, or known as names elsewhere in the texts; demonyms folded into
// their place names; acronyms of multi-word names) and numbers, each weighted by its rarity across
// all statements (TF-IDF, names and numbers weighted up). Antonyms share one term ("good" and
// "bad" both speak of the same scale), as do "unlikely" and "likely". Candidate pairs come from an
// inverted index (term -> statements), never from scoring every pair: a term found in more than
// `max_postings` statements does not propose candidates (it still counts in the score), so the
// work grows with the number of statements times a constant, not with its square.
//
// Stance: negation cues ("not", "never", "n't", "nobody", "without", "unlikely", "defies"...)
// negate the rest of their clause, or the clause before them when nothing follows ("A compromise
// is unlikely."). A negation counts when its scope holds a term both statements assert and its
// own statement does not affirm that term elsewhere; antonyms from the lexicon
// (engine/stance_lexicon.hpp) on the two sides count as one more negation. An odd count is a
// contradiction, an even count an agreement, provided the other statement speaks of enough of one
// statement's asserted content (by weight, `agree_coverage` or `contradict_coverage`); otherwise
// the stance is `related`, as it is when both only say something may be so ("may", "could"), or
// when one is a question. A fronted background clause ("Even if X, Y"; "Although X, Y";
// "Without X, Y") is not asserted: its terms, negations and hedges do not decide the stance.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.hpp"

namespace argmap::engine {

/// Stems one lower-case word ("countries" -> "countri"). Injected by the caller, so that the
/// engine never sees a stemming library (grammar::snowball_stemmer is the one argmap uses).
/// align() and classify_stance() call it from the calling thread only.
using term_extractor = std::function<std::string(std::string_view word)>;

/// The engine's own light suffix stripper (engine::light_stem) as a term extractor.
[[nodiscard]] term_extractor light_term_extractor();

struct compare_options {
    double threshold = 0.2;           ///< minimum similarity (cosine of TF-IDF vectors, in [0, 1])
    std::size_t min_shared_terms = 2; ///< aligned statements share at least this many terms
    std::size_t top_k = 3;            ///< at most this many alignments per statement
    double relative_threshold = 0.5;  ///< a statement's alignments score at least this share of its best
    std::size_t max_postings = 256;   ///< terms in more statements than this propose no candidates
    double name_weight = 1.5;         ///< weight factor of names (entities) and acronyms
    double number_weight = 1.5;       ///< weight factor of numbers
    double agree_coverage = 0.45;     ///< share of a statement's content both must say for `agree`
    double contradict_coverage = 0.45; ///< the same for `contradict`
};

/// A stance with how sure the rules are and why they chose it.
struct stance_judgement {
    enum stance stance = stance::related;
    double confidence = 0.0;  ///< in [0, 1]
    std::string reason;       ///< e.g. "negation 'not' in the second; shared: anger, russia"
};

/// The stance between two statements' texts, judged on their own (every term weighted alike
/// except names and numbers). align() judges the same way with weights from all statements.
[[nodiscard]] stance_judgement classify_stance(std::string_view first, std::string_view second,
                                               const term_extractor& stem,
                                               const compare_options& options = {});

/// Alignments between statements of different sources, ordered by (first, second) with
/// first < second; each carries its stance and its similarity as score. Each statement keeps its
/// `top_k` best candidates that score at least `threshold` and `relative_threshold` times its
/// best; a pair is reported when both of its statements keep it, so one statement may align with
/// several. A map with fewer than two sources gives none.
[[nodiscard]] std::vector<alignment> align(const argument_map& map, const term_extractor& stem,
                                           const compare_options& options = {});

/// What a comparison found, from the alignments stored in the map.
struct comparison_summary {
    std::vector<alignment> agreements;  ///< stance agree, highest score first
    std::vector<alignment> clashes;     ///< stance contradict, highest score first
    std::vector<alignment> related;     ///< stance related, highest score first
    /// Per source (index = source id): its reasons (statements with an outgoing support relation,
    /// and its central claims) that no statement of another source aligns with, in id order.
    /// Empty lists when the map has fewer than two sources.
    std::vector<std::vector<statement_id>> unanswered;
    bool operator==(const comparison_summary&) const = default;
};

[[nodiscard]] comparison_summary summarize(const argument_map& map);

/// One map holding all the given maps, in order: sources, statements, relations and alignments
/// renumbered (each map's ids shifted past the previous maps'), nothing else changed.
[[nodiscard]] argument_map merge_maps(std::vector<argument_map> maps);

}  // namespace argmap::engine
