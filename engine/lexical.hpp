#pragma once
// Words for comparing statements: lower-cased content words with a light suffix stemmer.

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::engine {

/// Lower-cased ASCII words and runs of non-ASCII letters, in text order.
[[nodiscard]] std::vector<std::string> words(std::string_view text);

/// Whether a lower-cased word is a function word (article, pronoun, auxiliary, preposition...).
[[nodiscard]] bool is_stopword(std::string_view word) noexcept;

/// A light English suffix stripper ("countries" -> "countri", "interests" -> "interest").
[[nodiscard]] std::string light_stem(std::string_view word);

/// The stemmed content words of a text, as a set.
[[nodiscard]] std::set<std::string> content_terms(std::string_view text);

/// |a ∩ b| / |a ∪ b|, 0 when both are empty.
[[nodiscard]] double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) noexcept;

/// |a ∩ b| / min(|a|, |b|), 0 when either is empty.
[[nodiscard]] double overlap(const std::set<std::string>& a, const std::set<std::string>& b) noexcept;

}  // namespace argmap::engine
