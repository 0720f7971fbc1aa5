#pragma once
// The words that decide whether two aligned statements agree or contradict, as data: negation
// cues, possibility hedges, words that close a negation's scope, antonym pairs ("polarity axes"),
// and the suffixes that turn a demonym into its place name. Entries are lower-case surface words;
// comparison stems them with the same term extractor it stems statements with, so that "improved"
// meets "improve" and "deteriorating" meets "deteriorate".

#include <span>
#include <string_view>

namespace argmap::engine {

/// A word that negates what follows it in its clause ("not", "never", "unlikely", "defies").
/// `base` is what the word contributes to similarity: "unlikely" speaks of the same thing as
/// "likely", so its base is "likely"; empty for function words ("not", "nobody"). An `inflected`
/// cue (a verb: "defy", "fail") matches every word with its stem ("defies", "failed"); the others
/// match only as written, so that "unlike" is not "unlikely" and "non-" is not "none".
struct negation_cue {
    std::string_view word;
    std::string_view base;
    bool inflected = false;
};

/// Two sets of words at opposite ends of one scale (help / hinder, real / symbolic). A statement
/// using a word of one side and another using a word of the other side disagree on that scale.
/// The first positive word names the axis.
struct polarity_axis {
    std::span<const std::string_view> positive;
    std::span<const std::string_view> negative;
};

/// A demonym ending and what replaces it to give the place name ("japanese" -> "japan" by
/// dropping "ese"; "russian" -> "russia" by "ian" -> "ia"; "ukrainian" -> "ukraine" by "ian" ->
/// "e"; "western" -> "west" by dropping "ern"). Rules are tried in order; one applies only when
/// its place name occurs as a name in the compared texts.
struct demonym_rule {
    std::string_view suffix;
    std::string_view replacement;
};

[[nodiscard]] std::span<const negation_cue> negation_cues() noexcept;

/// Words that, right after "not", cancel its negation ("not only", "not just", "not least").
[[nodiscard]] std::span<const std::string_view> negation_cancellers() noexcept;

/// Words of possibility that weaken an assertion ("may", "might", "could", "perhaps", "seems").
[[nodiscard]] std::span<const std::string_view> hedge_cues() noexcept;

/// Words that open a fronted clause the statement does not assert but builds on ("Even if X, Y";
/// "Although X, Y"; "Without X, Y"): up to the first comma, such a clause is background.
[[nodiscard]] std::span<const std::string_view> background_openers() noexcept;

/// Words that end a negation's scope: a new clause starts ("but", "because", "which").
/// Punctuation (, ; : . ! ? and dashes) ends a scope too.
[[nodiscard]] std::span<const std::string_view> scope_breakers() noexcept;

[[nodiscard]] std::span<const polarity_axis> polarity_axes() noexcept;

/// Connectives of several words whose words carry no topic ("on the other hand": not "hand").
/// Each entry is lower case, words separated by single spaces.
[[nodiscard]] std::span<const std::string_view> connective_phrases() noexcept;

/// Words that carry no topic when comparing statements, beyond engine::is_stopword.
[[nodiscard]] std::span<const std::string_view> comparison_stopwords() noexcept;

[[nodiscard]] std::span<const demonym_rule> demonym_rules() noexcept;

}  // namespace argmap::engine
