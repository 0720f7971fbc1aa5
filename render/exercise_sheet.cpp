#include "render/exercise_sheet.hpp"

#include <numeric>
#include <utility>

namespace argmap::render {

std::uint64_t splitmix64::next() noexcept {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t splitmix64::below(std::uint64_t bound) noexcept {
    // Values below `threshold` (2^64 mod bound) would make the low residues more likely.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold) return r % bound;
    }
}

std::vector<std::uint32_t> shuffled_order(std::size_t n, std::uint64_t seed) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    splitmix64 rng(seed);
    for (std::size_t i = n; i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

std::string exercise_letter(std::size_t index) {
    std::string out;
    std::size_t n = index + 1;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return out;
}

exercise_sheet make_exercise(const engine::argument_map& map, std::uint64_t seed) {
    exercise_sheet sheet;
    sheet.listed = shuffled_order(map.statements().size(), seed);
    sheet.letter.resize(sheet.listed.size());
    for (std::size_t k = 0; k < sheet.listed.size(); ++k) sheet.letter[sheet.listed[k]] = exercise_letter(k);
    return sheet;
}

}  // namespace argmap::render
