#include "render/aif_document.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "render/json_document.hpp"

namespace argmap::render {

using nlohmann::json;

namespace {

constexpr const char* default_inference = "Default Inference";
constexpr const char* default_conflict = "Default Conflict";
constexpr const char* default_rephrase = "Default Rephrase";

// ---------------------------------------------------------------------------------------------
// Writing

/// A support that came from an MA node (and can be one again: a rephrase has one premise).
bool written_as_rephrase(const engine::relation& r) {
    return r.type == engine::relation_type::support && r.from.size() == 1 && r.why.rule == aif_rephrase_rule;
}

template <class Json>
void build_nodeset(const engine::argument_map& map, const aif_options& options, Json& doc) {
    const std::size_t statement_count = map.statements().size();
    // Node ids: statements first, "1" .. "n", then one scheme node per relation.
    const auto statement_node = [](engine::statement_id id) { return std::to_string(std::uint64_t{id.value} + 1); };
    const auto relation_node = [statement_count](engine::relation_id id) {
        return std::to_string(statement_count + std::uint64_t{id.value} + 1);
    };

    Json nodes = Json::array();
    for (std::size_t i = 0; i < statement_count; ++i) {
        const auto& s = map.statements()[i];
        Json v = Json::object();
        v["nodeID"] = statement_node(engine::statement_id{static_cast<std::uint32_t>(i)});
        v["text"] = s.text;
        v["type"] = "I";
        if (!options.timestamp.empty()) v["timestamp"] = options.timestamp;
        if (s.kind != engine::statement_kind::statement) v["argmap_kind"] = engine::to_string(s.kind);
        if (!s.title.empty()) v["argmap_title"] = s.title;
        if (!s.tags.empty()) {
            Json tags = Json::array();
            for (const auto& t : s.tags) tags.push_back(t);
            v["argmap_tags"] = std::move(tags);
        }
        if (!s.group.empty()) v["argmap_group"] = s.group;
        if (s.central) v["argmap_central"] = true;
        if (!s.data.empty()) {
            Json data = Json::object();
            for (const auto& [key, value] : s.data) data[key] = value;
            v["argmap_data"] = std::move(data);
        }
        nodes.push_back(std::move(v));
    }

    Json edges = Json::array();
    std::uint64_t edge_count = 0;
    const auto add_edge = [&](std::string from, std::string to) {
        Json e = Json::object();
        e["edgeID"] = std::to_string(++edge_count);
        e["fromID"] = std::move(from);
        e["toID"] = std::move(to);
        e["formEdgeID"] = nullptr;
        edges.push_back(std::move(e));
    };

    for (std::size_t k = 0; k < map.relations().size(); ++k) {
        const auto& r = map.relations()[k];
        const engine::relation_id id{static_cast<std::uint32_t>(k)};
        const bool rephrase = written_as_rephrase(r);
        const char* type = rephrase ? "MA" : r.type == engine::relation_type::support ? "RA" : "CA";
        const char* fallback = rephrase                                        ? default_rephrase
                               : r.type == engine::relation_type::support ? default_inference
                                                                          : default_conflict;
        Json v = Json::object();
        v["nodeID"] = relation_node(id);
        v["text"] = r.inference.empty() ? std::string(fallback) : r.inference;
        v["type"] = type;
        if (!options.timestamp.empty()) v["timestamp"] = options.timestamp;
        if (!r.why.rule.empty() && !rephrase) v["argmap_rule"] = r.why.rule;
        if (!r.why.marker.empty()) v["argmap_marker"] = r.why.marker;
        if (r.why.confidence != 1.0) v["argmap_confidence"] = r.why.confidence;
        nodes.push_back(std::move(v));

        for (const auto f : r.from) add_edge(statement_node(f), relation_node(id));
        if (const auto* st = std::get_if<engine::statement_id>(&r.to))
            add_edge(relation_node(id), statement_node(*st));
        else
            add_edge(relation_node(id), relation_node(std::get<engine::relation_id>(r.to)));
    }

    doc["nodes"] = std::move(nodes);
    doc["edges"] = std::move(edges);
    doc["locutions"] = Json::array();
}

// ---------------------------------------------------------------------------------------------
// Shared by reading and checking

using detail::child;
using detail::describe;
using detail::json_quoted;
using detail::path_error;

/// A node or edge id as a key: strings as they are, integers in decimal (4 and "4" are one id).
std::optional<std::string> id_key(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    return std::nullopt;
}

bool is_scheme_type(std::string_view t) { return t == "RA" || t == "CA" || t == "MA"; }

bool is_dialogue_type(std::string_view t) { return t == "L" || t == "TA" || t == "YA"; }

/// The nodeset inside OVA's wrapper, or the document itself; nullptr (with a message) if "AIF"
/// is there but not an object.
const json* nodeset_of(const json& doc, std::string& prefix, std::string& problem) {
    const auto it = doc.find("AIF");
    if (it == doc.end()) return &doc;
    prefix = "AIF";
    if (!it->is_object()) {
        problem = std::string("expected an object, found ") + it->type_name();
        return nullptr;
    }
    return &*it;
}

// ---------------------------------------------------------------------------------------------
// Reading

enum class node_kind : std::uint8_t { information, scheme, ignored, invalid };

struct node_entry {
    node_kind kind = node_kind::invalid;
    std::uint32_t index = 0;  ///< statement index (information) or scheme index (scheme)
};

struct conclusion_edge {
    node_entry node;
    std::string id;    ///< the node id as written
    std::string path;  ///< the edge's "toID"
};

/// An RA, CA or MA node and what the edges say about it.
struct scheme_node {
    std::string type;  ///< "RA", "CA" or "MA"
    std::string id;
    std::string path;
    std::vector<std::uint32_t> premises;  ///< statement indices, in edge order
    std::vector<conclusion_edge> conclusions;
    std::string inference;
    engine::provenance why;
    // resolved
    engine::relation_type relation = engine::relation_type::support;
    std::optional<std::variant<engine::statement_id, std::uint32_t>> target;  ///< a statement or a scheme
    std::string target_path;
};

class aif_reader {
public:
    std::vector<path_error> errors;

