#pragma once
// Exercise sheets: the statements of a map given letters and listed in a shuffled order that
// depends only on a seed, so that a worksheet and its answer key match on every machine.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model.hpp"

namespace argmap::render {

/// SplitMix64 (Steele, Lea and Flood; Vigna's reference code): a fixed generator, so that a seed
/// gives the same numbers with every compiler and standard library (std::shuffle and the std
/// distributions do not promise that).
class splitmix64 {
public:
    explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
    std::uint64_t next() noexcept;
    /// Uniform in [0, bound) without modulo bias (rejection); bound > 0.
    std::uint64_t below(std::uint64_t bound) noexcept;

private:
    std::uint64_t state_;
};

/// 0, 1, ..., n-1 in an order that depends only on `seed` (Fisher-Yates on splitmix64).
[[nodiscard]] std::vector<std::uint32_t> shuffled_order(std::size_t n, std::uint64_t seed);

/// The label of the index-th listed statement: "A" ... "Z", "AA", "AB", ... (bijective base 26).
[[nodiscard]] std::string exercise_letter(std::size_t index);

struct exercise_sheet {
    std::vector<std::uint32_t> listed;  ///< statement indices in the order the list shows them
    std::vector<std::string> letter;    ///< per statement index: its letter in the list
};

/// Every statement of the map, shuffled by `seed`, lettered in list order.
[[nodiscard]] exercise_sheet make_exercise(const engine::argument_map& map, std::uint64_t seed);

}  // namespace argmap::render
