// The framework type: attacks held by attacker, counted by target, read back in both directions.

#include <catch2/catch.hpp>

#include <vector>

#include "engine/argumentation_framework.hpp"
#include "engine/model.hpp"

using namespace argmap::engine;

TEST_CASE("a framework holds each argument's targets and counts its attackers", "[engine]") {
    const std::vector<attack> attacks = {{2, 0}, {0, 1}, {2, 1}, {1, 1}, {0, 1}};
    const argumentation_framework af(3, attacks);
    CHECK(af.argument_count() == 3);
    CHECK(af.attack_count() == 5);
    CHECK(std::vector<std::uint32_t>(af.targets(0).begin(), af.targets(0).end()) == std::vector<std::uint32_t>{1, 1});
    CHECK(std::vector<std::uint32_t>(af.targets(2).begin(), af.targets(2).end()) == std::vector<std::uint32_t>{0, 1});
    CHECK(af.attacker_count(0) == 1);
    CHECK(af.attacker_count(1) == 4);
    CHECK(af.attacker_count(2) == 0);
    const attacker_index back(af);
    CHECK(std::vector<std::uint32_t>(back.attackers(1).begin(), back.attackers(1).end()) == std::vector<std::uint32_t>{0, 0, 1, 2});
    CHECK(back.attackers(2).empty());
    auto sorted = attacks;
    std::sort(sorted.begin(), sorted.end());
    CHECK(af.attacks() == sorted);
}

TEST_CASE("an attack on an argument the framework does not have is refused", "[engine]") {
    const std::vector<attack> attacks = {{0, 3}};
    CHECK_THROWS_AS(argumentation_framework(3, attacks), engine_error);
}

TEST_CASE("a framework without names calls its arguments 1 to n", "[engine]") {
    named_framework f{argumentation_framework(2, {}), {}};
    CHECK(f.name(0) == "1");
    f.names = {"a", "b"};
    CHECK(f.name(1) == "b");
}