    std::optional<engine::argument_map> read(const json& doc, std::string_view source_name) {
        if (!doc.is_object()) {
            fail("", std::string("expected an object, found ") + doc.type_name());
            return std::nullopt;
        }
        std::string prefix;
        std::string problem;
        const json* set = nodeset_of(doc, prefix, problem);
        if (!set) {
            fail(prefix, problem);
            return std::nullopt;
        }
        std::string text;
        if (!prefix.empty()) {
            // OVA's analysed text: a string, or {"txt": "..."}; anything else is not ours to judge.
            if (const auto t = doc.find("text"); t != doc.end()) {
                if (t->is_string())
                    text = t->get<std::string>();
                else if (t->is_object() && t->contains("txt") && (*t)["txt"].is_string())
                    text = (*t)["txt"].get<std::string>();
            }
        }
        const json* nodes = array_member(*set, prefix, "nodes");
        const json* edges = array_member(*set, prefix, "edges");
        if (nodes) read_nodes(*nodes, child(prefix, "nodes"));
        if (nodes && edges) read_edges(*edges, child(prefix, "edges"));
        resolve();
        const auto order = relation_order();
        if (!errors.empty()) return std::nullopt;
        return build(order, source_name, std::move(text));
    }

private:
    std::unordered_map<std::string, node_entry> nodes_;
    std::vector<engine::statement> statements_;
    std::vector<std::string> statement_ids_;
    std::vector<scheme_node> schemes_;

    void fail(const std::string& path, const std::string& message) {
        errors.push_back({path, (path.empty() ? std::string("document") : path) + ": " + message});
    }

