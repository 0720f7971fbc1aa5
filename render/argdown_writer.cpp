#include "render/argdown_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace argmap::render {
namespace {

using engine::relation_id;
using engine::statement_id;
using engine::statement_kind;

constexpr std::uint32_t none = 0xFFFFFFFFu;
constexpr std::string_view pcs_rule = "argdown-pcs";
constexpr std::string_view argument_rule = "argdown-argument";
constexpr std::string_view contradiction_rule = "argdown-contradiction";

/// Where an indented line hangs: under a node's placement, or under an inference line of a PCS.
struct anchor {
    std::uint32_t node = none;
    std::uint32_t inference = none;  ///< index into that node's pcs.inferences
};

struct line {
    anchor at;
    std::string_view symbol;
    std::uint32_t child = none;
    std::string comment;  ///< written as a "//" line before it when not empty
};

struct inference {
    std::size_t conclusion = 0;  ///< index into pcs::lines
    std::string rules;
    std::vector<std::size_t> uses;  ///< indices into pcs::lines; empty: the default premises
    std::vector<std::uint32_t> lines;  ///< indented lines under the inference (undercuts)
};

struct pcs {
    std::vector<std::uint32_t> lines;  ///< nodes, one per numbered line
    std::vector<inference> inferences;
};

struct node {
    const engine::statement* s = nullptr;  ///< nullptr: an argument of the writer's own
    statement_kind kind = statement_kind::statement;
    std::string title;
    std::string group;
    std::optional<pcs> reconstruction;
    std::vector<std::uint32_t> lines;  ///< lines anchored at this node, in order
    std::size_t positions = 0;         ///< lines and PCS lines that name it
    std::uint32_t placed_by = none;    ///< for a node written in one place: the line, or none
    std::uint32_t placed_in = none;    ///< ... or the argument whose PCS lists it
    bool inline_ = false;              ///< written as its text where it stands (untitled)
    bool bare_pcs = false;             ///< an untitled argument written as a PCS alone
};

bool valid_title(std::string_view t) {
    if (t.empty() || t.front() == ' ' || t.back() == ' ') return false;
    if (t.find_first_of("[]<>{}\\\r\n\t") != std::string_view::npos) return false;
    return t.find("//") == std::string_view::npos && t.find("/*") == std::string_view::npos;
}

bool tag_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || c == '_' || u >= 0x80;
}

/// A text with Argdown's special characters escaped; tags of `tags` and mentions written as
/// Argdown writes them stay as they are.
std::string escape_text(std::string_view t, const std::vector<std::string>& tags) {
    std::string out;
    out.reserve(t.size() + 8);
    // what would start a line of another kind ("- x", "(1) x", "1. x", "=== ")
    if (!t.empty() && std::string_view("+-(=>0123456789").find(t.front()) != std::string_view::npos) out += '\\';
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '#') {
            bool kept = false;
            for (const auto& tag : tags) {
                const auto rest = t.substr(i + 1);
                if (rest.substr(0, tag.size() + 2) == "(" + tag + ")" ||
                    (rest.substr(0, tag.size()) == tag && (rest.size() == tag.size() || !tag_char(rest[tag.size()])) &&
                     std::all_of(tag.begin(), tag.end(), tag_char))) {
                    kept = true;
                    break;
                }
            }
            if (!kept) out += '\\';
            out += c;
            continue;
        }
        if (c == '@' && i + 1 < t.size() && (t[i + 1] == '[' || t[i + 1] == '<')) {
            const char close = t[i + 1] == '[' ? ']' : '>';
            const auto end = t.find(close, i + 2);
            if (end != std::string_view::npos && end > i + 2 && valid_title(t.substr(i + 2, end - i - 2))) {
                out.append(t.substr(i, end - i + 1));
                i = end;
                continue;
            }
        }
        switch (c) {
            case '\\': case '@': case '*': case '_': case '[': case ']': case '<': case '>': case '{': case '}':
                out += '\\';
                break;
            case '/':
                if (i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) out += '\\';
                break;
            case '.': case ':': {
                // ".x." and ":x:" may be shortcodes
                const auto end = t.find(c, i + 1);
                if (end != std::string_view::npos && end > i + 1 && end - i <= 16 &&
                    t.substr(i + 1, end - i - 1).find(' ') == std::string_view::npos)
                    out += '\\';
                break;
            }
            case '\r': case '\n': case '\t':
                out += ' ';
                continue;
            default:
                break;
        }
        out += c;
    }
    return out;
}

