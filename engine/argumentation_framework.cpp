#include "engine/argumentation_framework.hpp"

#include "engine/model.hpp"

namespace argmap::engine {

argumentation_framework::argumentation_framework(std::uint32_t argument_count, std::span<const attack> attacks)
    : argument_count_(argument_count), first_(std::size_t{argument_count} + 1, 0), targets_(attacks.size()),
      attacker_count_(argument_count, 0) {
    // Counting sort by attacker: one pass to count, one to place.
    for (const auto& at : attacks) {
        if (at.attacker >= argument_count || at.target >= argument_count)
            throw engine_error("attack names an argument the framework does not have");
        ++first_[at.attacker + 1];
        ++attacker_count_[at.target];
    }
    for (std::size_t a = 0; a < argument_count; ++a) first_[a + 1] += first_[a];
    std::vector<std::size_t> fill(first_.begin(), first_.end() - 1);
    for (const auto& at : attacks) targets_[fill[at.attacker]++] = at.target;
}

std::vector<attack> argumentation_framework::attacks() const {
    std::vector<attack> all;
    all.reserve(targets_.size());
    for (std::uint32_t a = 0; a < argument_count_; ++a)
        for (const auto t : targets(a)) all.push_back({a, t});
    return all;
}

attacker_index::attacker_index(const argumentation_framework& af)
    : first_(std::size_t{af.argument_count()} + 1, 0), attackers_(af.attack_count()) {
    for (std::uint32_t a = 0; a < af.argument_count(); ++a) first_[a + 1] = first_[a] + af.attacker_count(a);
    std::vector<std::size_t> fill(first_.begin(), first_.end() - 1);
    for (std::uint32_t a = 0; a < af.argument_count(); ++a)
        for (const auto t : af.targets(a)) attackers_[fill[t]++] = a;
}

}  // namespace argmap::engine