    const json* member(const json& obj, const std::string& path, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(path, std::string("missing key \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    const json* array_member(const json& obj, const std::string& path, const char* key) {
        const json* v = member(obj, path, key, true);
        if (v && !v->is_array()) {
            fail(child(path, key), std::string("expected an array, found ") + v->type_name());
            return nullptr;
        }
        return v;
    }

    std::optional<std::string> string_member(const json& obj, const std::string& path, const char* key, bool required) {
        const json* v = member(obj, path, key, required);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            fail(child(path, key), std::string("expected a string, found ") + v->type_name());
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    std::optional<std::string> id_member(const json& obj, const std::string& path, const char* key) {
        const json* v = member(obj, path, key, true);
        if (!v) return std::nullopt;
        auto id = id_key(*v);
        if (!id) fail(child(path, key), "expected a string or an integer, found " + describe(*v));
        return id;
    }

    void read_nodes(const json& array, const std::string& base) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string path = child(base, i);
            const json& v = array[i];
            if (!v.is_object()) {
                fail(path, std::string("expected an object, found ") + v.type_name());
                continue;
            }
            const auto id = id_member(v, path, "nodeID");
            const auto type = string_member(v, path, "type", true);
            node_entry entry;
            if (type && *type == "I") {
                entry = {node_kind::information, static_cast<std::uint32_t>(statements_.size())};
                statements_.push_back(read_statement(v, path));
                statement_ids_.push_back(id.value_or(""));
            } else if (type && is_scheme_type(*type)) {
                entry = {node_kind::scheme, static_cast<std::uint32_t>(schemes_.size())};
                schemes_.push_back(read_scheme(v, path, *type, id.value_or("")));
            } else if (type && (is_dialogue_type(*type) || *type == "PA")) {
                entry.kind = node_kind::ignored;
            } else if (type) {
                fail(child(path, "type"),
                     "unknown node type " + json_quoted(*type) + " (expected I, RA, CA, MA, PA, L, TA or YA)");
            }
            if (id && !nodes_.emplace(*id, entry).second)
                fail(child(path, "nodeID"), "duplicate node id " + json_quoted(*id));
        }
    }

    engine::statement read_statement(const json& v, const std::string& path) {
        engine::statement s;
        if (auto x = string_member(v, path, "text", true)) s.text = std::move(*x);
        if (const auto kind = string_member(v, path, "argmap_kind", false)) {
            if (const auto parsed = engine::parse_statement_kind(*kind))
                s.kind = *parsed;
            else
                fail(child(path, "argmap_kind"),
                     "unknown kind " + json_quoted(*kind) + " (expected \"statement\" or \"argument\")");
        }
        if (auto x = string_member(v, path, "argmap_title", false)) s.title = std::move(*x);
        if (const json* tags = member(v, path, "argmap_tags", false)) {
            if (!tags->is_array()) {
                fail(child(path, "argmap_tags"), std::string("expected an array, found ") + tags->type_name());
            } else {
                for (std::size_t k = 0; k < tags->size(); ++k) {
                    const json& t = (*tags)[k];
                    if (t.is_string())
                        s.tags.push_back(t.get<std::string>());
                    else
                        fail(child(child(path, "argmap_tags"), k), std::string("expected a tag (a string), found ") + t.type_name());
                }
            }
        }
        if (auto x = string_member(v, path, "argmap_group", false)) s.group = std::move(*x);
        if (const json* central = member(v, path, "argmap_central", false)) {
            if (central->is_boolean())
                s.central = central->get<bool>();
            else
                fail(child(path, "argmap_central"), std::string("expected true or false, found ") + central->type_name());
        }
        if (const json* data = member(v, path, "argmap_data", false)) {
            if (!data->is_object()) {
                fail(child(path, "argmap_data"), std::string("expected an object, found ") + data->type_name());
            } else {
                for (const auto& [key, value] : data->items()) {
                    if (value.is_string())
                        s.data.emplace(key, value.get<std::string>());
                    else
                        fail(child(child(path, "argmap_data"), key), std::string("expected a string, found ") + value.type_name());
                }
            }
        }
        return s;
    }

    scheme_node read_scheme(const json& v, const std::string& path, const std::string& type, std::string id) {
        scheme_node n;
        n.type = type;
        n.id = std::move(id);
        n.path = path;
        std::string text;
        if (auto x = string_member(v, path, "text", false)) text = std::move(*x);
        const bool is_default = text.empty() || text == type ||
                                (type == "RA" && text == default_inference) ||
                                (type == "CA" && text == default_conflict) ||
                                (type == "MA" && text == default_rephrase);
        if (!is_default) {
            n.inference = std::move(text);
        } else if (const auto it = v.find("scheme"); it != v.end() && it->is_string()) {
            // Some tools name the scheme here; AIFdb sometimes puts a scheme number here instead.
            n.inference = it->get<std::string>();
        }
        if (type == "MA") n.why.rule = std::string(aif_rephrase_rule);
        if (auto x = string_member(v, path, "argmap_rule", false)) n.why.rule = std::move(*x);
        if (auto x = string_member(v, path, "argmap_marker", false)) n.why.marker = std::move(*x);
        if (const json* c = member(v, path, "argmap_confidence", false)) {
            if (!c->is_number())
                fail(child(path, "argmap_confidence"), std::string("expected a number, found ") + c->type_name());
            else if (const double d = c->get<double>(); !std::isfinite(d) || d < 0.0 || d > 1.0)
                fail(child(path, "argmap_confidence"), "expected a number in [0, 1], found " + describe(*c));
            else
                n.why.confidence = d;
        }
        return n;
    }

    void read_edges(const json& array, const std::string& base) {
        for (std::size_t k = 0; k < array.size(); ++k) {
            const std::string path = child(base, k);
            const json& e = array[k];
            if (!e.is_object()) {
                fail(path, std::string("expected an object, found ") + e.type_name());
                continue;
            }
            const auto from_id = id_member(e, path, "fromID");
            const auto to_id = id_member(e, path, "toID");
            const auto from = resolve_id(from_id, child(path, "fromID"));
            const auto to = resolve_id(to_id, child(path, "toID"));
            if (!from || !to) continue;
            if (from->kind == node_kind::ignored || to->kind == node_kind::ignored) continue;  // dialogue, preference
            if (from->kind == node_kind::invalid || to->kind == node_kind::invalid) continue;  // reported already
            if (from->kind == node_kind::information && to->kind == node_kind::information) {
                fail(path, "an edge between two I-nodes (" + json_quoted(*from_id) + " -> " + json_quoted(*to_id) +
                               "); AIF joins statements only through RA, CA or MA nodes");
            } else if (from->kind == node_kind::information) {
                schemes_[to->index].premises.push_back(from->index);
            } else {
                schemes_[from->index].conclusions.push_back({*to, *to_id, child(path, "toID")});
            }
        }
    }

    std::optional<node_entry> resolve_id(const std::optional<std::string>& id, const std::string& path) {
        if (!id) return std::nullopt;
        const auto it = nodes_.find(*id);
        if (it == nodes_.end()) {
            fail(path, "unknown node id " + json_quoted(*id));
            return std::nullopt;
        }
        return it->second;
    }

    /// Each scheme node's relation type and target, from its edges.
    void resolve() {
        for (auto& n : schemes_) {
            const std::string name = n.type + " node " + json_quoted(n.id);
            if (n.premises.empty()) fail(n.path, name + " has no premise (no edge into it from an I-node)");
            if (n.conclusions.size() != 1) {
                fail(n.path, name + (n.conclusions.empty()
                                         ? std::string(" has no conclusion (no edge out of it)")
                                         : " has " + std::to_string(n.conclusions.size()) + " conclusions (edges out of it); expected one"));
                continue;
            }
            const auto& c = n.conclusions.front();
            n.target_path = c.path;
            if (c.node.kind == node_kind::information) {
                n.relation = n.type == "CA" ? engine::relation_type::attack : engine::relation_type::support;
                n.target = engine::statement_id{c.node.index};
                for (const auto p : n.premises)
                    if (p == c.node.index) {
                        fail(c.path, "the I-node " + json_quoted(c.id) + " is both premise and conclusion of " + name);
                        break;
                    }
            } else if (n.type == "CA") {
                n.relation = engine::relation_type::undercut;
                n.target = c.node.index;
            } else {
                fail(c.path, "an " + n.type + " node must conclude an I-node; " + json_quoted(c.id) + " is a " +
                                 schemes_[c.node.index].type + " node");
            }
        }
    }

    /// An order of the schemes in which every undercut follows what it undercuts: node order
    /// where that holds already. Reports cycles of undercuts.
    std::vector<std::uint32_t> relation_order() {
        enum class mark : std::uint8_t { none, active, done };
        std::vector<mark> marks(schemes_.size(), mark::none);
        std::vector<std::uint32_t> order;
        order.reserve(schemes_.size());
        std::vector<std::uint32_t> chain;
        for (std::uint32_t start = 0; start < schemes_.size(); ++start) {
            chain.clear();
            // Each scheme node has at most one target: follow the chain (no recursion).
            std::optional<std::uint32_t> next = start;
            bool cycle = false;
            while (next && marks[*next] == mark::none) {
                marks[*next] = mark::active;
                chain.push_back(*next);
                const auto& t = schemes_[*next].target;
                next = (t && std::holds_alternative<std::uint32_t>(*t)) ? std::optional(std::get<std::uint32_t>(*t)) : std::nullopt;
            }
            if (next && marks[*next] == mark::active) {
                cycle = true;
                std::string ids;
                std::size_t k = 0;
                while (chain[k] != *next) ++k;
                for (std::size_t j = k; j < chain.size(); ++j) ids += json_quoted(schemes_[chain[j]].id) + " -> ";
                ids += json_quoted(schemes_[*next].id);
                fail(schemes_[*next].target_path, "a cycle of undercuts: " + ids);
            }
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                marks[*it] = mark::done;
                if (!cycle) order.push_back(*it);
            }
        }
        return order;
    }