std::string tags_suffix(std::string_view text, const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : tags) {
        std::string clean;
        for (const char c : tag) {
            if (c != '(' && c != ')' && c != '\n' && c != '\r') clean += c;
        }
        if (clean.empty()) continue;
        const bool simple = std::all_of(clean.begin(), clean.end(), tag_char);
        const std::string written = simple ? "#" + clean : "#(" + clean + ")";
        const auto at = text.find(written);
        if (at != std::string_view::npos) continue;  // the text holds it
        out += ' ';
        out += written;
    }
    return out;
}

std::string quoted(std::string_view v) {
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out + '"';
}

std::string data_suffix(const std::map<std::string, std::string>& data) {
    if (data.empty()) return {};
    std::string out = " {";
    bool first = true;
    for (const auto& [k, v] : data) {
        if (!first) out += ", ";
        first = false;
        const bool simple_key = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
        });
        out += simple_key ? k : quoted(k);
        out += ": ";
        // a nested value (kept as written) goes back as written; a scalar is quoted
        const bool nested = v.size() >= 2 && v.find('\n') == std::string::npos &&
                            ((v.front() == '[' && v.back() == ']') || (v.front() == '{' && v.back() == '}'));
        out += nested ? v : quoted(v);
    }
    return out + "}";
}

class writer {
public:
    explicit writer(const engine::argument_map& map) : map_(map) {}

    std::string run() {
        const auto& st = map_.statements();
        nodes_.resize(st.size());
        for (std::size_t i = 0; i < st.size(); ++i) {
            nodes_[i].s = &st[i];
            nodes_[i].kind = st[i].kind;
            nodes_[i].group = st[i].group;
        }
        claimed_.assign(map_.relations().size(), 0);
        speaker_.assign(st.size(), none);
        inference_of_.assign(map_.relations().size(), anchor{});
        claim_reconstructions();
        const auto& rels = map_.relations();
        first_out_.assign(st.size(), none);
        for (std::size_t k = rels.size(); k-- > 0;) {
            if (rels[k].type != engine::relation_type::undercut && rels[k].from.size() == 1 && rels[k].why.rule != argument_rule)
                first_out_[rels[k].from.front().value] = static_cast<std::uint32_t>(k);
        }
        mark_wrapped();
        make_lines();
        count_positions();
        choose_titles();
        return emit();
    }

private:
    // ---- structure -----------------------------------------------------------------------------

    void claim_reconstructions() {
        const auto& rels = map_.relations();
        for (std::size_t k = 0; k < rels.size(); ++k) {
            const auto& tie = rels[k];
            const auto* c = std::get_if<statement_id>(&tie.to);
            if (tie.why.rule != argument_rule || tie.type != engine::relation_type::support || tie.from.size() != 1 || c == nullptr) continue;
            const auto a = tie.from.front().value;
            if (nodes_[a].kind != statement_kind::argument || nodes_[a].reconstruction) continue;
            std::size_t first = k;
            while (first > 0 && !claimed_[first - 1] && rels[first - 1].why.rule == pcs_rule &&
                   rels[first - 1].type == engine::relation_type::support && std::holds_alternative<statement_id>(rels[first - 1].to))
                --first;
            if (first == k || std::get<statement_id>(rels[k - 1].to) != *c) continue;
            std::vector<std::size_t> run;
            for (std::size_t j = first; j < k; ++j) run.push_back(j);
            build_pcs(a, run);
            claimed_[k] = 1;
            if (speaker_[c->value] == none) speaker_[c->value] = a;
        }
    }

