// The Argdown notation parser: one test per construct, nesting, errors with their positions,
// CRLF, and inputs that must neither crash nor hang.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/diagnostic.hpp"
#include "grammar/argdown_parser.hpp"

using namespace argmap::grammar;
using namespace std::string_literals;

namespace {

using result = argmap::engine::parse_result<argdown_document>;

std::string read_data(const std::string& name) {
    std::ifstream in(std::string(ARGMAP_TEST_DATA) + "/argdown/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string describe(const result& r) {
    std::string s;
    for (const auto& e : r.errors) {
        s += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
    }
    return s;
}

/// Parses text that must be valid.
const argdown_document& valid(const result& r) {
    INFO(describe(r));
    REQUIRE(r.value.has_value());
    REQUIRE(r.errors.empty());
    return *r.value;
}

template <class T>
const T& block_as(const argdown_document& d, std::size_t i) {
    REQUIRE(i < d.blocks.size());
    const T* b = std::get_if<T>(&d.blocks[i].value);
    REQUIRE(b != nullptr);
    return *b;
}

bool has_error(const result& r, std::size_t line, std::size_t column, std::string_view part) {
    for (const auto& e : r.errors) {
        if (e.line == line && e.column == column && e.message.find(part) != std::string::npos) return true;
    }
    return false;
}

std::string_view slice(std::string_view text, argmap::engine::span s) { return text.substr(s.begin, s.size()); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Statements and arguments
// ---------------------------------------------------------------------------------------------

TEST_CASE("An untitled statement is a block with its text and no title", "[grammar][argdown]") {
    const std::string text = "Taxes should rise.";
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    REQUIRE(d.blocks.size() == 1);
    const auto& eb = block_as<element_block>(d, 0);
    CHECK(eb.root.kind == element_kind::statement);
    CHECK(eb.root.form == element_form::untitled);
    CHECK(eb.root.title.empty());
    CHECK(eb.root.body.text == "Taxes should rise.");
    CHECK(eb.root.where.bytes == argmap::engine::span{0, text.size()});
    CHECK(eb.root.where.line == 1);
    CHECK(eb.root.where.column == 1);
}

TEST_CASE("A statement definition has a title and a text that may continue on the next line", "[grammar][argdown]") {
    const std::string text = "[T1]:  Taxes should\n  rise   now.";
    const auto r = parse_argdown(text);
    const auto& root = block_as<element_block>(valid(r), 0).root;
    CHECK(root.form == element_form::definition);
    CHECK(root.title == "T1");
    CHECK(slice(text, root.title_span) == "[T1]");
    CHECK(root.body.text == "Taxes should rise now.");
    CHECK(slice(text, root.body.where) == "Taxes should\n  rise   now.");
}

TEST_CASE("A statement reference has a title, tags and data but no text", "[grammar][argdown]") {
    const auto r = parse_argdown("[T1]: Taxes should rise.\n\n[T1] #policy {weight: 2}");
    const auto& d = valid(r);
    const auto& ref = block_as<element_block>(d, 1).root;
    CHECK(ref.kind == element_kind::statement);
    CHECK(ref.form == element_form::reference);
    CHECK(ref.title == "T1");
    CHECK(ref.body.text.empty());
    REQUIRE(ref.body.tags.size() == 1);
    CHECK(ref.body.tags[0] == "policy");
    REQUIRE(ref.body.data != no_index);
    CHECK(d.data[d.data[ref.body.data].first_child].key == "weight");
}

TEST_CASE("A statement mention inside text is a range, not a relation", "[grammar][argdown]") {
    const std::string text = "[T1]: Taxes.\n\nI doubt @[T1] very much.";
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    const auto& eb = block_as<element_block>(d, 1);
    CHECK(eb.relations.empty());
    CHECK(eb.root.body.text == "I doubt @[T1] very much.");
    REQUIRE(eb.root.body.ranges.size() == 1);
    const auto& m = eb.root.body.ranges[0];
    CHECK(m.kind == inline_kind::statement_mention);
    CHECK(m.value == "T1");
    CHECK(slice(text, m.where) == "@[T1]");
    CHECK(eb.root.body.text.substr(m.begin, m.end - m.begin) == "@[T1]");
}

TEST_CASE("An argument definition has a title and a description", "[grammar][argdown]") {
    const auto r = parse_argdown("<A1>: Schools need money.");
    const auto& root = block_as<element_block>(valid(r), 0).root;
    CHECK(root.kind == element_kind::argument);
    CHECK(root.form == element_form::definition);
    CHECK(root.title == "A1");
    CHECK(root.body.text == "Schools need money.");
}

TEST_CASE("A statement or argument mention may wrap onto the next line", "[grammar][argdown]") {
    const auto r = parse_argdown(
        "[Causal argument]: Homework causes stress.\n\n"
        "<Load>: As @[Causal\n  argument] says, and @<Too\r\nmuch> adds.\n\n"
        "<Too much>: t");
    const auto& d = valid(r);
    CHECK(d.warnings.empty());  // both titles are found
    const auto& body = block_as<element_block>(d, 1).root.body;
    CHECK(body.text == "As @[Causal argument] says, and @<Too much> adds.");
    REQUIRE(body.ranges.size() == 2);
    CHECK(body.ranges[0].kind == inline_kind::statement_mention);
    CHECK(body.ranges[0].value == "Causal argument");
    CHECK(body.text.substr(body.ranges[0].begin, body.ranges[0].end - body.ranges[0].begin) == "@[Causal argument]");
    CHECK(body.ranges[1].kind == inline_kind::argument_mention);
    CHECK(body.ranges[1].value == "Too much");
    // but not across an empty line
    CHECK(has_error(parse_argdown("[T]: see @[Causal\n\nargument]"), 1, 18, "expected ']' to close the statement mention"));
}

TEST_CASE("An argument reference and an argument mention", "[grammar][argdown]") {
    const auto r = parse_argdown("<A1>: Schools need money.\n\n<A1>\n\nAs @<A1> says.");
    const auto& d = valid(r);
    const auto& ref = block_as<element_block>(d, 1).root;
    CHECK(ref.kind == element_kind::argument);
    CHECK(ref.form == element_form::reference);
    CHECK(ref.title == "A1");
    const auto& mention = block_as<element_block>(d, 2).root.body.ranges.at(0);
    CHECK(mention.kind == inline_kind::argument_mention);
    CHECK(mention.value == "A1");
}

TEST_CASE("Titles may hold spaces and non-ASCII characters", "[grammar][argdown]") {
    const auto r = parse_argdown("[Steuern erhöhen]: Die Steuern sollen steigen.\n  + <Schulen brauchen Geld>");
    const auto& eb = block_as<element_block>(valid(r), 0);
    CHECK(eb.root.title == "Steuern erhöhen");
    CHECK(eb.relations.at(0).child.title == "Schulen brauchen Geld");
}

// ---------------------------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------------------------

TEST_CASE("Each relation symbol gives a type and a direction relative to the child", "[grammar][argdown]") {
    struct expectation {
        const char* symbol;
        relation_type type;
        relation_direction direction;
    };
    const expectation cases[] = {
        {"+", relation_type::support, relation_direction::child_to_parent},
        {"<+", relation_type::support, relation_direction::child_to_parent},
        {"+>", relation_type::support, relation_direction::parent_to_child},
        {"-", relation_type::attack, relation_direction::child_to_parent},
        {"<-", relation_type::attack, relation_direction::child_to_parent},
        {"->", relation_type::attack, relation_direction::parent_to_child},
        {"_", relation_type::undercut, relation_direction::child_to_parent},
        {"<_", relation_type::undercut, relation_direction::child_to_parent},
        {"_>", relation_type::undercut, relation_direction::parent_to_child},
        {"><", relation_type::contradiction, relation_direction::symmetric},
    };
    for (const auto& c : cases) {
        // "_>" needs an argument below it, "><" a statement
        const std::string child = std::string_view(c.symbol) == "_>" ? "<A>" : "[B]: b";
        const std::string text = "[P]: p\n  " + std::string(c.symbol) + " " + child;
        INFO(text);
        const auto r = parse_argdown(text);
        const auto& eb = block_as<element_block>(valid(r), 0);
        REQUIRE(eb.relations.size() == 1);
        const auto& rel = eb.relations[0];
        CHECK(rel.symbol == c.symbol);
        CHECK(rel.type == c.type);
        CHECK(rel.direction == c.direction);
        CHECK(rel.parent == no_index);
        CHECK(rel.depth == 1);
        CHECK(rel.symbol_at.line == 2);
        CHECK(rel.symbol_at.column == 3);
    }
}

TEST_CASE("Relations nest by indentation: the parent is the nearest less indented line above", "[grammar][argdown]") {
    const auto r = parse_argdown(
        "[s1]: root\n"
        "  + <a>: a\n"
        "    - <b>: b\n"
        "        + [c]: c\n"
        "      - [d]: d\n"   // less indented than c, more than b: a child of b
        "  - <e>: e\n");
    const auto& rels = block_as<element_block>(valid(r), 0).relations;
    REQUIRE(rels.size() == 5);
    CHECK(rels[0].child.title == "a");
    CHECK(rels[0].parent == no_index);
    CHECK(rels[1].child.title == "b");
    CHECK(rels[1].parent == 0);
    CHECK(rels[2].child.title == "c");
    CHECK(rels[2].parent == 1);
    CHECK(rels[2].depth == 3);
    CHECK(rels[3].child.title == "d");
    CHECK(rels[3].parent == 1);
    CHECK(rels[4].child.title == "e");
    CHECK(rels[4].parent == no_index);
    CHECK(rels[4].indentation == 2);
}

TEST_CASE("Relations nest to any depth without recursion", "[grammar][argdown]") {
    constexpr int depth = 3000;  // the text grows with depth squared: 4.5 MB
    std::string text = "[root]: r\n";
    for (int i = 0; i < depth; ++i) text += std::string(static_cast<std::size_t>(i) + 1, ' ') + "+ s" + std::to_string(i) + "\n";
    const auto r = parse_argdown(text);
    const auto& rels = block_as<element_block>(valid(r), 0).relations;
    REQUIRE(rels.size() == depth);
    CHECK(rels.back().depth == depth);
    CHECK(rels.back().parent == depth - 2);
    CHECK(rels.back().child.body.text == "s" + std::to_string(depth - 1));
}

TEST_CASE("A relation after an empty line is an error", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n\n  + [U]: u");
    CHECK(has_error(r, 3, 3, "relation after an empty line"));
}

TEST_CASE("A relation not indented more than its parent is an error", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n+ [U]: u");
    CHECK(has_error(r, 2, 1, "indented more than its parent"));
}

TEST_CASE("A comment line between relations does not end the block", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n// a comment\n  + [U]: u\n  /* another */\n  - [V]: v");
    const auto& rels = block_as<element_block>(valid(r), 0).relations;
    REQUIRE(rels.size() == 2);
    CHECK(rels[1].child.title == "V");
}

TEST_CASE("A contradiction relates statements and only arguments can be undercut by _>", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("[T]: t\n  >< <A>"), 2, 6, "a contradiction relates statements"));
    CHECK(has_error(parse_argdown("<A>: a\n  _> [T]"), 2, 6, "only an argument's inference can be undercut"));
}

TEST_CASE("A relation symbol without an element after it is an error", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n  +\n  - [U]: u");
    CHECK(has_error(r, 2, 4, "expected a statement or an argument after '+'"));
    CHECK(block_as<element_block>(*r.value, 0).relations.size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Premise-conclusion structures
// ---------------------------------------------------------------------------------------------

TEST_CASE("A premise-conclusion structure has numbered premises, an inference and a conclusion", "[grammar][argdown]") {
    const std::string text =
        "<A1>: Schools need money.\n"
        "\n"
        "(1) [P1]: Schools are under-funded.\n"
        "(2) [P2]: If schools are under-funded, taxes should rise.\n"
        "-- Modus ponens, Modus tollens {uses: [1, 2]} --\n"
        "(3) [T1]: Taxes should rise.\n";
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    const auto& p = block_as<pcs>(d, 1);
    CHECK(p.argument_title == "A1");
    CHECK(p.argument_block == 0);
    REQUIRE(p.statements.size() == 3);
    CHECK(p.statements[0].number == 1);
    CHECK(slice(text, p.statements[0].number_span) == "(1)");
    CHECK(p.statements[0].role == pcs_role::premise);
    CHECK(p.statements[0].statement.title == "P1");
    CHECK(p.statements[1].role == pcs_role::premise);
    CHECK_FALSE(p.statements[1].inferred_by.has_value());
    const auto& c = p.statements[2];
    CHECK(c.role == pcs_role::main_conclusion);
    REQUIRE(c.inferred_by.has_value());
    CHECK_FALSE(c.inferred_by->collapsed);
    REQUIRE(c.inferred_by->rules.size() == 2);
    CHECK(c.inferred_by->rules[0] == "Modus ponens");
    CHECK(c.inferred_by->rules[1] == "Modus tollens");
    REQUIRE(c.inferred_by->data != no_index);
    const auto& uses = d.data[d.data[c.inferred_by->data].first_child];
    CHECK(uses.key == "uses");
    CHECK(uses.kind == data_kind::list);
    CHECK(d.data[uses.first_child].value == "1");
    CHECK(c.inferred_by->where.line == 5);
    CHECK(c.where.line == 6);
}

TEST_CASE("A collapsed inference line has no rules and no data", "[grammar][argdown]") {
    const auto r = parse_argdown("(1) p\n----\n(2) c");
    const auto& p = block_as<pcs>(valid(r), 0);
    CHECK(p.argument_title.empty());
    REQUIRE(p.statements.at(1).inferred_by.has_value());
    CHECK(p.statements[1].inferred_by->collapsed);
    CHECK(p.statements[1].inferred_by->rules.empty());
}

TEST_CASE("An inference written over three lines has its rules and data", "[grammar][argdown]") {
    const auto r = parse_argdown("(1) p\n(2) q\n--\nModus ponens {uses: [1, 2]}\n--\n(3) c");
    const auto& inf = block_as<pcs>(valid(r), 0).statements.at(2).inferred_by;
    REQUIRE(inf.has_value());
    REQUIRE(inf->rules.size() == 1);
    CHECK(inf->rules[0] == "Modus ponens");
    CHECK(inf->data != no_index);
}

TEST_CASE("A conclusion followed by more premises is an intermediate conclusion", "[grammar][argdown]") {
    const auto r = parse_argdown("(1) p\n----\n(2) i\n(3) q\n----\n(4) c");
    const auto& s = block_as<pcs>(valid(r), 0).statements;
    REQUIRE(s.size() == 4);
    CHECK(s[0].role == pcs_role::premise);
    CHECK(s[1].role == pcs_role::intermediate_conclusion);
    CHECK(s[2].role == pcs_role::premise);
    CHECK(s[3].role == pcs_role::main_conclusion);
}

TEST_CASE("Relations under PCS statements and under inference lines belong to them", "[grammar][argdown]") {
    const auto r = parse_argdown("(1) p\n    <- [t1]: against p\n----\n    <_ <U>: undercut\n(2) c\n    + [t2]: for c");
    const auto& s = block_as<pcs>(valid(r), 0).statements;
    REQUIRE(s.size() == 2);
    REQUIRE(s[0].relations.size() == 1);
    CHECK(s[0].relations[0].child.title == "t1");
    REQUIRE(s[1].inferred_by.has_value());
    REQUIRE(s[1].inferred_by->relations.size() == 1);
    CHECK(s[1].inferred_by->relations[0].type == relation_type::undercut);
    CHECK(s[1].inferred_by->relations[0].child.title == "U");
    REQUIRE(s[1].relations.size() == 1);
    CHECK(s[1].relations[0].child.title == "t2");
}

TEST_CASE("An inference line without premises is an error", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("----\n(1) c"), 1, 1, "inference line without premises"));
    CHECK(has_error(parse_argdown("(1) p\n----\n----\n(2) c"), 3, 1, "inference line without premises"));
    CHECK(has_error(parse_argdown("[T]: t\n----"), 2, 1, "inference line without premises"));
}

TEST_CASE("A premise-conclusion structure without a conclusion is an error", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("\n(1) p\n(2) q"), 2, 1, "without a conclusion"));
    CHECK(has_error(parse_argdown("(1) p\n----"), 2, 1, "expected a numbered conclusion after the inference line"));
    CHECK(has_error(parse_argdown("(1) p\n----\n(2) c\n(3) q"), 4, 1, "ends with its conclusion"));
}

