#include "engine/model.hpp"

#include <string>
#include <string_view>

namespace argmap::engine {

const char* to_string(relation_type t) noexcept {
    switch (t) {
        case relation_type::support: return "support";
        case relation_type::attack: return "attack";
        case relation_type::undercut: return "undercut";
    }
    return "support";
}

std::optional<relation_type> parse_relation_type(std::string_view s) noexcept {
    if (s == "support") return relation_type::support;
    if (s == "attack") return relation_type::attack;
    if (s == "undercut") return relation_type::undercut;
    return std::nullopt;
}

const char* to_string(statement_kind k) noexcept {
    switch (k) {
        case statement_kind::statement: return "statement";
        case statement_kind::argument: return "argument";
    }
    return "statement";
}

std::optional<statement_kind> parse_statement_kind(std::string_view s) noexcept {
    if (s == "statement") return statement_kind::statement;
    if (s == "argument") return statement_kind::argument;
    return std::nullopt;
}

const char* to_string(enum stance s) noexcept {
    switch (s) {
        case stance::agree: return "agree";
        case stance::contradict: return "contradict";
        case stance::related: return "related";
    }
    return "related";
}

std::optional<enum stance> parse_stance(std::string_view s) noexcept {
    if (s == "agree") return stance::agree;
    if (s == "contradict") return stance::contradict;
    if (s == "related") return stance::related;
    return std::nullopt;
}

source_id argument_map::add_source(source s) {
    sources_.push_back(std::move(s));
    return source_id{static_cast<std::uint32_t>(sources_.size() - 1)};
}

statement_id argument_map::add_statement(statement s) {
    if (!contains(s.source)) throw engine_error("statement refers to unknown source " + std::to_string(s.source.value));
    statements_.push_back(std::move(s));
    return statement_id{static_cast<std::uint32_t>(statements_.size() - 1)};
}

void argument_map::add_statements(std::vector<statement> s) {
    for (const auto& x : s) {
        if (!contains(x.source)) throw engine_error("statement refers to unknown source " + std::to_string(x.source.value));
    }
    if (statements_.empty()) {
        statements_ = std::move(s);  // the vector's storage itself: nothing is held twice
        return;
    }
    statements_.reserve(statements_.size() + s.size());
    for (auto& x : s) statements_.push_back(std::move(x));
}

relation_id argument_map::add_relation(relation r) {
    if (r.from.empty()) throw engine_error("relation without premises");
    for (auto f : r.from)
        if (!contains(f)) throw engine_error("relation from unknown statement " + std::to_string(f.value));
    if (const auto* st = std::get_if<statement_id>(&r.to)) {
        if (!contains(*st)) throw engine_error("relation to unknown statement " + std::to_string(st->value));
        if (r.type == relation_type::undercut) throw engine_error("an undercut must target a relation");
        for (auto f : r.from)
            if (f == *st) throw engine_error("relation from a statement to itself");
    } else {
        const auto rel = std::get<relation_id>(r.to);
        if (!contains(rel)) throw engine_error("relation to unknown relation " + std::to_string(rel.value));
        if (r.type != relation_type::undercut) throw engine_error("only an undercut may target a relation");
    }
    relations_.push_back(std::move(r));
    return relation_id{static_cast<std::uint32_t>(relations_.size() - 1)};
}

void argument_map::add_alignment(alignment a) {
    if (!contains(a.first) || !contains(a.second)) throw engine_error("alignment of unknown statements");
    alignments_.push_back(a);
}

const source& argument_map::at(source_id id) const {
    if (!contains(id)) throw engine_error("unknown source id");
    return sources_[id.value];
}
const statement& argument_map::at(statement_id id) const {
    if (!contains(id)) throw engine_error("unknown statement id");
    return statements_[id.value];
}
const relation& argument_map::at(relation_id id) const {
    if (!contains(id)) throw engine_error("unknown relation id");
    return relations_[id.value];
}

void argument_map::set_central(statement_id id, bool central) {
    if (!contains(id)) throw engine_error("unknown statement id");
    statements_[id.value].central = central;
}

}  // namespace argmap::engine
