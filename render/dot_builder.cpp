#include "render/dot_builder.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <variant>

#include "engine/roles.hpp"
#include "render/exercise_sheet.hpp"
#include "render/tree_layout.hpp"

#include <cstdio>

namespace argmap::render {

namespace detail {

namespace {

constexpr char32_t replacement_char = 0xFFFD;

struct decoded {
    char32_t code_point;  ///< replacement_char for an ill-formed sequence
    std::size_t length;   ///< bytes consumed, at least 1
    bool valid;
};

/// Decodes one code point at text[i]. An ill-formed sequence consumes its maximal valid prefix
/// (at least one byte), as Unicode's "best practice for U+FFFD substitution" recommends.
decoded decode_at(std::string_view text, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return {b0, 1, true};
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return {replacement_char, 1, false};
    }
    std::size_t j = 1;
    for (; j <= need; ++j) {
        if (i + j >= text.size()) return {replacement_char, j, false};
        const auto b = static_cast<unsigned char>(text[i + j]);
        const unsigned char l = j == 1 ? lo : 0x80;
        const unsigned char h = j == 1 ? hi : 0xBF;
        if (b < l || b > h) return {replacement_char, j, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, need + 1, true};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Byte length of the UTF-8 sequence starting with a lead byte of already sanitized text.
std::size_t sequence_length(unsigned char lead) noexcept {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

/// Number of code points in sanitized text.
std::size_t code_points(std::string_view text) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); i += sequence_length(static_cast<unsigned char>(text[i]))) ++n;
    return n;
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto d = decode_at(text, i);
        const char32_t cp = d.code_point;
        if (!d.valid || cp == 0xFFFE || cp == 0xFFFF) {
            append_utf8(out, replacement_char);
        } else if (cp == U'\t' || cp == U'\n' || cp == U'\r') {
            out += ' ';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            // control character: dropped
        } else {
            out.append(text.substr(i, d.length));
        }
        i += d.length;
    }
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            // Graphviz expands escapes (\N, \G, ...) in HTML-like labels after reading entities,
            // and reads a doubled backslash as one: so one backslash is written as two.
            case '\\': out += "&#92;&#92;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_len = 0;  // code points in `line`
    auto flush = [&] {
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        line_len = 0;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        std::string_view word = text.substr(start, i - start);
        if (word.empty()) break;
        std::size_t word_len = code_points(word);
        if (width == 0 || (line_len > 0 && line_len + 1 + word_len <= width) ||
            (line_len == 0 && word_len <= width)) {
            if (line_len > 0) {
                line += ' ';
                ++line_len;
            }
            line.append(word);
            line_len += word_len;
            continue;
        }
        if (word_len <= width) {  // does not fit on this line: start a new one
            flush();
            line.append(word);
            line_len = word_len;
            continue;
        }
        // A word longer than a line: fill the current line, then cut the rest into full lines.
        if (line_len > 0 && line_len + 1 < width) {
            line += ' ';
            ++line_len;
        } else {
            flush();
        }
        std::size_t pos = 0;
        while (pos < word.size()) {
            if (line_len == width) flush();
            const std::size_t n = sequence_length(static_cast<unsigned char>(word[pos]));
            line.append(word.substr(pos, n));
            ++line_len;
            pos += n;
        }
    }
    flush();
    return lines;
}

}  // namespace detail