    std::optional<engine::argument_map> build(const std::vector<std::uint32_t>& order, std::string_view source_name,
                                              std::string text) {
        engine::argument_map map;
        try {
            const auto source = map.add_source({std::string(source_name), "", "", std::move(text)});
            for (auto& s : statements_) {
                s.source = source;
                map.add_statement(std::move(s));
            }
            std::vector<std::uint32_t> new_index(schemes_.size());
            for (std::uint32_t k = 0; k < order.size(); ++k) new_index[order[k]] = k;
            for (const auto i : order) {
                auto& n = schemes_[i];
                engine::relation r;
                r.type = n.relation;
                for (const auto p : n.premises) r.from.push_back(engine::statement_id{p});
                if (const auto* st = std::get_if<engine::statement_id>(&n.target.value()))
                    r.to = *st;
                else
                    r.to = engine::relation_id{new_index[std::get<std::uint32_t>(*n.target)]};
                r.why = std::move(n.why);
                r.inference = std::move(n.inference);
                map.add_relation(std::move(r));
            }
        } catch (const std::exception& e) {
            // Every condition the model checks is checked above; this is a safety net.
            fail("", std::string("inconsistent nodeset: ") + e.what());
            return std::nullopt;
        }
        return map;
    }
};

engine::parse_result<engine::argument_map> check(const json& document, std::string_view text, std::string_view source_name) {
    engine::parse_result<engine::argument_map> result;
    aif_reader reader;
    try {
        result.value = reader.read(document, source_name);
    } catch (const json::exception& e) {
        // Every access above checks types first; this is a safety net.
        reader.errors.push_back({"", std::string("document: ") + e.what()});
    }
    if (reader.errors.empty()) return result;
    result.value.reset();
    result.errors = detail::locate_path_errors(text, std::move(reader.errors));
    return result;
}

}  // namespace

json to_aif_value(const engine::argument_map& map, const aif_options& options) {
    json doc = json::object();
    build_nodeset(map, options, doc);
    return doc;
}

std::string write_aif(const engine::argument_map& map, bool pretty, const aif_options& options) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    build_nodeset(map, options, doc);
    // replace: text that is not valid UTF-8 must not make writing throw.
    return doc.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

engine::parse_result<engine::argument_map> from_aif_value(const json& document, std::string_view source_name) {
    return check(document, {}, source_name);
}

engine::parse_result<engine::argument_map> read_aif(std::string_view text, std::string_view source_name) {
    auto parsed = detail::parse_json_text(text);
    if (!parsed.value) {
        engine::parse_result<engine::argument_map> result;
        result.errors = std::move(parsed.errors);
        return result;
    }
    return check(*parsed.value, text, source_name);
}

std::vector<std::string> check_aif(const json& document) {
    std::vector<std::string> out;
    const auto fail = [&out](const std::string& path, const std::string& message) {
        out.push_back((path.empty() ? std::string("document") : path) + ": " + message);
    };
    if (!document.is_object()) {
        fail("", std::string("expected an object, found ") + document.type_name());
        return out;
    }
    std::string prefix;
    std::string problem;
    const json* set = nodeset_of(document, prefix, problem);
    if (!set) {
        fail(prefix, problem);
        return out;
    }
    const json* arrays[2] = {nullptr, nullptr};
    const char* names[2] = {"nodes", "edges"};
    for (int k = 0; k < 2; ++k) {
        const auto it = set->find(names[k]);
        if (it == set->end())
            fail(prefix, std::string("missing key \"") + names[k] + "\"");
        else if (!it->is_array())
            fail(child(prefix, names[k]), std::string("expected an array, found ") + it->type_name());
        else
            arrays[k] = &*it;
    }
    if (!arrays[0] || !arrays[1]) return out;

    struct scheme_count {
        std::string type;
        std::string id;
        std::string path;
        std::size_t premises = 0;
        std::size_t conclusions = 0;
    };
    std::unordered_map<std::string, std::string> types;  // node id -> type
    std::unordered_map<std::string, std::size_t> scheme_index;
    std::vector<scheme_count> schemes;
    const std::string node_base = child(prefix, "nodes");
    for (std::size_t i = 0; i < arrays[0]->size(); ++i) {
        const std::string path = child(node_base, i);
        const json& v = (*arrays[0])[i];
        if (!v.is_object()) {
            fail(path, std::string("expected an object, found ") + v.type_name());
            continue;
        }
        std::optional<std::string> id;
        if (const auto it = v.find("nodeID"); it == v.end())
            fail(path, "missing key \"nodeID\"");
        else if (!(id = id_key(*it)))
            fail(child(path, "nodeID"), "expected a string or an integer, found " + describe(*it));
        std::optional<std::string> type;
        if (const auto it = v.find("type"); it == v.end())
            fail(path, "missing key \"type\"");
        else if (!it->is_string())
            fail(child(path, "type"), std::string("expected a string, found ") + it->type_name());
        else
            type = it->get<std::string>();
        if (const auto it = v.find("text"); it == v.end())
            fail(path, "missing key \"text\"");
        else if (!it->is_string())
            fail(child(path, "text"), std::string("expected a string, found ") + it->type_name());
        if (!id) continue;
        if (!types.emplace(*id, type.value_or("")).second) {
            fail(child(path, "nodeID"), "duplicate node id " + json_quoted(*id));
            continue;
        }
        if (type && is_scheme_type(*type)) {
            scheme_index.emplace(*id, schemes.size());
            schemes.push_back({*type, *id, path});
        }
    }

    std::unordered_set<std::string> edge_ids;
    const std::string edge_base = child(prefix, "edges");
    for (std::size_t k = 0; k < arrays[1]->size(); ++k) {
        const std::string path = child(edge_base, k);
        const json& e = (*arrays[1])[k];
        if (!e.is_object()) {
            fail(path, std::string("expected an object, found ") + e.type_name());
            continue;
        }
        if (const auto it = e.find("edgeID"); it == e.end()) {
            fail(path, "missing key \"edgeID\"");
        } else if (const auto id = id_key(*it); !id) {
            fail(child(path, "edgeID"), "expected a string or an integer, found " + describe(*it));
        } else if (!edge_ids.insert(*id).second) {
            fail(child(path, "edgeID"), "duplicate edge id " + json_quoted(*id));
        }
        std::optional<std::string> ends[2];
        const char* keys[2] = {"fromID", "toID"};
        for (int j = 0; j < 2; ++j) {
            const auto it = e.find(keys[j]);
            if (it == e.end()) {
                fail(path, std::string("missing key \"") + keys[j] + "\"");
                continue;
            }
            ends[j] = id_key(*it);
            if (!ends[j])
                fail(child(path, keys[j]), "expected a string or an integer, found " + describe(*it));
            else if (!types.count(*ends[j])) {
                fail(child(path, keys[j]), "unknown node id " + json_quoted(*ends[j]));
                ends[j].reset();
            }
        }
        if (!ends[0] || !ends[1]) continue;
        const auto& from_type = types[*ends[0]];
        const auto& to_type = types[*ends[1]];
        if (from_type == "I" && to_type == "I")
            fail(path, "an edge between two I-nodes (" + json_quoted(*ends[0]) + " -> " + json_quoted(*ends[1]) + ")");
        if (const auto it = scheme_index.find(*ends[1]); it != scheme_index.end() && from_type == "I") ++schemes[it->second].premises;
        if (const auto it = scheme_index.find(*ends[0]);
            it != scheme_index.end() && (to_type == "I" || to_type == "PA" || is_scheme_type(to_type)))
            ++schemes[it->second].conclusions;
    }

    for (const auto& s : schemes) {
        const std::string name = s.type + " node " + json_quoted(s.id);
        if (s.premises == 0) fail(s.path, name + " has no premise (no edge into it from an I-node)");
        if (s.conclusions != 1)
            fail(s.path, name + " has " + std::to_string(s.conclusions) + " conclusions (edges out of it); expected one");
    }
    return out;
}

}  // namespace argmap::render
