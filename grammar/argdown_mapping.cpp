#include "grammar/argdown_mapping.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <utility>

#include "grammar/argdown_parser.hpp"
#include "grammar/title_index.hpp"

namespace argmap::grammar {
namespace {

using engine::relation_id;
using engine::statement_id;

constexpr std::uint32_t none = no_index;

/// One end of a relation line: a node, or (for relations under an inference line) an inference.
struct endpoint {
    statement_id node;
    std::uint32_t argument = none;   ///< index in argdown_mapping::arguments when node is an argument
    std::uint32_t inference = none;  ///< an inference of that argument (relations under "----")
};

/// A relation line, resolved to nodes but not yet added (targets of undercuts come later).
struct pending_relation {
    relation_type type = relation_type::support;
    endpoint from;
    endpoint to;
    engine::span at;  ///< the symbol
};

/// An inference of a PCS, waiting to become a relation.
struct pending_inference {
    std::vector<std::size_t> premises;  ///< indices into mapped_argument::pcs
    std::size_t conclusion = 0;
    std::string rules;
    engine::span at;
};

/// The front matter's "title", or "".
std::string front_title(const argdown_document& doc) {
    if (!doc.front || doc.front->data == none || doc.front->data >= doc.data.size()) return {};
    for (auto c = doc.data[doc.front->data].first_child; c != none && c < doc.data.size(); c = doc.data[c].next_sibling) {
        if (doc.data[c].key == "title" && doc.data[c].kind == data_kind::scalar) return std::string(doc.data[c].value);
    }
    return {};
}

/// Whether the front matter sets Argdown's strict mode ("model: {mode: strict}").
bool strict_mode(const argdown_document& doc) {
    if (!doc.front || doc.front->data == none || doc.front->data >= doc.data.size()) return false;
    for (auto c = doc.data[doc.front->data].first_child; c != none && c < doc.data.size(); c = doc.data[c].next_sibling) {
        if (doc.data[c].key != "model" || doc.data[c].kind != data_kind::map) continue;
        for (auto m = doc.data[c].first_child; m != none && m < doc.data.size(); m = doc.data[m].next_sibling) {
            if (doc.data[m].key == "mode" && doc.data[m].kind == data_kind::scalar) return doc.data[m].value == "strict";
        }
    }
    return false;
}

/// What a document gives, counted from the heads of its lines without parsing it: upper bounds
/// for the most part (a title the count misses only makes a vector grow).
struct document_size {
    std::size_t nodes = 0;             ///< distinct titles, untitled elements, PCSs (anonymous arguments)
    std::size_t statement_titles = 0;  ///< distinct "[T]" at the head of an element
    std::size_t argument_titles = 0;   ///< distinct "<A>" at the head of an element
    std::size_t relation_lines = 0;    ///< lines that start with a relation symbol
};

document_size estimate_size(std::string_view text) {
    document_size size;
    detail::title_index statements, arguments;
    const char* p = text.data();
    const char* const end = p + text.size();
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    bool after_blank_line = true;
    bool argument_block = false;  // the last block starts with an argument's title
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* const line_end = nl != nullptr ? nl : end;
        while (p < line_end && blank(*p)) ++p;
        if (p == line_end || (*p == '\r' && p + 1 == line_end)) {
            after_blank_line = true;
            p = line_end + 1;
            continue;
        }
        bool element = after_blank_line && *p != '#';  // a block starts: an element unless a heading
        const bool symbol = *p == '+' || *p == '-' || *p == '_' || *p == '>' ||
                            (*p == '<' && p + 1 < line_end && (p[1] == '+' || p[1] == '-' || p[1] == '_'));
        const bool pcs_line = *p == '(' && p + 1 < line_end && digit(p[1]);
        const bool argument_above = argument_block;
        if (after_blank_line) argument_block = *p == '<' && !symbol;
        if (symbol) {
            const char* const start = p;
            while (p < line_end && (*p == '+' || *p == '-' || *p == '_' || *p == '<' || *p == '>')) ++p;
            if (p - start > 2 || std::string_view(start, static_cast<std::size_t>(p - start)) == "--") {
                after_blank_line = false;  // an inference line: "----", "-- rule --"
                p = line_end + 1;
                continue;
            }
            ++size.relation_lines;
            element = true;
        } else if (pcs_line) {  // "(n)"
            if (after_blank_line && !argument_above) ++size.nodes;  // an anonymous argument
            while (p < line_end && *p != ')') ++p;
            if (p < line_end) ++p;
            element = true;
        } else if (*p == '*' || (digit(*p) && p + 1 < line_end && p[1] == '.')) {  // a list item
            while (p < line_end && *p != ' ' && *p != '\t') ++p;
            element = true;
        }
        while (p < line_end && blank(*p)) ++p;
        if (p < line_end && (*p == '[' || *p == '<')) {
            const char close = *p == '[' ? ']' : '>';
            const char* t = p + 1;
            while (t < line_end && *t != close) ++t;
            auto& titles = *p == '[' ? statements : arguments;
            const std::string_view title(p + 1, static_cast<std::size_t>(t - p - 1));
            const auto known = titles.size();
            titles.insert(title, 0);
            if (titles.size() != known) ++size.nodes;
        } else if (element && p < line_end) {
            ++size.nodes;
        }
        after_blank_line = false;
        p = line_end + 1;
    }
    size.statement_titles = statements.size();
    size.argument_titles = arguments.size();
    return size;
}

/// Maps blocks as they come (a sink of the streaming parser, or the blocks of a parsed document),
/// then makes the relations once every node is known.
class mapper final : public argdown_block_sink {
public:
    /// `trace_lines`: fill argdown_mapping::relations (what each relation line became); a reader
    /// that wants only the map saves a vector per line.
    explicit mapper(bool trace_lines) : trace_lines_(trace_lines) {}

