#pragma once
// An abstract argumentation framework (Dung): arguments numbered 0 .. n-1 and the attacks between
// them, held as one flat adjacency list (each argument's targets side by side), so that a
// framework of millions of attacks takes two integers an attack and one an argument.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace argmap::engine {

/// One attack: `attacker` attacks `target` (argument numbers, 0-based).
struct attack {
    std::uint32_t attacker = 0;
    std::uint32_t target = 0;
    auto operator<=>(const attack&) const = default;
};

class argumentation_framework {
public:
    argumentation_framework() = default;
    /// Throws engine_error when an attack names an argument >= argument_count. The attacks may
    /// come in any order; an attack given twice is held twice (the semantics do not mind).
    argumentation_framework(std::uint32_t argument_count, std::span<const attack> attacks);

    [[nodiscard]] std::uint32_t argument_count() const noexcept { return argument_count_; }
    [[nodiscard]] std::size_t attack_count() const noexcept { return targets_.size(); }
    /// The arguments that `a` attacks, in the order the attacks were given.
    [[nodiscard]] std::span<const std::uint32_t> targets(std::uint32_t a) const noexcept {
        return {targets_.data() + first_[a], targets_.data() + first_[a + 1]};
    }
    /// Asks the processor to load where a's targets are listed (for loops that know which
    /// arguments they will read next).
    void prefetch_targets(std::uint32_t a) const noexcept { __builtin_prefetch(&first_[a]); }
    /// How many attacks `a` receives.
    [[nodiscard]] std::uint32_t attacker_count(std::uint32_t a) const noexcept { return attacker_count_[a]; }
    /// Every attack, attacker by attacker (for writers and tests).
    [[nodiscard]] std::vector<attack> attacks() const;

    bool operator==(const argumentation_framework&) const = default;

private:
    std::uint32_t argument_count_ = 0;
    std::vector<std::size_t> first_ = {0};      ///< argument a's targets: [first_[a], first_[a+1])
    std::vector<std::uint32_t> targets_;
    std::vector<std::uint32_t> attacker_count_;
};

/// The arguments that attack each argument: the framework's attacks read backwards, in the
/// same flat shape (built on demand: the grounded labelling does not need it).
class attacker_index {
public:
    explicit attacker_index(const argumentation_framework& af);
    [[nodiscard]] std::span<const std::uint32_t> attackers(std::uint32_t a) const noexcept {
        return {attackers_.data() + first_[a], attackers_.data() + first_[a + 1]};
    }

private:
    std::vector<std::size_t> first_;
    std::vector<std::uint32_t> attackers_;
};

/// A framework whose arguments have names (apx and tgf files, a map's translation). Without
/// names (an ICCMA .af file) argument a is called a + 1.
struct named_framework {
    argumentation_framework framework;
    std::vector<std::string> names;  ///< empty, or one per argument
    [[nodiscard]] std::string name(std::uint32_t a) const {
        return names.empty() ? std::to_string(a + 1) : names[a];
    }
    bool operator==(const named_framework&) const = default;
};

}  // namespace argmap::engine
