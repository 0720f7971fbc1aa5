#include "cli/text_mapping.hpp"

#include "engine/reconstruction.hpp"
#include "grammar/prose_parser.hpp"

namespace argmap::cli {

engine::parse_result<engine::argument_map> map_prose(std::string_view text, const std::string& name,
                                                     const input_limits& limits) {
    auto parsed = grammar::parse_prose(text);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.errors)};
    std::size_t sentences = 0;
    for (const auto& p : parsed.value->paragraphs) sentences += p.sentences.size();
    check_units(name, sentences, limits, "units (sentences)");
    auto map = engine::reconstruct(*parsed.value, name);
    check_map(name, map, limits);
    return {std::move(map), {}};
}

std::string format_diagnostics(const std::string& name, const std::vector<engine::diagnostic>& diagnostics,
                               std::string_view severity) {
    std::string out;
    for (const auto& d : diagnostics)
        out += name + ':' + std::to_string(d.line) + ':' + std::to_string(d.column) + ": " + std::string(severity) +
               ": " + d.message + '\n';
    return out;
}

}  // namespace argmap::cli