    void take(const argdown_document& doc, const block& b, std::uint32_t index) override {
        doc_ = &doc;
        if (!reserved_) {
            reserve(estimate_size(doc.input));
            strict_ = strict_mode(doc);  // the front matter is read before the first block
        }
        group_ = &group_of(b, index);
        std::visit([&](const auto& v) { visit_block(v); }, b.value);
        group_ = nullptr;
        doc_ = nullptr;
    }

    /// The map, with `s` as its only source: its text must be the document's input (the spans
    /// index into it).
    argdown_mapping finish(engine::source s) {
        // What only the blocks needed goes before the relations are made, where memory peaks.
        open_groups_ = {};
        statements_by_title_ = detail::title_index();
        arguments_by_title_ = detail::title_index();
        out_.map.add_source(std::move(s));
        reserve_relations();
        out_.map.add_statements(std::move(nodes_));
        nodes_ = {};
        add_arguments();
        add_relations();
        mark_central();
        locate_warnings();
        return std::move(out_);
    }

private:
    // ---- nodes ---------------------------------------------------------------------------------

    /// Room for what the document gives, so that no vector grows: a grown vector, or one
    /// reserved for a loose upper bound, holds room it never uses, which memory mapped in large
    /// pages (cli/large_pages.hpp) would still hold.
    void reserve(const document_size& size) {
        reserved_ = true;
        nodes_.reserve(size.nodes);
        grouped_by_definition_.reserve(size.nodes);
        argument_of_node_.reserve(size.nodes);
        pending_.reserve(size.relation_lines);
        statements_by_title_.reserve(size.statement_titles);
        arguments_by_title_.reserve(size.argument_titles);
    }

    /// Statements are collected here first (the map's container is append-only and texts may
    /// arrive with a later occurrence), then handed to the map whole.
    std::vector<engine::statement> nodes_;
    std::vector<char> grouped_by_definition_;  ///< per node: its group came from a definition

    statement_id new_node(engine::statement s) {
        s.source = engine::source_id{0};  // the map's only source, added at the end
        nodes_.push_back(std::move(s));
        grouped_by_definition_.push_back(0);
        argument_of_node_.push_back(none);
        return statement_id{static_cast<std::uint32_t>(nodes_.size() - 1)};
    }

    std::uint32_t argument_index(statement_id node) const {
        return node.value < argument_of_node_.size() ? argument_of_node_[node.value] : none;
    }

