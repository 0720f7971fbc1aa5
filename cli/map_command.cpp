#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/text_mapping.hpp"
#include "render/dot_builder.hpp"
#include "render/explanation_writer.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/json_document.hpp"
#include "render/outline_writer.hpp"

namespace argmap::cli {

int run_map(const options& o) {
    const auto format = resolve_format(o, "svg");
    const auto& input = o.inputs.front();
    const std::string text = read_input(input, o.limits.max_input_bytes);
    const std::string name = input == "-" ? std::string("-") : input;
    auto result = map_prose(text, name, o.limits);
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
        out = render::write_json(map, true) + '\n';
    } else if (format == "outline") {
        out = render::to_outline(map);
    } else if (format == "dot") {
        out = render::to_dot(map, dot);
    } else {
        const auto fmt = format == "png"   ? render::output_format::png
                         : format == "pdf" ? render::output_format::pdf
                                           : render::output_format::svg;
        check_layout(name, map, o.limits);
        out = render::render(render::to_dot(map, dot), fmt);
    }
    write_output(o.output, out);
    if (o.explain) {
        // The explanation goes where it does not mix with the map: standard output when the map
        // went to a file, standard error otherwise.
        const bool map_on_stdout = o.output.empty() || o.output == "-";
        (map_on_stdout ? std::cerr : std::cout) << render::to_explanation(map);
    }
    return 0;
}

}  // namespace argmap::cli
