#include "render/explanation_writer.hpp"

#include <cstdio>
#include <optional>
#include <sstream>
#include <vector>

#include "engine/diagnostic.hpp"
#include "render/json_document.hpp"

namespace argmap::render {
namespace {

std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
    return text.substr(0, cut) + "...";
}

/// "    weighed:    +1.23 pos:first, -0.50 concedes" (nothing when there is no evidence).
void write_evidence(std::ostringstream& out, const std::vector<engine::weighted_feature>& evidence) {
    if (evidence.empty()) return;
    out << "    weighed:   ";
    for (std::size_t k = 0; k < evidence.size(); ++k) {
        char w[32];
        std::snprintf(w, sizeof w, "%+.2f", evidence[k].contribution);
        out << (k ? ", " : " ") << w << ' ' << evidence[k].name;
    }
    out << '\n';
}

}  // namespace

std::string to_explanation(const engine::argument_map& map) {
    std::ostringstream out;
    // why each main claim was chosen (the learned reconstruction says which features weighed most)
    for (std::uint32_t k = 0; k < map.statements().size(); ++k) {
        const auto& s = map.statements()[k];
        if (!s.central || s.claim_evidence.empty()) continue;
        out << "main claim " << json_id(engine::statement_id{k}) << ": " << shorten(s.text, 100) << '\n';
        write_evidence(out, s.claim_evidence);
    }
    const auto& rels = map.relations();
    if (rels.empty()) out << "no relations\n";
    std::vector<std::optional<engine::text_locator>> locators(map.sources().size());  // made on first use
    for (std::uint32_t i = 0; i < rels.size(); ++i) {
        const auto& r = rels[i];
        out << json_id(engine::relation_id{i}) << "  " << engine::to_string(r.type) << "  ";
        for (std::size_t k = 0; k < r.from.size(); ++k) out << (k ? " + " : "") << json_id(r.from[k]);
        out << " -> ";
        if (const auto* s = std::get_if<engine::statement_id>(&r.to)) out << json_id(*s);
        else out << json_id(std::get<engine::relation_id>(r.to));
        out << '\n';
        out << "    marker:     ";
        if (r.why.marker.empty()) {
            out << "(none)";
        } else {
            out << '"' << r.why.marker << '"';
            if (r.why.marker_span && !r.from.empty()) {
                const auto source = map.at(r.from.front()).source;
                const auto& src = map.at(source);
                auto& locator = locators[source.value];
                if (!locator) locator.emplace(src.text);
                const auto d = locator->locate(r.why.marker_span->begin, "");
                out << " at " << src.name << ':' << d.line << ':' << d.column;
            }
        }
        char conf[32];
        std::snprintf(conf, sizeof conf, "%.2f", r.why.confidence);
        out << "\n    rule:       " << (r.why.rule.empty() ? "(none)" : r.why.rule) << "\n    confidence: " << conf
            << '\n';
        write_evidence(out, r.why.evidence);
        for (auto f : r.from) out << "    from " << json_id(f) << ": " << shorten(map.at(f).text, 100) << '\n';
        if (const auto* s = std::get_if<engine::statement_id>(&r.to))
            out << "    to   " << json_id(*s) << ": " << shorten(map.at(*s).text, 100) << '\n';
    }
    return out.str();
}

}  // namespace argmap::render
