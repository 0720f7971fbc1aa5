// Reading and writing the ICCMA formats: af, apx and tgf, with positioned errors.

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "engine/framework_formats.hpp"

using namespace argmap::engine;

namespace {

named_framework read_ok(std::string_view text, framework_format f) {
    auto r = read_framework(text, f);
    INFO(text);
    for (const auto& e : r.errors) INFO(e.line << ":" << e.column << ": " << e.message);
    REQUIRE(r.ok());
    return *r.value;
}

diagnostic first_error(std::string_view text, framework_format f) {
    const auto r = read_framework(text, f);
    INFO(text);
    REQUIRE_FALSE(r.ok());
    REQUIRE_FALSE(r.errors.empty());
    return r.errors.front();
}

}  // namespace

TEST_CASE("an ICCMA .af file reads as its arguments and attacks, comments and blank lines skipped", "[engine]") {
    const auto f = read_ok("# a comment\np af 3\n1 2\r\n2 3\n\n3 3  \n# end", framework_format::af);
    CHECK(f.framework.argument_count() == 3);
    CHECK(f.names.empty());
    CHECK(f.framework.attacks() == std::vector<attack>{{0, 1}, {1, 2}, {2, 2}});
    CHECK(read_ok("p af 0\n", framework_format::af).framework.argument_count() == 0);
    CHECK(read_ok("p af 2", framework_format::af).framework.attack_count() == 0);
}

TEST_CASE("a bad .af file gives the line and column of each mistake", "[engine]") {
    auto e = first_error("", framework_format::af);
    CHECK(e.message.find("no header") != std::string::npos);
    e = first_error("1 2\n", framework_format::af);
    CHECK((e.line == 1 && e.column == 1));
    CHECK(e.message.find("header") != std::string::npos);
    e = first_error("p bf 3\n", framework_format::af);
    CHECK((e.line == 1 && e.column == 3));
    e = first_error("p af x\n", framework_format::af);
    CHECK((e.line == 1 && e.column == 6));
    e = first_error("p af 3\n1 2\n1 4\n", framework_format::af);
    CHECK((e.line == 3 && e.column == 3));
    CHECK(e.message == "argument 4 does not exist (the header says 1 to 3)");
    e = first_error("p af 3\n0 2\n", framework_format::af);
    CHECK((e.line == 2 && e.column == 1));
    e = first_error("p af 3\n1\n", framework_format::af);
    CHECK((e.line == 2 && e.column == 2));
    e = first_error("p af 3\n1 2 3\n", framework_format::af);
    CHECK((e.line == 2 && e.column == 5));
    e = first_error("p af 3\n1 2\np af 3\n", framework_format::af);
    CHECK((e.line == 3 && e.column == 1));
    e = first_error("p af 3\n\xc3\xa9 2\n", framework_format::af);
    CHECK((e.line == 2 && e.column == 1));
    e = first_error("p af 99999999999\n", framework_format::af);
    CHECK(e.message.find("too many arguments") != std::string::npos);
    // every bad line is reported, up to a hundred
    std::string many = "p af 2\n";
    for (int i = 0; i < 500; ++i) many += "x\n";
    const auto r = read_framework(many, framework_format::af);
    CHECK(r.errors.size() == 100);
    CHECK(r.errors[1].line == 3);
}

TEST_CASE("an apx file reads names in order of declaration, attacks between them", "[engine]") {
    const auto f = read_ok("% comment\narg(a).\narg( b ).arg(c.1).\natt(a,b).\n  att(b , c.1 ).\natt(c.1,c.1).", framework_format::apx);
    CHECK(f.names == std::vector<std::string>{"a", "b", "c.1"});
    CHECK(f.framework.attacks() == std::vector<attack>{{0, 1}, {1, 2}, {2, 2}});
}

