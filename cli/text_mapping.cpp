#include "cli/text_mapping.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "engine/reconstruction.hpp"
#include "grammar/prose_parser.hpp"

namespace argmap::cli {

std::string reconstruction_model_path() {
    if (const char* env = std::getenv("ARGMAP_MODEL"); env && *env) return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "argmap" / "reconstruction.model";
        if (std::filesystem::exists(installed, ec)) return installed.string();
    }
    return ARGMAP_SOURCE_MODEL;
}

const engine::reconstruction_model& reconstruction_model() {
    static const engine::reconstruction_model model = engine::read_model_file(reconstruction_model_path());
    return model;
}

engine::parse_result<engine::argument_map> map_prose(std::string_view text, const std::string& name,
                                                     const input_limits& limits) {
    auto parsed = grammar::parse_prose(text);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.errors)};
    std::size_t sentences = 0;
    for (const auto& p : parsed.value->paragraphs) sentences += p.sentences.size();
    check_units(name, sentences, limits, "units (sentences)");
    // ARGMAP_RULES_ONLY=1: the hand rules' own map, the baseline scripts/evaluate-microtexts reports
    static const bool rules_only = std::getenv("ARGMAP_RULES_ONLY") && std::string_view(std::getenv("ARGMAP_RULES_ONLY")) == "1";
    auto map = rules_only ? engine::reconstruct_by_rules(*parsed.value, name)
                          : engine::reconstruct(*parsed.value, name, reconstruction_model());
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