TEST_CASE("A PCS directly under its argument's title is an error; after an empty line it belongs to it", "[grammar][argdown]") {
    const auto bad = parse_argdown("<A>\n(1) p\n----\n(2) c");
    CHECK(has_error(bad, 2, 1, "expected an empty line between the argument and its premise-conclusion structure"));
    CHECK(block_as<pcs>(*bad.value, 1).argument_title == "A");
    const auto good = parse_argdown("<A>\n\n(1) p\n----\n(2) c");
    CHECK(block_as<pcs>(valid(good), 1).argument_title == "A");
}

TEST_CASE("A second premise-conclusion structure for one argument is an error", "[grammar][argdown]") {
    const auto r = parse_argdown("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d");
    CHECK(has_error(r, 9, 1, "second premise-conclusion structure for argument <A> (the first is at line 3)"));
}

TEST_CASE("A PCS line holds a statement, not an argument", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("(1) <A>: a\n----\n(2) c"), 1, 5, "not an argument"));
}

// ---------------------------------------------------------------------------------------------
// Headings, tags, data, front matter, lists
// ---------------------------------------------------------------------------------------------

TEST_CASE("Headings are groups with levels; each block knows its innermost heading", "[grammar][argdown]") {
    const auto r = parse_argdown("# Op-ed A\n\n[T]: t\n\n## Part 1 {isGroup: true}\n\n[U]: u\n\n# Op-ed B\n\n[V]: v");
    const auto& d = valid(r);
    REQUIRE(d.blocks.size() == 6);
    const auto& h1 = block_as<heading>(d, 0);
    CHECK(h1.level == 1);
    CHECK(h1.title.text == "Op-ed A");
    CHECK(d.blocks[0].section == no_index);
    CHECK(d.blocks[1].section == 0);
    const auto& h2 = block_as<heading>(d, 2);
    CHECK(h2.level == 2);
    CHECK(h2.title.text == "Part 1");
    REQUIRE(h2.title.data != no_index);
    const auto& is_group = d.data[d.data[h2.title.data].first_child];
    CHECK(is_group.key == "isGroup");
    CHECK(is_group.value == "true");
    CHECK(d.blocks[2].section == 0);
    CHECK(d.blocks[3].section == 2);
    CHECK(d.blocks[4].section == no_index);
    CHECK(d.blocks[5].section == 4);
}

