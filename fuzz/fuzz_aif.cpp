// Fuzz target: the AIF reader (AIFdb nodesets and OVA's wrapper). Checks: errors have a position
// and a message; a nodeset that reads writes out as AIF that passes check_aif (when it has
// relations to write) and reads again, and writing that gives the same bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_check.hpp"
#include "render/aif_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto read = argmap::render::read_aif(text, "fuzz.json");
    if (!read.ok()) {
        ARGMAP_FUZZ_CHECK(!read.errors.empty());
        for (const auto& d : read.errors) ARGMAP_FUZZ_CHECK(d.line >= 1 && d.column >= 1 && !d.message.empty());
        return 0;
    }
    const auto written = argmap::render::write_aif(*read.value, false);
    ARGMAP_FUZZ_CHECK(argmap::render::check_aif(nlohmann::json::parse(written)).empty());
    const auto again = argmap::render::read_aif(written, "fuzz.json");
    ARGMAP_FUZZ_CHECK(again.ok());
    ARGMAP_FUZZ_CHECK(argmap::render::write_aif(*again.value, false) == written);
    return 0;
}
