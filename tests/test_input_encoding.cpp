// Encodings and line endings as people's files have them: a byte-order mark, CRLF and CR line
// ends, mixed scripts, invalid UTF-8 and NUL bytes. Spans stay byte offsets into the text as read;
// what cannot be read is reported with its line and column.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "engine/rules.hpp"
#include "grammar/argdown_parser.hpp"
#include "grammar/input_check.hpp"
#include "grammar/prose_parser.hpp"

using argmap::engine::span;
using argmap::test::run_argmap;

namespace {

const std::string lf_text =
    "Fines should rise\n\nWe should raise the fines, because the streets are dirty. Of course, fines cost money.\n\n"
    "But dirty streets cost more.\n";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

struct mapped {
    argmap::engine::argument_map map;
    span title;
};

mapped map_of(const std::string& text) {
    auto parsed = argmap::grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    return {argmap::engine::reconstruct_by_rules(*parsed.value, "t.txt"), parsed.value->title};
}

/// Offset in `lf` of offset `at` in a copy whose "\n" became `newline`.
std::size_t to_lf_offset(const std::string& other, std::size_t at, const std::string& newline) {
    std::size_t extra = 0;
    for (auto p = other.find(newline); p != std::string::npos && p < at; p = other.find(newline, p + newline.size()))
        extra += newline.size() - 1;
    return at - extra;
}

}  // namespace

TEST_CASE("CRLF and CR line ends give the same map as LF, spans counting every byte", "[grammar]") {
    const auto lf = map_of(lf_text);
    REQUIRE(lf.map.statements().size() >= 3);
    for (const std::string newline : {"\r\n", "\r"}) {
        const auto text = replace_all(lf_text, "\n", newline);
        const auto other = map_of(text);
        REQUIRE(other.map.statements().size() == lf.map.statements().size());
        CHECK(other.map.relations().size() == lf.map.relations().size());
        CHECK(to_lf_offset(text, other.title.begin, newline) == lf.title.begin);
        CHECK(to_lf_offset(text, other.title.end, newline) == lf.title.end);
        for (std::size_t i = 0; i < lf.map.statements().size(); ++i) {
            const auto& a = lf.map.statements()[i];
            const auto& b = other.map.statements()[i];
            CHECK(a.text == b.text);
            REQUIRE(a.spans.size() == b.spans.size());
            for (std::size_t k = 0; k < a.spans.size(); ++k) {
                CHECK(to_lf_offset(text, b.spans[k].begin, newline) == a.spans[k].begin);
                CHECK(to_lf_offset(text, b.spans[k].end, newline) == a.spans[k].end);
            }
        }
    }
}

TEST_CASE("a byte order mark is not part of the title, and spans still count its three bytes", "[grammar]") {
    const auto plain = map_of(lf_text);
    const std::string bom = "\xEF\xBB\xBF";
    const auto with = map_of(bom + lf_text);
    const std::string source = bom + lf_text;
    CHECK(with.title.begin == plain.title.begin + 3);
    CHECK(with.title.end == plain.title.end + 3);
    CHECK(argmap::engine::slice(source, with.title) == "Fines should rise");
    REQUIRE(with.map.statements().size() == plain.map.statements().size());
    for (std::size_t i = 0; i < plain.map.statements().size(); ++i) {
        CHECK(with.map.statements()[i].text == plain.map.statements()[i].text);
        CHECK(with.map.statements()[i].spans.front().begin == plain.map.statements()[i].spans.front().begin + 3);
    }
    const auto r = run_argmap("map - --format json", source);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\"title\": \"Fines should rise\"") != std::string::npos);
}

TEST_CASE("mixed scripts keep byte-exact spans that start and end on whole code points", "[grammar]") {
    const std::string text =
        "Налоги растут\n\nThe tax must rise, because 学校 need money. Москва согласна, и 東京 тоже. "
        "Of course, العربية costs 5 €. But 😀 streets cost more.\n";
    const auto m = map_of(text);
    REQUIRE(m.map.statements().size() >= 3);
    CHECK(argmap::engine::slice(text, m.title) == "Налоги растут");
    for (const auto& s : m.map.statements()) {
        for (const auto sp : s.spans) {
            REQUIRE(sp.end <= text.size());
            const auto piece = argmap::engine::slice(text, sp);
            CHECK_FALSE(argmap::grammar::detail::first_invalid_utf8(piece).has_value());
            CHECK(piece.find_first_of(" \n") != 0);
        }
    }
    const auto found = [&](const std::string& word) {
        for (const auto& s : m.map.statements())
            if (s.text.find(word) != std::string::npos) return true;
        return false;
    };
    CHECK(found("学校"));
    CHECK(found("東京"));
    CHECK(found("😀"));
}

TEST_CASE("invalid UTF-8 is reported at its line and column, columns counting code points", "[cli]") {
    // line 3, after "Größe " (6 code points, 8 bytes): column 7
    const std::string text = "Title\n\nGröße \xC3( is wrong.\n";
    const auto r = run_argmap("map - --format json", text);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "-:3:7: error: invalid UTF-8 byte 0xC3\n");
    for (const std::string bad : {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        const auto e = run_argmap("map - --format json", "Taxes rise. " + bad + "\n");
        CHECK(e.status == 1);
        CHECK(e.err.find("-:1:13: error: invalid UTF-8 byte") == 0);
    }
}

TEST_CASE("NUL bytes are reported as binary content at their position", "[cli]") {
    const auto r = run_argmap("map - --format json", std::string("Taxes rise.\nCosts grow\0 fast.\n", 29));
    CHECK(r.status == 1);
    CHECK(r.err == "-:2:11: error: binary content: NUL byte\n");
    const auto both = run_argmap("map - --format json", std::string("a\xFF\0", 3));
    CHECK(both.status == 1);
    CHECK(both.err == "-:1:2: error: invalid UTF-8 byte 0xFF\n-:1:3: error: binary content: NUL byte\n");
}

TEST_CASE("the notation parser skips a byte order mark and reads CRLF files like LF files", "[grammar]") {
    const std::string lf = "[Taxes]: Taxes should rise.\n  + [Schools]: Schools need money.\n  - Growth slows.\n";
    const auto a = argmap::grammar::parse_argdown(lf);
    REQUIRE(a.ok());
    const auto b = argmap::grammar::parse_argdown("\xEF\xBB\xBF" + replace_all(lf, "\n", "\r\n"));
    REQUIRE(b.ok());
    REQUIRE(a.value->blocks.size() == b.value->blocks.size());
    const auto c = argmap::grammar::parse_argdown("[Taxes]: Taxes \xFF rise.\n  + [S]: x\0y\n");
    CHECK(c.value.has_value());  // any bytes: a value, maybe errors, never a crash
}
