#include "render/standard_form_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <variant>
#include <vector>

#include "engine/roles.hpp"
#include "render/dot_builder.hpp"

namespace argmap::render {

namespace detail {

std::string escape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
            case '#': case '|': case '~': case '&': case '!':
                out += '\\';
                break;
            default: break;
        }
        out += c;
    }
    return out;
}

}  // namespace detail

namespace {

using engine::relation_id;
using engine::relation_type;
using engine::statement_id;

constexpr std::uint32_t none = 0xFFFFFFFFu;
constexpr std::size_t max_derivation_depth = 32;

// Provenance rules of the Argdown mapping (grammar/argdown_mapping): a premise-conclusion
// structure's inferences, and the tie from an argument's node to its main conclusion.
constexpr std::string_view argdown_pcs_rule = "argdown-pcs";
constexpr std::string_view argdown_argument_rule = "argdown-argument";
constexpr std::size_t text_width = 78;

/// One line of a block, before it is formatted as text or Markdown.
struct line {
    enum class kind { numbered, inference, plain } what;
    std::size_t number = 0;  ///< numbered: the line's number in its argument
    std::string text;        ///< numbered, plain: the statement as shown; inference: the rule or ""
};

/// A heading and its lines: a main claim, an argument, an objection, the unconnected statements.
struct block {
    std::string heading;  ///< "Argument 1, for the main claim"
    std::string lead;     ///< text after the heading on its own line ("Main claim: <lead>"), or ""
    std::vector<line> lines;
};

/// What is still to be written: an argument (a support) or an objection (an attack or undercut),
/// with a reference to what it is for or against.
struct pending {
    std::uint32_t relation;
    std::string target;  ///< "the main claim", "(2) of argument 1", "the inference to (3) of argument 1"
};

class standard_form_builder {
public:
    explicit standard_form_builder(const engine::argument_map& map)
        : map_(map),
          supports_(map.statements().size()),
          attacks_(map.statements().size()),
          undercuts_(map.relations().size()),
          outgoing_(map.statements().size(), false),
          home_(map.statements().size()),
          used_(map.relations().size(), false),
          tie_of_(map.relations().size(), none) {
        const auto& rels = map.relations();
        for (std::uint32_t i = 0; i < rels.size(); ++i) {
            if (const auto* s = std::get_if<statement_id>(&rels[i].to))
                (rels[i].type == relation_type::support ? supports_ : attacks_)[s->value].push_back(i);
            else
                undercuts_[std::get<relation_id>(rels[i].to).value].push_back(i);
            for (auto f : rels[i].from) outgoing_[f.value] = true;
        }
        // An Argdown argument with a premise-conclusion structure is tied to its main conclusion
        // by a support from its node: that is no inference of its own, the argument's node names
        // the structure instead (a line above its premises). Each tie goes with the first
        // structure's inference to the same conclusion that no other tie has taken.
        for (std::uint32_t t = 0; t < rels.size(); ++t) {
            const auto& tie = rels[t];
            const auto* end = std::get_if<statement_id>(&tie.to);
            if (tie.type != relation_type::support || tie.why.rule != argdown_argument_rule || !end ||
                tie.from.size() != 1 || map.at(tie.from.front()).kind != engine::statement_kind::argument)
                continue;
            for (auto r : supports_[end->value]) {
                if (rels[r].why.rule != argdown_pcs_rule || tie_of_[r] != none) continue;
                tie_of_[r] = tie.from.front().value;
                used_[t] = true;
                break;
            }
        }
    }

    std::vector<block> build() {
        const auto& stmts = map_.statements();
        std::size_t central_count = 0;
        for (const auto& s : stmts) central_count += s.central ? 1 : 0;
        std::size_t k = 0;
        for (std::uint32_t i = 0; i < stmts.size(); ++i) {
            if (!stmts[i].central) continue;
            ++k;
            const std::string name = central_count == 1 ? "Main claim" : "Main claim " + std::to_string(k);
            root(statement_id{i}, name, central_count == 1 ? "the main claim" : "main claim " + std::to_string(k));
        }
        // What no main claim reaches: conclusions that support nothing, then whatever is left
        // (cycles), each from the statement its relation ends at.
        std::size_t others = 0;
        auto other = [&](statement_id s) {
            if (home_[s.value]) return;
            ++others;
            root(s, "Other claim " + std::to_string(others), "other claim " + std::to_string(others));
        };
        for (std::uint32_t i = 0; i < stmts.size(); ++i)
            if (!outgoing_[i] && (!supports_[i].empty() || !attacks_[i].empty())) other(statement_id{i});
        for (std::uint32_t r = 0; r < used_.size(); ++r) {
            if (used_[r]) continue;
            other(engine::target_statement(map_, relation_id{r}));
            if (!used_[r]) {
                // Its target was placed but the relation never reached: an undercut of a relation
                // that was itself never written cannot happen once every statement is placed,
                // but keep every relation written once whatever the map.
                queue_.push_back({r, describe_target(r)});
                run();
            }
        }
        block loose{"Not connected", "", {}};
        for (std::uint32_t i = 0; i < stmts.size(); ++i)
            if (!home_[i]) loose.lines.push_back({line::kind::plain, 0, shown(statement_id{i})});
        if (!loose.lines.empty()) blocks_.push_back(std::move(loose));
        return std::move(blocks_);
    }

private:
    void root(statement_id s, const std::string& name, const std::string& ref) {
        blocks_.push_back({name, shown(s), {}});
        place(s, ref);
        run();
    }

