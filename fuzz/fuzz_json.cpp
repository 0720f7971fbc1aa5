// Fuzz target: the argmap JSON document reader. Checks: errors have a position and a message; a
// document that reads writes out as a document that reads again, and writing that gives the
// same bytes (a saved map re-renders unchanged).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "render/json_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto read = argmap::render::read_json(text);
    if (!read.ok()) {
        ARGMAP_FUZZ_CHECK(!read.errors.empty());
        for (const auto& d : read.errors) ARGMAP_FUZZ_CHECK(d.line >= 1 && d.column >= 1 && !d.message.empty());
        return 0;
    }
    const auto written = argmap::render::write_json(*read.value, false);
    const auto again = argmap::render::read_json(written);
    ARGMAP_FUZZ_CHECK(again.ok());
    ARGMAP_FUZZ_CHECK(argmap::render::write_json(*again.value, false) == written);
    return 0;
}