    std::uint32_t new_argument(statement_id node) {
        out_.arguments.push_back(mapped_argument{node, {}, {}, {}, {}});
        pending_inferences_.emplace_back();
        const auto i = static_cast<std::uint32_t>(out_.arguments.size() - 1);
        argument_of_node_[node.value] = i;
        return i;
    }

    void add_data(engine::statement& s, std::uint32_t root) {
        const auto& data = doc_->data;
        if (root == none || root >= data.size() || data[root].kind != data_kind::map) return;
        for (auto c = data[root].first_child; c != none && c < data.size(); c = data[c].next_sibling) {
            const auto& n = data[c];
            std::string value;
            if (n.kind == data_kind::scalar) {
                value = std::string(n.value);
            } else if (n.kind != data_kind::null) {
                value = flow(c);
            }
            s.data.emplace(std::string(n.key), std::move(value));  // the first definition wins
        }
    }

    /// A nested data value as one line of flow YAML ("[1, 2]", "{a: x, b: [y]}"), however it was
    /// written (block data too). Iterative: data may nest deeply.
    std::string flow(std::uint32_t root) const {
        const auto& data = doc_->data;
        std::string out;
        struct frame {
            std::uint32_t node;
            std::uint32_t next;  // next child to write, or none before the first
            bool opened;
        };
        std::vector<frame> stack{{root, none, false}};
        while (!stack.empty()) {
            auto& f = stack.back();
            const auto& n = data[f.node];
            if (n.kind != data_kind::list && n.kind != data_kind::map) {
                if (n.kind == data_kind::scalar) {
                    if (n.quoted) {
                        out += '"';
                        for (const char c : n.value) {
                            if (c == '"' || c == '\\') out += '\\';
                            out += c;
                        }
                        out += '"';
                    } else {
                        out += n.value;
                    }
                } else {
                    out += "null";
                }
                stack.pop_back();
                continue;
            }
            const char close = n.kind == data_kind::list ? ']' : '}';
            if (!f.opened) {
                out += n.kind == data_kind::list ? '[' : '{';
                f.opened = true;
                f.next = n.first_child;
            } else if (f.next != none) {
                out += ", ";
            }
            if (f.next == none || f.next >= data.size()) {
                out += close;
                stack.pop_back();
                continue;
            }
            const auto child = f.next;
            f.next = data[child].next_sibling;
            if (n.kind == data_kind::map) {
                out += data[child].key;
                out += ": ";
            }
            stack.push_back(frame{child, none, false});
        }
        return out;
    }

    void add_occurrence(statement_id id, const element& e) {
        auto& s = nodes_[id.value];
        const auto& where = e.body.where.empty() ? e.where.bytes : e.body.where;
        if (!where.empty()) s.spans.push_back(where);
        if (s.text.empty() && !e.body.text.empty()) s.text = std::string(e.body.text);
        for (const auto tag : e.body.tags) {
            if (std::find(s.tags.begin(), s.tags.end(), tag) == s.tags.end()) s.tags.emplace_back(tag);
        }
        add_data(s, e.body.data);
        // the group of the first definition (with text), else of the first occurrence
        const bool definition = !e.body.text.empty();
        auto& from_definition = grouped_by_definition_[id.value];
        if (group_ != nullptr && ((s.group.empty() && !from_definition) || (definition && !from_definition))) s.group = *group_;
        if (definition) from_definition = 1;
    }

    /// The node of an element, created on its first occurrence.
    endpoint resolve(const element& e) {
        const bool argument = e.kind == element_kind::argument;
        auto& index = argument ? arguments_by_title_ : statements_by_title_;
        statement_id id;
        if (e.title.empty() && !argument) {
            id = new_node(engine::statement{});
        } else {
            const auto known = index.find(e.title);
            if (known != detail::title_index::absent) {
                id = statement_id{known};
            } else {
                engine::statement s;
                s.title = std::string(e.title);
                s.kind = argument ? engine::statement_kind::argument : engine::statement_kind::statement;
                id = new_node(std::move(s));
                index.insert(e.title, id.value);
                if (argument) new_argument(id);
            }
        }
        add_occurrence(id, e);
        return endpoint{id, argument ? argument_index(id) : none, none};
    }

