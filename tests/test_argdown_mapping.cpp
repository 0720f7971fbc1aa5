// The Argdown mapping: equivalence classes, arguments, PCS, relations of every type and direction,
// groups, tags, data, spans, and the diagnostics for relations to undefined titles.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/argdown_mapping.hpp"
#include "grammar/argdown_parser.hpp"

using namespace argmap;
using engine::relation_type;
using engine::statement_id;

namespace {

struct mapped {
    std::string text;  // kept alive: the document views it
    grammar::argdown_mapping m;
};

mapped map_text(std::string text) {
    mapped out{std::move(text), {}};
    const auto parsed = grammar::parse_argdown(out.text);
    std::string errors;
    for (const auto& e : parsed.errors) errors += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
    INFO(errors);
    REQUIRE(parsed.ok());
    out.m = grammar::map_argdown(*parsed.value, "test.argdown");
    return out;
}

/// "[T]" or "<A>" for titled nodes, the text for untitled ones.
std::string name(const engine::argument_map& m, statement_id id) {
    const auto& s = m.at(id);
    if (s.title.empty()) return s.text;
    return s.kind == engine::statement_kind::argument ? "<" + s.title + ">" : "[" + s.title + "]";
}

/// Every relation as "from1&from2 type to", undercuts as "from undercut (relation)".
std::vector<std::string> relations(const engine::argument_map& m) {
    std::vector<std::string> out;
    std::function<std::string(engine::relation_id)> show = [&](engine::relation_id id) {
        const auto& r = m.at(id);
        std::string s;
        for (const auto f : r.from) s += (s.empty() ? "" : "&") + name(m, f);
        s += std::string(" ") + engine::to_string(r.type) + " ";
        if (const auto* to = std::get_if<statement_id>(&r.to)) {
            s += name(m, *to);
        } else {
            s += "(" + show(std::get<engine::relation_id>(r.to)) + ")";
        }
        return s;
    };
    for (std::size_t i = 0; i < m.relations().size(); ++i) out.push_back(show(engine::relation_id{static_cast<std::uint32_t>(i)}));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const engine::statement* find_title(const engine::argument_map& m, const std::string& title) {
    for (const auto& s : m.statements()) {
        if (s.title == title) return &s;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("Statements with one title are one node; untitled statements are each their own", "[grammar][argdown]") {
    const auto r = map_text("[T]: Taxes should rise.\n\n[T]\n\nA plain one.\n\nA plain one.");
    const auto& m = r.m.map;
    REQUIRE(m.statements().size() == 3);
    CHECK(m.statements()[0].title == "T");
    CHECK(m.statements()[0].text == "Taxes should rise.");
    CHECK(m.statements()[0].spans.size() == 2);
    CHECK(m.statements()[1].title.empty());
    CHECK(m.statements()[1].text == "A plain one.");
    CHECK(m.statements()[2].text == "A plain one.");
    CHECK(m.relations().empty());
}

TEST_CASE("A later definition gives a referenced statement its text", "[grammar][argdown]") {
    const auto r = map_text("[T]\n  + [U]\n\n[U]: Because.\n\n[T]: Claim.");
    const auto& m = r.m.map;
    REQUIRE(m.statements().size() == 2);
    CHECK(m.statements()[0].text == "Claim.");
    CHECK(m.statements()[1].text == "Because.");
    CHECK(relations(m) == std::vector<std::string>{"[U] support [T]"});
    CHECK(m.statements()[0].central);
    CHECK_FALSE(m.statements()[1].central);
}

TEST_CASE("Each relation symbol maps to its type and direction", "[grammar][argdown]") {
    const auto r = map_text("[P]: p\n  + [A]: a\n  <+ [B]: b\n  +> [C]: c\n  - [D]: d\n  <- [E]: e\n  -> [F]: f\n  >< [G]: g");
    const auto rel = relations(r.m.map);
    CHECK(has(rel, "[A] support [P]"));
    CHECK(has(rel, "[B] support [P]"));
    CHECK(has(rel, "[P] support [C]"));
    CHECK(has(rel, "[D] attack [P]"));
    CHECK(has(rel, "[E] attack [P]"));
    CHECK(has(rel, "[P] attack [F]"));
    // a contradiction: an attack each way
    CHECK(has(rel, "[P] attack [G]"));
    CHECK(has(rel, "[G] attack [P]"));
    CHECK(rel.size() == 8);
    REQUIRE(r.m.relations.size() == 7);
    CHECK(r.m.relations[6].type == grammar::relation_type::contradiction);
    CHECK(r.m.relations[6].relations.size() == 2);
}

TEST_CASE("Strict mode makes supports between statements entailments and attacks contrary relations", "[grammar][argdown]") {
    const std::string body = "[P]: p\n  + [A]: a\n  -> [F]: f\n  - <Arg>: an argument\n  + <Pro>: another\n\n<Pro>\n  - [F]";
    const auto strict = map_text("===\nmodel:\n  mode: strict\n===\n\n" + body);
    const auto& m = strict.m.map;
    std::vector<std::string> rules;
    for (const auto& r : m.relations()) rules.push_back(r.why.rule);
    const auto rel = relations(m);
    REQUIRE(rel.size() == 6);
    // between statements: entailment, and contrariness both ways (the two cannot both be true)
    CHECK(rel[0] == "[A] support [P]");
    CHECK(rules[0] == grammar::argdown_entails_rule);
    CHECK(rel[1] == "[P] attack [F]");
    CHECK(rel[2] == "[F] attack [P]");
    CHECK(rules[1] == grammar::argdown_contrary_rule);
    CHECK(rules[2] == grammar::argdown_contrary_rule);
    // with an argument at either end, as in loose mode
    CHECK(rel[3] == "<Arg> attack [P]");
    CHECK(rel[4] == "<Pro> support [P]");
    CHECK(rel[5] == "[F] attack <Pro>");
    CHECK(rules[3] == grammar::argdown_relation_rule);
    CHECK(rules[4] == grammar::argdown_relation_rule);
    CHECK(rules[5] == grammar::argdown_relation_rule);
    REQUIRE(strict.m.relations.size() == 5);  // one per relation line
    CHECK(strict.m.relations[1].relations.size() == 2);  // the contrary line became two attacks

    // the same in loose mode (the default, or said so): supports and one-way attacks
    for (const std::string front : {"", "===\nmodel: {mode: loose}\n===\n\n"}) {
        const auto loose = map_text(front + body);
        const auto loose_rel = relations(loose.m.map);
        CHECK(loose_rel == std::vector<std::string>{"[A] support [P]", "[P] attack [F]", "<Arg> attack [P]", "<Pro> support [P]",
                                                    "[F] attack <Pro>"});
        for (const auto& r : loose.m.map.relations()) CHECK(r.why.rule == grammar::argdown_relation_rule);
    }
}

TEST_CASE("Nested relations hang on the nearest less indented line above", "[grammar][argdown]") {
    const auto r = map_text("[T]: t\n  + Reason one.\n    - Objection.\n      + Backing.\n  - Other.");
    const auto rel = relations(r.m.map);
    CHECK(rel == std::vector<std::string>{"Reason one. support [T]", "Objection. attack Reason one.", "Backing. support Objection.",
                                          "Other. attack [T]"});
}

TEST_CASE("A PCS links its premises into each conclusion and chains intermediate conclusions", "[grammar][argdown]") {
    const auto r = map_text("<A>: The argument.\n\n(1) [P1]: p1\n(2) [P2]: p2\n-- Modus ponens, Other --\n(3) [C1]: c1\n(4) [P3]: p3\n----\n(5) [C]: c");
    const auto& m = r.m.map;
    const auto rel = relations(m);
    CHECK(rel == std::vector<std::string>{"[P1]&[P2] support [C1]", "[C1]&[P3] support [C]", "<A> support [C]"});
    CHECK(m.relations()[0].inference == "Modus ponens, Other");
    CHECK(m.relations()[0].why.rule == grammar::argdown_pcs_rule);
    CHECK(m.relations()[2].why.rule == grammar::argdown_argument_rule);
    REQUIRE(r.m.arguments.size() == 1);
    const auto& a = r.m.arguments[0];
    CHECK(m.at(a.node).kind == engine::statement_kind::argument);
    CHECK(m.at(a.node).text == "The argument.");
    CHECK(a.pcs.size() == 5);
    CHECK(a.roles[2] == grammar::pcs_role::intermediate_conclusion);
    CHECK(a.roles[4] == grammar::pcs_role::main_conclusion);
    CHECK(a.conclusion_index == std::vector<std::size_t>{2, 4});
    CHECK(m.at(a.pcs[4]).central);
    CHECK_FALSE(m.at(a.pcs[2]).central);
}

TEST_CASE("An inference's uses data names its premises", "[grammar][argdown]") {
    const auto r = map_text("<A>\n\n(1) [P1]: p1\n(2) [P2]: p2\n(3) [P3]: p3\n-- Rule {uses: [1, 3]} --\n(4) [C]: c");
    CHECK(relations(r.m.map).front() == "[P1]&[P3] support [C]");
}

TEST_CASE("A relation from an argument with a PCS starts at its conclusion; one to it stays on it", "[grammar][argdown]") {
    const auto r = map_text("[X]: x\n  + <A>\n  - <B>\n\n<A>\n  + [Y]: y\n\n<A>\n\n(1) p\n----\n(2) [C]: c\n\n<B>: no pcs\n\n[C]\n  + <A>");
    const auto rel = relations(r.m.map);
    CHECK(has(rel, "[C] support [X]"));
    CHECK(has(rel, "<B> attack [X]"));
    CHECK(has(rel, "[Y] support <A>"));
    CHECK(has(rel, "<A> support [C]"));  // the tie; "<A> supports its own conclusion" is not repeated
    CHECK(std::count(rel.begin(), rel.end(), "<A> support [C]") == 1);
}

TEST_CASE("Undercuts attack an argument's last inference, or the inference they stand under", "[grammar][argdown]") {
    const auto r = map_text("<A>\n  _ <U>: u\n\n<A>\n\n(1) p\n----\n    <_ [V]: v\n(2) [C1]: c1\n(3) q\n----\n(4) [C]: c\n\n<B>: b\n  _> <A>");
    const auto rel = relations(r.m.map);
    CHECK(has(rel, "<U> undercut ([C1]&q support [C])"));
    CHECK(has(rel, "[V] undercut (p support [C1])"));
    CHECK(has(rel, "<B> undercut ([C1]&q support [C])"));
}

TEST_CASE("An undercut of an argument without a PCS attacks what that argument says", "[grammar][argdown]") {
    const auto r = map_text("[T]: t\n  + <A>: a\n    _ [U]: u");
    CHECK(relations(r.m.map) == std::vector<std::string>{"<A> support [T]", "[U] undercut (<A> support [T])"});
    const auto lone = map_text("<A>: a\n  _ [U]: u");
    CHECK(relations(lone.m.map) == std::vector<std::string>{"[U] attack <A>"});
    REQUIRE(lone.m.warnings.size() == 1);
    CHECK(lone.m.warnings[0].line == 2);
    CHECK(lone.m.warnings[0].message.find("taken as an attack") != std::string::npos);
}

TEST_CASE("Relations inside a PCS relate its statements", "[grammar][argdown]") {
    const auto r = map_text("<A>\n\n(1) [P]: p\n    <- [W]: w\n    +> [Q]: q\n----\n(2) [C]: c");
    const auto rel = relations(r.m.map);
    CHECK(has(rel, "[W] attack [P]"));
    CHECK(has(rel, "[P] support [Q]"));
}

TEST_CASE("Headings become group paths; tags, data and front matter title are kept", "[grammar][argdown]") {
    const auto r = map_text(
        "===\ntitle: Tour\n===\n\n# Part A\n\n## Section 1\n\n[T]: t #policy #(fiscal policy) {source: \"Op-ed\", uses: [1, 2]}\n\n# Part B\n\n"
        "<A>: a #policy\n\n[T] #extra");
    const auto& m = r.m.map;
    CHECK(m.sources().front().title == "Tour");
    const auto* t = find_title(m, "T");
    REQUIRE(t != nullptr);
    CHECK(t->group == "Part A > Section 1");
    CHECK(t->tags == std::vector<std::string>{"policy", "fiscal policy", "extra"});
    CHECK(t->data.at("source") == "Op-ed");
    CHECK(t->data.at("uses") == "[1, 2]");
    const auto quoted = map_text("[Q]: q {\n  quotes: {said: \"\\\"no\\\"\"}\n}");
    CHECK(find_title(quoted.m.map, "Q")->data.at("quotes") == "{said: \"\\\"no\\\"\"}");  // written back escaped
    const auto* a = find_title(m, "A");
    REQUIRE(a != nullptr);
    CHECK(a->group == "Part B");
    CHECK(a->kind == engine::statement_kind::argument);
}

TEST_CASE("List items are statements and arguments with their relations", "[grammar][argdown]") {
    const auto r = map_text("* [L1]: first\n  + [S]: s\n* second");
    const auto& m = r.m.map;
    CHECK(m.statements().size() == 3);
    CHECK(relations(m) == std::vector<std::string>{"[S] support [L1]"});
}

TEST_CASE("Mentions are not relations", "[grammar][argdown]") {
    const auto r = map_text("[T]: t\n\nI doubt @[T] and @<A>.\n\n<A>: a");
    CHECK(r.m.map.relations().empty());
}

TEST_CASE("Spans point at each occurrence in the input", "[grammar][argdown]") {
    const std::string text = "[T]: Taxes should rise.\n\n[T]\n  + Because.";
    const auto r = map_text(text);
    const auto& t = r.m.map.statements()[0];
    REQUIRE(t.spans.size() == 2);
    CHECK(text.substr(t.spans[0].begin, t.spans[0].size()) == "Taxes should rise.");
    CHECK(text.substr(t.spans[1].begin, t.spans[1].size()) == "[T]");
    CHECK(r.m.map.sources().front().text == text);
}

TEST_CASE("Relations to undefined titles create the node and warn; a second PCS is a diagnostic", "[grammar][argdown]") {
    std::vector<engine::diagnostic> warnings;
    const auto r = grammar::read_argdown("[T]: t\n  + <Nowhere>", "x.argdown", &warnings);
    REQUIRE(r.ok());
    CHECK(r.value->statements().size() == 2);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message == "undefined argument <Nowhere>");
    CHECK(warnings[0].line == 2);

    const auto twice = grammar::read_argdown("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d", "x.argdown");
    CHECK_FALSE(twice.ok());
    REQUIRE_FALSE(twice.errors.empty());
    CHECK(twice.errors[0].line == 9);
    // the mapping of such a document (as the parser recovers it) does not throw either
    const auto parsed = grammar::parse_argdown("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d");
    const auto m = grammar::map_argdown(*parsed.value, "x");
    CHECK(std::any_of(m.warnings.begin(), m.warnings.end(),
                      [](const auto& w) { return w.message.find("second premise-conclusion structure") != std::string::npos; }));
}

TEST_CASE("The tour file maps without warnings and keeps every titled element", "[grammar][argdown]") {
    std::ifstream in(std::string(ARGMAP_TEST_DATA) + "/argdown/tour.argdown", std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    std::vector<engine::diagnostic> warnings;
    const auto text = s.str();
    const auto r = grammar::read_argdown(text, "tour.argdown", &warnings);
    REQUIRE(r.ok());
    CHECK(warnings.empty());
    for (const char* t : {"Taxes", "Schools", "Enough", "Growth", "Recession", "Revenue", "Flight", "No taxes", "Underfunded", "Rule",
                          "Waste", "Slow", "Anyway", "Item one"})
        CHECK(find_title(*r.value, t) != nullptr);
}

TEST_CASE("Mapped block by block as it is read, a document gives the map and warnings of a whole parse", "[grammar][argdown]") {
    std::vector<std::string> names{"tour.argdown"};
    for (const auto* name : {"crlf", "pcs", "relations", "sections", "statements"})
        names.push_back(std::string("conformance/") + name + ".argdown");
    std::vector<std::string> texts;
    for (const auto& name : names) {
        std::ifstream in(std::string(ARGMAP_TEST_DATA) + "/argdown/" + name, std::ios::binary);
        REQUIRE(in);
        std::ostringstream s;
        s << in.rdbuf();
        texts.push_back(s.str());
    }
    // warnings of both the parser and the mapping, groups from nested headings, data, an
    // anonymous PCS, an undercut of an argument without a PCS
    texts.push_back("===\ntitle: T\n===\n\n# A\n\n## B {isGroup: true}\n\n[S]: s #t {k: [1, 2]}\n  + <X>\n  - [U]: u\n    _> <Y>\n\n"
                    "<Y>: y\n  - [S]\n\n# C\n\n(1) p\n(2) q\n-- r {uses: [1]} --\n(3) [S]\n\n[S]\n  + [S]\n\n* [L]: l\n  + @[M] m");
    for (const auto& text : texts) {
        INFO(text.substr(0, 60));
        std::vector<engine::diagnostic> warnings;
        const auto streamed = grammar::read_argdown(text, "doc.argdown", &warnings);
        REQUIRE(streamed.ok());
        const auto parsed = grammar::parse_argdown(text);
        REQUIRE(parsed.ok());
        const auto whole = grammar::map_argdown(*parsed.value, "doc.argdown");
        CHECK(*streamed.value == whole.map);
        auto expected = parsed.value->warnings;
        expected.insert(expected.end(), whole.warnings.begin(), whole.warnings.end());
        CHECK(warnings == expected);
        std::string owned = text;
        std::vector<engine::diagnostic> owning_warnings;
        const auto owning = grammar::read_argdown_owning(std::move(owned), "doc.argdown", &owning_warnings);
        REQUIRE(owning.ok());
        CHECK(*owning.value == whole.map);
        CHECK(owning_warnings == expected);
    }
}
