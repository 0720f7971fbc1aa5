#include "render/html_report.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "engine/roles.hpp"
#include "render/analysis_report.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/html_page.hpp"
#include "render/html_source_text.hpp"
#include "render/json_document.hpp"
#include "render/outline_writer.hpp"

namespace argmap::render {

namespace {

using detail::escape_for_html;
using engine::statement_id;
using engine::statement_role;

std::string node_name(statement_id id) { return "s" + std::to_string(id.value + 1); }

std::string source_caption(const engine::source& s, engine::source_id id) {
    if (!s.title.empty()) return s.title;
    if (!s.name.empty() && s.name != "-") return s.name;
    return "Text " + json_id(id);
}

bool any_other(const std::vector<statement_role>& roles) {
    return std::find(roles.begin(), roles.end(), statement_role::other) != roles.end();
}

std::string role_class(const std::vector<statement_role>& roles, statement_id id) {
    return std::string("role-") + engine::to_string(id.value < roles.size() ? roles[id.value] : statement_role::other);
}

/// A clickable reference to a statement: its source's tag (when asked), its number, its text.
std::string statement_ref(const engine::argument_map& map, const std::vector<statement_role>& roles,
                          statement_id id, bool with_source) {
    const auto& st = map.at(id);
    std::string out = "<span class=\"ref " + role_class(roles, id) + "\" data-s=\"" + node_name(id) +
                      "\" tabindex=\"0\" role=\"button\">";
    if (with_source) out += "<span class=\"source-tag\">" + escape_for_html(json_id(st.source)) + "</span>";
    out += "<span class=\"num\">" + std::to_string(id.value + 1) + "</span>" + escape_for_html(st.text) + "</span>";
    return out;
}

std::string diagram_section(const engine::argument_map& map, const html_options& options, const char* heading,
                            const char* classes) {
    const std::string svg = detail::inline_svg(render(to_dot(map, options.diagram), output_format::svg));
    return std::string("<section class=\"") + classes + "\" aria-label=\"Diagram\">"
           "<div class=\"pane-head\"><h2>" + heading +
           "</h2><button type=\"button\" id=\"zoom\">Fit to pane</button></div>\n<div id=\"diagram\">" + svg +
           "</div>\n</section>\n";
}

std::string source_text_block(const engine::argument_map& map, engine::source_id id,
                              const std::vector<statement_role>& roles) {
    return "<div class=\"source-text\" data-source=\"" + escape_for_html(json_id(id)) + "\">" +
           detail::highlighted_source_text(map, id, roles) + "</div>\n";
}

/// The outline (outline_writer.hpp), each "[n] text" made a reference to statement n.
std::string outline_section(const engine::argument_map& map, const std::vector<statement_role>& roles,
                            const engine::map_status* status) {
    const std::string outline = to_outline(map, status);
    std::string out = "<section id=\"outline\" class=\"pane wide\" aria-label=\"Outline\"><h2>Outline</h2>"
                      "<div class=\"outline-lines\">";
    std::size_t pos = 0;
    while (pos < outline.size()) {
        std::size_t eol = outline.find('\n', pos);
        if (eol == std::string::npos) eol = outline.size();
        const std::string_view line(outline.data() + pos, eol - pos);
        // The first "[digits]" of a line is its statement's number: nothing before it holds one.
        std::size_t open = line.find('[');
        std::size_t close = open == std::string_view::npos ? open : line.find(']', open);
        std::uint32_t number = 0;
        bool numbered = close != std::string_view::npos && close > open + 1 && close - open <= 10;
        for (std::size_t k = open + 1; numbered && k < close; ++k) {
            if (line[k] < '0' || line[k] > '9') numbered = false;
            else number = number * 10 + static_cast<std::uint32_t>(line[k] - '0');
        }
        numbered = numbered && number >= 1 && number <= map.statements().size();
        out += "<div class=\"outline-line\">";
        if (numbered) {
            const statement_id id{number - 1};
            out += escape_for_html(line.substr(0, open));
            out += "<span class=\"ref " + role_class(roles, id) + "\" data-s=\"" + node_name(id) +
                   "\" tabindex=\"0\" role=\"button\"><span class=\"num\">[" + std::to_string(number) + "]</span>" +
                   escape_for_html(line.substr(line.size() > close + 1 && line[close + 1] == ' ' ? close + 2 : close + 1)) +
                   "</span>";
        } else {
            out += escape_for_html(line);
        }
        out += "</div>";
        pos = eol + 1;
    }
    return out + "</div></section>\n";
}

/// Each attack and undercut with what it does under the statuses: a button that, clicked, says
/// what the attack defeats (or what answers it) and marks that in the diagram and the text. The
/// attack's data-from names its premises, data-defeats the statement it defeats (empty when it
/// defeats none: answered, undecided, or an undercut, which defeats an inference).
std::string attacks_section(const engine::argument_map& map, const engine::map_status& status) {
    std::string items;
    for (std::uint32_t r = 0; r < map.relations().size(); ++r) {
        const auto& rel = map.relations()[r];
        if (rel.type == engine::relation_type::support) continue;
        const engine::relation_id id{r};
        std::string from, premises;
        for (const auto p : rel.from) {
            from += (from.empty() ? "" : " ") + node_name(p);
            premises += (premises.empty() ? "[" : " + [") + std::to_string(p.value + 1) + "]";
        }
        std::string what, defeats;
        const auto* claim = std::get_if<statement_id>(&rel.to);
        if (claim) {
            what = premises + " against [" + std::to_string(claim->value + 1) + "]";
        } else {
            const auto& cut = map.at(std::get<engine::relation_id>(rel.to));
            std::string cut_premises;
            for (const auto p : cut.from) cut_premises += (cut_premises.empty() ? "[" : " + [") + std::to_string(p.value + 1) + "]";
            what = premises + " undercuts " + cut_premises + " \u2192 [" +
                   std::to_string(engine::target_statement(map, std::get<engine::relation_id>(rel.to)).value + 1) + "]";
        }
        std::string verdict;
        switch (status.relations[r]) {
            case engine::label::in:
                if (claim) {
                    defeats = node_name(*claim);
                    verdict = "defeats [" + std::to_string(claim->value + 1) + "] " + map.at(*claim).text;
                } else {
                    verdict = "defeats the inference: the conclusion no longer follows from these premises";
                }
                break;
            case engine::label::out: verdict = "answered: " + why_not(map, status, id); break;
            case engine::label::undecided: verdict = "undecided: the weighing does not settle it"; break;
        }
        items += "<li class=\"attack status-" + std::string(engine::to_string(status.relations[r])) + "\" data-attack=\"" +
                 json_id(id) + "\" data-from=\"" + from + "\" data-defeats=\"" + defeats +
                 "\" tabindex=\"0\" role=\"button\"><span class=\"what\">" + escape_for_html(what) +
                 "</span> <span class=\"verdict\">" + escape_for_html(verdict) + "</span></li>";
    }
    if (items.empty()) return "";
    return std::string("<section id=\"attacks\" class=\"pane wide\" aria-label=\"Attacks\"><h2>Attacks and what they defeat (") +
           engine::to_string(status.used) + " semantics)</h2><p class=\"hint\">Click an attack to see what it defeats.</p><ul>" +
           items + "</ul></section>\n";
}

std::string page_footer(const engine::argument_map& map) {
    std::string names;
    for (const auto& s : map.sources()) {
        if (!names.empty()) names += ", ";
        names += s.name.empty() || s.name == "-" ? std::string("standard input") : s.name;
    }
    return "<footer class=\"page\">Made by argmap from " + escape_for_html(names) +
           ". The numbers in the text are the numbers of the diagram's boxes.</footer>\n";
}

std::string score_text(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", score);
    return buffer;
}

std::string pair_list(const engine::argument_map& map, const std::vector<statement_role>& roles,
                      const std::vector<engine::alignment>& pairs, const char* css_class) {
    if (pairs.empty()) return "<p class=\"none\">None found.</p>\n";
    std::string out = std::string("<ul class=\"pairs ") + css_class + "\">";
    for (const auto& a : pairs) {
        out += "<li>" + statement_ref(map, roles, a.first, true) + statement_ref(map, roles, a.second, true) +
               "<span class=\"score\" title=\"similarity\">" + score_text(a.score) + "</span></li>";
    }
    return out + "</ul>\n";
}

std::string report_title(const engine::argument_map& map) {
    std::string title;
    for (std::uint32_t i = 0; i < map.sources().size(); ++i) {
        if (!title.empty()) title += " / ";
        title += source_caption(map.sources()[i], engine::source_id{i});
    }
    return title.empty() ? std::string("Argument map") : title;
}

}  // namespace

std::string to_html_report(const engine::argument_map& map, const html_options& options) {
    const auto roles = engine::statement_roles(map);
    const auto theme = options.diagram.theme;
    const auto& sources = map.sources();
    std::string out = detail::page_start(report_title(map) + " \u2014 argument map", theme);
    out += "<body data-report=\"map\">\n<header class=\"page\"><p class=\"kind\">Argument map</p><h1>" +
           escape_for_html(report_title(map)) + "</h1>";
    if (sources.size() == 1 && !sources.front().byline.empty())
        out += "<p class=\"byline\">" + escape_for_html(sources.front().byline) + "</p>";
    out += detail::role_legend(theme, any_other(roles));
    out += "</header>\n<main class=\"layout-map\">\n";
    out += diagram_section(map, options, "Map", "pane sticky scroll-pane diagram-pane");
    out += "<section class=\"pane sticky scroll-pane text-pane\" aria-label=\"Text\"><h2>Text</h2>\n";
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
        const engine::source_id id{i};
        if (sources.size() > 1) {
            out += "<h3>" + escape_for_html(source_caption(sources[i], id)) + "</h3>";
            if (!sources[i].byline.empty()) out += "<p class=\"byline\">" + escape_for_html(sources[i].byline) + "</p>";
        }
        out += source_text_block(map, id, roles);
    }
    out += "</section>\n</main>\n";
    const auto& status = options.diagram.status;
    if (status && status->relations.size() == map.relations().size()) out += attacks_section(map, *status);
    out += outline_section(map, roles, status ? &*status : nullptr);
    out += page_footer(map);
    out += detail::page_end();
    return out;
}