    // ---- blocks --------------------------------------------------------------------------------

    void visit_block(const heading&) {}

    void visit_block(const element_block& b) {
        const auto root = resolve(b.root);
        add_tree(root, b.relations);
    }

    void visit_block(const list_block& l) {
        for (const auto& item : l.items) add_tree(resolve(item.value), item.relations);
    }

    void visit_block(const pcs& p) {
        std::uint32_t a = none;
        if (!p.argument_title.empty()) {
            const auto known = arguments_by_title_.find(p.argument_title);
            if (known != detail::title_index::absent) a = argument_index(statement_id{known});
        }
        if (a == none) {  // an anonymous argument (or, defensively, a title not seen as a block)
            engine::statement s;
            s.kind = engine::statement_kind::argument;
            s.title = std::string(p.argument_title);
            s.group = group_ != nullptr ? *group_ : std::string{};
            const auto id = new_node(std::move(s));
            if (!p.argument_title.empty()) arguments_by_title_.insert(p.argument_title, id.value);
            a = new_argument(id);
        }
        if (!out_.arguments[a].pcs.empty()) {
            warn(p.where.bytes.begin, "second premise-conclusion structure for argument <" + std::string(p.argument_title) +
                                          ">: ignored");
            return;
        }
        std::vector<std::uint32_t> numbers;
        numbers.reserve(p.statements.size());
        {
            auto& ar = out_.arguments[a];
            ar.pcs.reserve(p.statements.size());
            ar.roles.reserve(p.statements.size());
        }
        std::size_t since = 0;                    // first line after the previous conclusion
        std::optional<std::size_t> previous;      // the previous conclusion
        for (const auto& line : p.statements) {
            const auto e = resolve(line.statement);
            // resolve() may have grown out_.arguments: index again
            auto& ar = out_.arguments[a];
            const std::size_t i = ar.pcs.size();
            ar.pcs.push_back(e.node);
            ar.roles.push_back(line.role);
            numbers.push_back(line.number);
            if (line.inferred_by) {
                pending_inference inf;
                inf.conclusion = i;
                inf.at = line.inferred_by->where.bytes;
                for (const auto& r : line.inferred_by->rules) {
                    if (!inf.rules.empty()) inf.rules += ", ";
                    inf.rules += r;
                }
                inf.premises = uses(line.inferred_by->data, numbers, i);
                if (inf.premises.empty()) {
                    if (previous) inf.premises.push_back(*previous);
                    for (std::size_t k = since; k < i; ++k) inf.premises.push_back(k);
                }
                pending_inferences_[a].push_back(std::move(inf));
                const auto inference_index = static_cast<std::uint32_t>(pending_inferences_[a].size() - 1);
                add_tree(endpoint{ar.node, a, inference_index}, line.inferred_by->relations);
                previous = i;
                since = i + 1;
            }
            add_tree(e, line.relations);
        }
    }

