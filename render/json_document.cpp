#include "render/json_document.hpp"

#include "render/json_text_writer.hpp"

#include <algorithm>
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

namespace argmap::render {

using nlohmann::json;

std::string json_id(engine::source_id id) {
    // Bijective base 26, as spreadsheet columns: a..z, aa..az, ba.., zz, aaa..
    std::string out;
    std::uint64_t n = std::uint64_t{id.value} + 1;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('a' + n % 26));
        n /= 26;
    }
    return out;
}

std::string json_id(engine::statement_id id) { return "s" + std::to_string(std::uint64_t{id.value} + 1); }

std::string json_id(engine::relation_id id) { return "r" + std::to_string(std::uint64_t{id.value} + 1); }

namespace {

// ---------------------------------------------------------------------------------------------
// Writing

template <class Json>
Json span_value(const engine::span& s) {
    Json out = Json::array();
    out.push_back(s.begin);
    out.push_back(s.end);
    return out;
}

template <class Json>
Json source_value(const engine::argument_map& map, std::size_t i) {
    const auto& s = map.sources()[i];
    Json v = Json::object();
    v["id"] = json_id(engine::source_id{static_cast<std::uint32_t>(i)});
    v["name"] = s.name;
    if (!s.title.empty()) v["title"] = s.title;
    if (!s.byline.empty()) v["byline"] = s.byline;
    v["text"] = s.text;
    return v;
}

template <class Json>
Json statement_value(const engine::argument_map& map, std::size_t i, const engine::map_status* status) {
    const auto& s = map.statements()[i];
    Json v = Json::object();
    v["id"] = json_id(engine::statement_id{static_cast<std::uint32_t>(i)});
    v["source"] = json_id(s.source);
    if (s.kind != engine::statement_kind::statement) v["kind"] = engine::to_string(s.kind);
    if (!s.title.empty()) v["title"] = s.title;
    v["text"] = s.text;
    Json spans = Json::array();
    for (const auto& sp : s.spans) spans.push_back(span_value<Json>(sp));
    v["spans"] = std::move(spans);
    if (s.central) v["central"] = true;
    if (!s.tags.empty()) {
        Json tags = Json::array();
        for (const auto& t : s.tags) tags.push_back(t);
        v["tags"] = std::move(tags);
    }
    if (!s.group.empty()) v["group"] = s.group;
    if (!s.data.empty()) {
        Json data = Json::object();
        for (const auto& [key, value] : s.data) data[key] = value;
        v["data"] = std::move(data);
    }
    if (status) v["status"] = engine::to_string(status->statements[i]);
    return v;
}

template <class Json>
Json relation_value(const engine::argument_map& map, std::size_t i, const engine::map_status* status) {
    const auto& r = map.relations()[i];
    Json v = Json::object();
    v["id"] = json_id(engine::relation_id{static_cast<std::uint32_t>(i)});
    v["type"] = engine::to_string(r.type);
    Json from = Json::array();
    for (auto f : r.from) from.push_back(json_id(f));
    v["from"] = std::move(from);
    v["to"] = std::visit([](auto id) { return json_id(id); }, r.to);
    v["marker"] = r.why.marker;
    if (r.why.marker_span) v["marker_span"] = span_value<Json>(*r.why.marker_span);
    v["rule"] = r.why.rule;
    v["confidence"] = r.why.confidence;
    if (!r.inference.empty()) v["inference"] = r.inference;
    if (status) v["status"] = engine::to_string(status->relations[i]);
    return v;
}

template <class Json>
Json alignment_value(const engine::argument_map& map, std::size_t i) {
    const auto& a = map.alignments()[i];
    Json v = Json::object();
    Json pair = Json::array();
    pair.push_back(json_id(a.first));
    pair.push_back(json_id(a.second));
    v["statements"] = std::move(pair);
    v["stance"] = engine::to_string(a.stance);
    v["score"] = a.score;
    return v;
}

/// Adds the document's members to `doc` (an object), in contract order.
template <class Json>
void build_document(const engine::argument_map& map, Json& doc, const engine::map_status* status = nullptr) {
    doc["format"] = "argmap";
    doc["version"] = 1;
    Json sources = Json::array();
    for (std::size_t i = 0; i < map.sources().size(); ++i) sources.push_back(source_value<Json>(map, i));
    doc["sources"] = std::move(sources);
    Json statements = Json::array();
    for (std::size_t i = 0; i < map.statements().size(); ++i) statements.push_back(statement_value<Json>(map, i, status));
    doc["statements"] = std::move(statements);
    Json relations = Json::array();
    for (std::size_t i = 0; i < map.relations().size(); ++i) relations.push_back(relation_value<Json>(map, i, status));
    doc["relations"] = std::move(relations);
    if (!map.alignments().empty()) {
        Json alignments = Json::array();
        for (std::size_t i = 0; i < map.alignments().size(); ++i) alignments.push_back(alignment_value<Json>(map, i));
        doc["alignments"] = std::move(alignments);
    }
}

std::string dump(const nlohmann::ordered_json& doc, bool pretty) {
    // replace: text that is not valid UTF-8 must not make writing throw.
    return doc.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

json to_json_value(const engine::argument_map& map) {
    json doc = json::object();
    build_document(map, doc);
    return doc;
}

namespace {

/// Written directly as text without building the value that build_document makes (it takes
/// several times the memory of the map); compact, it is the text dump() gives that value (the
/// tests hold both to the same text).
void write_document(const engine::argument_map& map, detail::json_text_writer& w, const engine::map_status* status) {
    auto span = [&](const engine::span& sp) {
        w.begin_array();
        w.value(std::uint64_t{sp.begin});
        w.value(std::uint64_t{sp.end});
        w.end_array();
    };
    std::vector<std::string> source_ids;  // "a", "b", ...: made once, not per statement
    for (std::size_t i = 0; i < map.sources().size(); ++i)
        source_ids.push_back(json_id(engine::source_id{static_cast<std::uint32_t>(i)}));
    w.begin_object();
    w.known_key("format");
    w.known_value("argmap");
    w.known_key("version");
    w.value(std::uint64_t{1});
    w.known_key("sources");
    w.begin_array();
    for (std::size_t i = 0; i < map.sources().size(); ++i) {
        const auto& s = map.sources()[i];
        w.begin_object();
        w.known_key("id");
        w.known_value(source_ids[i]);
        w.known_key("name");
        w.value(s.name);
        if (!s.title.empty()) {
            w.known_key("title");
            w.value(s.title);
        }
        if (!s.byline.empty()) {
            w.known_key("byline");
            w.value(s.byline);
        }
        w.known_key("text");
        w.value(s.text);
        w.end_object();
    }
    w.end_array();
    w.known_key("statements");
    w.begin_array();
    for (std::size_t i = 0; i < map.statements().size(); ++i) {
        const auto& s = map.statements()[i];
        w.begin_object();
        w.known_key("id");
        w.id_value('s', i + 1);
        w.known_key("source");
        w.known_value(source_ids[s.source.value]);
        if (s.kind != engine::statement_kind::statement) {
            w.known_key("kind");
            w.known_value(engine::to_string(s.kind));
        }
        if (!s.title.empty()) {
            w.known_key("title");
            w.value(s.title);
        }
        w.known_key("text");
        w.value(s.text);
        w.known_key("spans");
        w.number_pairs(s.spans, [](const engine::span& sp) { return std::pair{sp.begin, sp.end}; });
        if (s.central) {
            w.known_key("central");
            w.value(true);
        }
        if (!s.tags.empty()) {
            w.known_key("tags");
            w.begin_array();
            for (const auto& t : s.tags) w.value(t);
            w.end_array();
        }
        if (!s.group.empty()) {
            w.known_key("group");
            w.value(s.group);
        }
        if (!s.data.empty()) {
            w.known_key("data");
            w.begin_object();
            for (const auto& [key, value] : s.data) {
                w.key(key);
                w.value(value);
            }
            w.end_object();
        }
        if (status) {
            w.known_key("status");
            w.known_value(engine::to_string(status->statements[i]));
        }
        w.end_object();
    }
    w.end_array();
    w.known_key("relations");
    w.begin_array();
    for (std::size_t i = 0; i < map.relations().size(); ++i) {
        const auto& r = map.relations()[i];
        w.begin_object();
        w.known_key("id");
        w.id_value('r', i + 1);
        w.known_key("type");
        w.known_value(engine::to_string(r.type));
        w.known_key("from");
        w.id_array('s', r.from, [](engine::statement_id f) { return std::uint64_t{f.value} + 1; });
        w.known_key("to");
        if (const auto* st = std::get_if<engine::statement_id>(&r.to)) {
            w.id_value('s', std::uint64_t{st->value} + 1);
        } else {
            w.id_value('r', std::uint64_t{std::get<engine::relation_id>(r.to).value} + 1);
        }
        w.known_key("marker");
        w.value(r.why.marker);
        if (r.why.marker_span) {
            w.known_key("marker_span");
            span(*r.why.marker_span);
        }
        w.known_key("rule");
        w.value(r.why.rule);
        w.known_key("confidence");
        w.value(r.why.confidence);
        if (!r.inference.empty()) {
            w.known_key("inference");
            w.value(r.inference);
        }
        if (status) {
            w.known_key("status");
            w.known_value(engine::to_string(status->relations[i]));
        }
        w.end_object();
    }
    w.end_array();
    if (!map.alignments().empty()) {
        w.known_key("alignments");
        w.begin_array();
        for (const auto& a : map.alignments()) {
            w.begin_object();
            w.known_key("statements");
            w.begin_array();
            w.known_value(json_id(a.first));
            w.known_value(json_id(a.second));
            w.end_array();
            w.known_key("stance");
            w.known_value(engine::to_string(a.stance));
            w.known_key("score");
            w.value(a.score);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

}  // namespace

std::string write_json(const engine::argument_map& map, bool pretty, const engine::map_status* status) {
    std::string out;
    std::size_t estimate = 256;
    for (const auto& s : map.sources()) estimate += s.text.size() + s.name.size() + 128;
    for (const auto& s : map.statements()) estimate += s.text.size() + s.title.size() + s.group.size() + 160 + 48 * s.spans.size();
    estimate += 220 * map.relations().size() + 128 * map.alignments().size();
    out.reserve(estimate + estimate / 8);
    {
        detail::json_text_writer w(out, pretty);
        write_document(map, w, status);
    }  // the writer leaves the text whole in `out`
    return out;
}

void write_json(const engine::argument_map& map, bool pretty, std::ostream& out, const engine::map_status* status) {
    std::string buffer;
    buffer.reserve(detail::json_text_writer::chunk_size + 4096);
    detail::json_text_writer w(buffer, pretty, out);
    write_document(map, w, status);
    w.flush();
}

namespace detail {

std::string write_json_by_value(const engine::argument_map& map) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    build_document(map, doc);
    return dump(doc, false);
}

}  // namespace detail

bool nesting_within(const json& value, std::size_t max_depth) {
    // Copying and dumping a JSON value recurse once per level: measure the depth without recursion.
    std::vector<std::pair<const json*, std::size_t>> pending{{&value, 1}};
    while (!pending.empty()) {
        const auto [v, depth] = pending.back();
        pending.pop_back();
        if (!v->is_structured()) continue;
        if (depth > max_depth) return false;
        for (const auto& element : *v) pending.emplace_back(&element, depth + 1);
    }
    return true;
}

std::string write_json_line(const engine::argument_map& map, const json& id, const engine::map_status* status) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["id"] = nesting_within(id, max_id_depth) ? nlohmann::ordered_json(id) : nlohmann::ordered_json(nullptr);
    build_document(map, doc, status);
    return dump(doc, false);
}

// ---------------------------------------------------------------------------------------------
// Reading: helpers shared with the AIF reader

namespace detail {

std::string child(const std::string& path, std::string_view key) {
    if (path.empty()) return std::string(key);
    std::string out = path;
    out += '.';
    out += key;
    return out;
}

std::string child(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

namespace {

/// The first `max` bytes of s, cut at a UTF-8 sequence boundary, with "..." if anything was cut.
std::string shorten(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
    return std::string(s.substr(0, max)) + "...";
}

}  // namespace

std::string json_quoted(std::string_view s) {
    constexpr std::size_t max = 60;
    std::size_t cut = std::min(s.size(), max);
    while (cut < s.size() && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    const auto literal = json(std::string(s.substr(0, cut))).dump(-1, ' ', false, json::error_handler_t::replace);
    return cut < s.size() ? literal + "..." : literal;
}

std::string describe(const json& v) {
    const bool flat = v.is_primitive() || (v.is_array() && v.size() <= 8 && std::all_of(v.begin(), v.end(), [](const json& e) {
                                               return e.is_primitive();
                                           }));
    if (!flat) return std::string("an ") + v.type_name();
    return shorten(v.dump(-1, ' ', false, json::error_handler_t::replace), 40);
}

}  // namespace detail

namespace {

using detail::child;
using detail::describe;
using detail::json_quoted;
using detail::path_error;

// ---------------------------------------------------------------------------------------------
// Reading: semantic checks

/// What the reader gathers before building the map.
struct pending_relation {
    std::optional<engine::relation_type> type;
    std::vector<std::optional<std::uint32_t>> from;  // statement indices
    std::optional<std::string> to;                    // the id as written
    std::string to_path;
    std::optional<std::variant<engine::statement_id, std::uint32_t>> target;  // resolved
    engine::provenance why;
    std::optional<engine::span> marker_span;
    std::string inference;
    std::string path;
};

class document_reader {
public:
    std::vector<path_error> errors;

    std::optional<engine::argument_map> read(const json& doc) {
        if (!doc.is_object()) {
            fail("", "expected an object, found " + type_of(doc));
            return std::nullopt;
        }
        check_header(doc);
        if (const auto* v = array_member(doc, "", "sources", true)) read_sources(*v);
        if (const auto* v = array_member(doc, "", "statements", true)) read_statements(*v);
        if (const auto* v = array_member(doc, "", "relations", true)) read_relations(*v);
        if (const auto* v = array_member(doc, "", "alignments", false)) read_alignments(*v);
        const auto order = relation_order();
        if (!errors.empty()) return std::nullopt;
        return build(order);
    }

private:
    std::vector<engine::source> sources_;
    std::unordered_map<std::string, std::uint32_t> source_ids_;
    std::vector<std::string> source_names_;
    std::vector<engine::statement> statements_;
    std::unordered_map<std::string, std::uint32_t> statement_ids_;
    std::vector<pending_relation> relations_;
    std::unordered_map<std::string, std::uint32_t> relation_ids_;
    std::vector<std::string> relation_names_;
    std::vector<engine::alignment> alignments_;

    void fail(const std::string& path, const std::string& message) {
        errors.push_back({path, (path.empty() ? std::string("document") : path) + ": " + message});
    }

    static std::string type_of(const json& v) { return v.type_name(); }

    /// The member `key` of object `obj` at `path`, or nullptr (reporting it when required).
    const json* member(const json& obj, const std::string& path, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(path, std::string("missing key \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    const json* array_member(const json& obj, const std::string& path, const char* key, bool required) {
        const json* v = member(obj, path, key, required);
        if (v && !v->is_array()) {
            fail(child(path, key), "expected an array, found " + type_of(*v));
            return nullptr;
        }
        return v;
    }

    std::optional<std::string> string_member(const json& obj, const std::string& path, const char* key,
                                             bool required) {
        const json* v = member(obj, path, key, required);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            fail(child(path, key), "expected a string, found " + type_of(*v));
            return std::nullopt;
        }
        return v->get_ref<const std::string&>();
    }

    /// A number (any JSON number) that must be finite and, if asked, within [0, 1].
    std::optional<double> number_member(const json& obj, const std::string& path, const char* key, bool unit_interval) {
        const json* v = member(obj, path, key, true);
        if (!v) return std::nullopt;
        if (!v->is_number()) {
            fail(child(path, key), "expected a number, found " + type_of(*v));
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || (unit_interval && (d < 0.0 || d > 1.0))) {
            fail(child(path, key), unit_interval ? "expected a number in [0, 1], found " + describe(*v) : "expected a finite number");
            return std::nullopt;
        }
        return d;
    }

    /// `obj` is an object; reports it otherwise.
    bool expect_object(const json& v, const std::string& path) {
        if (v.is_object()) return true;
        fail(path, "expected an object, found " + type_of(v));
        return false;
    }

    /// A JSON integer >= 0, whether nlohmann holds it signed (built in code) or unsigned (parsed).
    static std::optional<std::uint64_t> natural(const json& v) {
        if (v.is_number_unsigned()) return v.get<std::uint64_t>();
        if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
        return std::nullopt;
    }

    std::optional<engine::span> read_span(const json& v, const std::string& path) {
        if (v.is_array() && v.size() == 2) {
            const auto b = natural(v[0]);
            const auto e = natural(v[1]);
            static_assert(sizeof(std::size_t) >= sizeof(std::uint64_t));
            if (b && e && *b <= *e) return engine::span{static_cast<std::size_t>(*b), static_cast<std::size_t>(*e)};
        }
        fail(path, "expected [begin, end] with begin <= end, found " + describe(v));
        return std::nullopt;
    }

    /// Reports a span that reaches past the end of its source's text.
    void check_span_inside(const engine::span& s, std::uint32_t source, const std::string& path) {
        const auto size = sources_[source].text.size();
        if (s.end > size) {
            fail(path, "span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + "] lies outside the text of source " +
                           json_quoted(source_names_[source]) + " (" + std::to_string(size) + " bytes)");
        }
    }

    /// Registers `id` in `ids` as `index`, reporting duplicates.
    void register_id(std::unordered_map<std::string, std::uint32_t>& ids, const std::optional<std::string>& id,
                     std::uint32_t index, const std::string& path, const char* kind) {
        if (!id) return;
        if (!ids.emplace(*id, index).second) fail(child(path, "id"), std::string("duplicate ") + kind + " id " + json_quoted(*id));
    }

    std::optional<std::uint32_t> lookup(const std::unordered_map<std::string, std::uint32_t>& ids, const std::string& id) const {
        const auto it = ids.find(id);
        if (it == ids.end()) return std::nullopt;
        return it->second;
    }

    void check_header(const json& doc) {
        if (const auto format = string_member(doc, "", "format", true); format && *format != "argmap")
            fail("format", "expected \"argmap\", found " + json_quoted(*format));
        if (const json* version = member(doc, "", "version", true)) {
            if (!version->is_number())
                fail("version", "expected the number 1, found " + type_of(*version));
            else if (natural(*version) != std::optional<std::uint64_t>{1})
                fail("version", "unsupported version " + describe(*version) + " (this reader knows version 1)");
        }
    }

    void read_sources(const json& array) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string path = child("sources", i);
            const auto index = static_cast<std::uint32_t>(sources_.size());
            sources_.emplace_back();
            source_names_.emplace_back();
            const json& v = array[i];
            if (!expect_object(v, path)) continue;
            const auto id = string_member(v, path, "id", true);
            register_id(source_ids_, id, index, path, "source");
            if (id) source_names_.back() = *id;
            auto& s = sources_.back();
            if (auto x = string_member(v, path, "name", true)) s.name = std::move(*x);
            if (auto x = string_member(v, path, "title", false)) s.title = std::move(*x);
            if (auto x = string_member(v, path, "byline", false)) s.byline = std::move(*x);
            if (auto x = string_member(v, path, "text", true)) s.text = std::move(*x);
        }
    }

    void read_statements(const json& array) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string path = child("statements", i);
            const auto index = static_cast<std::uint32_t>(statements_.size());
            statements_.emplace_back();
            const json& v = array[i];
            if (!expect_object(v, path)) continue;
            register_id(statement_ids_, string_member(v, path, "id", true), index, path, "statement");
            auto& s = statements_.back();
            std::optional<std::uint32_t> source;
            if (const auto id = string_member(v, path, "source", true)) {
                source = lookup(source_ids_, *id);
                if (source)
                    s.source = engine::source_id{*source};
                else
                    fail(child(path, "source"), "unknown source id " + json_quoted(*id));
            }
            if (auto x = string_member(v, path, "text", true)) s.text = std::move(*x);
            if (const json* spans = array_member(v, path, "spans", true)) {
                for (std::size_t k = 0; k < spans->size(); ++k) {
                    const std::string span_path = child(child(path, "spans"), k);
                    if (const auto sp = read_span((*spans)[k], span_path)) {
                        if (source) check_span_inside(*sp, *source, span_path);
                        s.spans.push_back(*sp);
                    }
                }
            }
            if (const json* central = member(v, path, "central", false)) {
                if (central->is_boolean())
                    s.central = central->get<bool>();
                else
                    fail(child(path, "central"), "expected true or false, found " + type_of(*central));
            }
            if (const auto kind = string_member(v, path, "kind", false)) {
                if (const auto parsed = engine::parse_statement_kind(*kind))
                    s.kind = *parsed;
                else
                    fail(child(path, "kind"), "unknown kind " + json_quoted(*kind) + " (expected \"statement\" or \"argument\")");
            }
            if (auto x = string_member(v, path, "title", false)) s.title = std::move(*x);
            if (const json* tags = array_member(v, path, "tags", false)) {
                for (std::size_t k = 0; k < tags->size(); ++k) {
                    const json& t = (*tags)[k];
                    if (t.is_string())
                        s.tags.push_back(t.get<std::string>());
                    else
                        fail(child(child(path, "tags"), k), "expected a tag (a string), found " + type_of(t));
                }
            }
            if (auto x = string_member(v, path, "group", false)) s.group = std::move(*x);
            if (const json* data = member(v, path, "data", false)) {
                if (!data->is_object()) {
                    fail(child(path, "data"), "expected an object, found " + type_of(*data));
                } else {
                    for (const auto& [key, value] : data->items()) {
                        if (value.is_string())
                            s.data.emplace(key, value.get<std::string>());
                        else
                            fail(child(child(path, "data"), key), "expected a string, found " + type_of(value));
                    }
                }
            }
        }
    }

    void read_relations(const json& array) {
        // First pass: everything but the targets, which may name relations listed later.
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string path = child("relations", i);
            const auto index = static_cast<std::uint32_t>(relations_.size());
            relations_.emplace_back();
            relation_names_.emplace_back();
            const json& v = array[i];
            auto& r = relations_.back();
            r.path = path;
            if (!expect_object(v, path)) continue;
            const auto id = string_member(v, path, "id", true);
            register_id(relation_ids_, id, index, path, "relation");
            if (id) relation_names_.back() = *id;
            if (const auto type = string_member(v, path, "type", true)) {
                r.type = engine::parse_relation_type(*type);
                if (!r.type)
                    fail(child(path, "type"),
                         "unknown relation type " + json_quoted(*type) + " (expected \"support\", \"attack\" or \"undercut\")");
            }
            if (const json* from = array_member(v, path, "from", true)) {
                if (from->empty()) fail(child(path, "from"), "expected at least one premise");
                for (std::size_t k = 0; k < from->size(); ++k) {
                    const std::string from_path = child(child(path, "from"), k);
                    const json& f = (*from)[k];
                    if (!f.is_string()) {
                        fail(from_path, "expected a statement id, found " + type_of(f));
                        continue;
                    }
                    const auto st = lookup(statement_ids_, f.get_ref<const std::string&>());
                    if (!st) fail(from_path, "unknown statement id " + json_quoted(f.get_ref<const std::string&>()));
                    r.from.push_back(st);
                }
            }
            r.to = string_member(v, path, "to", true);
            r.to_path = child(path, "to");
            if (auto x = string_member(v, path, "marker", true)) r.why.marker = std::move(*x);
            if (const json* ms = member(v, path, "marker_span", false)) r.marker_span = read_span(*ms, child(path, "marker_span"));
            if (auto x = string_member(v, path, "rule", true)) r.why.rule = std::move(*x);
            if (const auto c = number_member(v, path, "confidence", true)) r.why.confidence = *c;
            if (auto x = string_member(v, path, "inference", false)) r.inference = std::move(*x);
        }
        // Second pass: targets, and the marker span against the text of the first premise.
        for (auto& r : relations_) {
            if (!r.to || !r.type) continue;
            const auto as_statement = lookup(statement_ids_, *r.to);
            const auto as_relation = lookup(relation_ids_, *r.to);
            if (*r.type == engine::relation_type::undercut) {
                if (as_relation)
                    r.target = *as_relation;
                else if (as_statement)
                    fail(r.to_path, "an undercut must target a relation; " + json_quoted(*r.to) + " is a statement");
                else
                    fail(r.to_path, "unknown relation id " + json_quoted(*r.to));
            } else {
                if (as_statement) {
                    r.target = engine::statement_id{*as_statement};
                    for (const auto& f : r.from)
                        if (f && *f == *as_statement) {
                            fail(r.to_path, "a relation from a statement to itself (" + json_quoted(*r.to) + " is also a premise)");
                            break;
                        }
                } else if (as_relation) {
                    fail(r.to_path, std::string("only an undercut may target a relation, but the type is \"") +
                                        engine::to_string(*r.type) + "\"");
                } else {
                    fail(r.to_path, "unknown statement id " + json_quoted(*r.to));
                }
            }
        }
        for (auto& r : relations_) {
            if (!r.marker_span) continue;
            if (!r.from.empty() && r.from.front()) {
                const auto source = statements_[*r.from.front()].source.value;
                if (source < sources_.size()) check_span_inside(*r.marker_span, source, child(r.path, "marker_span"));
            }
            r.why.marker_span = r.marker_span;
        }
    }

    /// An order of the relations in which every undercut follows the relation it attacks: input
    /// order where that holds already. Reports cycles of undercuts.
    std::vector<std::uint32_t> relation_order() {
        enum class mark : std::uint8_t { none, active, done };
        std::vector<mark> marks(relations_.size(), mark::none);
        std::vector<std::uint32_t> order;
        order.reserve(relations_.size());
        std::vector<std::uint32_t> chain;
        for (std::uint32_t start = 0; start < relations_.size(); ++start) {
            chain.clear();
            // Each relation targets at most one relation: follow the chain (no recursion).
            std::optional<std::uint32_t> next = start;
            bool cycle = false;
            while (next && marks[*next] == mark::none) {
                marks[*next] = mark::active;
                chain.push_back(*next);
                const auto& t = relations_[*next].target;
                next = (t && std::holds_alternative<std::uint32_t>(*t)) ? std::optional(std::get<std::uint32_t>(*t)) : std::nullopt;
            }
            if (next && marks[*next] == mark::active) {
                cycle = true;
                std::string ids;
                std::size_t k = 0;
                while (chain[k] != *next) ++k;
                for (std::size_t j = k; j < chain.size(); ++j) ids += json_quoted(relation_names_[chain[j]]) + " -> ";
                ids += json_quoted(relation_names_[*next]);
                fail(relations_[*next].to_path, "a cycle of undercuts: " + ids);
            }
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                marks[*it] = mark::done;
                if (!cycle) order.push_back(*it);
            }
        }
        return order;
    }