namespace {

using engine::relation_type;
using engine::statement_id;
using engine::statement_role;

struct box_style {
    const char* border;
    const char* fill;
    const char* name;  ///< as the legend calls it
    const char* extra_style = "";  ///< added to the node style ("" or ",dashed" ...)
    const char* penwidth = "1.2";
};

struct edge_style {
    const char* colour;
    const char* line;       ///< Graphviz style
    const char* arrowhead;
    const char* legend;     ///< what the legend calls it
};

struct palette {
    box_style central, reason, objection, rebuttal, other;
    edge_style support, attack, undercut;
    const char* cluster_border;
};

const palette& palette_for(dot_theme theme) {
    static const palette standard{
        {"#1f4e79", "#d6e6f5", "Main claim"},
        {"#2e7d32", "#dcefd9", "Reason"},
        {"#c62828", "#f9dcdc", "Objection"},
        {"#e06c00", "#fde3c6", "Rebuttal"},
        {"#8a8a8a", "#eeeeee", "Not connected"},
        {"#2e7d32", "solid", "normal", "supports"},
        {"#c62828", "dashed", "tee", "attacks"},
        {"#c62828", "dotted", "tee", "undercuts (attacks the inference)"},
        "#9e9e9e",
    };
    // Okabe & Ito, "Color Universal Design": blue, vermillion, orange, black.
    static const palette colorblind{
        {"#000000", "#f0f0f0", "Main claim"},
        {"#0072b2", "#d5e8f5", "Reason"},
        {"#d55e00", "#f8dccb", "Objection"},
        {"#e69f00", "#fbebc6", "Rebuttal"},
        {"#8a8a8a", "#eeeeee", "Not connected"},
        {"#0072b2", "solid", "normal", "supports"},
        {"#d55e00", "dashed", "tee", "attacks"},
        {"#d55e00", "dotted", "tee", "undercuts (attacks the inference)"},
        "#9e9e9e",
    };
    // Greys only, white fills: roles by border style and weight, relations by line and arrowhead.
    static const palette print{
        {"#000000", "#ffffff", "Main claim"},
        {"#000000", "#ffffff", "Reason (solid border)"},
        {"#000000", "#ffffff", "Objection (dashed border)", ",dashed", "1.6"},
        {"#000000", "#ffffff", "Rebuttal (dotted border)", ",dotted", "1.8"},
        {"#7f7f7f", "#ffffff", "Not connected"},
        {"#000000", "solid", "normal", "supports"},
        {"#000000", "dashed", "tee", "attacks"},
        {"#595959", "dotted", "tee", "undercuts (attacks the inference)"},
        "#9e9e9e",
    };
    switch (theme) {
        case dot_theme::standard: return standard;
        case dot_theme::colorblind: return colorblind;
        case dot_theme::print: return print;
    }
    return standard;
}

const box_style& style_of(const palette& p, statement_role role) {
    switch (role) {
        case statement_role::central: return p.central;
        case statement_role::reason: return p.reason;
        case statement_role::objection: return p.objection;
        case statement_role::rebuttal: return p.rebuttal;
        case statement_role::other: return p.other;
    }
    return p.other;
}

const edge_style& style_of(const palette& p, relation_type type) {
    switch (type) {
        case relation_type::support: return p.support;
        case relation_type::attack: return p.attack;
        case relation_type::undercut: return p.undercut;
    }
    return p.support;
}

std::string statement_node(statement_id id) { return "s" + std::to_string(id.value + 1); }
std::string junction_node(std::size_t relation_index) { return "j" + std::to_string(relation_index + 1); }

/// Sanitized text cut to `max_chars` code points (0: no limit), with "…" where it was cut.
std::string display_text(std::string_view raw, std::size_t max_chars) {
    std::string text = detail::sanitize_utf8(raw);
    if (max_chars == 0) return text;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        if (count == max_chars) {
            text.resize(i);
            while (!text.empty() && text.back() == ' ') text.pop_back();
            text += "\u2026";
            break;
        }
        i += detail::sequence_length(static_cast<unsigned char>(text[i]));
    }
    return text;
}

/// Escaped lines joined with <BR/>, ready to stand inside an HTML-like label.
std::string label_lines(std::string_view raw, std::size_t width, std::size_t max_chars) {
    std::string out;
    bool first = true;
    for (const auto& line : detail::wrap_lines(display_text(raw, max_chars), width)) {
        if (!first) out += "<BR/>";
        out += detail::escape_html(line);
        first = false;
    }
    return out;
}

/// The source a relation's junction belongs to: the one its premises and end share, if any.
std::optional<engine::source_id> junction_source(const engine::argument_map& map, std::size_t index) {
    const auto& rel = map.relations()[index];
    const auto end = map.at(engine::target_statement(map, engine::relation_id{static_cast<std::uint32_t>(index)})).source;
    for (auto f : rel.from)
        if (map.at(f).source != end) return std::nullopt;
    return end;
}

class dot_writer {
public:
    dot_writer(const engine::argument_map& map, const dot_options& options)
        : map_(map), options_(options), palette_(palette_for(options.theme)),
          roles_(engine::statement_roles(map)) {
        if (options.exercise != dot_exercise::none) sheet_ = make_exercise(map, options.seed);
        if (options.fixed_layout) {
            std::vector<box_size> boxes;
            boxes.reserve(map.statements().size());
            for (std::uint32_t i = 0; i < map.statements().size(); ++i) boxes.push_back(estimated_box(statement_id{i}));
            placement_ = place_tree(map, boxes, options.direction == dot_direction::down);
        }
        const auto& rels = map.relations();
        junction_.assign(rels.size(), false);
        for (std::size_t i = 0; i < rels.size(); ++i) {
            if (premises(i).size() > 1) junction_[i] = true;
            if (const auto* r = std::get_if<engine::relation_id>(&rels[i].to)) junction_[r->value] = true;
        }
    }