    /// The premises an inference's "{uses: [1, 2]}" names (indices into the PCS so far), or none.
    std::vector<std::size_t> uses(std::uint32_t root, const std::vector<std::uint32_t>& numbers, std::size_t conclusion) const {
        const auto& data = doc_->data;
        std::vector<std::size_t> out;
        if (root == none || root >= data.size()) return out;
        for (auto c = data[root].first_child; c != none && c < data.size(); c = data[c].next_sibling) {
            const auto& n = data[c];
            if (n.key != "uses" || n.kind != data_kind::list) continue;
            for (auto u = n.first_child; u != none && u < data.size(); u = data[u].next_sibling) {
                const auto v = data[u].value;
                std::uint32_t number = 0;
                const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
                if (ec != std::errc{} || p != v.data() + v.size()) continue;
                for (std::size_t k = 0; k < conclusion; ++k) {
                    if (numbers[k] == number && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
                }
            }
        }
        return out;
    }

    void add_tree(endpoint owner, const std::vector<relation_node>& relations) {
        std::vector<endpoint> ends;
        ends.reserve(relations.size());
        for (const auto& r : relations) {
            const endpoint parent = r.parent == none || r.parent >= ends.size() ? owner : ends[r.parent];
            const endpoint child = resolve(r.child);
            ends.push_back(child);
            pending_relation p;
            p.type = r.type;
            p.at = r.symbol_at.bytes;
            if (r.direction == relation_direction::parent_to_child) {
                p.from = parent;
                p.to = child;
            } else {
                p.from = child;
                p.to = parent;
            }
            pending_.push_back(p);
        }
    }

    // ---- relations -----------------------------------------------------------------------------

    /// Room for every relation: two for a contradiction, one for any other relation line, and an
    /// argument's inferences and its tie.
    void reserve_relations() {
        std::size_t relations = 0;
        for (const auto& p : pending_) relations += p.type == relation_type::contradiction || p.type == relation_type::attack ? 2 : 1;
        for (const auto& inferences : pending_inferences_) relations += inferences.size() + 1;
        out_.map.reserve(0, out_.map.relations().size() + relations);
    }

    void add_arguments() {
        for (std::size_t a = 0; a < out_.arguments.size(); ++a) {
            auto& arg = out_.arguments[a];
            for (const auto& inf : pending_inferences_[a]) {
                engine::relation r;
                r.type = engine::relation_type::support;
                for (const auto k : inf.premises) {
                    const auto id = arg.pcs[k];
                    if (id != arg.pcs[inf.conclusion] && std::find(r.from.begin(), r.from.end(), id) == r.from.end())
                        r.from.push_back(id);
                }
                r.to = arg.pcs[inf.conclusion];
                r.why.rule = std::string(argdown_pcs_rule);
                r.inference = inf.rules;
                if (r.from.empty()) {
                    warn(inf.at.begin, "inference without a premise other than its conclusion: dropped");
                    arg.inferences.push_back(relation_id{none});
                } else {
                    arg.inferences.push_back(out_.map.add_relation(std::move(r)));
                }
                arg.conclusion_index.push_back(inf.conclusion);
            }
            if (const auto c = main_conclusion(arg)) {
                engine::relation tie;
                tie.type = engine::relation_type::support;
                tie.from = {arg.node};
                tie.to = *c;
                tie.why.rule = std::string(argdown_argument_rule);
                out_.map.add_relation(std::move(tie));
            }
        }
    }

    static std::optional<statement_id> main_conclusion(const mapped_argument& a) {
        if (a.conclusion_index.empty()) return std::nullopt;
        return a.pcs[a.conclusion_index.back()];
    }

    /// Where a relation from this end starts: an argument with a PCS speaks through its conclusion.
    statement_id source_of(const endpoint& e) const {
        const auto a = argument_index(e.node);
        if (a != none) {
            if (const auto c = main_conclusion(out_.arguments[a])) return *c;
        }
        return e.node;
    }

    void add_relations() {
        std::vector<std::size_t> undercuts;
        if (trace_lines_) out_.relations.resize(pending_.size());
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            const auto& p = pending_[i];
        if (trace_lines_) out_.relations[i].type = p.type;
            if (p.to.inference != none && p.type == relation_type::support) {
                // a support of an inference line: the model supports arguments, not their inferences
                const auto from = source_of(p.from);
                if (from != p.to.node)
                    trace(i, add(engine::relation_type::support, from, p.to.node, argdown_relation_rule));
                continue;
            }
            if (p.type == relation_type::undercut || p.to.inference != none) {
                undercuts.push_back(i);
                continue;
            }
            const auto from = source_of(p.from);
            const auto to = p.to.node;
            if (from == to) {
                // An argument supporting its own conclusion says what its tie says: Argdown drops it.
                if (argument_index(p.from.node) == none) warn(p.at.begin, "a relation from a statement to itself: dropped");
                continue;
            }
            if (p.type == relation_type::contradiction) {
                trace(i, add(engine::relation_type::attack, from, to, argdown_contradiction_rule));
                const auto back = source_of(p.to);
                if (back != p.from.node)
                    trace(i, add(engine::relation_type::attack, back, p.from.node, argdown_contradiction_rule));
                continue;
            }
            if (strict_ && argument_index(p.from.node) == none && argument_index(to) == none) {
                // strict mode, between statements: support is entailment, attack contrariness
                // (the two cannot both be true), which holds both ways
                if (p.type == relation_type::support) {
                    trace(i, add(engine::relation_type::support, from, to, argdown_entails_rule));
                } else {
                    trace(i, add(engine::relation_type::attack, from, to, argdown_contrary_rule));
                    trace(i, add(engine::relation_type::attack, to, from, argdown_contrary_rule));
                }
                continue;
            }
            const auto type = p.type == relation_type::support ? engine::relation_type::support : engine::relation_type::attack;
            trace(i, add(type, from, to, argdown_relation_rule));
        }
        first_out_.assign(out_.map.statements().size(), none);
        const auto& rels = out_.map.relations();
        for (std::size_t k = rels.size(); k-- > 0;) {
            const auto& r = rels[k];
            if (r.from.size() == 1 && r.why.rule != argdown_argument_rule) first_out_[r.from.front().value] = static_cast<std::uint32_t>(k);
        }
        for (const auto i : undercuts) {
            const auto& p = pending_[i];
            const auto from = source_of(p.from);
            const auto target = undercut_target(p.to);
            if (!target) {
                if (from == p.to.node) {
                    warn(p.at.begin, "an undercut of an argument by itself: dropped");
                    continue;
                }
                warn(p.at.begin, "nothing to undercut here (an undercut needs an argument with an inference or a relation): "
                                 "taken as an attack");
                trace(i, add(engine::relation_type::attack, from, p.to.node, argdown_relation_rule));
                continue;
            }
            engine::relation r;
            r.type = engine::relation_type::undercut;
            r.from = {from};
            r.to = *target;
            r.why.rule = std::string(argdown_relation_rule);
            trace(i, out_.map.add_relation(std::move(r)));
        }
    }

