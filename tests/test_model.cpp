#include <catch2/catch.hpp>
#include "engine/model.hpp"
TEST_CASE("placeholder", "[engine]") { REQUIRE(true); }