TEST_CASE("A '#' line inside a block is text, not a heading", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: first line\n# not a heading");
    CHECK(block_as<element_block>(valid(r), 0).root.body.text == "first line # not a heading");
}

TEST_CASE("Tags: #tag and #(multi word tag), kept in the text and listed once", "[grammar][argdown]") {
    const std::string text = "[T]: Taxes should rise #policy #(fiscal policy) #policy.";
    const auto r = parse_argdown(text);
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "Taxes should rise #policy #(fiscal policy) #policy.");
    REQUIRE(body.tags.size() == 2);
    CHECK(body.tags[0] == "policy");
    CHECK(body.tags[1] == "fiscal policy");
    REQUIRE(body.ranges.size() == 3);
    CHECK(body.ranges[1].kind == inline_kind::tag);
    CHECK(slice(text, body.ranges[1].where) == "#(fiscal policy)");
}

TEST_CASE("Inline data is a flow map with lists, quoted values and nested maps", "[grammar][argdown]") {
    const auto r = parse_argdown("<A2>: text {source: \"Op-ed B\", uses: [1, 2], nested: {a: 'x'}, empty:}");
    const auto& d = valid(r);
    const auto& body = block_as<element_block>(d, 0).root.body;
    CHECK(body.text == "text");
    REQUIRE(body.data != no_index);
    const auto& root = d.data[body.data];
    CHECK(root.kind == data_kind::map);
    const auto& source = d.data[root.first_child];
    CHECK(source.key == "source");
    CHECK(source.value == "Op-ed B");
    CHECK(source.quoted);
    const auto& uses = d.data[source.next_sibling];
    CHECK(uses.kind == data_kind::list);
    CHECK(d.data[d.data[uses.first_child].next_sibling].value == "2");
    const auto& nested = d.data[uses.next_sibling];
    CHECK(nested.kind == data_kind::map);
    CHECK(d.data[nested.first_child].key == "a");
    CHECK(d.data[nested.first_child].value == "x");
    const auto& empty = d.data[nested.next_sibling];
    CHECK(empty.key == "empty");
    CHECK(empty.kind == data_kind::null);
    CHECK(empty.next_sibling == no_index);
}

