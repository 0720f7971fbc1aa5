#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "grammar/text_scan.hpp"

namespace {

using argmap::grammar::detail::plain_run_end;
using argmap::grammar::detail::plain_run_end_sse2;
using argmap::grammar::detail::single_spaced;
using argmap::grammar::detail::single_spaced_sse2;

bool white(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// The definitions, a byte at a time.
std::size_t plain_run_by_bytes(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && std::string_view("\\@#*_[</{.:\r\n").find(s[i]) == std::string_view::npos) ++i;
    return i;
}
bool single_spaced_by_bytes(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (white(s[i]) && (s[i] != ' ' || (i + 1 < s.size() && white(s[i + 1])))) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("plain runs end at the first markup character, wherever it stands in a block", "[grammar]") {
    for (const char c : std::string("\\@#*_[</{.:\r\n")) {
        for (std::size_t at = 0; at < 70; ++at) {
            std::string s(70, 'a');
            s[at] = c;
            CHECK(plain_run_end(s.data(), s.data() + s.size()) == s.data() + at);
            CHECK(plain_run_end_sse2(s.data(), s.data() + s.size()) == s.data() + at);
        }
    }
    // every byte value, at every place of a 32-byte block: markup exactly where the set says
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const bool markup = std::string_view("\\@#*_[</{.:\r\n").find(c) != std::string_view::npos;
        for (std::size_t at = 0; at < 40; ++at) {
            std::string s(40, 'a');
            s[at] = c;
            CHECK(plain_run_end(s.data(), s.data() + s.size()) == s.data() + (markup ? at : s.size()));
        }
    }
    const std::string plain = "Plain words, with commas; (brackets) and digits 123 \xC3\xA9 ok";
    CHECK(plain_run_end(plain.data(), plain.data() + plain.size()) == plain.data() + plain.size());
}

TEST_CASE("a text is single-spaced only without doubled spaces, tabs or line breaks", "[grammar]") {
    auto check = [](const std::string& s) { return single_spaced(s.data(), s.data() + s.size()); };
    CHECK(check("one two three four five six seven eight nine ten"));
    CHECK_FALSE(check("one two three four five six seven  eight"));
    CHECK_FALSE(check("one two three four five six seven eight\tnine"));
    CHECK_FALSE(check("one two three four five six seven eight\r\nnine"));
    CHECK_FALSE(check("a  b"));
    CHECK(check("a b"));
    // a doubled space across the 16- and 32-byte blocks the fast scans read
    for (std::size_t at = 0; at + 2 < 100; ++at) {
        std::string s(100, 'x');
        s[at] = ' ';
        CHECK(check(s));
        CHECK(single_spaced_sse2(s.data(), s.data() + s.size()));
        s[at + 1] = ' ';
        CHECK_FALSE(check(s));
        CHECK_FALSE(single_spaced_sse2(s.data(), s.data() + s.size()));
    }
}

TEST_CASE("the block scans agree with a byte-by-byte reading on random texts", "[grammar]") {
    std::mt19937 rng(7);
    const std::string alphabet = "abc XYZ.,;:\\@#*_[]</>{}\t\r\n\x01\x7F\x80\xC3\xFF";
    for (int n = 0; n < 3000; ++n) {
        std::string s(rng() % 70, 'a');
        for (auto& c : s) c = rng() % 3 == 0 ? alphabet[rng() % alphabet.size()] : static_cast<char>('a' + rng() % 26);
        CHECK(static_cast<std::size_t>(plain_run_end(s.data(), s.data() + s.size()) - s.data()) == plain_run_by_bytes(s));
        CHECK(static_cast<std::size_t>(plain_run_end_sse2(s.data(), s.data() + s.size()) - s.data()) == plain_run_by_bytes(s));
#if defined(ARGMAP_TEXT_SCAN_AVX2)
        if (argmap::grammar::detail::has_avx2())
            CHECK(static_cast<std::size_t>(argmap::grammar::detail::plain_run_end_avx2(s.data(), s.data() + s.size()) - s.data()) ==
                  plain_run_by_bytes(s));
#endif
        while (!s.empty() && white(s.back())) s.pop_back();  // single_spaced's precondition
        CHECK(single_spaced(s.data(), s.data() + s.size()) == single_spaced_by_bytes(s));
        CHECK(single_spaced_sse2(s.data(), s.data() + s.size()) == single_spaced_by_bytes(s));
    }
}
