#pragma once
// The English discourse markers the prose grammar looks for, as data: each entry's text (lower
// case, words separated by one space), the class it signals, and where in a sentence it may stand.
// The marker grammar turns this table once into an x3::symbols table; matching is case-insensitive,
// whole words only, and the longest entry wins ("on the other hand" over "on").

#include <cstdint>
#include <span>
#include <string_view>

#include "engine/text_structure.hpp"

namespace argmap::grammar {

struct marker_entry {
    std::string_view text;     ///< lower case, one space between words ("on the other hand")
    engine::marker_class cls;  ///< what the marker signals
    /// Bit set of engine::marker_position where an occurrence is reported. 0 marks a phrase that is
    /// not a marker ("so far", "as if"): listed only so that, being longer, it wins over the shorter
    /// marker it starts with, which is then not reported.
    std::uint8_t positions;
    bool operator==(const marker_entry&) const = default;
};

/// The whole lexicon, in no particular order. Built at compile time; lives for the program.
[[nodiscard]] std::span<const marker_entry> marker_lexicon() noexcept;

/// Whether an entry reports occurrences at all (positions != 0).
[[nodiscard]] constexpr bool is_marker(const marker_entry& e) noexcept { return e.positions != 0; }

}  // namespace argmap::grammar