    void run() {
        while (!queue_.empty()) {
            const pending p = queue_.front();
            queue_.pop_front();
            if (used_[p.relation]) continue;
            if (map_.relations()[p.relation].type == relation_type::support)
                write_argument(p);
            else
                write_objection(p);
        }
    }

    /// The statement as a line shows it: "[Title]: text", "text" or "[Title]"; an argument's
    /// node "<Title>: text".
    std::string shown(statement_id s) const {
        const auto& st = map_.at(s);
        std::string text;
        for (const auto& part : detail::wrap_lines(detail::sanitize_utf8(st.text), 0)) text += part;
        std::string title;
        for (const auto& part : detail::wrap_lines(detail::sanitize_utf8(st.title), 0)) title += part;
        if (title.empty()) return text.empty() ? "(no text)" : text;
        const bool argument = st.kind == engine::statement_kind::argument;
        title = (argument ? "<" : "[") + title + (argument ? ">" : "]");
        return text.empty() ? title : title + ": " + text;
    }

    std::vector<statement_id> premises(std::uint32_t r) const {
        std::vector<statement_id> out;
        for (auto f : map_.relations()[r].from)
            if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
        return out;
    }

    /// Gives a statement the place where it is first shown, and queues what argues for and
    /// against it from there.
    void place(statement_id s, const std::string& ref) {
        auto& home = home_[s.value];
        if (home) return;
        home = ref;
        for (auto r : supports_[s.value])
            if (!used_[r]) queue_.push_back({r, ref});
        for (auto r : attacks_[s.value])
            if (!used_[r]) queue_.push_back({r, ref});
    }

    /// A relation's inference has been shown at `ref`: its undercuts are objections to it.
    void shown_inference(std::uint32_t r, const std::string& ref) {
        for (auto u : undercuts_[r])
            if (!used_[u]) queue_.push_back({u, ref});
    }

    std::string describe_target(std::uint32_t r) const {
        const auto& to = map_.relations()[r].to;
        if (const auto* s = std::get_if<statement_id>(&to))
            return home_[s->value].value_or("statement " + std::to_string(s->value + 1));
        return "an inference";
    }

    void write_argument(const pending& p) {
        const std::string number = std::to_string(++arguments_);
        block b{"Argument " + number + ", for " + p.target, "", {}};
        std::size_t n = 0;
        used_[p.relation] = true;
        const auto named_by = tie_of_[p.relation];
        if (named_by != none) b.lines.push_back({line::kind::plain, 0, shown(statement_id{named_by})});
        derive(p.relation, 0, b, n, number);
        const auto conclusion = std::get<statement_id>(map_.relations()[p.relation].to);
        b.lines.push_back({line::kind::numbered, ++n, shown(conclusion)});
        const std::string ref = "(" + std::to_string(n) + ") of argument " + number;
        blocks_.push_back(std::move(b));
        if (named_by != none) place(statement_id{named_by}, "argument " + number);
        place(conclusion, ref);
        shown_inference(p.relation, "the inference to " + ref);
    }

    /// The premises of support `r` (each derived in place when it has one support of its own)
    /// and its inference line; the caller writes the conclusion.
    void derive(std::uint32_t r, std::size_t depth, block& b, std::size_t& n, const std::string& number) {
        for (auto premise : premises(r)) {
            const auto& own = supports_[premise.value];
            // (An Argdown argument's structure stays an argument of its own, under its name.)
            if (!home_[premise.value] && depth < max_derivation_depth && own.size() == 1 && !used_[own.front()] &&
                tie_of_[own.front()] == none) {
                const auto sub = own.front();
                used_[sub] = true;
                derive(sub, depth + 1, b, n, number);
                b.lines.push_back({line::kind::numbered, ++n, shown(premise)});
                const std::string ref = "(" + std::to_string(n) + ") of argument " + number;
                place(premise, ref);
                shown_inference(sub, "the inference to " + ref);
            } else {
                b.lines.push_back({line::kind::numbered, ++n, shown(premise)});
                place(premise, "(" + std::to_string(n) + ") of argument " + number);
            }
        }
        std::string rule;
        for (const auto& part : detail::wrap_lines(detail::sanitize_utf8(map_.relations()[r].inference), 0)) rule += part;
        b.lines.push_back({line::kind::inference, 0, rule});
    }

