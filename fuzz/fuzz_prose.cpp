// Fuzz target: the prose grammar (document structure, sentences, markers) and reconstruction.
// Checks: every span of the structure and of the map lies inside the input; errors have a
// position; a reconstructed map has exactly one source and at least one central claim.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/reconstruction.hpp"
#include "engine/rules.hpp"
#include "fuzz/fuzz_check.hpp"
#include "grammar/prose_parser.hpp"

namespace {

bool inside(argmap::engine::span s, std::size_t size) { return s.begin <= s.end && s.end <= size; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = argmap::grammar::parse_prose(text);
    if (!parsed.ok()) {
        ARGMAP_FUZZ_CHECK(!parsed.errors.empty());
        for (const auto& d : parsed.errors) ARGMAP_FUZZ_CHECK(d.line >= 1 && d.column >= 1 && !d.message.empty());
        return 0;
    }
    const auto& doc = *parsed.value;
    ARGMAP_FUZZ_CHECK(inside(doc.title, size));
    for (const auto& p : doc.paragraphs) {
        ARGMAP_FUZZ_CHECK(inside(p.where, size));
        for (const auto& s : p.sentences) {
            ARGMAP_FUZZ_CHECK(inside(s.where, size));
            for (const auto& m : s.markers) ARGMAP_FUZZ_CHECK(inside(m.where, size));
        }
    }
    // the learned reconstruction, too: one main claim, every relation between known statements
    static const auto model = argmap::engine::read_model_file(ARGMAP_SOURCE_MODEL);
    const auto learned = argmap::engine::reconstruct(doc, "fuzz.txt", model);
    std::size_t learned_central = 0;
    for (const auto& s : learned.statements()) learned_central += s.central;
    ARGMAP_FUZZ_CHECK(learned.statements().empty() || learned_central == 1);
    const auto map = argmap::engine::reconstruct_by_rules(doc, "fuzz.txt");
    ARGMAP_FUZZ_CHECK(map.sources().size() == 1);
    ARGMAP_FUZZ_CHECK(map.sources().front().text.size() == size);
    bool central = false;
    for (const auto& s : map.statements()) {
        central = central || s.central;
        for (const auto& sp : s.spans) ARGMAP_FUZZ_CHECK(inside(sp, size));
    }
    ARGMAP_FUZZ_CHECK(central);
    return 0;
}
