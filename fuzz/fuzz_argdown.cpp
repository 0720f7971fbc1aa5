// Fuzz target: the Argdown notation parser (grammar only; the mapping into the model is not
// fuzzed here). Checks: a value is always set; errors come sorted by position, each with a
// position and a message.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "grammar/argdown_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = argmap::grammar::parse_argdown(text);
    ARGMAP_FUZZ_CHECK(parsed.value.has_value());
    std::size_t line = 0, column = 0;
    for (const auto& d : parsed.errors) {
        ARGMAP_FUZZ_CHECK(d.line >= 1 && d.column >= 1 && !d.message.empty());
        ARGMAP_FUZZ_CHECK(d.line > line || (d.line == line && d.column >= column));
        line = d.line;
        column = d.column;
    }
    return 0;
}