std::string to_html_comparison(const engine::argument_map& map, const engine::comparison_summary& summary,
                               const html_options& options) {
    const auto roles = engine::statement_roles(map);
    const auto theme = options.diagram.theme;
    const auto& sources = map.sources();

    std::string heading;
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
        if (i) heading += "<span class=\"versus\">vs</span>";
        heading += "<span class=\"source-tag\">" + escape_for_html(json_id(engine::source_id{i})) + "</span>" +
                   escape_for_html(source_caption(sources[i], engine::source_id{i}));
    }
    std::string out = detail::page_start(report_title(map) + " \u2014 comparison", theme);
    out += "<body data-report=\"comparison\">\n<header class=\"page\"><p class=\"kind\">Comparison</p><h1>" +
           heading + "</h1>";
    out += detail::role_legend(theme, any_other(roles));
    out += "</header>\n";

    out += "<section id=\"summary\" class=\"pane wide\" aria-label=\"Summary\"><h2>Summary</h2>\n"
           "<div class=\"summary-columns\">\n<div class=\"agreements\"><h3>Points of agreement (" +
           std::to_string(summary.agreements.size()) + ")</h3>\n" +
           pair_list(map, roles, summary.agreements, "agree") +
           "</div>\n<div class=\"clashes\"><h3>Points of clash (" + std::to_string(summary.clashes.size()) +
           ")</h3>\n" + pair_list(map, roles, summary.clashes, "contradict") + "</div>\n<div class=\"unanswered-lists\">\n";
    for (std::uint32_t s = 0; s < summary.unanswered.size() && s < sources.size(); ++s) {
        const engine::source_id id{s};
        std::string others;
        if (sources.size() == 2) {
            others = "<span class=\"source-tag\">" + escape_for_html(json_id(engine::source_id{1 - s})) + "</span>";
        } else {
            others = "the others";
        }
        const auto& list = summary.unanswered[s];
        out += "<div class=\"unanswered\" data-source=\"" + escape_for_html(json_id(id)) +
               "\"><h3>Reasons of <span class=\"source-tag\">" + escape_for_html(json_id(id)) + "</span>" +
               " that " + others + " never address" +
               (sources.size() == 2 ? "es" : "") + " (" + std::to_string(list.size()) + ")</h3>\n";
        if (list.empty()) {
            out += "<p class=\"none\">None: every reason is answered.</p>\n";
        } else {
            out += "<ul class=\"refs\">";
            for (auto st : list) out += "<li>" + statement_ref(map, roles, st, false) + "</li>";
            out += "</ul>\n";
        }
        out += "</div>\n";
    }
    out += "</div>\n</div>\n<details class=\"related\"><summary>Related points (" + std::to_string(summary.related.size()) +
           ")</summary>\n" + pair_list(map, roles, summary.related, "related") + "</details>\n</section>\n";

    out += "<main class=\"layout-texts\" style=\"grid-template-columns: repeat(" +
           std::to_string(std::max<std::size_t>(sources.size(), 1)) + ", minmax(0, 1fr))\">\n";
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
        const engine::source_id id{i};
        out += "<section class=\"pane scroll-pane text-pane\" aria-label=\"Text " + escape_for_html(json_id(id)) +
               "\"><h2><span class=\"source-tag\">" + escape_for_html(json_id(id)) + "</span>" +
               escape_for_html(source_caption(sources[i], id)) + "</h2>";
        out += source_text_block(map, id, roles) + "</section>\n";
    }
    out += "</main>\n";
    out += diagram_section(map, options, "Map of the texts", "pane wide scroll-pane diagram-pane");
    out += page_footer(map);
    out += detail::page_end();
    return out;
}

}  // namespace argmap::render
