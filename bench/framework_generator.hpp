#pragma once
// Random abstract argumentation frameworks for the benchmarks, the same on every machine
// (splitmix64, not the standard library's distributions, whose results differ between libraries).
//   debate:  half as many arguments as attacks, each attack from an argument to an earlier one:
//            no cycles, many unattacked arguments, the grounded labelling decides everything
//            (the shape on which ICCMA solvers are slowest)
//   uniform: a quarter as many arguments as attacks, attacker and target drawn at random: cycles,
//            few unattacked arguments, most arguments stay undecided

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/argumentation_framework.hpp"

namespace argmap::bench {

enum class framework_shape { debate, uniform };

struct generated_framework {
    std::uint32_t arguments = 0;
    std::vector<engine::attack> attacks;
};

inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// A number in [0, bound) (bound > 0).
inline std::uint32_t below(std::uint64_t& state, std::uint32_t bound) {
    return static_cast<std::uint32_t>((splitmix64(state) >> 32) * bound >> 32);
}

inline generated_framework generate_framework(std::uint64_t attacks, framework_shape shape, std::uint64_t seed = 1) {
    generated_framework g;
    std::uint64_t state = seed;
    g.arguments = static_cast<std::uint32_t>(shape == framework_shape::debate ? attacks / 2 + 2 : attacks / 4 + 2);
    g.attacks.reserve(attacks);
    for (std::uint64_t k = 0; k < attacks; ++k) {
        if (shape == framework_shape::debate) {
            const auto attacker = 1 + below(state, g.arguments - 1);
            g.attacks.push_back({attacker, below(state, attacker)});
        } else {
            g.attacks.push_back({below(state, g.arguments), below(state, g.arguments)});
        }
    }
    return g;
}

}  // namespace argmap::bench