    void read_alignments(const json& array) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string path = child("alignments", i);
            const json& v = array[i];
            if (!expect_object(v, path)) continue;
            engine::alignment a;
            if (const json* pair = array_member(v, path, "statements", true)) {
                if (pair->size() != 2) {
                    fail(child(path, "statements"), "expected two statement ids, found " + std::to_string(pair->size()));
                } else {
                    for (std::size_t k = 0; k < 2; ++k) {
                        const std::string id_path = child(child(path, "statements"), k);
                        const json& id = (*pair)[k];
                        if (!id.is_string()) {
                            fail(id_path, "expected a statement id, found " + type_of(id));
                            continue;
                        }
                        const auto st = lookup(statement_ids_, id.get_ref<const std::string&>());
                        if (!st)
                            fail(id_path, "unknown statement id " + json_quoted(id.get_ref<const std::string&>()));
                        else
                            (k == 0 ? a.first : a.second) = engine::statement_id{*st};
                    }
                }
            }
            if (const auto stance = string_member(v, path, "stance", true)) {
                if (const auto parsed = engine::parse_stance(*stance))
                    a.stance = *parsed;
                else
                    fail(child(path, "stance"),
                         "unknown stance " + json_quoted(*stance) + " (expected \"agree\", \"contradict\" or \"related\")");
            }
            if (const auto score = number_member(v, path, "score", false)) a.score = *score;
            alignments_.push_back(a);
        }
    }

    /// Builds the map once every check has passed.
    std::optional<engine::argument_map> build(const std::vector<std::uint32_t>& order) {
        engine::argument_map map;
        try {
            for (auto& s : sources_) map.add_source(std::move(s));
            for (auto& s : statements_) map.add_statement(std::move(s));
            std::vector<std::uint32_t> new_index(relations_.size());
            for (std::uint32_t k = 0; k < order.size(); ++k) new_index[order[k]] = k;
            for (const auto i : order) {
                auto& p = relations_[i];
                engine::relation r;
                r.type = p.type.value();
                for (const auto& f : p.from) r.from.push_back(engine::statement_id{f.value()});
                if (const auto* st = std::get_if<engine::statement_id>(&p.target.value()))
                    r.to = *st;
                else
                    r.to = engine::relation_id{new_index[std::get<std::uint32_t>(*p.target)]};
                r.why = std::move(p.why);
                r.inference = std::move(p.inference);
                map.add_relation(std::move(r));
            }
            for (const auto& a : alignments_) map.add_alignment(a);
        } catch (const std::exception& e) {
            // Every condition the model checks is checked above; this is a safety net.
            fail("", std::string("inconsistent document: ") + e.what());
            return std::nullopt;
        }
        return map;
    }
};

