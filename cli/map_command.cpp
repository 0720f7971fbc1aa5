#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/input_format.hpp"
#include "cli/text_mapping.hpp"
#include "render/aif_document.hpp"
#include "render/argdown_writer.hpp"
#include "render/dot_builder.hpp"
#include "render/explanation_writer.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/json_document.hpp"
#include "render/outline_writer.hpp"

namespace argmap::cli {

int run_map(const options& o) {
    const auto format = resolve_format(o, "svg");
    const auto& input = o.inputs.front();
    std::string text = read_input(input);
    const std::string name = input == "-" ? std::string("-") : input;
    const auto from = detect_input_format(input, text, o.from);
    auto read = read_map(std::move(text), name, from);
    std::cerr << format_warnings(name, read.warnings);
    auto& result = read.map;
    if (!result.ok()) {
        std::cerr << format_diagnostics(name, result.errors);
        return 1;
    }
    const auto& map = *result.value;

    render::dot_options dot;
    dot.theme = o.theme == "colorblind" ? render::dot_theme::colorblind
                : o.theme == "print"    ? render::dot_theme::print
                                        : render::dot_theme::standard;
    dot.direction = o.direction == "up" ? render::dot_direction::up : render::dot_direction::down;

    std::string out;
    if (format == "json") {
        // streamed: the document of a large map is never held whole
        write_output(o.output, [&](std::ostream& os) {
            render::write_json(map, true, os);
            os << '\n';
        });
    } else if (format == "aif") {
        out = render::write_aif(map, true) + '\n';
    } else if (format == "argdown") {
        out = render::write_argdown(map);
    } else if (format == "outline") {
        out = render::to_outline(map);
    } else if (format == "dot") {
        out = render::to_dot(map, dot);
    } else {
        const auto fmt = format == "png"   ? render::output_format::png
                         : format == "pdf" ? render::output_format::pdf
                                           : render::output_format::svg;
        out = render::render(render::to_dot(map, dot), fmt);
    }
    if (format != "json") write_output(o.output, out);
    if (o.explain) {
        // The explanation goes where it does not mix with the map: standard output when the map
        // went to a file, standard error otherwise.
        const bool map_on_stdout = o.output.empty() || o.output == "-";
        (map_on_stdout ? std::cerr : std::cout) << render::to_explanation(map);
    }
    return 0;
}

int run_check(const options& o) {
    const auto& input = o.inputs.front();
    std::string text = read_input(input);
    const auto from = detect_input_format(input, text, o.from);
    const auto read = read_map(std::move(text), input, from);
    std::cerr << format_diagnostics(input, read.map.errors) << format_warnings(input, read.warnings);
    return read.map.ok() ? 0 : 1;
}

}  // namespace argmap::cli
