#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/text_mapping.hpp"
#include "engine/comparison.hpp"
#include "grammar/snowball_stemmer.hpp"
#include "render/comparison_writer.hpp"
#include "render/dot_builder.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/html_report.hpp"
#include "render/json_document.hpp"

namespace argmap::cli {

int run_compare(const options& o) {
    const auto format = resolve_format(o, "text");
    std::vector<engine::argument_map> maps;
    bool failed = false;
    for (const auto& input : o.inputs) {
        const std::string text = read_input(input);
        auto result = map_prose(text, input);
        if (!result.ok()) {
            std::cerr << format_diagnostics(input, result.errors);
            failed = true;
            continue;
        }
        maps.push_back(std::move(*result.value));
    }
    if (failed) return 1;

    auto merged = engine::merge_maps(std::move(maps));
    grammar::snowball_stemmer stemmer;
    const engine::term_extractor stem = [&stemmer](std::string_view word) { return stemmer.stem(word); };
    for (const auto& a : engine::align(merged, stem)) merged.add_alignment(a);

    std::string out;
    if (format == "json") {
        out = render::write_json(merged, true) + '\n';
    } else if (format == "text") {
        out = render::to_comparison_text(merged, engine::summarize(merged));
    } else if (format == "dot") {
        out = render::to_dot(merged);
    } else if (format == "html") {
        out = render::to_html_comparison(merged, engine::summarize(merged));
    } else if (format == "svg" || format == "png" || format == "pdf") {
        const auto fmt = format == "png"   ? render::output_format::png
                         : format == "pdf" ? render::output_format::pdf
                                           : render::output_format::svg;
        out = render::render(render::to_dot(merged), fmt);
    } else {
        throw usage_error("compare cannot write format '" + format + "' (text, json, dot, svg, png, pdf, html)");
    }
    write_output(o.output, out);
    return 0;
}

}  // namespace argmap::cli
