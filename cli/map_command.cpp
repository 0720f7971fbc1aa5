#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/input_format.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/large_pages.hpp"
#include "cli/text_mapping.hpp"
#include "engine/dung_semantics.hpp"
#include "engine/framework_formats.hpp"
#include "engine/map_framework.hpp"
#include "render/aif_document.hpp"
#include "render/argdown_writer.hpp"
#include "render/dot_builder.hpp"
#include "render/explanation_writer.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/html_report.hpp"
#include "render/json_document.hpp"
#include "render/layout_strategy.hpp"
#include "render/outline_writer.hpp"
#include "render/standard_form_writer.hpp"

namespace argmap::cli {
namespace {

/// Before a large Argdown, JSON or AIF input is read. Reading an Argdown document and making its
/// map fill about five and a half to six times its size of memory (10,000 to 425,000 elements,
/// bench/argdown-vs-cli; a JSON or AIF input more, its parsed tree besides), so five times its size
/// is prepared in large pages (cli/large_pages.hpp): the job is sure to fill them. Prose gives maps
/// smaller than its text, so none are prepared for it.
void prepare_memory(const std::string& input, const std::string& from) {
    if (input == "-") return;
    std::error_code ec;
    const auto size = std::filesystem::file_size(input, ec);
    if (ec || size < large_page_bytes / 4) return;
    if (detect_input_format(input, {}, from) == "prose") return;  // by --from or the extension
    use_large_pages(static_cast<std::size_t>(size) * 5);
}

}  // namespace

int run_map(const options& o) {
    const auto format = resolve_format(o, "svg");
    if (o.dpi != 0 && format != "png" && format != "dot")
        throw usage_error("--dpi sets the resolution of png output (or of dot, for later use), not of " + format);
    if ((o.exercise || o.answer_key) && format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw usage_error("--exercise and --answer-key make diagrams: use svg, png, pdf or dot, not " + format);
    const auto& input = o.inputs.front();
    prepare_memory(input, o.from);
    std::string text = read_input(input, o.limits.max_input_bytes);
    const std::string name = input == "-" ? std::string("-") : input;
    const auto from = detect_input_format(input, text, o.from);
    auto read = read_map(std::move(text), name, from, o.limits);
    std::cerr << format_warnings(name, read.warnings);
    auto& result = read.map;
    if (!result.ok()) {
        std::cerr << format_diagnostics(name, result.errors);
        return 1;
    }
    const auto& map = *result.value;

    // Which statements stand (engine/map_framework.hpp), shown in every output that has room.
    std::optional<engine::map_status> status;
    if (!o.no_status) {
        const auto semantics = engine::parse_semantics(o.semantics);
        if (!semantics) throw usage_error("unknown semantics '" + o.semantics + "'");
        try {
            status = engine::evaluate_map(map, *semantics, engine::search_limit{50'000'000});
        } catch (const engine::search_limit_exceeded& e) {
            std::cerr << name << ": error: " << e.what() << "; use --semantics grounded, or --no-status\n";
            return 1;
        }
    }
    const engine::map_status* shown = status ? &*status : nullptr;

    render::dot_options dot;
    dot.status = status;
    dot.theme = o.theme == "colorblind" ? render::dot_theme::colorblind
                : o.theme == "print"    ? render::dot_theme::print
                                        : render::dot_theme::standard;
    dot.direction = o.direction == "up" ? render::dot_direction::up : render::dot_direction::down;
    dot.dpi = o.dpi;
    if (o.exercise || o.answer_key) {
        dot.exercise = o.answer_key ? render::dot_exercise::answer_key : render::dot_exercise::worksheet;
        dot.seed = o.seed;
    }

    // Above the size where dot gets slow, another layout strategy (one line on standard error).
    render::layout_plan plan;
    if (format == "svg" || format == "png" || format == "pdf" || format == "dot") {
        plan = render::choose_layout(map.statements().size(), map.relations().size());
        dot.graph_attributes = plan.graph_attributes;
        dot.fixed_layout = plan.fixed_positions;
        if (!plan.note.empty())
            std::cerr << "argmap: " << plan.note
                      << (format == "dot" ? " (render this DOT with: dot -K" + plan.engine + ")" : std::string()) << '\n';
    }

    std::string out;
    if (format == "json") {
        // streamed: the document of a large map is never held whole
        write_output(o.output, [&](std::ostream& os) {
            render::write_json(map, true, os, shown);
            os << '\n';
        });
    } else if (format == "aif") {
        out = render::write_aif(map, true) + '\n';
    } else if (format == "argdown") {
        out = render::write_argdown(map);
    } else if (format == "outline") {
        out = render::to_outline(map, shown);
    } else if (const auto framework = engine::parse_framework_format(format)) {
        out = engine::write_framework(engine::to_framework(map).framework, *framework);
    } else if (format == "standard-form" || format == "standard-form-md") {
        out = render::to_standard_form(map, format == "standard-form" ? render::standard_form_style::text
                                                                      : render::standard_form_style::markdown);
    } else if (format == "dot") {
        out = render::to_dot(map, dot);
    } else if (format == "html") {
        check_layout(name, map, o.limits);
        out = render::to_html_report(map, {dot});
    } else {
        const auto fmt = format == "png"   ? render::output_format::png
                         : format == "pdf" ? render::output_format::pdf
                                           : render::output_format::svg;
        check_layout(name, map, o.limits);
        out = render::render(render::to_dot(map, dot), fmt, plan.engine);
    }
    if (format != "json") write_output(o.output, out);
    if (o.explain) {
        // The explanation goes where it does not mix with the map: standard output when the map
        // went to a file, standard error otherwise.
        const bool map_on_stdout = o.output.empty() || o.output == "-";
        (map_on_stdout ? std::cerr : std::cout) << render::to_explanation(map);
    }
    keep_until_exit(std::move(read));  // the command ends here: not freed piece by piece
    return 0;
}

int run_check(const options& o) {
    const auto& input = o.inputs.front();
    prepare_memory(input, o.from);
    std::string text = read_input(input, o.limits.max_input_bytes);
    const auto from = detect_input_format(input, text, o.from);
    const auto read = read_map(std::move(text), input, from, o.limits);
    std::cerr << format_diagnostics(input, read.map.errors) << format_warnings(input, read.warnings);
    return read.map.ok() ? 0 : 1;
}

}  // namespace argmap::cli
