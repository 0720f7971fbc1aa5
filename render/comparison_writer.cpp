#include "render/comparison_writer.hpp"

#include <cstdio>
#include <sstream>

#include "render/json_document.hpp"

namespace argmap::render {
namespace {

std::string source_label(const engine::argument_map& map, engine::source_id id) {
    const auto& s = map.at(id);
    std::string label = json_id(id) + " (" + s.name + ")";
    if (!s.title.empty()) label += ": " + s.title;
    return label;
}

void write_pairs(std::ostringstream& out, const engine::argument_map& map, const char* heading,
                 const std::vector<engine::alignment>& pairs) {
    out << heading << " (" << pairs.size() << ")\n";
    if (pairs.empty()) out << "  none\n";
    for (const auto& a : pairs) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", a.score);
        const auto& x = map.at(a.first);
        const auto& y = map.at(a.second);
        out << "  [" << score << "] " << json_id(x.source) << ' ' << json_id(a.first) << ": " << x.text << '\n'
            << "         " << json_id(y.source) << ' ' << json_id(a.second) << ": " << y.text << '\n';
    }
    out << '\n';
}

}  // namespace

std::string to_comparison_text(const engine::argument_map& map, const engine::comparison_summary& summary) {
    std::ostringstream out;
    out << "Sources:\n";
    for (std::uint32_t s = 0; s < map.sources().size(); ++s) {
        out << "  " << source_label(map, engine::source_id{s}) << '\n';
        for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
            const auto& st = map.statements()[i];
            if (st.source.value == s && st.central)
                out << "    main claim " << json_id(engine::statement_id{i}) << ": " << st.text << '\n';
        }
    }
    out << '\n';
    write_pairs(out, map, "Agreements", summary.agreements);
    write_pairs(out, map, "Clashes", summary.clashes);
    write_pairs(out, map, "Related points", summary.related);
    for (std::uint32_t s = 0; s < summary.unanswered.size(); ++s) {
        out << "Reasons of " << source_label(map, engine::source_id{s}) << " that the others never address ("
            << summary.unanswered[s].size() << ")\n";
        if (summary.unanswered[s].empty()) out << "  none\n";
        for (auto id : summary.unanswered[s]) out << "  " << json_id(id) << ": " << map.at(id).text << '\n';
        out << '\n';
    }
    return out.str();
}

}  // namespace argmap::render
