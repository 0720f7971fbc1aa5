// Fuzz target: the readers of the ICCMA framework formats (af, apx, tgf; the first byte picks
// one). Checks: errors have a position and a message; a framework that reads writes out in the
// same format, reads back the same, and writing that gives the same bytes; the grounded
// labelling and a bounded search for a preferred and a stable labelling run on it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/dung_semantics.hpp"
#include "engine/framework_formats.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace argmap::engine;
    if (size == 0) return 0;
    const framework_format formats[] = {framework_format::af, framework_format::apx, framework_format::tgf};
    const auto format = formats[data[0] % 3];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto read = read_framework(text, format);
    if (!read.ok()) {
        ARGMAP_FUZZ_CHECK(!read.errors.empty());
        for (const auto& d : read.errors) ARGMAP_FUZZ_CHECK(d.line >= 1 && d.column >= 1 && !d.message.empty());
        return 0;
    }
    const auto& f = *read.value;
    // An .af header may declare millions of arguments in a few bytes: keep the rest for small ones.
    if (f.framework.argument_count() > 100000) return 0;
    const auto written = write_framework(f, format);
    const auto again = read_framework(written, format);
    ARGMAP_FUZZ_CHECK(again.ok());
    ARGMAP_FUZZ_CHECK(*again.value == f);
    ARGMAP_FUZZ_CHECK(write_framework(*again.value, format) == written);
    const auto grounded = grounded_labelling(f.framework);
    ARGMAP_FUZZ_CHECK(grounded.size() == f.framework.argument_count());
    // Growing a preferred labelling may try every undecided argument, each at a cost linear in
    // the framework: keep the searches to frameworks small enough to stay within the time limit.
    if (f.framework.argument_count() > 5000) return 0;
    try {
        const auto preferred = some_labelling(f.framework, semantics::preferred, search_limit{20000});
        ARGMAP_FUZZ_CHECK(preferred.has_value());
        for (std::uint32_t a = 0; a < f.framework.argument_count(); ++a)
            if (grounded[a] == label::in) ARGMAP_FUZZ_CHECK((*preferred)[a] == label::in);
        (void)some_labelling(f.framework, semantics::stable, search_limit{20000});
    } catch (const search_limit_exceeded&) {
        // a bounded search may give up; that is its contract
    }
    return 0;
}
