#pragma once
// Dung's semantics of an abstract argumentation framework, as labellings: every argument `in`
// (accepted), `out` (attacked by an accepted argument) or `undecided`. The grounded labelling in
// linear time; complete, preferred and stable labellings by a search that labels one argument at
// a time, derives what each choice forces, and backs up at the first contradiction (exact; fast
// on small and medium frameworks, exponential at worst, as these problems are).

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/argumentation_framework.hpp"
#include "engine/model.hpp"

namespace argmap::engine {

enum class label : std::uint8_t { in, out, undecided };
using labelling = std::vector<label>;  ///< one label per argument

enum class semantics { grounded, complete, preferred, stable };

[[nodiscard]] const char* to_string(label l) noexcept;
[[nodiscard]] const char* to_string(semantics s) noexcept;
[[nodiscard]] std::optional<semantics> parse_semantics(std::string_view s) noexcept;

/// A search that took more steps (labels tried) than it was allowed.
struct search_limit_exceeded : engine_error {
    using engine_error::engine_error;
};

/// How many labels a search may try before it gives up (0: no limit).
struct search_limit {
    std::uint64_t steps = 0;
};

/// The grounded labelling: what is accepted from the unattacked arguments on, by repeatedly
/// accepting every argument whose attackers are all out. O(arguments + attacks).
[[nodiscard]] labelling grounded_labelling(const argumentation_framework& af);

/// Calls `visit` with each labelling of the semantics, in no promised order, until it returns
/// false. Grounded: the one labelling. Preferred: found among the complete ones (those whose in-set
/// no other complete labelling's in-set strictly contains). Throws search_limit_exceeded.
void for_each_labelling(const argumentation_framework& af, semantics s,
                        const std::function<bool(const labelling&)>& visit, search_limit limit = {});

/// Every labelling of the semantics (exponentially many at worst).
[[nodiscard]] std::vector<labelling> all_labellings(const argumentation_framework& af, semantics s,
                                                    search_limit limit = {});

/// One labelling of the semantics, or none (only stable semantics can have none). Preferred: a
/// complete labelling grown until no complete labelling accepts more.
[[nodiscard]] std::optional<labelling> some_labelling(const argumentation_framework& af, semantics s,
                                                      search_limit limit = {});

/// Whether `a` is in in at least one labelling of the semantics.
[[nodiscard]] bool credulously_accepted(const argumentation_framework& af, semantics s, std::uint32_t a,
                                        search_limit limit = {});
/// Whether `a` is in in every labelling of the semantics (true when there is none, as ICCMA has it).
[[nodiscard]] bool sceptically_accepted(const argumentation_framework& af, semantics s, std::uint32_t a,
                                        search_limit limit = {});

/// What all labellings of the semantics agree on: in where every one says in, out where every one
/// says out, undecided elsewhere. Grounded and complete: the grounded labelling. None when the
/// semantics has no labelling (stable only).
[[nodiscard]] std::optional<labelling> sceptical_labelling(const argumentation_framework& af, semantics s,
                                                           search_limit limit = {});

}  // namespace argmap::engine