TEST_CASE("Quoted values of inline data read as in block data: escapes processed", "[grammar][argdown]") {
    const std::string inline_data = "[T]: t {a: \"say \\\"hi\\\" \\\\ ok\", b: 'it''s', c: \"plain\"}";
    const std::string block_data = "[T]: t {\n  a: \"say \\\"hi\\\" \\\\ ok\"\n  b: 'it''s'\n  c: \"plain\"\n}";
    for (const auto& text : {inline_data, block_data}) {
        const auto r = parse_argdown(text);
        const auto& d = valid(r);
        const auto& a = d.data[d.data[block_as<element_block>(d, 0).root.body.data].first_child];
        CHECK(a.value == "say \"hi\" \\ ok");
        const auto& b = d.data[a.next_sibling];
        CHECK(b.value == "it's");
        const auto& c = d.data[b.next_sibling];
        CHECK(c.value == "plain");
        CHECK(c.value.data() == text.data() + text.find("plain"));  // as written: the input's own bytes
    }
}

TEST_CASE("Block data: a brace followed by a line break holds YAML lines", "[grammar][argdown]") {
    const auto r = parse_argdown(
        "[T1] {\n"
        "  source: Op-ed\n"
        "  authors:\n"
        "    - Ann\n"
        "    - name: Bob\n"
        "      role: editor\n"
        "  note: |\n"
        "    two lines\n"
        "    of text\n"
        "}\n"
        "  + [U]: u");
    const auto& d = valid(r);
    const auto& eb = block_as<element_block>(d, 0);
    CHECK(eb.relations.size() == 1);
    const auto& root = d.data[eb.root.body.data];
    CHECK(root.kind == data_kind::map);
    const auto& authors = d.data[d.data[root.first_child].next_sibling];
    CHECK(authors.key == "authors");
    CHECK(authors.kind == data_kind::list);
    CHECK(d.data[authors.first_child].value == "Ann");
    const auto& bob = d.data[d.data[authors.first_child].next_sibling];
    CHECK(bob.kind == data_kind::map);
    CHECK(d.data[bob.first_child].value == "Bob");
    CHECK(d.data[d.data[bob.first_child].next_sibling].key == "role");
    const auto& note = d.data[authors.next_sibling];
    CHECK(note.key == "note");
    CHECK(note.value == "two lines\nof text\n");  // a literal block scalar, as YAML reads it
}