// ---------------------------------------------------------------------------------------------
// Reading: positions

/// Byte offsets of the values at the given paths (in the notation of the messages) in a valid
/// JSON text. One pass, no recursion; stops quietly at anything unexpected.
std::unordered_map<std::string, std::size_t> value_offsets(std::string_view text,
                                                           const std::unordered_set<std::string>& wanted) {
    std::unordered_map<std::string, std::size_t> found;
    std::size_t pos = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    const auto ws = [&] {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) ++pos;
    };
    // Skips a string starting at pos (a quote); returns its raw contents.
    const auto skip_string = [&]() -> std::string_view {
        const std::size_t start = ++pos;
        while (pos < text.size() && text[pos] != '"') pos += text[pos] == '\\' ? 2 : 1;
        const auto raw = text.substr(start, std::min(pos, text.size()) - start);
        ++pos;
        return raw;
    };
    struct frame {
        bool object;
        std::size_t index;
        std::size_t path_size;
    };
    std::vector<frame> stack;
    std::string path;  // grown and shrunk in place: deep nesting stays linear
    std::size_t longest = 0;
    for (const auto& w : wanted) longest = std::max(longest, w.size());
    ws();
    for (;;) {
        // A value starts at pos; its path is `path`.
        if (pos >= text.size()) return found;
        if (path.size() <= longest && wanted.count(path)) found[path] = pos;
        const char c = text[pos];
        bool opened = false;
        if (c == '{' || c == '[') {
            stack.push_back({c == '{', 0, path.size()});
            ++pos;
            ws();
            if (pos < text.size() && (text[pos] == '}' || text[pos] == ']')) {
                ++pos;
                stack.pop_back();
            } else {
                opened = true;
            }
        } else if (c == '"') {
            skip_string();
        } else {
            while (pos < text.size() && text[pos] != ',' && text[pos] != ']' && text[pos] != '}' && text[pos] != ' ' &&
                   text[pos] != '\t' && text[pos] != '\n' && text[pos] != '\r')
                ++pos;
        }
        if (!opened) {
            // After a value: close finished containers, move to the next element.
            for (;;) {
                ws();
                if (stack.empty() || pos >= text.size()) return found;
                if (text[pos] == ',') {
                    ++pos;
                    ++stack.back().index;
                    ws();
                    break;
                }
                path.resize(stack.back().path_size);
                stack.pop_back();
                ++pos;
            }
        }
        // An element of the innermost container starts at pos.
        auto& top = stack.back();
        path.resize(top.path_size);
        if (top.object) {
            if (pos >= text.size() || text[pos] != '"') return found;
            const auto raw = skip_string();
            std::string key(raw);
            if (raw.find('\\') != std::string_view::npos) {
                const auto decoded = json::parse("\"" + key + "\"", nullptr, false);
                if (decoded.is_string()) key = decoded.get<std::string>();
            }
            ws();
            if (pos >= text.size() || text[pos] != ':') return found;
            ++pos;
            ws();
            if (!path.empty()) path += '.';
            path += key;
        } else {
            path += '[';
            path += std::to_string(top.index);
            path += ']';
        }
    }
}