    /// The relation an undercut of this end attacks.
    std::optional<relation_id> undercut_target(const endpoint& e) const {
        const auto a = argument_index(e.node);
        if (a == none) return std::nullopt;
        const auto& arg = out_.arguments[a];
        if (e.inference != none && e.inference < arg.inferences.size()) {
            const auto r = arg.inferences[e.inference];
            if (r.value != none) return r;
            return std::nullopt;
        }
        for (auto it = arg.inferences.rbegin(); it != arg.inferences.rend(); ++it) {
            if (it->value != none) return *it;
        }
        // No PCS: the argument's own first support or attack of something else.
        const auto k = first_out_[e.node.value];
        if (k == none) return std::nullopt;
        return relation_id{k};
    }

    /// Notes that relation line `line` became relation `r`.
    void trace(std::size_t line, relation_id r) {
        if (trace_lines_) out_.relations[line].relations.push_back(r);
    }

    relation_id add(engine::relation_type type, statement_id from, statement_id to, std::string_view rule) {
        engine::relation r;
        r.type = type;
        r.from = {from};
        r.to = to;
        r.why.rule = std::string(rule);
        return out_.map.add_relation(std::move(r));
    }

    void mark_central() {
        const auto& statements = out_.map.statements();
        std::vector<char> reached(statements.size(), 0), reaches(statements.size(), 0);
        for (const auto& r : out_.map.relations()) {
            if (r.why.rule == argdown_argument_rule) continue;
            for (const auto f : r.from) reaches[f.value] = 1;
            if (const auto* to = std::get_if<statement_id>(&r.to)) reached[to->value] = 1;
        }
        for (std::size_t i = 0; i < statements.size(); ++i) {
            if (statements[i].kind == engine::statement_kind::statement && reached[i] && !reaches[i])
                out_.map.set_central(statement_id{static_cast<std::uint32_t>(i)}, true);
        }
    }

    // ---- groups, front matter, warnings ------------------------------------------------------------