    std::string write() {
        out_ += "digraph argmap {\n";
        const bool down = options_.direction == dot_direction::down;
        out_ += std::string("  graph [rankdir=") + (down ? "BT" : "TB") + ", fontname=\"DejaVu Sans\", fontsize=16, nodesep=0.3, ranksep=0.45";
        out_ += ", labelloc=t, labeljust=c";
        if (options_.dpi != 0) out_ += ", dpi=" + std::to_string(options_.dpi);
        if (options_.fixed_layout) out_ += ", splines=line";
        for (const auto& [name, value] : options_.graph_attributes) {
            out_ += ", " + name + "=\"";
            for (const char c : value) {
                if (c == '"') out_ += "\\\"";
                else if (c != '\\' && c != '\n') out_ += c;
            }
            out_ += '"';
        }
        const auto& sources = map_.sources();
        if (sources.size() == 1 && !sources.front().title.empty())
            out_ += ", label=<<B>" + label_lines(sources.front().title, 70, 300) + "</B>>";
        out_ += "];\n";
        out_ += "  node [fontname=\"DejaVu Sans\", fontsize=11, shape=box, style=\"rounded,filled\", "
                "margin=\"0.1,0.06\", penwidth=1.2];\n";
        out_ += "  edge [fontname=\"DejaVu Sans\", fontsize=9, penwidth=1.4, arrowsize=0.9];\n";

        if (sources.size() > 1) {
            // Each statement and junction point in its source's cluster (points whose premises
            // and end lie in different sources outside every cluster), in id order.
            std::vector<std::vector<std::string>> members(sources.size() + 1);
            const auto& stmts = map_.statements();
            for (std::uint32_t i = 0; i < stmts.size(); ++i)
                members[stmts[i].source.value].push_back(statement_line(statement_id{i}));
            for (std::size_t i = 0; i < junction_.size(); ++i) {
                if (!junction_[i]) continue;
                const auto src = junction_source(map_, i);
                members[src ? src->value : sources.size()].push_back(junction_line(i));
            }
            for (std::uint32_t s = 0; s < sources.size(); ++s) write_cluster(engine::source_id{s}, members[s]);
            for (const auto& line : members.back()) out_ += "  " + line;
        } else {
            for (std::uint32_t i = 0; i < map_.statements().size(); ++i)
                out_ += "  " + statement_line(statement_id{i});
            for (std::size_t i = 0; i < junction_.size(); ++i)
                if (junction_[i]) out_ += "  " + junction_line(i);
        }
        write_relations();
        write_alignments();
        if (options_.exercise != dot_exercise::none) write_statement_list();
        if (options_.legend) write_legend();
        out_ += "}\n";
        return std::move(out_);
    }

private:
    /// A relation's premises, each once, in order.
    std::vector<statement_id> premises(std::size_t index) const {
        std::vector<statement_id> out;
        for (auto f : map_.relations()[index].from)
            if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
        return out;
    }

    void write_cluster(engine::source_id id, const std::vector<std::string>& members) {
        const auto& src = map_.at(id);
        out_ += "  subgraph cluster_source" + std::to_string(id.value + 1) + " {\n";
        const std::string& caption = !src.title.empty() ? src.title : src.name;
        // labelloc=b: with rankdir=BT, dot flips cluster labels, so "b" puts the title on top.
        const char* loc = options_.direction == dot_direction::down ? "b" : "t";
        out_ += "    graph [style=rounded, color=\"" + std::string(palette_.cluster_border) +
                "\", fontsize=14, labelloc=" + loc + ", label=<<B>" +
                (caption.empty() ? "Source " + std::to_string(id.value + 1) : label_lines(caption, 60, 300)) +
                "</B>>];\n";
        for (const auto& line : members) out_ += "    " + line;
        out_ += "  }\n";
    }

    /// A junction point's node statement (without indentation).
    std::string junction_line(std::size_t relation_index) const {
        const auto& style = style_of(palette_, map_.relations()[relation_index].type);
        return junction_node(relation_index) + " [shape=point, width=0.09, height=0.09, color=\"" +
               style.colour + "\"" + (options_.fixed_layout ? position(placement_.junctions[relation_index]) : "") +
               "];\n";
    }

