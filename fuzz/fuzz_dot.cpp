// Fuzz target: DOT generation (to_dot) from a map, without Graphviz. The first byte chooses the
// options and where the map comes from (bit 7 set: the rest is an argmap JSON document, else
// prose that is parsed and reconstructed); the second byte is the wrap width. Checks: the output
// is one digraph, and no input text reaches it unescaped (no '<script', no backslash: the
// builder writes neither itself, so either would have come from the input).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/rules.hpp"
#include "fuzz/fuzz_check.hpp"
#include "grammar/prose_parser.hpp"
#include "render/dot_builder.hpp"
#include "render/json_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const unsigned mode = data[0];
    argmap::render::dot_options options;
    options.theme = static_cast<argmap::render::dot_theme>(mode % 3);
    options.direction = (mode & 4) ? argmap::render::dot_direction::up : argmap::render::dot_direction::down;
    options.legend = (mode & 8) == 0;
    options.max_label_chars = (mode & 16) ? 20 : 1000;
    options.wrap_width = data[1] % 64;
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

    std::optional<argmap::engine::argument_map> map;
    if (mode & 128) {
        auto read = argmap::render::read_json(text);
        if (!read.ok()) return 0;
        map = std::move(read.value);
    } else {
        const auto parsed = argmap::grammar::parse_prose(text);
        if (!parsed.ok()) return 0;
        map = argmap::engine::reconstruct_by_rules(*parsed.value, "fuzz.txt");
    }
    const auto dot = argmap::render::to_dot(*map, options);
    ARGMAP_FUZZ_CHECK(dot.rfind("digraph argmap {\n", 0) == 0);
    ARGMAP_FUZZ_CHECK(dot.size() >= 2 && dot.compare(dot.size() - 2, 2, "}\n") == 0);
    ARGMAP_FUZZ_CHECK(dot.find("<script") == std::string::npos);
    ARGMAP_FUZZ_CHECK(dot.find('\\') == std::string::npos);
    return 0;
}
