#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>

#include "grammar/snowball_stemmer.hpp"

using argmap::grammar::snowball_stemmer;

static_assert(!std::is_copy_constructible_v<snowball_stemmer>, "one stemmer per thread: not copyable");
static_assert(!std::is_copy_assignable_v<snowball_stemmer>, "one stemmer per thread: not copyable");
static_assert(std::is_nothrow_move_constructible_v<snowball_stemmer>, "a stemmer can be moved");

TEST_CASE("The Snowball stemmer reduces English inflections to one stem", "[grammar]") {
    snowball_stemmer s;
    CHECK(s.stem("countries") == "countri");
    CHECK(s.stem("islands") == "island");
    CHECK(s.stem("improving") == s.stem("improved"));
    CHECK(s.stem("improving") == "improv");
    CHECK(s.stem("relations") == "relat");
    CHECK(s.stem("running") == "run");
    CHECK(s.stem("deteriorating") == s.stem("deteriorate"));
}

TEST_CASE("The Snowball stemmer gives back an empty word and leaves unknown scripts whole", "[grammar]") {
    snowball_stemmer s;
    CHECK(s.stem("").empty());
    CHECK(s.stem("café") == "café");
    CHECK(s.stem("Москва") == "Москва");
    const std::string invalid = "\xff\xfe";  // not UTF-8: stemmed as given, no crash
    CHECK_NOTHROW(s.stem(invalid));
}

TEST_CASE("A stem stays valid after the stemmer is used again", "[grammar]") {
    snowball_stemmer s;
    const std::string first = s.stem("negotiations");
    const std::string second = s.stem("sanctions");
    CHECK(first == "negoti");
    CHECK(second == "sanction");
}

TEST_CASE("A moved Snowball stemmer keeps working", "[grammar]") {
    snowball_stemmer a;
    snowball_stemmer b(std::move(a));
    CHECK(b.stem("treaties") == "treati");
}
