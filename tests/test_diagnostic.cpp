#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "engine/diagnostic.hpp"

using argmap::engine::locate;
using argmap::engine::text_locator;

TEST_CASE("a text locator gives every offset the line and column that locate gives", "[engine]") {
    std::mt19937 rng(11);
    const std::string pieces[] = {"a", "bc ", "\n", "\r\n", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\n\n", "xyz"};
    for (int n = 0; n < 200; ++n) {
        std::string text;
        const auto length = rng() % 60;
        for (std::size_t i = 0; i < length; ++i) text += pieces[rng() % std::size(pieces)];
        text_locator in_order(text);
        text_locator any_order(text);
        for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {  // past the end too
            const auto expected = locate(text, offset, "m");
            CHECK(in_order.locate(offset, "m") == expected);
            const auto other = rng() % (text.size() + 3);
            CHECK(any_order.locate(other, "m") == locate(text, other, "m"));
        }
    }
}

TEST_CASE("a text locator keeps the message and counts code points, not bytes", "[engine]") {
    const std::string text = "caf\xC3\xA9 ok\nsecond \xE2\x80\x9Cline\xE2\x80\x9D";
    text_locator at(text);
    const auto d = at.locate(text.find("ok"), "expected something");
    CHECK(d.line == 1);
    CHECK(d.column == 6);
    CHECK(d.message == "expected something");
    const auto e = at.locate(text.find("line"), "");
    CHECK(e.line == 2);
    CHECK(e.column == 9);
}