TEST_CASE("Front matter is YAML metadata at the top", "[grammar][argdown]") {
    const auto r = parse_argdown("===\ntitle: Tour\nmodel:\n  mode: strict\n===\n\n[T]: t");
    const auto& d = valid(r);
    REQUIRE(d.front.has_value());
    CHECK(d.front->yaml == "title: Tour\nmodel:\n  mode: strict\n");
    const auto& title = d.data[d.data[d.front->data].first_child];
    CHECK(title.key == "title");
    CHECK(title.value == "Tour");
    const auto& model = d.data[title.next_sibling];
    CHECK(model.kind == data_kind::map);
    CHECK(d.data[model.first_child].value == "strict");
    CHECK(d.blocks.size() == 1);
}

TEST_CASE("Front matter values may continue on the next line and nest, as YAML has them", "[grammar][argdown]") {
    const std::string text =
        "===\n"
        "title: Causal arguments\n"
        "  in the op-ed\n"
        "subtitle: \"quoted \\\"text\\\"\"\n"
        "model:\n"
        "  mode: strict\n"
        "color:\n"
        "  tagColors: {policy: '#1b9e77', cost: '#d95f02'}\n"
        "===\n"
        "\n"
        "[T]: t";
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    REQUIRE(d.front.has_value());
    const auto& title = d.data[d.data[d.front->data].first_child];
    CHECK(title.key == "title");
    CHECK(title.value == "Causal arguments in the op-ed");  // folded: the next line continues it
    const auto& subtitle = d.data[title.next_sibling];
    CHECK(subtitle.quoted);
    CHECK(subtitle.value == "quoted \"text\"");
    const auto& model = d.data[subtitle.next_sibling];
    CHECK(model.key == "model");
    CHECK(model.kind == data_kind::map);
    CHECK(d.data[model.first_child].key == "mode");
    CHECK(d.data[model.first_child].value == "strict");
    const auto& colors = d.data[d.data[model.next_sibling].first_child];
    CHECK(colors.key == "tagColors");
    CHECK(colors.kind == data_kind::map);
    CHECK(d.data[colors.first_child].key == "policy");
    CHECK(d.data[colors.first_child].value == "#1b9e77");
    // a value that stands in the document as written views it
    CHECK(d.data[model.first_child].value.data() == text.data() + text.find("strict"));
}

TEST_CASE("A YAML error in front matter or block data is located in the document", "[grammar][argdown]") {
    // yaml-cpp's position in the YAML text, translated to the document's line and column
    const auto front = parse_argdown("===\ntitle: x\nmodel: [strict\n===\n\n[T]: t");
    INFO(describe(front));
    REQUIRE(front.errors.size() == 1);
    CHECK(front.errors[0].message.rfind("invalid YAML in the data: ", 0) == 0);
    CHECK(front.errors[0].line == 4);  // the list is still open where the YAML text ends
    const auto block = parse_argdown("[T]: t\n\n[U] {\n  a: 1\n  b: : c\n}");
    INFO(describe(block));
    REQUIRE(block.errors.size() == 1);
    CHECK(block.errors[0].message.rfind("invalid YAML in the data: ", 0) == 0);
    CHECK(block.errors[0].line == 5);
    CHECK(block.errors[0].column == 6);
    // a lone value is not data
    CHECK(has_error(parse_argdown("===\njust text\n===\n\n[T]: t"), 2, 1, "invalid YAML in the data: expected 'key: value'"));
}

TEST_CASE("Front matter without its closing line is an error", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("===\ntitle: x\n"), 1, 1, "expected '===' to close the front matter"));
}

TEST_CASE("Ordered and unordered lists hold statements and arguments", "[grammar][argdown]") {
    const auto r = parse_argdown("* [L1]: item one\n* <A>: item two\n\n  1. first\n  2. second");
    const auto& d = valid(r);
    const auto& u = block_as<list_block>(d, 0);
    REQUIRE(u.items.size() == 2);
    CHECK_FALSE(u.items[0].ordered);
    CHECK(u.items[0].value.title == "L1");
    CHECK(u.items[1].value.kind == element_kind::argument);
    const auto& o = block_as<list_block>(d, 1);
    REQUIRE(o.items.size() == 2);
    CHECK(o.items[1].ordered);
    CHECK(o.items[1].number == 2);
    CHECK(o.items[1].value.body.text == "second");
}

TEST_CASE("Nested lists are an error", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("* one\n  * nested"), 2, 3, "nested lists are not supported"));
}

// ---------------------------------------------------------------------------------------------
// Text: emphasis, links, comments, escapes, shortcodes
// ---------------------------------------------------------------------------------------------

TEST_CASE("Bold and italic in both spellings are ranges; the text keeps no markers", "[grammar][argdown]") {
    const std::string text = "A **b** c __d__ e *f* g _h_.";
    const auto r = parse_argdown(text);
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "A b c d e f g h.");
    REQUIRE(body.ranges.size() == 4);
    CHECK(body.ranges[0].kind == inline_kind::bold);
    CHECK(body.text.substr(body.ranges[0].begin, body.ranges[0].end - body.ranges[0].begin) == "b");
    CHECK(slice(text, body.ranges[0].where) == "**b**");
    CHECK(body.ranges[1].kind == inline_kind::bold);
    CHECK(body.ranges[2].kind == inline_kind::italic);
    CHECK(body.ranges[3].kind == inline_kind::italic);
    CHECK(body.text.substr(body.ranges[3].begin, body.ranges[3].end - body.ranges[3].begin) == "h");
}