/// Keeps a parser message printable: bytes that are not valid UTF-8, and control characters,
/// become \xNN.
std::string printable(std::string_view s) {
    std::string out;
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto escape = [&](unsigned char c) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c < 0x80) n = 1;
        else if (c >= 0xC2 && c <= 0xDF) n = 2;
        else if (c >= 0xE0 && c <= 0xEF) n = 3;
        else if (c >= 0xF0 && c <= 0xF4) n = 4;
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && n == 3) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F);
        } else if (ok && n == 4) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F);
        }
        if (!ok || (n == 1 && (c < 0x20 || c == 0x7F))) {
            escape(c);
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

/// nlohmann's DOM builder, with the position of the first error kept (its own exceptions carry
/// a byte position only for syntax errors, not for number overflow).
class positioned_dom_parser : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit positioned_dom_parser(json& result) : json_sax_dom_parser(result, false) {}

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        if (!error_) error_ = std::pair{position, std::string(ex.what())};
        return json_sax_dom_parser::parse_error(position, token, ex);
    }

    [[nodiscard]] const std::optional<std::pair<std::size_t, std::string>>& error() const noexcept { return error_; }

private:
    std::optional<std::pair<std::size_t, std::string>> error_;
};

/// "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error ..." without
/// the parts our diagnostic says itself.
std::string syntax_message(std::string what) {
    if (what.rfind("[json.exception.", 0) == 0) {
        const auto close = what.find("] ");
        if (close != std::string::npos) what.erase(0, close + 2);
    }
    if (what.rfind("parse error at line ", 0) == 0) {
        const auto colon = what.find(": ");
        if (colon != std::string::npos) what.erase(0, colon + 2);
    }
    // nlohmann quotes the whole token read so far ("; last read: '...'"): keep only its end.
    constexpr std::string_view lead = "; last read: '";
    if (const auto start = what.find(lead); start != std::string::npos) {
        const auto from = start + lead.size();
        auto end = what.rfind("'; expected ");
        if (end == std::string::npos || end < from) end = what.rfind('\'');
        constexpr std::size_t keep = 40;
        if (end != std::string::npos && end > from && end - from > keep) {
            auto cut = end - keep;
            while (cut < end && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) ++cut;
            what.replace(from, cut - from, "...");
        }
    }
    return "invalid JSON: " + printable(what);
}

}  // namespace