    /// A statement box's node statement (without indentation).
    std::string statement_line(statement_id id) const {
        const auto& st = map_.at(id);
        const auto role = roles_[id.value];
        const auto& style = style_of(palette_, role);
        const bool central = role == statement_role::central;
        std::string text = label_lines(st.text, options_.wrap_width, options_.max_label_chars);
        if (central && !text.empty()) text = "<B>" + text + "</B>";
        // where the source says it again ("restated: ..."), quoted from the source text
        if (st.spans.size() > 1 && map_.contains(st.source)) {
            const std::string_view source_text = map_.at(st.source).text;
            for (std::size_t k = 1; k < st.spans.size(); ++k) {
                const auto sp = st.spans[k];
                if (sp.begin >= source_text.size()) continue;
                const auto said = "restated: " + std::string(source_text.substr(sp.begin, sp.size()));
                text += "<BR/><FONT POINT-SIZE=\"9\"><I>" +
                        label_lines(said, options_.wrap_width, options_.max_label_chars) + "</I></FONT>";
            }
        }
        if (show_status()) text += "<BR/><FONT POINT-SIZE=\"9\">" + status_marker(options_.status->statements[id.value]) + "</FONT>";
        std::string cells = "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + text + "</TD>";
        if (options_.exercise == dot_exercise::worksheet) {
            cells = blank_cell(st.text);
        } else if (options_.exercise == dot_exercise::answer_key) {
            cells = "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\"><I>" + sheet_.letter[id.value] + "</I></TD>" + cells;
        }
        std::string line = statement_node(id) +
                           " [label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                           "CELLPADDING=\"2\"><TR><TD VALIGN=\"TOP\" ALIGN=\"LEFT\"><FONT COLOR=\"" +
                           style.border + "\"><B>" + std::to_string(id.value + 1) +
                           "</B></FONT></TD>" + cells + "</TR></TABLE>>";
        line += ", color=\"" + std::string(style.border) + "\", fillcolor=\"" + style.fill + "\"";
        if (*style.extra_style) line += std::string(", style=\"rounded,filled") + style.extra_style + "\"";
        if (central) line += ", penwidth=2.6";
        else if (std::string_view(style.penwidth) != "1.2") line += std::string(", penwidth=") + style.penwidth;
        if (options_.fixed_layout) line += position(placement_.statements[id.value]);
        return line + "];\n";
    }

    [[nodiscard]] bool show_status() const {
        return options_.status.has_value() && options_.exercise == dot_exercise::none &&
               options_.status->statements.size() == map_.statements().size();
    }

    static std::string status_marker(engine::label l) {
        switch (l) {
            case engine::label::in: return "\u2714 stands";
            case engine::label::out: return "\u2718 falls";
            case engine::label::undecided: break;
        }
        return "? undecided";
    }

    static std::string status_meaning(engine::label l) {
        switch (l) {
            case engine::label::in: return "every objection answered, a reason stands";
            case engine::label::out: return "defeated, or no reason stands";
            case engine::label::undecided: break;
        }
        return "the weighing does not decide";
    }

    static std::string position(point p) {
        char buf[64];
        std::snprintf(buf, sizeof buf, ", pos=\"%.1f,%.1f!\"", p.x, p.y);
        return buf;
    }

    /// A statement box's size as Graphviz will make it, estimated a little generously from the
    /// wrapped text (11 pt DejaVu Sans: about 6.2 pt per character, 6.9 in bold; 13.5 pt per
    /// line), the number cell and the margins.
    box_size estimated_box(statement_id id) const {
        const auto& st = map_.at(id);
        const auto lines = detail::wrap_lines(display_text(st.text, options_.max_label_chars), options_.wrap_width);
        std::size_t widest = 0;
        for (const auto& l : lines) widest = std::max(widest, detail::code_points(l));
        const bool central = roles_[id.value] == statement_role::central;
        double width = static_cast<double>(widest) * (central ? 6.9 : 6.4);
        if (options_.exercise == dot_exercise::worksheet) width = std::max(40.0, static_cast<double>(widest) * 6.2);
        if (options_.exercise == dot_exercise::answer_key) width += 8.0 * static_cast<double>(sheet_.letter[id.value].size()) + 6;
        width += 7.5 * static_cast<double>(std::to_string(id.value + 1).size()) + 34;
        const double height = static_cast<double>(std::max<std::size_t>(1, lines.size())) * 13.5 + 18;
        return {width, height};
    }