TEST_CASE("Emphasis may nest and span a line break", "[grammar][argdown]") {
    const auto r = parse_argdown("**bold _and\nitalic_ text**");
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "bold and italic text");
    REQUIRE(body.ranges.size() == 2);
    CHECK(body.ranges[0].kind == inline_kind::bold);
    CHECK(body.ranges[0].begin == 0);
    CHECK(body.ranges[0].end == body.text.size());
    CHECK(body.ranges[1].kind == inline_kind::italic);
}

TEST_CASE("Unmatched emphasis markers stay text", "[grammar][argdown]") {
    const auto r = parse_argdown("snake_case_name and 2 * 3 and *open");
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "snake_case_name and 2 * 3 and *open");
    CHECK(body.ranges.empty());
}

TEST_CASE("Links keep their text; the url is in the range", "[grammar][argdown]") {
    const auto r = parse_argdown("See [the report](https://example.org/a//b) now.");
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "See the report now.");
    REQUIRE(body.ranges.size() == 1);
    CHECK(body.ranges[0].kind == inline_kind::link);
    CHECK(body.ranges[0].value == "the report");
    CHECK(body.ranges[0].url == "https://example.org/a//b");
    CHECK(body.text.substr(body.ranges[0].begin, body.ranges[0].end - body.ranges[0].begin) == "the report");
}

TEST_CASE("Comments of all three kinds are ignored", "[grammar][argdown]") {
    const auto r = parse_argdown("// a line comment\n[T]: a /* block\ncomment */ b <!-- html --> c // rest\n\n/* between */\n\n[U]: u");
    const auto& d = valid(r);
    REQUIRE(d.blocks.size() == 2);
    CHECK(block_as<element_block>(d, 0).root.body.text == "a b c");
    CHECK(block_as<element_block>(d, 1).root.title == "U");
}

TEST_CASE("Backslash escapes make special characters text", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: a \\[b\\] \\#c \\*d\\* \\\\ e");
    CHECK(block_as<element_block>(valid(r), 0).root.body.text == "a [b] #c *d* \\ e");
}

TEST_CASE("Shortcodes become Unicode characters, not inside words", "[grammar][argdown]") {
    const auto r = parse_argdown("p .^. (p .->. q) :+1: and U.S.A.");
    const auto& body = block_as<element_block>(valid(r), 0).root.body;
    CHECK(body.text == "p \u2227 (p \u2192 q) \U0001F44D and U.S.A.");
    REQUIRE(body.ranges.size() == 3);
    CHECK(body.ranges[0].kind == inline_kind::special_char);
    CHECK(body.ranges[0].value == ".^.");
}

TEST_CASE("A title inside text must be a mention", "[grammar][argdown]") {
    const auto r = parse_argdown("Plain text with [T] in it.");
    CHECK(has_error(r, 1, 17, "expected @[T] to mention [T] inside text"));
}

TEST_CASE("A new title on the next line needs an empty line before it", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n[U]: u");
    CHECK(has_error(r, 2, 1, "expected an empty line before a new statement or argument"));
    REQUIRE(r.value->blocks.size() == 2);
    CHECK(block_as<element_block>(*r.value, 1).root.title == "U");
}

TEST_CASE("Text after a reference and text after data are errors", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("[T] text"), 1, 5, "expected only tags or data after the reference [T]"));
    CHECK(has_error(parse_argdown("[T]: t {a: 1} more"), 1, 15, "expected a line break after the data"));
}

TEST_CASE("A definition without text is an error", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("[T]:"), 1, 5, "expected the text of [T] after ':'"));
}

// ---------------------------------------------------------------------------------------------
// Whole files, errors, positions
// ---------------------------------------------------------------------------------------------

TEST_CASE("The tour file with every construct parses without errors", "[grammar][argdown]") {
    const std::string text = read_data("tour.argdown");
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    CHECK(d.warnings.empty());
    REQUIRE(d.front.has_value());
    std::size_t headings = 0, elements = 0, structures = 0, lists = 0, relations = 0;
    for (const auto& b : d.blocks) {
        if (std::holds_alternative<heading>(b.value)) ++headings;
        if (const auto* eb = std::get_if<element_block>(&b.value)) {
            ++elements;
            relations += eb->relations.size();
        }
        if (std::holds_alternative<pcs>(b.value)) ++structures;
        if (std::holds_alternative<list_block>(b.value)) ++lists;
    }
    CHECK(headings == 2);
    CHECK(structures == 2);
    CHECK(lists == 2);
    CHECK(relations == 8);
    CHECK(elements == 11);
}

TEST_CASE("Every error in a file is reported with its line and column", "[grammar][argdown]") {
    const std::string text = read_data("errors.argdown");
    std::istringstream expected(read_data("errors.expected"));
    const auto r = parse_argdown(text);
    std::vector<std::string> want;
    for (std::string line; std::getline(expected, line);) {
        if (!line.empty()) want.push_back(line);
    }
    std::vector<std::string> got;
    for (const auto& e : r.errors) got.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message);
    CHECK(got == want);
    // every line marked ERROR has its diagnostic
    std::istringstream lines(text);
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        if (number == 1 || line.find("ERROR") == std::string::npos) continue;
        bool found = false;
        for (const auto& e : r.errors) found = found || e.line == number;
        INFO("line " << number << ": " << line);
        CHECK(found);
    }
}

