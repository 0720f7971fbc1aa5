#pragma once
// The argument model: sources, statements, relations and alignments, after AIF's shape.
// Value types with strong ids; one owning container (argument_map) hands out the ids.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace argmap::engine {

/// Programmer errors inside the engine (an id that the map did not hand out, ...).
struct engine_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct source_id {
    std::uint32_t value = 0;
    auto operator<=>(const source_id&) const = default;
};
struct statement_id {
    std::uint32_t value = 0;
    auto operator<=>(const statement_id&) const = default;
};
struct relation_id {
    std::uint32_t value = 0;
    auto operator<=>(const relation_id&) const = default;
};

/// UTF-8 byte offsets [begin, end) into a source text exactly as read.
struct span {
    std::size_t begin = 0;
    std::size_t end = 0;
    [[nodiscard]] std::size_t size() const noexcept { return end > begin ? end - begin : 0; }
    [[nodiscard]] bool empty() const noexcept { return end <= begin; }
    auto operator<=>(const span&) const = default;
};

struct source {
    std::string name;    ///< file name as given ("putin-visit-tokyo.txt", "-" for standard input)
    std::string title;   ///< the text's own title, if it has one
    std::string byline;  ///< author / source / date lines, if any
    std::string text;    ///< the text exactly as read (spans index into it)
    bool operator==(const source&) const = default;
};

/// A feature of the learned reconstruction and what it added to a decision (its weight times its
/// value): what `--explain` prints.
struct weighted_feature {
    std::string name;
    double contribution = 0.0;
    bool operator==(const weighted_feature&) const = default;
};

/// What a node of the map stands for. An Argdown argument is a node too: its text is its
/// description, and its premise-conclusion structure becomes relations between statements.
enum class statement_kind { statement, argument };

// The members added after `central` carry `{}` initializers: code that writes a statement as
// {source, text, spans, central} then compiles without -Wmissing-field-initializers warnings.
struct statement {
    source_id source;
    std::string text;          ///< cleaned for display (an argument: its description, maybe empty)
    std::vector<span> spans;   ///< where the text says it; several for a restated claim
    bool central = false;      ///< a main claim of its source
    std::string title{};                    ///< Argdown title ("T1" of "[T1]" or "<T1>"), empty if none
    std::vector<std::string> tags{};        ///< Argdown tags without '#', in order of appearance
    std::string group{};                    ///< heading path, "Section > Subsection", empty if none
    statement_kind kind = statement_kind::statement;
    std::map<std::string, std::string> data{};  ///< Argdown {yaml} data: key/value strings (a nested value as its text)
    /// Prose: why the reconstruction chose this main claim, the features that weighed most.
    std::vector<weighted_feature> claim_evidence{};
    bool operator==(const statement&) const = default;
};

enum class relation_type { support, attack, undercut };

/// Why a relation exists.
struct provenance {
    std::string marker;              ///< the discourse marker as written ("because"), or empty
    std::optional<span> marker_span; ///< where that marker stands in the source
    std::string rule;                ///< the rule that made the relation ("premise-marker")
    double confidence = 1.0;         ///< in [0, 1]
    /// The learned reconstruction: the features that weighed most in this relation's attachment
    /// and its type (attachment features first).
    std::vector<weighted_feature> evidence{};
    bool operator==(const provenance&) const = default;
};

struct relation {
    relation_type type = relation_type::support;
    std::vector<statement_id> from;  ///< several premises = linked
    /// a statement, or (for an undercut) the relation whose inference is attacked
    std::variant<statement_id, relation_id> to;
    provenance why;
    /// The scheme the relation applies, as its users name it; empty for the default. A support:
    /// the inference rule(s) of an Argdown inference line ("Modus ponens"), or an AIF RA node's
    /// scheme. An attack or undercut: an AIF CA node's conflict scheme. (provenance::rule says
    /// which rule of ours made the relation, not which rule of inference it applies.)
    std::string inference{};
    bool operator==(const relation&) const = default;
};

enum class stance { agree, contradict, related };

/// Two statements from different sources that speak of the same thing (comparison only).
struct alignment {
    statement_id first;
    statement_id second;
    enum stance stance = stance::related;
    double score = 0.0;
    bool operator==(const alignment&) const = default;
};

[[nodiscard]] const char* to_string(relation_type t) noexcept;
[[nodiscard]] std::optional<relation_type> parse_relation_type(std::string_view s) noexcept;
[[nodiscard]] const char* to_string(statement_kind k) noexcept;
[[nodiscard]] std::optional<statement_kind> parse_statement_kind(std::string_view s) noexcept;
[[nodiscard]] const char* to_string(enum stance s) noexcept;
[[nodiscard]] std::optional<enum stance> parse_stance(std::string_view s) noexcept;

/// The one owning container. Ids are indices in insertion order; nothing is ever removed.
class argument_map {
public:
    source_id add_source(source s);
    statement_id add_statement(statement s);   ///< throws engine_error on an unknown source
    /// Adds statements in order (their ids follow on); takes the vector's storage when the map
    /// has none yet. Throws engine_error on an unknown source (then nothing is added).
    void add_statements(std::vector<statement> s);
    relation_id add_relation(relation r);      ///< throws engine_error on unknown ids or self-loops
    void add_alignment(alignment a);           ///< throws engine_error on unknown ids
    /// Room for this many statements and relations in all (for readers that know the count:
    /// a large map then takes no growth slack).
    void reserve(std::size_t statements, std::size_t relations) {
        statements_.reserve(statements);
        relations_.reserve(relations);
    }

    [[nodiscard]] const std::vector<source>& sources() const noexcept { return sources_; }
    [[nodiscard]] const std::vector<statement>& statements() const noexcept { return statements_; }
    [[nodiscard]] const std::vector<relation>& relations() const noexcept { return relations_; }
    [[nodiscard]] const std::vector<alignment>& alignments() const noexcept { return alignments_; }

    [[nodiscard]] const source& at(source_id id) const;
    [[nodiscard]] const statement& at(statement_id id) const;
    [[nodiscard]] const relation& at(relation_id id) const;
    [[nodiscard]] bool contains(source_id id) const noexcept { return id.value < sources_.size(); }
    [[nodiscard]] bool contains(statement_id id) const noexcept { return id.value < statements_.size(); }
    [[nodiscard]] bool contains(relation_id id) const noexcept { return id.value < relations_.size(); }

    void set_central(statement_id id, bool central);

    bool operator==(const argument_map&) const = default;

private:
    std::vector<source> sources_;
    std::vector<statement> statements_;
    std::vector<relation> relations_;
    std::vector<alignment> alignments_;
};

}  // namespace argmap::engine