    /// A PCS for node a from supports (relation indices), in order.
    void build_pcs(std::uint32_t a, const std::vector<std::size_t>& run) {
        const auto& rels = map_.relations();
        pcs p;
        std::unordered_map<std::uint32_t, std::size_t> line_of;
        std::optional<std::size_t> previous;
        for (const auto k : run) {
            const auto& r = rels[k];
            const std::size_t start = p.lines.size();
            std::set<std::size_t> actual;
            for (const auto f : r.from) {
                auto it = line_of.find(f.value);
                if (it == line_of.end()) {
                    it = line_of.emplace(f.value, p.lines.size()).first;
                    p.lines.push_back(f.value);
                }
                actual.insert(it->second);
            }
            inference inf;
            inf.rules = r.inference;
            std::set<std::size_t> defaults;
            for (std::size_t i = start; i < p.lines.size(); ++i) defaults.insert(i);
            if (previous) defaults.insert(*previous);
            inf.conclusion = p.lines.size();
            const auto to = std::get<statement_id>(r.to).value;
            p.lines.push_back(to);
            line_of[to] = inf.conclusion;
            if (actual != defaults) inf.uses.assign(actual.begin(), actual.end());
            previous = inf.conclusion;
            inference_of_[k] = anchor{a, static_cast<std::uint32_t>(p.inferences.size())};
            p.inferences.push_back(std::move(inf));
            claimed_[k] = 1;
        }
        nodes_[a].reconstruction = std::move(p);
    }

    /// Supports that undercuts attack and that are not an argument's inference: they become
    /// arguments of their own, so that the undercut has an inference line to stand under.
    void mark_wrapped() {
        const auto& rels = map_.relations();
        wrap_.assign(rels.size(), 0);
        for (const auto& r : rels) {
            const auto* target = std::get_if<relation_id>(&r.to);
            if (r.type != engine::relation_type::undercut || target == nullptr) continue;
            const auto t = target->value;
            if (claimed_[t] || rels[t].type != engine::relation_type::support) continue;
            if (first_out_of_plain_argument(t)) continue;
            wrap_[t] = 1;
        }
    }

    /// Whether relation t is the first support or attack of an argument without a PCS (what an
    /// undercut of that argument attacks).
    bool first_out_of_plain_argument(std::uint32_t t) const {
        const auto& rels = map_.relations();
        const auto& r = rels[t];
        if (r.from.size() != 1 || nodes_[r.from.front().value].kind != statement_kind::argument ||
            nodes_[r.from.front().value].reconstruction)
            return false;
        return first_out_[r.from.front().value] == t && r.inference.empty();
    }

    std::uint32_t add_line(anchor at, std::string_view symbol, std::uint32_t child, std::string comment = {}) {
        lines_.push_back(line{at, symbol, child, std::move(comment)});
        const auto i = static_cast<std::uint32_t>(lines_.size() - 1);
        if (at.inference != none) {
            nodes_[at.node].reconstruction->inferences[at.inference].lines.push_back(i);
        } else {
            nodes_[at.node].lines.push_back(i);
        }
        return i;
    }

    std::uint32_t own_argument(std::size_t k) {
        node n;
        n.kind = statement_kind::argument;
        n.title = "Argument r" + std::to_string(k + 1);
        const auto& r = map_.relations()[k];
        if (const auto* to = std::get_if<statement_id>(&r.to)) n.group = nodes_[to->value].group;
        nodes_.push_back(std::move(n));
        const auto a = static_cast<std::uint32_t>(nodes_.size() - 1);
        build_pcs(a, {k});
        return a;
    }