TEST_CASE("Error columns count code points, as engine::locate does", "[grammar][argdown]") {
    const std::string text = "[Ünïcödé]: ä ö ü [Stray] x\n\n[Ä: unclosed";
    const auto r = parse_argdown(text);
    REQUIRE(r.errors.size() >= 2);
    const auto stray = argmap::engine::locate(text, text.find("[Stray]"), "");
    CHECK(has_error(r, stray.line, stray.column, "[Stray]"));
    CHECK(stray.column == 18);
    const auto unclosed = argmap::engine::locate(text, text.size(), "");
    CHECK(has_error(r, unclosed.line, unclosed.column, "expected ']' to close the statement title"));
}

TEST_CASE("Elements keep byte spans and line and column", "[grammar][argdown]") {
    const std::string text = "# H\n\n[T]: top\n  + <A>: child\n    - deeper text";
    const auto r = parse_argdown(text);
    const auto& d = valid(r);
    const auto& eb = block_as<element_block>(d, 1);
    CHECK(slice(text, eb.root.where.bytes) == "[T]: top");
    CHECK(eb.root.where.line == 3);
    const auto& a = eb.relations.at(0);
    CHECK(slice(text, a.symbol_at.bytes) == "+");
    CHECK(slice(text, a.child.where.bytes) == "<A>: child");
    CHECK(a.child.where.line == 4);
    CHECK(a.child.where.column == 5);
    const auto& deeper = eb.relations.at(1);
    CHECK(slice(text, deeper.child.where.bytes) == "deeper text");
    CHECK(deeper.child.where.column == 7);
    const auto& h = block_as<heading>(d, 0);
    CHECK(slice(text, h.where.bytes) == "# H");
}

TEST_CASE("CRLF line endings parse like LF", "[grammar][argdown]") {
    std::string lf = read_data("tour.argdown");
    std::string crlf;
    for (char c : lf) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const auto a = parse_argdown(lf);
    const auto b = parse_argdown(crlf);
    const auto& da = valid(a);
    const auto& db = valid(b);
    REQUIRE(da.blocks.size() == db.blocks.size());
    const auto& ra = block_as<element_block>(da, 1);
    const auto& rb = block_as<element_block>(db, 1);
    CHECK(ra.root.body.text == rb.root.body.text);
    CHECK(rb.root.body.text.find('\r') == std::string_view::npos);
    REQUIRE(ra.relations.size() == rb.relations.size());
    for (std::size_t i = 0; i < ra.relations.size(); ++i) {
        CHECK(ra.relations[i].child.title == rb.relations[i].child.title);
        CHECK(ra.relations[i].parent == rb.relations[i].parent);
        CHECK(ra.relations[i].child.where.line == rb.relations[i].child.where.line);
        CHECK(ra.relations[i].child.where.column == rb.relations[i].child.where.column);
    }
    const auto& pa = block_as<pcs>(da, 3);
    const auto& pb = block_as<pcs>(db, 3);
    CHECK(pa.statements.size() == pb.statements.size());
    CHECK(pb.statements.back().role == pcs_role::main_conclusion);
    CHECK(db.data.size() == da.data.size());
}

TEST_CASE("Titles referred to but never defined are warnings, not errors", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n  + <Nowhere>\n  - [Defined later]\n\n[Defined later]: here\n\nSee @[Missing].");
    const auto& d = valid(r);
    REQUIRE(d.warnings.size() == 2);
    CHECK(d.warnings[0].message == "undefined argument <Nowhere>");
    CHECK(d.warnings[0].line == 2);
    CHECK(d.warnings[0].column == 5);
    CHECK(d.warnings[1].message == "undefined statement [Missing]");
}

TEST_CASE("An argument with a premise-conclusion structure counts as defined", "[grammar][argdown]") {
    const auto r = parse_argdown("[T]: t\n  + <A>\n\n<A>\n\n(1) p\n----\n(2) c");
    CHECK(valid(r).warnings.empty());
}

// ---------------------------------------------------------------------------------------------
// Bad input: never a crash, a hang or unbounded memory
// ---------------------------------------------------------------------------------------------

TEST_CASE("Empty and blank inputs give empty documents", "[grammar][argdown]") {
    for (const char* text : {"", "\n", "\n\n  \n\t\n", "\r\n\r\n", "// only a comment", "\xEF\xBB\xBF"}) {
        const auto r = parse_argdown(text);
        CHECK(valid(r).blocks.empty());
    }
}

TEST_CASE("Invalid UTF-8 and NUL bytes are read as bytes", "[grammar][argdown]") {
    std::string text;
    for (int i = 0; i < 256; ++i) text += static_cast<char>(i);
    text += "\n\n[T\xff\xfe]: \x80\x80 \0 text"s;
    text += std::string("\n  + \xc3", 6);
    text.push_back('\0');
    const auto r = parse_argdown(text);
    REQUIRE(r.value.has_value());
    bool found = false;
    for (const auto& b : r.value->blocks) {
        if (const auto* eb = std::get_if<element_block>(&b.value)) found = found || eb->root.title == "T\xff\xfe";
    }
    CHECK(found);
}

TEST_CASE("A 10 MB line is one statement", "[grammar][argdown]") {
    const std::string text(10'000'000, 'a');
    const auto r = parse_argdown(text);
    CHECK(block_as<element_block>(valid(r), 0).root.body.text.size() == text.size());
}