TEST_CASE("a bad apx file gives the line and column of each mistake", "[engine]") {
    auto e = first_error("arg(a).\nargument(b).\n", framework_format::apx);
    CHECK((e.line == 2 && e.column == 1));
    e = first_error("arg(a)\n", framework_format::apx);
    CHECK((e.line == 1 && e.column == 7));
    e = first_error("arg(a).\natt(a b).\n", framework_format::apx);
    CHECK((e.line == 2 && e.column == 7));
    e = first_error("arg(a).\narg(a).\n", framework_format::apx);
    CHECK((e.line == 2 && e.column == 5));
    CHECK(e.message == "argument 'a' is declared twice");
    e = first_error("arg(a).\n\natt(a,zz).\n", framework_format::apx);
    CHECK((e.line == 3 && e.column == 7));
    CHECK(e.message == "attack on or by an argument never declared: 'zz'");
    e = first_error("arg().\n", framework_format::apx);
    CHECK((e.line == 1 && e.column == 5));
}

TEST_CASE("a tgf file reads its names, a line '#', then its attacks", "[engine]") {
    const auto f = read_ok("1 first\n2\nthree\n#\n1 2 label\nthree 1\n", framework_format::tgf);
    CHECK(f.names == std::vector<std::string>{"1", "2", "three"});
    CHECK(f.framework.attacks() == std::vector<attack>{{0, 1}, {2, 0}});
    CHECK(read_ok("a\nb\n", framework_format::tgf).framework.attack_count() == 0);
    auto e = first_error("a\n#\na b\n", framework_format::tgf);
    CHECK((e.line == 3 && e.column == 3));
    e = first_error("a\n#\na\n", framework_format::tgf);
    CHECK((e.line == 3 && e.column == 2));
    e = first_error("a\na\n", framework_format::tgf);
    CHECK((e.line == 2 && e.column == 1));
}

TEST_CASE("each format writes a framework that reads back the same", "[engine]") {
    std::mt19937 random(7);
    for (int round = 0; round < 50; ++round) {
        const auto n = std::uniform_int_distribution<std::uint32_t>(0, 30)(random);
        std::vector<attack> attacks;
        if (n > 0)
            for (int k = std::uniform_int_distribution<int>(0, 60)(random); k > 0; --k)
                attacks.push_back({std::uniform_int_distribution<std::uint32_t>(0, n - 1)(random),
                                   std::uniform_int_distribution<std::uint32_t>(0, n - 1)(random)});
        named_framework numbered{argumentation_framework(n, attacks), {}};
        named_framework named = numbered;
        for (std::uint32_t a = 0; a < n; ++a) named.names.push_back("a" + std::to_string(a));
        for (const auto f : {framework_format::af, framework_format::apx, framework_format::tgf}) {
            INFO(to_string(f));
            const auto back = read_ok(write_framework(named, f), f);
            CHECK(back.framework == named.framework);
            if (f != framework_format::af) CHECK(back.names == named.names);
        }
        CHECK(read_ok(write_framework(numbered, framework_format::af), framework_format::af) == numbered);
    }
}

TEST_CASE("an .af file written from a named framework lists the names in comments", "[engine]") {
    named_framework f{argumentation_framework(2, std::vector<attack>{{1, 0}}), {"s1", "r1"}};
    CHECK(write_framework(f, framework_format::af) == "p af 2\n# 1 s1\n# 2 r1\n2 1\n");
    CHECK(write_framework(f, framework_format::apx) == "arg(s1).\narg(r1).\natt(r1,s1).\n");
    CHECK(write_framework(f, framework_format::tgf) == "s1\nr1\n#\nr1 s1\n");
}

TEST_CASE("a format is named by its extension", "[engine]") {
    CHECK(framework_format_of_path("x/graph.af") == framework_format::af);
    CHECK(framework_format_of_path("graph.apx") == framework_format::apx);
    CHECK(framework_format_of_path("graph.tgf") == framework_format::tgf);
    CHECK_FALSE(framework_format_of_path("graph.txt").has_value());
    CHECK_FALSE(framework_format_of_path("dir.af/graph").has_value());
    CHECK(parse_framework_format("apx") == framework_format::apx);
}