    void write_objection(const pending& p) {
        const std::string number = std::to_string(++objections_);
        block b{"Objection " + number + ", against " + p.target, "", {}};
        used_[p.relation] = true;
        const auto from = premises(p.relation);
        std::vector<std::pair<statement_id, std::string>> places;
        if (from.size() == 1) {
            b.lines.push_back({line::kind::plain, 0, shown(from.front())});
            places.emplace_back(from.front(), "objection " + number);
        } else {
            std::size_t n = 0;
            for (auto s : from) {
                b.lines.push_back({line::kind::numbered, ++n, shown(s)});
                places.emplace_back(s, "(" + std::to_string(n) + ") of objection " + number);
            }
        }
        blocks_.push_back(std::move(b));
        for (const auto& [s, ref] : places) place(s, ref);
        shown_inference(p.relation, "the inference of objection " + number);
    }

    const engine::argument_map& map_;
    std::vector<std::vector<std::uint32_t>> supports_;   ///< per statement: supports of it
    std::vector<std::vector<std::uint32_t>> attacks_;    ///< per statement: attacks on it
    std::vector<std::vector<std::uint32_t>> undercuts_;  ///< per relation: relations against it
    std::vector<bool> outgoing_;                         ///< per statement: premise of something
    std::vector<std::optional<std::string>> home_;       ///< per statement: where first shown
    std::vector<bool> used_;                             ///< per relation: written
    std::vector<std::uint32_t> tie_of_;                  ///< per relation: the argument node naming it, or none
    std::deque<pending> queue_;
    std::vector<block> blocks_;
    std::size_t arguments_ = 0;
    std::size_t objections_ = 0;
};

/// `text` after `prefix`, wrapped to text_width with continuation lines under the text.
void wrapped(std::string& out, const std::string& prefix, const std::string& text) {
    const std::size_t room = text_width > prefix.size() + 20 ? text_width - prefix.size() : 20;
    bool first = true;
    for (const auto& part : detail::wrap_lines(text, room)) {
        out += first ? prefix : std::string(prefix.size(), ' ');
        out += part;
        out += '\n';
        first = false;
    }
    if (first) out += prefix + "\n";
}

std::string cleaned(std::string_view raw) {
    std::string out;
    for (const auto& part : detail::wrap_lines(detail::sanitize_utf8(raw), 0)) out += part;
    return out;
}

std::string as_text(const std::string& title, const std::vector<block>& blocks) {
    std::string out;
    if (!title.empty()) {
        wrapped(out, "", title);
        out += '\n';
    }
    bool first = true;
    for (const auto& b : blocks) {
        if (!first) out += '\n';
        first = false;
        if (!b.lead.empty()) {
            wrapped(out, b.heading + ": ", b.lead);
        } else {
            out += b.heading + '\n';
        }
        for (const auto& l : b.lines) {
            switch (l.what) {
                case line::kind::numbered: wrapped(out, "  (" + std::to_string(l.number) + ") ", l.text); break;
                case line::kind::inference: out += l.text.empty() ? "  ----\n" : "  -- " + l.text + " --\n"; break;
                case line::kind::plain: wrapped(out, "  ", l.text); break;
            }
        }
    }
    return out;
}

std::string as_markdown(const std::string& title, const std::vector<block>& blocks) {
    std::string out;
    if (!title.empty()) out += "# " + detail::escape_markdown(title) + "\n\n";
    for (const auto& b : blocks) {
        if (!b.lead.empty()) {
            out += "**" + b.heading + ":** " + detail::escape_markdown(b.lead) + "\n\n";
            continue;
        }
        out += "## " + b.heading + "\n\n";
        // Blank lines around each inference line: "----" then is a thematic break (never a
        // setext underline), and the ordered list after it starts again at its own number.
        bool in_list = false;
        for (const auto& l : b.lines) {
            switch (l.what) {
                case line::kind::numbered:
                    out += std::to_string(l.number) + ". " + detail::escape_markdown(l.text) + '\n';
                    in_list = true;
                    break;
                case line::kind::inference:
                    if (in_list) out += '\n';
                    out += l.text.empty() ? "----\n\n" : "-- " + detail::escape_markdown(l.text) + " --\n\n";
                    in_list = false;
                    break;
                case line::kind::plain:
                    if (in_list) out += '\n';
                    out += "- " + detail::escape_markdown(l.text) + '\n';
                    in_list = false;
                    break;
            }
        }
        while (!out.ends_with("\n\n")) out += '\n';
    }
    while (out.ends_with("\n\n")) out.pop_back();
    return out;
}

}  // namespace

std::string to_standard_form(const engine::argument_map& map, standard_form_style style) {
    const auto blocks = standard_form_builder(map).build();
    const auto& sources = map.sources();
    const std::string title = sources.size() == 1 ? cleaned(sources.front().title) : std::string();
    if (blocks.empty() && title.empty()) return style == standard_form_style::text ? "(no statements)\n" : "*(no statements)*\n";
    return style == standard_form_style::text ? as_text(title, blocks) : as_markdown(title, blocks);
}

}  // namespace argmap::render
