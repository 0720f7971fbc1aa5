// Writes a random framework (bench/framework_generator.hpp) as an ICCMA .af file to standard output.
//   usage: argmap_framework_generate ATTACKS debate|uniform [SEED]

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/framework_formats.hpp"
#include "framework_generator.hpp"

int main(int argc, char** argv) {
    using namespace argmap;
    if (argc < 3 || (std::string_view(argv[2]) != "debate" && std::string_view(argv[2]) != "uniform")) {
        std::fprintf(stderr, "usage: argmap_framework_generate ATTACKS debate|uniform [SEED]\n");
        return 2;
    }
    const auto shape = std::string_view(argv[2]) == "debate" ? bench::framework_shape::debate : bench::framework_shape::uniform;
    const auto g = bench::generate_framework(std::strtoull(argv[1], nullptr, 10), shape,
                                             argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1);
    const engine::named_framework f{engine::argumentation_framework(g.arguments, g.attacks), {}};
    const auto text = engine::write_framework(f, engine::framework_format::af);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}
