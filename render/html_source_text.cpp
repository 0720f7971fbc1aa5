#include "render/html_source_text.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>

#include "render/html_page.hpp"

namespace argmap::render::detail {

namespace {

struct unit_span {
    std::size_t begin;
    std::size_t end;
    std::uint32_t statement;
};

struct link {
    std::uint32_t other;
    engine::stance stance;
    double score;
};

/// Per statement: the statements aligned with it, best score first.
std::vector<std::vector<link>> links_by_statement(const engine::argument_map& map) {
    std::vector<std::vector<link>> links(map.statements().size());
    for (const auto& a : map.alignments()) {
        links[a.first.value].push_back({a.second.value, a.stance, a.score});
        links[a.second.value].push_back({a.first.value, a.stance, a.score});
    }
    for (auto& l : links)
        std::stable_sort(l.begin(), l.end(), [](const link& x, const link& y) { return x.score > y.score; });
    return links;
}

std::string node_name(std::uint32_t statement) { return "s" + std::to_string(statement + 1); }

}  // namespace

std::string highlighted_source_text(const engine::argument_map& map, engine::source_id source,
                                    const std::vector<engine::statement_role>& roles) {
    const std::string& text = map.at(source).text;
    const auto& statements = map.statements();

    std::vector<unit_span> spans;
    for (std::uint32_t i = 0; i < statements.size(); ++i) {
        if (statements[i].source != source) continue;
        for (const auto& s : statements[i].spans) {
            const std::size_t b = std::min(s.begin, text.size());
            const std::size_t e = std::min(s.end, text.size());
            if (b < e) spans.push_back({b, e, i});
        }
    }

    // Cut the text at every span's begin and end; each piece belongs to the shortest span that
    // covers it (then the lowest statement id), or to none.
    std::vector<std::size_t> cuts{0, text.size()};
    for (const auto& s : spans) {
        cuts.push_back(s.begin);
        cuts.push_back(s.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::vector<std::size_t> by_begin(spans.size()), by_end(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) by_begin[i] = by_end[i] = i;
    std::sort(by_begin.begin(), by_begin.end(), [&](auto x, auto y) { return spans[x].begin < spans[y].begin; });
    std::sort(by_end.begin(), by_end.end(), [&](auto x, auto y) { return spans[x].end < spans[y].end; });
    auto key = [&](std::size_t i) { return std::tuple(spans[i].end - spans[i].begin, spans[i].statement, i); };
    std::set<std::tuple<std::size_t, std::uint32_t, std::size_t>> active;

    struct piece {
        std::size_t begin, end;
        std::int64_t owner;  ///< statement id, or -1
    };
    std::vector<piece> pieces;
    std::size_t next_begin = 0, next_end = 0;
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const std::size_t at = cuts[c];
        while (next_end < by_end.size() && spans[by_end[next_end]].end <= at) active.erase(key(by_end[next_end++]));
        while (next_begin < by_begin.size() && spans[by_begin[next_begin]].begin <= at) {
            if (spans[by_begin[next_begin]].end > at) active.insert(key(by_begin[next_begin]));
            ++next_begin;
        }
        const std::int64_t owner = active.empty() ? std::int64_t{-1} : std::int64_t{std::get<1>(*active.begin())};
        if (!pieces.empty() && pieces.back().owner == owner && pieces.back().end == at)
            pieces.back().end = cuts[c + 1];
        else
            pieces.push_back({at, cuts[c + 1], owner});
    }

    const auto links = links_by_statement(map);
    std::vector<bool> anchored(statements.size(), false);
    std::string out;
    out.reserve(text.size() + text.size() / 4 + 64 * spans.size());
    for (const auto& p : pieces) {
        const std::string body = escape_for_html(std::string_view(text).substr(p.begin, p.end - p.begin), true);
        if (p.owner < 0) {
            out += body;
            continue;
        }
        const auto id = static_cast<std::uint32_t>(p.owner);
        const std::string name = node_name(id);
        out += "<span class=\"unit role-";
        out += engine::to_string(id < roles.size() ? roles[id] : engine::statement_role::other);
        out += "\" data-s=\"" + name + "\" data-n=\"" + std::to_string(id + 1) + "\" tabindex=\"0\"";
        if (!anchored[id]) {
            out += " id=\"unit-" + name + "\"";
            anchored[id] = true;
        }
        if (!links[id].empty()) {
            out += " data-aligned=\"";
            for (std::size_t k = 0; k < links[id].size(); ++k) {
                if (k) out += ' ';
                out += node_name(links[id][k].other) + ":" + engine::to_string(links[id][k].stance);
            }
            out += "\"";
        }
        out += ">" + body + "</span>";
    }
    return out;
}

}  // namespace argmap::render::detail
