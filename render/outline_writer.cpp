#include "render/outline_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <variant>
#include <vector>

#include "render/dot_builder.hpp"

namespace argmap::render {

namespace {

using engine::relation_id;
using engine::relation_type;
using engine::statement_id;

constexpr std::size_t max_indent_levels = 32;

/// What is left to write, kept on an explicit stack so that long chains cannot overflow the
/// call stack.
struct task {
    enum class kind { premise, relation } what;
    std::uint32_t id;     ///< a statement id (premise) or a relation id (relation)
    std::size_t depth;
    const char* prefix;   ///< "+", "-", "&", "- (undercut)", or "" for a root
};

class outline_writer {
public:
    outline_writer(const engine::argument_map& map, const engine::map_status* status)
        : map_(map), status_(status),
          incoming_(map.statements().size()),
          undercuts_(map.relations().size()),
          outgoing_(map.statements().size(), false),
          shown_(map.statements().size(), false) {
        const auto& rels = map.relations();
        for (std::uint32_t i = 0; i < rels.size(); ++i) {
            if (const auto* s = std::get_if<statement_id>(&rels[i].to))
                incoming_[s->value].push_back(i);
            else
                undercuts_[std::get<relation_id>(rels[i].to).value].push_back(i);
            for (auto f : rels[i].from) outgoing_[f.value] = true;
        }
    }

    std::string write() {
        const auto& stmts = map_.statements();
        bool any_central = false;
        for (std::uint32_t i = 0; i < stmts.size(); ++i) {
            if (!stmts[i].central) continue;
            any_central = true;
            out_ += "Main claim: ";
            root(statement_id{i}, 0);
        }
        if (!any_central) out_ += "(no main claim)\n";

        bool header = false;
        auto not_connected = [&](std::uint32_t i) {
            if (shown_[i]) return;
            if (!header) out_ += "Not connected:\n";
            header = true;
            out_ += "  ";
            root(statement_id{i}, 1);
        };
        // First what points nowhere (the tops of unconnected sub-arguments), then what is left:
        // statements on cycles that never reach a main claim.
        for (std::uint32_t i = 0; i < stmts.size(); ++i)
            if (!outgoing_[i]) not_connected(i);
        for (std::uint32_t i = 0; i < stmts.size(); ++i) not_connected(i);
        return std::move(out_);
    }

private:
    /// Writes a statement whose line prefix ("Main claim: ", indentation) is already out, then
    /// everything beneath it.
    void root(statement_id s, std::size_t depth) {
        const bool seen = shown_[s.value];
        shown_[s.value] = true;
        out_ += label(s, seen) + "\n";
        if (seen) return;
        restatements(s, depth + 1);
        std::vector<task> stack;
        push_incoming(stack, s, depth + 1);
        run(stack);
    }

    /// "= restated: ..." for each further place where the source says the statement again.
    void restatements(statement_id s, std::size_t depth) {
        const auto& st = map_.at(s);
        if (st.spans.size() < 2 || !map_.contains(st.source)) return;
        const std::string_view text = map_.at(st.source).text;
        for (std::size_t k = 1; k < st.spans.size(); ++k) {
            const auto sp = st.spans[k];
            if (sp.begin >= text.size()) continue;
            std::string said;
            for (const auto& word : detail::wrap_lines(detail::sanitize_utf8(text.substr(sp.begin, sp.size())), 0))
                said += word;
            line(depth, "=", "restated: " + said);
        }
    }

    void push_incoming(std::vector<task>& stack, statement_id s, std::size_t depth) {
        const auto& in = incoming_[s.value];
        for (auto it = in.rbegin(); it != in.rend(); ++it) stack.push_back({task::kind::relation, *it, depth, ""});
    }

    void run(std::vector<task>& stack) {
        while (!stack.empty()) {
            const task t = stack.back();
            stack.pop_back();
            if (t.what == task::kind::premise) {
                const bool seen = shown_[t.id];
                shown_[t.id] = true;
                line(t.depth, t.prefix, label(statement_id{t.id}, seen));
                if (!seen) push_incoming(stack, statement_id{t.id}, t.depth + 1);
                continue;
            }
            // A relation: its premises at this depth ("&" after the first), each followed by
            // what points at it, then the undercuts of this relation one level deeper.
            const auto& rel = map_.relations()[t.id];
            const char* sign = rel.type == relation_type::support  ? "+"
                               : rel.type == relation_type::attack ? "-"
                                                                   : "- (undercut)";
            std::vector<task> group;
            std::vector<statement_id> premises;
            for (auto f : rel.from)
                if (std::find(premises.begin(), premises.end(), f) == premises.end()) premises.push_back(f);
            for (std::size_t i = 0; i < premises.size(); ++i)
                group.push_back({task::kind::premise, premises[i].value, t.depth, i == 0 ? sign : "&"});
            for (auto u : undercuts_[t.id]) group.push_back({task::kind::relation, u, t.depth + 1, ""});
            stack.insert(stack.end(), group.rbegin(), group.rend());
        }
    }

    void line(std::size_t depth, const char* prefix, const std::string& text) {
        out_.append(2 * std::min(depth, max_indent_levels), ' ');
        if (depth > max_indent_levels) out_ += "(level " + std::to_string(depth) + ") ";
        out_ += prefix;
        out_ += ' ';
        out_ += text;
        out_ += '\n';
    }

    std::string label(statement_id s, bool seen) const {
        std::string text;
        for (const auto& word : detail::wrap_lines(detail::sanitize_utf8(map_.at(s).text), 0)) text += word;
        std::string out = "[" + std::to_string(s.value + 1) + "]";
        if (!text.empty()) out += " " + text;
        if (status_ && s.value < status_->statements.size()) out += std::string(" {") + engine::to_string(status_->statements[s.value]) + "}";
        if (seen) out += " (see above)";
        return out;
    }

    const engine::argument_map& map_;
    const engine::map_status* status_;
    std::vector<std::vector<std::uint32_t>> incoming_;   ///< per statement: relations to it
    std::vector<std::vector<std::uint32_t>> undercuts_;  ///< per relation: undercuts of it
    std::vector<bool> outgoing_;                         ///< per statement: premise of something
    std::vector<bool> shown_;                            ///< per statement: already written
    std::string out_;
};

}  // namespace

std::string to_outline(const engine::argument_map& map, const engine::map_status* status) {
    return outline_writer(map, status).write();
}

}  // namespace argmap::render