namespace detail {

std::vector<engine::diagnostic> locate_path_errors(std::string_view text, std::vector<path_error> errors) {
    std::unordered_map<std::string, std::size_t> offsets;
    if (!text.empty()) {
        std::unordered_set<std::string> wanted;
        for (const auto& e : errors) wanted.insert(e.where);
        offsets = value_offsets(text, wanted);
    }
    // Located in increasing order of offset, so that the locator counts on along a line instead
    // of from its start (a compact document is one line: quadratic in the number of errors).
    std::vector<std::pair<std::size_t, std::size_t>> located;  // offset, error index
    for (std::size_t i = 0; i < errors.size(); ++i)
        if (const auto it = offsets.find(errors[i].where); it != offsets.end()) located.emplace_back(it->second, i);
    std::sort(located.begin(), located.end());
    std::vector<engine::diagnostic> out(errors.size());
    engine::text_locator locator(text);
    for (const auto& [offset, index] : located) {
        const auto d = locator.locate(offset, "");
        out[index].line = d.line;
        out[index].column = d.column;
    }
    for (std::size_t i = 0; i < errors.size(); ++i) out[i].message = std::move(errors[i].message);
    // In document order; errors found at one place keep the order they were found in.
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return std::pair{x.line, x.column} < std::pair{y.line, y.column};
    });
    return out;
}

