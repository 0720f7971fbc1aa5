#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "engine/text_structure.hpp"
#include "grammar/marker_lexicon.hpp"

using argmap::engine::marker_class;
using argmap::grammar::marker_entry;
using argmap::grammar::marker_lexicon;

namespace {

constexpr marker_class all_classes[] = {
    marker_class::premise,  marker_class::conclusion,  marker_class::contrast,  marker_class::concession,
    marker_class::addition, marker_class::example,     marker_class::restatement, marker_class::condition,
    marker_class::opponent, marker_class::stance,
};

}  // namespace

TEST_CASE("The marker lexicon holds at least 150 markers", "[grammar]") {
    std::size_t markers = 0;
    for (const auto& e : marker_lexicon())
        if (argmap::grammar::is_marker(e)) ++markers;
    CHECK(markers >= 150);
}

TEST_CASE("Every marker class has markers in the lexicon", "[grammar]") {
    for (const auto cls : all_classes) {
        std::size_t count = 0;
        for (const auto& e : marker_lexicon())
            if (e.cls == cls && argmap::grammar::is_marker(e)) ++count;
        INFO(argmap::engine::to_string(cls));
        CHECK(count >= 5);
    }
}

TEST_CASE("No marker text appears twice in the lexicon", "[grammar]") {
    std::set<std::string_view> seen;
    for (const auto& e : marker_lexicon()) {
        INFO(std::string(e.text));
        CHECK(seen.insert(e.text).second);
    }
}

TEST_CASE("Lexicon texts are lower case words separated by single spaces", "[grammar]") {
    for (const auto& e : marker_lexicon()) {
        INFO(std::string(e.text));
        REQUIRE_FALSE(e.text.empty());
        CHECK(e.text.front() != ' ');
        CHECK(e.text.back() != ' ');
        CHECK(e.text.find("  ") == std::string_view::npos);
        for (const char c : e.text) CHECK_FALSE((c >= 'A' && c <= 'Z'));
    }
}

TEST_CASE("Lexicon positions are bit sets of marker positions", "[grammar]") {
    for (const auto& e : marker_lexicon()) {
        INFO(std::string(e.text));
        CHECK((e.positions & ~0x7) == 0);
    }
}

TEST_CASE("Ambiguous markers are allowed only where they introduce a clause", "[grammar]") {
    using argmap::engine::bit;
    using argmap::engine::marker_position;
    auto entry = [](std::string_view text) -> const marker_entry& {
        const marker_entry* found = nullptr;
        for (const auto& e : marker_lexicon())
            if (e.text == text) found = &e;
        INFO("lexicon entry " << std::string(text));
        REQUIRE(found != nullptr);
        return *found;
    };
    for (const auto text : {"as", "since", "so", "while"}) {
        INFO(text);
        CHECK((entry(text).positions & bit(marker_position::mid_clause)) == 0);
        CHECK((entry(text).positions & bit(marker_position::sentence_start)) != 0);
        CHECK((entry(text).positions & bit(marker_position::clause_start)) != 0);
    }
    CHECK((entry("should").positions & bit(marker_position::mid_clause)) != 0);
    CHECK(entry("on the other hand").cls == marker_class::contrast);
    CHECK(entry("it is highly unlikely").cls == marker_class::stance);
}

TEST_CASE("Every marker class has a distinct name", "[grammar]") {
    std::set<std::string> names;
    for (const auto cls : all_classes) names.insert(argmap::engine::to_string(cls));
    CHECK(names.size() == std::size(all_classes));
    CHECK(std::string(argmap::engine::to_string(marker_class::opponent)) == "opponent");
}
