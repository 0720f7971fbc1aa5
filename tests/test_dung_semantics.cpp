// Dung's semantics against a brute-force oracle (tests/dung_oracle.hpp): every framework of up
// to 4 arguments, and thousands of random ones of up to 12.

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "dung_oracle.hpp"
#include "engine/dung_semantics.hpp"

using namespace argmap::engine;
using argmap::test::argument_set;
using argmap::test::dung_oracle;

namespace {

argument_set in_set(const labelling& l) {
    argument_set s = 0;
    for (std::size_t a = 0; a < l.size(); ++a)
        if (l[a] == label::in) s |= argument_set{1} << a;
    return s;
}

/// The labelling an extension stands for: out what it attacks, undecided the rest.
labelling labelling_of(const dung_oracle& o, argument_set s) {
    labelling l(o.n, label::undecided);
    const auto hit = o.attacked_by(s);
    for (std::uint32_t a = 0; a < o.n; ++a) {
        if (s >> a & 1) l[a] = label::in;
        else if (hit >> a & 1) l[a] = label::out;
    }
    return l;
}

std::set<argument_set> extensions(const argumentation_framework& af, semantics s) {
    std::set<argument_set> found;
    for (const auto& l : all_labellings(af, s)) found.insert(in_set(l));
    return found;
}

/// Every check of the engine against the oracle, on one framework.
void check_against_oracle(const argumentation_framework& af) {
    const dung_oracle o(af);
    const auto complete = o.complete_extensions();
    const auto preferred = o.preferred_extensions();
    const auto stable = o.stable_extensions();
    const auto grounded = o.grounded_extension();

    // Each labelling the engine gives is the labelling of its in-set, and that set has the
    // defining properties; and the sets found are exactly the oracle's.
    const std::pair<semantics, const std::set<argument_set>*> cases[] = {
        {semantics::complete, &complete}, {semantics::preferred, &preferred}, {semantics::stable, &stable}};
    for (const auto& [s, expected] : cases) {
        INFO(to_string(s));
        const auto all = all_labellings(af, s);
        std::set<argument_set> found;
        for (const auto& l : all) {
            const auto ext = in_set(l);
            REQUIRE(l == labelling_of(o, ext));
            REQUIRE(o.conflict_free(ext));
            REQUIRE(o.admissible(ext));
            REQUIRE(o.complete(ext));
            if (s == semantics::stable) REQUIRE(o.stable(ext));
            found.insert(ext);
        }
        REQUIRE(found.size() == all.size());  // no labelling twice
        REQUIRE(found == *expected);
        const auto one = some_labelling(af, s);
        REQUIRE(one.has_value() == !expected->empty());
        if (one) REQUIRE(expected->count(in_set(*one)) == 1);
    }
    const auto g = grounded_labelling(af);
    REQUIRE(g == labelling_of(o, grounded));
    REQUIRE(extensions(af, semantics::grounded) == std::set<argument_set>{grounded});

    // Acceptance of each argument, and what all labellings agree on.
    const std::pair<semantics, const std::set<argument_set>*> every[] = {
        {semantics::complete, &complete}, {semantics::preferred, &preferred}, {semantics::stable, &stable}};
    for (const auto& [s, expected] : every) {
        INFO(to_string(s));
        const auto agreed = sceptical_labelling(af, s);
        REQUIRE(agreed.has_value() == !expected->empty());
        for (std::uint32_t a = 0; a < o.n; ++a) {
            INFO("argument " << a);
            const auto bit = argument_set{1} << a;
            const bool some = std::any_of(expected->begin(), expected->end(), [&](argument_set e) { return (e & bit) != 0; });
            const bool each = std::all_of(expected->begin(), expected->end(), [&](argument_set e) { return (e & bit) != 0; });
            REQUIRE(credulously_accepted(af, s, a) == some);
            REQUIRE(sceptically_accepted(af, s, a) == each);
            if (agreed) {
                const bool out_everywhere = std::all_of(expected->begin(), expected->end(),
                                                        [&](argument_set e) { return (o.attacked_by(e) & bit) != 0; });
                const auto want = each ? label::in : out_everywhere ? label::out : label::undecided;
                REQUIRE((*agreed)[a] == want);
            }
        }
    }
    for (std::uint32_t a = 0; a < o.n; ++a) {
        const bool in_grounded = (grounded >> a & 1) != 0;
        REQUIRE(credulously_accepted(af, semantics::grounded, a) == in_grounded);
        REQUIRE(sceptically_accepted(af, semantics::grounded, a) == in_grounded);
    }
}

argumentation_framework framework(std::uint32_t n, const std::vector<attack>& attacks) {
    return argumentation_framework(n, attacks);
}

}  // namespace