    /// The group of a block: the path of the headings above it ("Part A > Section 1"); a
    /// heading's own is its path, for the blocks under it.
    const std::string& group_of(const block& b, std::uint32_t index) {
        while (!open_groups_.empty() && open_groups_.back().first != b.section) open_groups_.pop_back();
        const auto* h = std::get_if<heading>(&b.value);
        if (h == nullptr) return open_groups_.empty() ? no_group_ : open_groups_.back().second;
        std::string path(h->title.text);
        if (!open_groups_.empty() && !open_groups_.back().second.empty()) path = open_groups_.back().second + " > " + path;
        open_groups_.emplace_back(index, std::move(path));
        return open_groups_.back().second;
    }

    /// Warnings are located at the end, in the source's text.
    void warn(std::size_t offset, std::string message) { warnings_.emplace_back(offset, std::move(message)); }

    void locate_warnings() {
        if (warnings_.empty()) return;  // most documents have none
        engine::text_locator locator(out_.map.sources().front().text);
        out_.warnings.reserve(warnings_.size());
        for (auto& [offset, message] : warnings_) out_.warnings.push_back(locator.locate(offset, std::move(message)));
        warnings_ = {};
    }

    const argdown_document* doc_ = nullptr;  ///< the document of the block being taken
    bool reserved_ = false;
    const bool trace_lines_;
    bool strict_ = false;  ///< Argdown's strict mode (front matter "model: {mode: strict}")
    argdown_mapping out_;
    std::vector<std::pair<std::size_t, std::string>> warnings_;  ///< (offset, message)
    /// (heading block, its group) of the headings open above the block being taken
    std::vector<std::pair<std::uint32_t, std::string>> open_groups_;
    const std::string no_group_;
    const std::string* group_ = nullptr;
    detail::title_index statements_by_title_;  ///< title → node
    detail::title_index arguments_by_title_;   ///< title → node
    std::vector<std::uint32_t> argument_of_node_;  ///< per node: its index in out_.arguments, or none
    std::vector<std::vector<pending_inference>> pending_inferences_;
    std::vector<pending_relation> pending_;
    std::vector<std::uint32_t> first_out_;  ///< per node: its first support or attack, before undercuts
};

/// The map's source: the document's name, its front matter's title, and its text.
engine::source make_source(const argdown_document& doc, const std::string& name, std::string text) {
    engine::source s;
    s.name = name;
    s.title = front_title(doc);
    s.text = std::move(text);
    return s;
}

/// Parses `text` with a mapper taking the blocks as they are read; on errors, the errors.
/// `text_for_source` gives the source's text once parsing is done.
template <class Text>
engine::parse_result<engine::argument_map> read(std::string_view text, Text&& text_for_source, const std::string& source_name,
                                                std::vector<engine::diagnostic>* warnings) {
    mapper m(false);
    auto parsed = parse_argdown(text, m);
    if (warnings != nullptr && parsed.value) warnings->insert(warnings->end(), parsed.value->warnings.begin(), parsed.value->warnings.end());
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.errors)};
    auto source = make_source(*parsed.value, source_name, text_for_source());
    parsed.value.reset();  // the blocks are mapped: what is left of the parse goes before the relations are made
    auto mapped = m.finish(std::move(source));
    if (warnings != nullptr) warnings->insert(warnings->end(), mapped.warnings.begin(), mapped.warnings.end());
    return {std::move(mapped.map), {}};
}

}  // namespace

argdown_mapping map_argdown(const argdown_document& doc, const std::string& source_name) {
    mapper m(true);
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) m.take(doc, doc.blocks[b], static_cast<std::uint32_t>(b));
    return m.finish(make_source(doc, source_name, std::string(doc.input)));
}

engine::parse_result<engine::argument_map> read_argdown_owning(std::string&& text, const std::string& source_name,
                                                               std::vector<engine::diagnostic>* warnings) {
    // The map's source takes the text only once it is parsed and its blocks mapped (the parser
    // reads it where it is): a large input is never held twice.
    const std::string_view view = text;
    return read(view, [&] { return std::move(text); }, source_name, warnings);
}

engine::parse_result<engine::argument_map> read_argdown(std::string_view text, const std::string& source_name,
                                                        std::vector<engine::diagnostic>* warnings) {
    return read(text, [&] { return std::string(text); }, source_name, warnings);
}

}  // namespace argmap::grammar