TEST_CASE("Deeply nested data, emphasis and brackets return", "[grammar][argdown]") {
    constexpr std::size_t n = 100'000;
    {
        std::string text = "[T]: x {a: ";
        for (std::size_t i = 0; i < n; ++i) text += "{a: ";
        text += "1" + std::string(n + 1, '}');
        const auto r = parse_argdown(text);
        CHECK(valid(r).data.size() == n + 2);
    }
    {
        const std::string text = "[T]: x {a: " + std::string(n, '[') + "1" + std::string(n, ']') + "}";
        CHECK(valid(parse_argdown(text)).data.size() == n + 2);
    }
    {
        std::string text = "x ";
        for (std::size_t i = 0; i < n; ++i) text += "**_";
        const auto r = parse_argdown(text);
        CHECK(valid(r).blocks.size() == 1);
    }
    {
        const std::string text = "x " + std::string(n, '[') + std::string(n, '<') + std::string(n, '{');
        const auto r = parse_argdown(text);
        CHECK(r.value.has_value());
        CHECK(has_error(r, 1, 2 * n + 3, "expected '}' to close the data"));
    }
    {
        // block YAML too deep for yaml-cpp is an error, not a crash
        const std::string text = "===\na: " + std::string(n, '[') + "\n===\n\n[T]: t\n\n[U] {\n  a: " +
                                 std::string(n, '[') + std::string(n, ']') + "\n}";
        const auto r = parse_argdown(text);
        CHECK(r.value.has_value());
        CHECK(r.errors.size() == 2);
        for (const auto& e : r.errors) CHECK(e.message.rfind("invalid YAML in the data: ", 0) == 0);
    }
}

TEST_CASE("Deep indentation without a parent returns", "[grammar][argdown]") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += std::string(static_cast<std::size_t>(i), '\t') + "- x\n";
    const auto r = parse_argdown(text);
    REQUIRE(r.value.has_value());
    CHECK_FALSE(r.errors.empty());
}

TEST_CASE("Unterminated comments and brackets are errors, not crashes", "[grammar][argdown]") {
    CHECK(has_error(parse_argdown("[T]: text /* never closed\n\nmore"), 1, 13, "expected '*/' to close the comment"));
    CHECK(has_error(parse_argdown("[T]: text <!-- never closed"), 1, 15, "expected '-->' to close the comment"));
    CHECK(has_error(parse_argdown("[T: text"), 1, 9, "expected ']' to close the statement title"));
    CHECK(has_error(parse_argdown("<A: text"), 1, 9, "expected '>' to close the argument title"));
    CHECK(has_error(parse_argdown("[T]: text {a: 1"), 1, 11, "expected '}' to close the data"));
    CHECK(has_error(parse_argdown("[T]: x {a: [1, 2}"), 1, 17, "expected ',' or ']' in the data"));
    CHECK(has_error(parse_argdown("[T]: x {a: \"open}"), 1, 12, "expected '\"' to close the quoted text in the data"));
    CHECK(has_error(parse_argdown("(1) p\n-- rule"), 2, 8, "expected '--' to close the inference line"));
}

TEST_CASE("Many errors are capped and reading stops with a note", "[grammar][argdown]") {
    std::string text;
    for (int i = 0; i < 30'000; ++i) text += "@[\n";
    const auto r = parse_argdown(text);
    REQUIRE(r.value.has_value());
    REQUIRE(r.errors.size() == 10'001);
    CHECK(r.errors.back().message.find("too many errors") == 0);
}

namespace {

/// The block with every line and column set to 0 (blocks read one at a time carry bytes only).
block without_lines(block b) {
    for_each_location(b, [](source_location& l) { l.line = l.column = 0; });
    return b;
}

/// Keeps a copy of every block it is given, with its index.
struct collecting_sink final : argdown_block_sink {
    std::vector<block> blocks;
    std::vector<std::uint32_t> indices;
    std::size_t data_seen = 0;  ///< data nodes the document had at the last block
    void take(const argdown_document& doc, const block& b, std::uint32_t index) override {
        CHECK(doc.blocks.size() <= 1);  // earlier blocks are not kept
        blocks.push_back(b);
        indices.push_back(index);
        data_seen = doc.data.size();
    }
};

}  // namespace

TEST_CASE("Read one block at a time, a document gives the blocks a whole parse gives", "[grammar][argdown]") {
    std::vector<std::string> texts{read_data("tour.argdown")};
    for (const auto* name : {"crlf", "pcs", "relations", "sections", "statements"})
        texts.push_back(read_data("conformance/"s + name + ".argdown"));
    for (const auto& text : texts) {
        const auto whole = parse_argdown(text);
        REQUIRE(whole.ok());
        collecting_sink sink;
        const auto streamed = parse_argdown(text, sink);
        REQUIRE(streamed.ok());
        CHECK(streamed.value->blocks.empty());
        CHECK(streamed.value->warnings == whole.value->warnings);
        CHECK(streamed.value->data == whole.value->data);
        CHECK(streamed.value->front == whole.value->front);
        CHECK(sink.data_seen <= whole.value->data.size());
        REQUIRE(sink.blocks.size() == whole.value->blocks.size());
        for (std::size_t i = 0; i < sink.blocks.size(); ++i) {
            CHECK(sink.indices[i] == i);
            CHECK(sink.blocks[i] == without_lines(whole.value->blocks[i]));
        }
    }
}

TEST_CASE("Read one block at a time, blocks stop at the first error; every error is still reported", "[grammar][argdown]") {
    const std::string text = "[A]: a\n\n[B]: b\n  + [C]: c\n\n[D]: d\n+ [E]: e\n\n[F]: f\n\n(1) p\n";
    collecting_sink sink;
    const auto streamed = parse_argdown(text, sink);
    const auto whole = parse_argdown(text);
    CHECK_FALSE(streamed.ok());
    CHECK(streamed.errors == whole.errors);
    REQUIRE(sink.blocks.size() == 2);  // [A] and [B]; the block of [D] holds the first error
    CHECK(std::get<element_block>(sink.blocks[1].value).root.title == "B");
    CHECK(std::get<element_block>(sink.blocks[1].value).relations.size() == 1);
}
