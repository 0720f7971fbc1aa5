#pragma once
// A brute-force oracle for Dung's semantics: every subset of a small framework's arguments (at
// most 16), checked against the definitions as sets, with nothing shared with the engine's search.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <set>
#include <vector>

#include "engine/argumentation_framework.hpp"

namespace argmap::test {

using argument_set = std::uint32_t;  ///< bit a: argument a

struct dung_oracle {
    std::uint32_t n = 0;
    std::vector<argument_set> targets;    ///< what each argument attacks
    std::vector<argument_set> attackers;  ///< what attacks each argument

    explicit dung_oracle(const engine::argumentation_framework& af)
        : n(af.argument_count()), targets(n, 0), attackers(n, 0) {
        for (const auto& at : af.attacks()) {
            targets[at.attacker] |= argument_set{1} << at.target;
            attackers[at.target] |= argument_set{1} << at.attacker;
        }
    }

    [[nodiscard]] argument_set attacked_by(argument_set s) const {
        argument_set hit = 0;
        for (std::uint32_t a = 0; a < n; ++a)
            if (s >> a & 1) hit |= targets[a];
        return hit;
    }
    /// The arguments all of whose attackers s attacks.
    [[nodiscard]] argument_set defended_by(argument_set s) const {
        const auto hit = attacked_by(s);
        argument_set defended = 0;
        for (std::uint32_t a = 0; a < n; ++a)
            if ((attackers[a] & ~hit) == 0) defended |= argument_set{1} << a;
        return defended;
    }
    [[nodiscard]] bool conflict_free(argument_set s) const { return (attacked_by(s) & s) == 0; }
    [[nodiscard]] bool admissible(argument_set s) const { return conflict_free(s) && (s & ~defended_by(s)) == 0; }
    [[nodiscard]] bool complete(argument_set s) const { return admissible(s) && defended_by(s) == s; }
    [[nodiscard]] bool stable(argument_set s) const {
        const argument_set all = n == 32 ? ~argument_set{0} : (argument_set{1} << n) - 1;
        return conflict_free(s) && (s | attacked_by(s)) == all;
    }

    [[nodiscard]] std::set<argument_set> all(bool (dung_oracle::*test)(argument_set) const) const {
        std::set<argument_set> found;
        for (argument_set s = 0; s < (argument_set{1} << n); ++s)
            if ((this->*test)(s)) found.insert(s);
        return found;
    }
    [[nodiscard]] std::set<argument_set> complete_extensions() const { return all(&dung_oracle::complete); }
    [[nodiscard]] std::set<argument_set> stable_extensions() const { return all(&dung_oracle::stable); }
    /// The admissible sets that no admissible set strictly contains.
    [[nodiscard]] std::set<argument_set> preferred_extensions() const {
        const auto adm = all(&dung_oracle::admissible);
        std::vector<argument_set> by_size(adm.begin(), adm.end());
        std::stable_sort(by_size.begin(), by_size.end(),
                         [](argument_set x, argument_set y) { return std::popcount(x) > std::popcount(y); });
        std::set<argument_set> maximal;
        for (const auto s : by_size) {
            const bool inside = std::any_of(maximal.begin(), maximal.end(),
                                            [&](argument_set m) { return m != s && (m & s) == s; });
            if (!inside) maximal.insert(s);
        }
        return maximal;
    }
    /// The complete extension that every complete extension contains.
    [[nodiscard]] argument_set grounded_extension() const {
        argument_set least = ~argument_set{0};
        for (const auto s : complete_extensions()) least &= s;
        return least;
    }
};

}  // namespace argmap::test