TEST_CASE("every framework of up to 4 arguments gets exactly the oracle's extensions", "[engine]") {
    std::size_t checked = 0;
    for (std::uint32_t n = 0; n <= 4; ++n) {
        const std::uint32_t pairs = n * n;
        for (std::uint32_t mask = 0; mask < (std::uint32_t{1} << pairs); ++mask) {
            std::vector<attack> attacks;
            for (std::uint32_t k = 0; k < pairs; ++k)
                if (mask >> k & 1) attacks.push_back({k / n, k % n});
            INFO("n = " << n << ", attack mask " << mask);
            check_against_oracle(framework(n, attacks));
            ++checked;
        }
    }
    CHECK(checked == 1 + 2 + 16 + 512 + 65536);
}

TEST_CASE("thousands of random frameworks of up to 12 arguments get exactly the oracle's extensions", "[engine]") {
    std::mt19937 random(20261208);
    for (int round = 0; round < 3000; ++round) {
        const auto n = std::uniform_int_distribution<std::uint32_t>(1, 12)(random);
        // densities from sparse (debate-like, many unattacked) to dense
        const double density = std::uniform_real_distribution<double>(0.02, 0.5)(random);
        std::bernoulli_distribution attacks_here(density);
        std::vector<attack> attacks;
        for (std::uint32_t a = 0; a < n; ++a)
            for (std::uint32_t b = 0; b < n; ++b)
                if (attacks_here(random)) attacks.push_back({a, b});
        INFO("round " << round << ", n = " << n << ", " << attacks.size() << " attacks");
        check_against_oracle(framework(n, attacks));
    }
}

TEST_CASE("the grounded labelling accepts the unattacked and alternates down a chain of a million", "[engine]") {
    const std::uint32_t n = 1'000'000;
    std::vector<attack> chain;
    for (std::uint32_t a = 0; a + 1 < n; ++a) chain.push_back({a, a + 1});
    const auto l = grounded_labelling(framework(n, chain));
    for (std::uint32_t a = 0; a < n; ++a) REQUIRE(l[a] == (a % 2 == 0 ? label::in : label::out));
}

TEST_CASE("an odd cycle is undecided under grounded and has no stable labelling", "[engine]") {
    const auto af = framework(3, {{0, 1}, {1, 2}, {2, 0}});
    CHECK(grounded_labelling(af) == labelling(3, label::undecided));
    CHECK_FALSE(some_labelling(af, semantics::stable).has_value());
    CHECK_FALSE(sceptical_labelling(af, semantics::stable).has_value());
    CHECK(sceptically_accepted(af, semantics::stable, 0));  // vacuously, as ICCMA counts it
    CHECK_FALSE(credulously_accepted(af, semantics::stable, 0));
    CHECK(some_labelling(af, semantics::preferred) == labelling(3, label::undecided));
}

TEST_CASE("a search that takes more steps than allowed stops with search_limit_exceeded", "[engine]") {
    // 20 pairs that attack each other: 3^20 complete labellings.
    std::vector<attack> pairs;
    for (std::uint32_t a = 0; a < 40; a += 2) {
        pairs.push_back({a, a + 1});
        pairs.push_back({a + 1, a});
    }
    const auto af = framework(40, pairs);
    CHECK_THROWS_AS(all_labellings(af, semantics::complete, search_limit{10000}), search_limit_exceeded);
    // One preferred labelling is found without enumerating them all.
    const auto one = some_labelling(af, semantics::preferred, search_limit{10000});
    REQUIRE(one.has_value());
    CHECK(std::count(one->begin(), one->end(), label::in) == 20);
}

TEST_CASE("semantics and labels have one name each, read back by parse_semantics", "[engine]") {
    for (const auto s : {semantics::grounded, semantics::complete, semantics::preferred, semantics::stable})
        CHECK(parse_semantics(to_string(s)) == s);
    CHECK_FALSE(parse_semantics("ideal").has_value());
    CHECK(std::string(to_string(label::undecided)) == "undecided");
}
