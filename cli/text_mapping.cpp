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

bool learned_reconstruction() {
    const char* env = std::getenv("ARGMAP_RECONSTRUCTION");
    if (!env || !*env || std::string_view(env) == "rules") return false;
    if (std::string_view(env) == "learned") return true;
    throw engine::model_error("ARGMAP_RECONSTRUCTION is \"" + std::string(env) + "\"; it may be \"rules\" or \"learned\"");
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
    auto map = learned_reconstruction() ? engine::reconstruct(*parsed.value, name, reconstruction_model())
                                        : engine::reconstruct_by_rules(*parsed.value, name);
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