engine::parse_result<json> parse_json_text(std::string_view text) {
    engine::parse_result<json> result;
    json document;
    positioned_dom_parser sax(document);
    bool ok = false;
    try {
        ok = json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const json::exception& e) {
        // The DOM parser does not throw when told not to; should it, the input is still bad.
        result.errors.push_back(engine::diagnostic{1, 1, syntax_message(e.what())});
        return result;
    }
    if (!ok || sax.is_errored()) {
        if (const auto& err = sax.error()) {
            const std::size_t offset = err->first > 0 ? err->first - 1 : 0;
            result.errors.push_back(engine::locate(text, offset, syntax_message(err->second)));
        } else {
            result.errors.push_back(engine::diagnostic{1, 1, "invalid JSON"});
        }
        return result;
    }
    result.value = std::move(document);
    return result;
}

}  // namespace detail

namespace {

engine::parse_result<engine::argument_map> check(const json& document, std::string_view text) {
    engine::parse_result<engine::argument_map> result;
    document_reader reader;
    try {
        result.value = reader.read(document);
    } catch (const json::exception& e) {
        // Every access above checks types first; this is a safety net.
        reader.errors.push_back({"", std::string("document: ") + e.what()});
        result.value.reset();
    }
    if (reader.errors.empty()) return result;
    result.value.reset();
    result.errors = detail::locate_path_errors(text, std::move(reader.errors));
    return result;
}

}  // namespace

engine::parse_result<engine::argument_map> from_json_value(const json& document) { return check(document, {}); }

engine::parse_result<engine::argument_map> read_json(std::string_view text) {
    auto parsed = detail::parse_json_text(text);
    if (!parsed.value) {
        engine::parse_result<engine::argument_map> result;
        result.errors = std::move(parsed.errors);
        return result;
    }
    return check(*parsed.value, text);
}

}  // namespace argmap::render
