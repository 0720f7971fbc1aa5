// Argdown's "@include(path)" done on strings: a resolver over an in-memory set of files stands for
// the file system (the command line's resolver is tested in test_cli.cpp).

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "grammar/argdown_includes.hpp"
#include "grammar/argdown_mapping.hpp"

using namespace argmap;
using grammar::expand_argdown_includes;

namespace {

/// Files by name; a path is taken relative to the folder of the file that includes it.
grammar::include_resolver files(const std::map<std::string, std::string>& by_name) {
    return [by_name](const std::string& from, std::string_view path) -> std::optional<grammar::included_file> {
        const auto slash = from.rfind('/');
        const std::string name = (slash == std::string::npos ? std::string() : from.substr(0, slash + 1)) + std::string(path);
        const auto it = by_name.find(name);
        if (it == by_name.end()) return std::nullopt;
        return grammar::included_file{it->first, it->second};
    };
}

}  // namespace

TEST_CASE("An include line is replaced by the lines of the file it names, relative to the including file", "[grammar][argdown]") {
    const auto resolve = files({{"parts/reasons.argdown", "[R]: A reason.\n  + [S]: Its support.\n\n@include(more.argdown)\n"},
                                {"parts/more.argdown", "[M]: More."}});
    const auto out = expand_argdown_includes("[T]: Claim.\n  + [R]\n\n@include(parts/reasons.argdown)\n\n[U]: End.\n",
                                             "main.argdown", resolve);
    REQUIRE(out.errors.empty());
    CHECK(out.text == "[T]: Claim.\n  + [R]\n\n[R]: A reason.\n  + [S]: Its support.\n\n[M]: More.\n\n[U]: End.\n");
    // a line of the document is where it is there; a line of an included file stands at the
    // document's include that brought it, and the message says where in that file it is
    CHECK(out.locate({4, 1, "x"}) == engine::diagnostic{4, 10, "in parts/reasons.argdown:1:1: x"});
    CHECK(out.locate({7, 5, "x"}) == engine::diagnostic{4, 10, "in parts/more.argdown:1:5: x"});
    CHECK(out.locate({9, 2, "x"}) == engine::diagnostic{6, 2, "x"});
    CHECK(out.locate({2, 3, "x"}) == engine::diagnostic{2, 3, "x"});

    std::vector<engine::diagnostic> warnings;
    const auto map = grammar::read_argdown(out.text, "main.argdown", &warnings);
    REQUIRE(map.ok());
    CHECK(map.value->statements().size() == 5);
    CHECK(map.value->relations().size() == 2);
}

TEST_CASE("Several paths in one include are included in order, and a text without includes is left as it is", "[grammar][argdown]") {
    const auto resolve = files({{"a.argdown", "[A]: a\n"}, {"b.argdown", "[B]: b\n"}});
    const auto out = expand_argdown_includes("@include(a.argdown, b.argdown)\n", "main.argdown", resolve);
    REQUIRE(out.errors.empty());
    CHECK(out.text == "[A]: a\n[B]: b\n");
    const auto plain = expand_argdown_includes("[T]: mentions @include in text", "main.argdown", resolve);
    CHECK(plain.text == "[T]: mentions @include in text");
    CHECK(plain.origins.empty());
}

TEST_CASE("A missing included file is an error at its include", "[grammar][argdown]") {
    const auto out = expand_argdown_includes("[T]: t\n\n  @include(nowhere.argdown)\n", "main.argdown", files({}));
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0] == engine::diagnostic{3, 12, "cannot read the included file 'nowhere.argdown'"});
}

TEST_CASE("An include cycle is an error that names the cycle", "[grammar][argdown]") {
    const auto resolve = files({{"main.argdown", "[T]: t\n\n@include(b.argdown)\n"},
                                {"b.argdown", "[B]: b\n\n@include(c.argdown)\n"},
                                {"c.argdown", "@include(main.argdown)\n"}});
    const auto out = expand_argdown_includes("[T]: t\n\n@include(b.argdown)\n", "main.argdown", resolve);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0] ==
          engine::diagnostic{3, 10, "in c.argdown:1:10: include cycle: main.argdown -> b.argdown -> c.argdown -> main.argdown"});
    const auto self = expand_argdown_includes("@include(self.argdown)\n", "self.argdown", files({{"self.argdown", "x"}}));
    REQUIRE(self.errors.size() == 1);
    CHECK(self.errors[0].message == "include cycle: self.argdown -> self.argdown");
}

TEST_CASE("Includes that would grow the document past its limit are an error", "[grammar][argdown]") {
    // each file includes the next one twice: 2^20 copies without the limit
    std::map<std::string, std::string> by_name;
    for (int i = 0; i < 20; ++i) {
        const auto next = "f" + std::to_string(i + 1) + ".argdown";
        by_name["f" + std::to_string(i) + ".argdown"] = "@include(" + next + ", " + next + ")\n";
    }
    by_name["f20.argdown"] = "[T]: t\n";
    const auto out = expand_argdown_includes("@include(f0.argdown)\n", "main.argdown", files(by_name), 4096);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].message.find("longer than 4096 bytes") != std::string::npos);
    CHECK(out.text.size() <= 4096);
}