    void make_lines() {
        const auto& rels = map_.relations();
        for (std::size_t k = 0; k < rels.size(); ++k) {
            if (claimed_[k]) continue;
            const auto& r = rels[k];
            const auto* to = std::get_if<statement_id>(&r.to);
            if (r.type == engine::relation_type::support && to != nullptr) {
                if (r.from.size() == 1 && r.inference.empty() && !wrap_[k]) {
                    add_line(anchor{to->value}, "+", speaking(r.from.front().value, to->value));
                } else {
                    own_argument(k);
                }
            } else if (r.type == engine::relation_type::attack && to != nullptr) {
                if (r.why.rule == contradiction_rule && r.from.size() == 1) {
                    const auto back = find_back_attack(k);
                    if (back != none) {
                        claimed_[back] = 1;
                        add_line(anchor{to->value}, "><", r.from.front().value);
                        continue;
                    }
                }
                std::string comment;
                if (r.from.size() > 1) comment = "linked premises, written as one attack each";
                for (const auto f : r.from) {
                    add_line(anchor{to->value}, "-", r.from.size() == 1 ? speaking(f.value, to->value) : f.value, comment);
                    comment.clear();
                }
            } else if (r.type == engine::relation_type::undercut) {
                const auto t = std::get<relation_id>(r.to).value;
                std::string comment = r.from.size() > 1 ? "linked premises, written as one undercut each" : "";
                for (const auto f : r.from) {
                    if (inference_of_[t].node != none) {
                        add_line(inference_of_[t], "<_", speaking(f.value, inference_of_[t].node), comment);
                    } else if (first_out_of_plain_argument(t)) {
                        add_line(anchor{rels[t].from.front().value}, "_", f.value, comment);
                    } else {
                        add_line(anchor{rels[t].from.front().value}, "-", f.value,
                                 "an undercut of an attack, written as an attack on its first premise");
                    }
                    comment.clear();
                }
            }
        }
    }

    /// Who says a relation from statement `from` to `to`: the argument whose conclusion it is,
    /// if any (unless that argument is `to` itself), else the statement.
    std::uint32_t speaking(std::uint32_t from, std::uint32_t to) const {
        const auto a = from < speaker_.size() ? speaker_[from] : none;
        return a != none && a != to ? a : from;
    }

    std::uint32_t find_back_attack(std::size_t k) const {
        const auto& rels = map_.relations();
        const auto& r = rels[k];
        const auto a = r.from.front();
        const auto b = std::get<statement_id>(r.to);
        for (std::size_t j = k + 1; j < rels.size() && j <= k + 1; ++j) {  // the mapper adds them side by side
            const auto& q = rels[j];
            const auto* qt = std::get_if<statement_id>(&q.to);
            if (!claimed_[j] && q.type == engine::relation_type::attack && q.why.rule == contradiction_rule && q.from.size() == 1 &&
                q.from.front() == b && qt != nullptr && *qt == a)
                return static_cast<std::uint32_t>(j);
        }
        return none;
    }

    void count_positions() {
        for (std::uint32_t i = 0; i < lines_.size(); ++i) {
            auto& n = nodes_[lines_[i].child];
            if (++n.positions == 1) n.placed_by = i;
        }
        for (std::uint32_t a = 0; a < nodes_.size(); ++a) {
            if (!nodes_[a].reconstruction) continue;
            for (const auto n : nodes_[a].reconstruction->lines) {
                auto& x = nodes_[n];
                if (++x.positions == 1) x.placed_in = a;
            }
        }
    }

    /// The node whose placement holds this node's single place.
    std::uint32_t holder(std::uint32_t n) const {
        const auto& x = nodes_[n];
        if (x.placed_by != none) return lines_[x.placed_by].at.node;
        return x.placed_in;
    }

