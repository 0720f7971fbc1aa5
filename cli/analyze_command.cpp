// argmap analyze: a map's structure and statuses, or an abstract framework solved as an ICCMA
// solver does.

#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/input_format.hpp"
#include "cli/text_mapping.hpp"
#include "engine/dung_semantics.hpp"
#include "engine/framework_formats.hpp"
#include "engine/map_framework.hpp"
#include "engine/structure_report.hpp"
#include "render/analysis_report.hpp"

namespace argmap::cli {
namespace {

/// How many labels the search for a map's preferred or stable statuses may try: far more than
/// any map written by hand needs, and a bound on a generated map full of cycles.
constexpr engine::search_limit map_search_limit{50'000'000};

engine::semantics semantics_of(const options& o) {
    const auto s = engine::parse_semantics(o.semantics);
    if (!s) throw usage_error("unknown semantics '" + o.semantics + "'");
    return *s;
}

/// ICCMA'23 solver output for one extension: "w" and the accepted arguments' names.
void write_extension(std::ostream& out, const engine::named_framework& f, const engine::labelling& l) {
    std::string line = "w";
    line.reserve(l.size() * 4);
    for (std::uint32_t a = 0; a < l.size(); ++a)
        if (l[a] == engine::label::in) {
            line += ' ';
            line += f.name(a);
        }
    line += '\n';
    out << line;
}

int analyze_framework(const options& o, const std::string& text, engine::framework_format input) {
    const auto& name = o.inputs.front();
    const auto read = engine::read_framework(text, input);
    if (!read.ok()) {
        std::cerr << format_diagnostics(name, read.errors);
        return 1;
    }
    const auto& f = *read.value;
    const auto format = resolve_format(o, "text");
    if (const auto as = engine::parse_framework_format(format)) {
        write_output(o.output, engine::write_framework(f, *as));
        return 0;
    }
    const auto semantics = semantics_of(o);
    const auto labels = engine::some_labelling(f.framework, semantics);
    if (format == "json") {
        nlohmann::ordered_json j;
        j["semantics"] = engine::to_string(semantics);
        if (!labels) {
            j["labelling"] = nullptr;
        } else {
            nlohmann::ordered_json in = nlohmann::ordered_json::array(), out = in, undecided = in;
            for (std::uint32_t a = 0; a < labels->size(); ++a) {
                auto& list = (*labels)[a] == engine::label::in ? in : (*labels)[a] == engine::label::out ? out : undecided;
                list.push_back(f.name(a));
            }
            j["labelling"] = {{"in", std::move(in)}, {"out", std::move(out)}, {"undecided", std::move(undecided)}};
        }
        write_output(o.output, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
        return 0;
    }
    write_output(o.output, [&](std::ostream& out) {
        if (labels) write_extension(out, f, *labels);
        else out << "NO\n";
    });
    return 0;
}

}  // namespace

int run_analyze(const options& o) {
    const auto& input = o.inputs.front();
    std::string text = read_input(input, o.limits.max_input_bytes);
    const auto framework_input = !o.from.empty() ? engine::parse_framework_format(o.from)
                                                 : engine::framework_format_of_path(input);
    if (framework_input) return analyze_framework(o, text, *framework_input);

    const auto from = detect_input_format(input, text, o.from);
    auto read = read_map(std::move(text), input, from, o.limits);
    std::cerr << format_warnings(input, read.warnings);
    if (!read.map.ok()) {
        std::cerr << format_diagnostics(input, read.map.errors);
        return 1;
    }
    const auto& map = *read.map.value;
    const auto format = resolve_format(o, "text");
    if (const auto as = engine::parse_framework_format(format)) {
        write_output(o.output, engine::write_framework(engine::to_framework(map).framework, *as));
        return 0;
    }
    engine::map_status status;
    try {
        status = engine::evaluate_map(map, semantics_of(o), map_search_limit);
    } catch (const engine::search_limit_exceeded& e) {
        std::cerr << input << ": error: " << e.what() << "; use --semantics grounded, which is always fast\n";
        return 1;
    }
    const auto report = engine::analyze_structure(map, status);
    write_output(o.output, format == "json" ? render::analysis_json(map, status, report)
                                            : render::analysis_text(map, status, report));
    return 0;
}

}  // namespace argmap::cli