    /// An empty cell about the size that the statement's wrapped text takes in its box (11 pt
    /// DejaVu Sans: about 6.2 pt per character, 13.5 pt per line), so that a worksheet's boxes
    /// leave room where the text goes and its layout stays close to the full map's.
    std::string blank_cell(std::string_view raw) const {
        const auto lines = detail::wrap_lines(display_text(raw, options_.max_label_chars), options_.wrap_width);
        std::size_t widest = 0;
        for (const auto& l : lines) widest = std::max(widest, detail::code_points(l));
        const auto width = std::max<std::size_t>(40, (widest * 62 + 5) / 10);
        const auto height = std::max<std::size_t>(14, (lines.size() * 135 + 5) / 10);
        return "<TD WIDTH=\"" + std::to_string(width) + "\" HEIGHT=\"" + std::to_string(height) + "\"></TD>";
    }

    /// The exercise's statement list, lettered in shuffled order, below every box.
    void write_statement_list() {
        const auto& stmts = map_.statements();
        if (stmts.empty()) return;
        const bool key = options_.exercise == dot_exercise::answer_key;
        out_ += "  statements [shape=plain, fontsize=11, label=<<TABLE BORDER=\"1\" COLOR=\"#9e9e9e\" "
                "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" BGCOLOR=\"#ffffff\">";
        out_ += key ? "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><B>Answer key: the box of each statement</B></TD></TR>"
                    : "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Write each statement&#39;s letter in its box</B></TD></TR>";
        for (const auto index : sheet_.listed) {
            out_ += "<TR><TD VALIGN=\"TOP\" ALIGN=\"LEFT\"><B>" + sheet_.letter[index] + "</B></TD>";
            if (key) out_ += "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\">box " + std::to_string(index + 1) + "</TD>";
            const std::string text = label_lines(stmts[index].text, 70, options_.max_label_chars);
            out_ += "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + text + "</TD></TR>";
        }
        out_ += "</TABLE>>";
        if (options_.fixed_layout) {
            // Under the lowest row, at the left (its size estimated like the boxes').
            std::size_t rows = 1;
            for (const auto index : sheet_.listed)
                rows += std::max<std::size_t>(1, detail::wrap_lines(display_text(stmts[index].text, options_.max_label_chars), 70).size());
            const double height = static_cast<double>(rows) * 14.5 + 12;
            const bool down = options_.direction == dot_direction::down;
            const double edge = down ? placement_.bottom - 60 : placement_.top + 60;
            out_ += position({250, down ? edge - height / 2 : edge + height / 2});
        }
        out_ += "];\n";
        // Below everything: after the boxes that nothing points at (the lowest, main claim on
        // top), or before those that point at nothing (main claim at the bottom).
        std::vector<bool> incoming(stmts.size(), false), outgoing(stmts.size(), false);
        for (const auto& rel : map_.relations()) {
            if (const auto* to = std::get_if<statement_id>(&rel.to)) incoming[to->value] = true;
            for (auto f : rel.from) outgoing[f.value] = true;
        }
        const bool down = options_.direction == dot_direction::down;
        for (std::uint32_t i = 0; i < stmts.size(); ++i) {
            const std::string node = statement_node(statement_id{i});
            if (down && !incoming[i]) out_ += "  statements -> " + node + " [style=invis, weight=0];\n";
            if (!down && !outgoing[i]) out_ += "  " + node + " -> statements [style=invis, weight=0];\n";
        }
    }

    std::string edge_attributes(const edge_style& style, bool arrow) const {
        std::string a = " [color=\"" + std::string(style.colour) + "\", style=" + style.line;
        a += arrow ? ", arrowhead=" + std::string(style.arrowhead) : std::string(", arrowhead=none");
        return a + "];\n";
    }