    void choose_titles() {
        std::set<std::string> used_statement_titles, used_argument_titles;
        auto unique = [](std::set<std::string>& used, std::string t) {
            std::string u = t;
            for (int k = 2; used.count(u) != 0; ++k) u = t + " (" + std::to_string(k) + ")";
            used.insert(u);
            return u;
        };
        // titles as given first, so that made-up ones never take them
        for (auto& n : nodes_) {
            auto& used = n.kind == statement_kind::argument ? used_argument_titles : used_statement_titles;
            const std::string given = n.s != nullptr ? n.s->title : n.title;
            if (valid_title(given) && used.count(given) == 0) {
                n.title = given;
                used.insert(given);
            } else {
                n.title.clear();
            }
        }
        for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
            auto& n = nodes_[i];
            if (!n.title.empty()) continue;
            if (n.kind == statement_kind::argument) {
                const bool bare = n.s != nullptr && n.s->title.empty() && n.s->text.empty() && n.reconstruction && n.lines.empty() &&
                                  n.positions == 0 && n.s->tags.empty() && n.s->data.empty();
                if (bare) {
                    n.bare_pcs = true;
                } else {
                    n.title = unique(used_argument_titles, n.s != nullptr ? "a" + std::to_string(i + 1) : "Argument " + std::to_string(i + 1));
                }
                continue;
            }
            if (n.positions <= 1 && n.s != nullptr && !n.s->text.empty() && (n.s->title.empty())) {
                n.inline_ = true;
            } else {
                n.title = unique(used_statement_titles, "s" + std::to_string(i + 1));
            }
        }
        // An inline node held, through other inline nodes, by itself would never be written.
        std::vector<char> state(nodes_.size(), 0);  // 0 unknown, 1 on the current walk, 2 fine
        for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
            std::vector<std::uint32_t> walk;
            std::uint32_t x = i;
            while (x != none && nodes_[x].inline_ && nodes_[x].positions == 1 && state[x] == 0) {
                state[x] = 1;
                walk.push_back(x);
                x = holder(x);
            }
            if (x != none && x < state.size() && state[x] == 1) {  // a cycle: give its first node a title
                nodes_[x].inline_ = false;
                nodes_[x].title = unique(used_statement_titles, "s" + std::to_string(x + 1));
            }
            for (const auto w : walk) state[w] = 2;
        }
    }

    // ---- text ----------------------------------------------------------------------------------

    std::string ref(std::uint32_t i) const {
        const auto& n = nodes_[i];
        if (n.inline_) return body(i);
        return n.kind == statement_kind::argument ? "<" + n.title + ">" : "[" + n.title + "]";
    }

    /// Text, tags and data of a node (for definitions and inline statements).
    std::string body(std::uint32_t i) const {
        const auto& n = nodes_[i];
        if (n.s == nullptr) return {};
        return escape_text(n.s->text, n.s->tags) + tags_suffix(n.s->text, n.s->tags) + data_suffix(n.s->data);
    }

    std::string head(std::uint32_t i) const {
        const auto& n = nodes_[i];
        return n.kind == statement_kind::argument ? "<" + n.title + ">" : "[" + n.title + "]";
    }

    std::string definition(std::uint32_t i) const {
        const auto& n = nodes_[i];
        if (n.inline_) return body(i);
        if (n.s == nullptr) return head(i);
        if (n.s->text.empty()) return head(i) + tags_suffix("", n.s->tags) + data_suffix(n.s->data);
        // tags that the text does not hold go on a reference of their own (see extra_tags), so
        // that the text stays as it was
        return head(i) + ": " + escape_text(n.s->text, n.s->tags) + data_suffix(n.s->data);
    }

    /// "[T] #tag" for the tags a titled node's text does not hold, or "".
    std::string extra_tags(std::uint32_t i) const {
        const auto& n = nodes_[i];
        if (n.inline_ || n.s == nullptr || n.s->text.empty()) return {};
        const auto tags = tags_suffix(n.s->text, n.s->tags);
        return tags.empty() ? std::string() : head(i) + tags + "\n\n";
    }

    /// The lines anchored at `first` (their ids), with what hangs under inline children, from
    /// `depth` (indentation 2 * depth) on. Iterative: chains may be long.
    void write_lines(std::string& out, const std::vector<std::uint32_t>& first, std::size_t depth) {
        struct frame {
            const std::vector<std::uint32_t>* lines;
            std::size_t next;
            std::size_t depth;
        };
        std::vector<frame> stack{{&first, 0, depth}};
        while (!stack.empty()) {
            auto& f = stack.back();
            if (f.next >= f.lines->size()) {
                stack.pop_back();
                continue;
            }
            const auto& l = lines_[(*f.lines)[f.next++]];
            const std::string indent(2 * f.depth, ' ');
            if (!l.comment.empty()) out += indent + "// " + l.comment + "\n";
            out += indent;
            out += l.symbol;
            out += ' ';
            out += ref(l.child);
            out += '\n';
            const auto& c = nodes_[l.child];
            if (c.inline_ && !c.lines.empty()) stack.push_back(frame{&c.lines, 0, f.depth + 1});
        }
    }

    void write_pcs(std::string& out, std::uint32_t a) {
        const auto& p = *nodes_[a].reconstruction;
        std::size_t next_inference = 0;
        for (std::size_t i = 0; i < p.lines.size(); ++i) {
            while (next_inference < p.inferences.size() && p.inferences[next_inference].conclusion == i) {
                const auto& inf = p.inferences[next_inference++];
                std::string rules;
                for (const char c : inf.rules) {
                    if (c == '{' || c == '}' || c == '\n' || c == '\r') continue;
                    if (c == '-' && !rules.empty() && rules.back() == '-') continue;
                    if ((c == '/' || c == '*') && !rules.empty() && rules.back() == '/') continue;
                    rules += c;
                }
                while (!rules.empty() && (rules.back() == ' ' || rules.back() == '-')) rules.pop_back();
                while (!rules.empty() && (rules.front() == ' ' || rules.front() == '-')) rules.erase(rules.begin());
                std::string uses;
                if (!inf.uses.empty()) {
                    uses = "{uses: [";
                    for (std::size_t u = 0; u < inf.uses.size(); ++u) uses += (u ? ", " : "") + std::to_string(inf.uses[u] + 1);
                    uses += "]}";
                }
                if (rules.empty() && uses.empty()) {
                    out += "----\n";
                } else {
                    out += "-- " + rules + (rules.empty() || uses.empty() ? "" : " ") + uses + " --\n";
                }
                write_lines(out, inf.lines, 2);
            }
            const auto n = p.lines[i];
            out += "(" + std::to_string(i + 1) + ") ";
            const auto& x = nodes_[n];
            // a statement written only here carries its text here
            if (x.inline_ && x.placed_in == a) {
                out += body(n);
            } else {
                out += "[" + x.title + "]";
            }
            out += '\n';
            if (x.inline_ && x.placed_in == a) write_lines(out, x.lines, 2);
        }
    }

    void write_home(std::string& out, std::uint32_t i) {
        const auto& n = nodes_[i];
        out += definition(i) + "\n";
        write_lines(out, n.lines, 1);
        out += "\n";
        if (n.reconstruction) {
            write_pcs(out, i);
            out += "\n";
        }
        out += extra_tags(i);
    }

    std::string emit() {
        std::string out;
        if (!map_.sources().empty() && !map_.sources().front().title.empty())
            out += "===\ntitle: " + quoted(map_.sources().front().title) + "\n===\n\n";
        // groups in order of first appearance, the ungrouped part first
        std::vector<std::string> groups{""};
        for (const auto& n : nodes_) {
            if (std::find(groups.begin(), groups.end(), n.group) == groups.end()) groups.push_back(n.group);
        }
        std::vector<std::string> current;
        for (const auto& g : groups) {
            std::vector<std::string> path;
            for (std::size_t b = 0; !g.empty();) {
                const auto e = g.find(" > ", b);
                path.push_back(g.substr(b, e == std::string::npos ? std::string::npos : e - b));
                if (e == std::string::npos) break;
                b = e + 3;
            }
            if (!g.empty()) {
                std::size_t same = 0;
                while (same < path.size() && same < current.size() && path[same] == current[same] && same + 1 < path.size()) ++same;
                for (std::size_t d = same; d < path.size(); ++d)
                    out += std::string(d + 1, '#') + " " + escape_text(path[d], {}) + "\n\n";
                current = path;
            }
            for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
                if (nodes_[i].bare_pcs && nodes_[i].group == g) {
                    write_pcs(out, i);
                    out += "\n";
                }
            }
            for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
                const auto& n = nodes_[i];
                if (n.group != g || n.bare_pcs) continue;
                if (n.inline_ && n.positions > 0) continue;  // written where it stands
                write_home(out, i);
            }
        }
        while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
        return out;
    }

    const engine::argument_map& map_;
    std::vector<node> nodes_;
    std::vector<line> lines_;
    std::vector<char> claimed_;
    std::vector<char> wrap_;
    std::vector<anchor> inference_of_;
    std::vector<std::uint32_t> first_out_;  ///< per map statement: its first support or attack
    /// per map statement: an argument whose main conclusion it is (a relation from the statement
    /// is written as one from the argument, which Argdown reads as from its conclusion)
    std::vector<std::uint32_t> speaker_;
};

}  // namespace

std::string write_argdown(const engine::argument_map& map) { return writer(map).run(); }

}  // namespace argmap::render
