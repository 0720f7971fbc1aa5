#pragma once
// Builds small argument maps for tests: one source, statements added by text, relations by type.

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/model.hpp"

namespace argmap::test {

/// An argument map with one source (no byline, no text) that statements are added to.
struct map_builder {
    engine::argument_map map;
    engine::source_id source;

    explicit map_builder(std::string name, std::string title = "")
        : source(map.add_source({std::move(name), std::move(title), "", ""})) {}

    /// A statement of the source, without spans.
    engine::statement_id add(const std::string& text, bool central = false) {
        return map.add_statement({source, text, {}, central});
    }

    /// A relation with default provenance.
    engine::relation_id relate(engine::relation_type type, std::vector<engine::statement_id> from,
                               std::variant<engine::statement_id, engine::relation_id> to,
                               std::string inference = "") {
        engine::relation r;
        r.type = type;
        r.from = std::move(from);
        r.to = to;
        r.inference = std::move(inference);
        return map.add_relation(r);
    }
};

}  // namespace argmap::test