    void write_relations() {
        const auto& rels = map_.relations();
        for (std::size_t i = 0; i < rels.size(); ++i) {
            const auto& rel = rels[i];
            const auto& style = style_of(palette_, rel.type);
            const std::string target = std::visit(
                [](const auto& to) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(to)>, statement_id>)
                        return statement_node(to);
                    else
                        return junction_node(to.value);
                },
                rel.to);
            if (junction_[i]) {
                for (auto f : premises(i))
                    out_ += "  " + statement_node(f) + " -> " + junction_node(i) + edge_attributes(style, false);
                out_ += "  " + junction_node(i) + " -> " + target + edge_attributes(style, true);
            } else {
                for (auto f : premises(i)) out_ += "  " + statement_node(f) + " -> " + target + edge_attributes(style, true);
            }
        }
    }

    void write_alignments() {
        for (const auto& a : map_.alignments()) {
            const char* colour = "#7f7f7f";
            const char* line = "dotted";
            const char* label = "related";
            switch (a.stance) {
                case engine::stance::agree: colour = "#1f4e79"; line = "dashed"; label = "agree"; break;
                case engine::stance::contradict: colour = "#6a1b9a"; line = "bold"; label = "contradict"; break;
                case engine::stance::related: break;
            }
            // xlabel, not label: Graphviz 2.42's dot frees the label node of a labelled
            // constraint=false edge between clusters twice (gvFreeLayout aborts).
            out_ += "  " + statement_node(a.first) + " -> " + statement_node(a.second) +
                    " [dir=none, constraint=false, color=\"" + colour + "\", fontcolor=\"" + colour +
                    "\", style=" + line + ", xlabel=<" + label + ">];\n";
        }
    }

    void write_legend() {
        auto box_row = [](const box_style& s) {
            return std::string("<TR><TD BORDER=\"1\" COLOR=\"") + s.border + "\" BGCOLOR=\"" + s.fill +
                   "\" WIDTH=\"22\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" + s.name +
                   "</TD></TR>";
        };
        auto edge_row = [](const edge_style& s, const char* drawing) {
            return std::string("<TR><TD><FONT COLOR=\"") + s.colour + "\">" + drawing +
                   "</FONT></TD><TD ALIGN=\"LEFT\">" + s.legend + "</TD></TR>";
        };
        const bool any_other =
            std::find(roles_.begin(), roles_.end(), statement_role::other) != roles_.end();
        out_ += "  legend [shape=plain, fontsize=10, label=<<TABLE BORDER=\"1\" COLOR=\"#9e9e9e\" "
                "CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"1\" BGCOLOR=\"#ffffff\">"
                "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
        out_ += box_row(palette_.central);
        out_ += box_row(palette_.reason);
        out_ += box_row(palette_.objection);
        out_ += box_row(palette_.rebuttal);
        if (any_other) out_ += box_row(palette_.other);
        out_ += edge_row(palette_.support, "\u2500\u2500\u25B6");
        out_ += edge_row(palette_.attack, "- - \u2524");
        out_ += edge_row(palette_.undercut, "\u00B7\u00B7\u00B7\u2524");
        if (show_status()) {
            out_ += std::string("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Status (") + engine::to_string(options_.status->used) +
                    (options_.status->labelled ? "" : ", no labelling") + ")</B></TD></TR>";
            for (const auto l : {engine::label::in, engine::label::out, engine::label::undecided})
                out_ += "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">" + status_marker(l) + ": " + status_meaning(l) + "</TD></TR>";
        }
        out_ += "</TABLE>>";
        if (options_.fixed_layout) {
            // Right of everything, level with the roots' row.
            const bool down = options_.direction == dot_direction::down;
            out_ += position({placement_.right + 110, down ? placement_.top - 80 : placement_.bottom + 80});
        }
        out_ += "];\n";
        if (options_.fixed_layout) return;
        // Beside the first main claim, at the top. (Not rank=max: Graphviz 2.42 leaks the virtual
        // edges that min/max ranks make. Not across clusters either: without newrank, dot cannot
        // put a node outside a cluster on the same rank as one inside it.)
        if (map_.sources().size() > 1) return;
        const auto& stmts = map_.statements();
        for (std::uint32_t i = 0; i < stmts.size(); ++i) {
            if (roles_[i] == statement_role::central) {
                out_ += "  {rank=same; " + statement_node(statement_id{i}) + "; legend}\n";
                return;
            }
        }
    }

    const engine::argument_map& map_;
    const dot_options& options_;
    const palette& palette_;
    std::vector<statement_role> roles_;
    std::vector<bool> junction_;  ///< per relation: drawn through a junction point
    exercise_sheet sheet_;        ///< an exercise's letters and list order
    tree_placement placement_;    ///< fixed_layout: where every node goes
    std::string out_;
};

}  // namespace

role_style style_of_role(dot_theme theme, engine::statement_role role) {
    const auto& box = style_of(palette_for(theme), role);
    const std::string_view extra = box.extra_style;
    const char* line = extra.find("dashed") != std::string_view::npos   ? "dashed"
                       : extra.find("dotted") != std::string_view::npos ? "dotted"
                                                                        : "solid";
    return {box.border, box.fill, box.name, line};
}

std::string to_dot(const engine::argument_map& map, const dot_options& options) {
    return dot_writer(map, options).write();
}

}  // namespace argmap::render
