#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "engine/model.hpp"
#include "map_builder.hpp"
#include "render/standard_form_writer.hpp"

using namespace argmap;
using engine::relation_type;
using render::standard_form_style;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("Standard form: linked premises share one inference, a premise with one support is derived in place",
          "[render]") {
    test::map_builder b{"in.txt"};
    const auto claim = b.add("Japan and Russia will not form an alliance.", true);
    const auto interests = b.add("Their strategic interests conflict.");
    const auto kurils = b.add("Each claims the Kurils.");
    const auto us = b.add("Japan relies on the US alliance.");
    const auto strain = b.add("An alliance with Russia would strain it.");
    const auto concepts = b.add("Their strategic concepts differ.");
    b.relate(relation_type::support, {kurils}, interests);
    b.relate(relation_type::support, {interests, us, strain}, claim, "Modus ponens");
    b.relate(relation_type::support, {concepts}, claim);

    CHECK(render::to_standard_form(b.map) ==
          "Main claim: Japan and Russia will not form an alliance.\n"
          "\n"
          "Argument 1, for the main claim\n"
          "  (1) Each claims the Kurils.\n"
          "  ----\n"
          "  (2) Their strategic interests conflict.\n"
          "  (3) Japan relies on the US alliance.\n"
          "  (4) An alliance with Russia would strain it.\n"
          "  -- Modus ponens --\n"
          "  (5) Japan and Russia will not form an alliance.\n"
          "\n"
          "Argument 2, for the main claim\n"
          "  (1) Their strategic concepts differ.\n"
          "  ----\n"
          "  (2) Japan and Russia will not form an alliance.\n");
}

TEST_CASE("Standard form: objections, rebuttals and undercuts name the line or inference they attack", "[render]") {
    test::map_builder b{"in.txt"};
    const auto claim = b.add("C", true);
    const auto p = b.add("P");
    const auto ties = b.add("Both sides want better ties.");
    const auto dispute = b.add("The dispute is unresolved.");
    const auto rivals = b.add("Rivals have allied before.");
    const auto against_p = b.add("P is doubtful.");
    const auto link = b.relate(relation_type::support, {p}, claim);
    b.relate(relation_type::attack, {ties}, claim);
    b.relate(relation_type::attack, {dispute}, ties);
    b.relate(relation_type::undercut, {rivals}, link);
    b.relate(relation_type::attack, {against_p}, p);

    const auto text = render::to_standard_form(b.map);
    CHECK(text ==
          "Main claim: C\n"
          "\n"
          "Argument 1, for the main claim\n"
          "  (1) P\n"
          "  ----\n"
          "  (2) C\n"
          "\n"
          "Objection 1, against the main claim\n"
          "  Both sides want better ties.\n"
          "\n"
          "Objection 2, against (1) of argument 1\n"
          "  P is doubtful.\n"
          "\n"
          "Objection 3, against the inference to (2) of argument 1\n"
          "  Rivals have allied before.\n"
          "\n"
          "Objection 4, against objection 1\n"
          "  The dispute is unresolved.\n");
}

TEST_CASE("Standard form: several supports of a premise are arguments of their own, reasons for an objection too",
          "[render]") {
    test::map_builder b{"in.txt"};
    const auto claim = b.add("C", true);
    const auto p = b.add("P");
    const auto a1 = b.add("A1");
    const auto a2 = b.add("A2");
    const auto obj = b.add("O");
    const auto why = b.add("why O");
    b.relate(relation_type::support, {p}, claim);
    b.relate(relation_type::support, {a1}, p);
    b.relate(relation_type::support, {a2}, p);
    b.relate(relation_type::attack, {obj}, claim);
    b.relate(relation_type::support, {why}, obj);

    const auto text = render::to_standard_form(b.map);
    CHECK(text.find("Argument 1, for the main claim\n  (1) P\n  ----\n  (2) C\n") != std::string::npos);
    CHECK(text.find("Argument 2, for (1) of argument 1\n  (1) A1\n  ----\n  (2) P\n") != std::string::npos);
    CHECK(text.find("Argument 3, for (1) of argument 1\n  (1) A2\n  ----\n  (2) P\n") != std::string::npos);
    CHECK(text.find("Objection 1, against the main claim\n  O\n") != std::string::npos);
    CHECK(text.find("Argument 4, for objection 1\n  (1) why O\n  ----\n  (2) O\n") != std::string::npos);
}

TEST_CASE("Standard form: a map without a main claim, with a cycle and loose statements, writes each relation once",
          "[render]") {
    test::map_builder b{"in.txt"};
    const auto x = b.add("X");
    const auto y = b.add("Y");
    const auto z = b.add("Z");
    const auto top = b.add("Top");
    const auto under = b.add("Under");
    b.add("Loose");
    b.relate(relation_type::support, {x}, y);
    b.relate(relation_type::support, {y}, z);
    b.relate(relation_type::support, {z}, x);  // a cycle that reaches nothing else
    b.relate(relation_type::attack, {under}, top);

    const auto text = render::to_standard_form(b.map);
    CHECK(text.rfind("Other claim 1: Top\n", 0) == 0);
    CHECK(text.find("Objection 1, against other claim 1\n  Under\n") != std::string::npos);
    CHECK(text.find("Other claim 2: ") != std::string::npos);
    CHECK(text.find("Not connected\n  Loose\n") != std::string::npos);
    // The three supports of the cycle: one argument, two of them derived in place.
    CHECK(count(text, "Argument ") == 1);
    CHECK(count(text, "  ----\n") == 3);
    CHECK(render::to_standard_form(b.map) == text);
}

TEST_CASE("Standard form: a very long chain finishes, derivations in place stop at a depth", "[render]") {
    test::map_builder b{"in.txt"};
    auto prev = b.add("claim", true);
    for (int i = 0; i < 5000; ++i) {
        const auto next = b.add("step " + std::to_string(i));
        b.relate(relation_type::support, {next}, prev);
        prev = next;
    }
    const auto text = render::to_standard_form(b.map);
    CHECK(count(text, "  ----\n") == 5000);
    CHECK(count(text, "Argument ") > 1);  // not one argument 5,000 lines deep
    CHECK(text.find("step 4999") != std::string::npos);
}

TEST_CASE("Standard form: long statements wrap at 78 columns under their text, titles show as [Title]", "[render]") {
    test::map_builder b{"in.txt"};
    std::string long_text;
    for (int i = 0; i < 30; ++i) long_text += "word" + std::to_string(i) + " ";
    const auto claim = b.add(long_text, true);
    engine::statement titled{b.source, "Titled premise.", {}, false};
    titled.title = "T1";
    const auto p = b.map.add_statement(titled);
    b.relate(relation_type::support, {p}, claim);
    const auto text = render::to_standard_form(b.map);
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto l = text.substr(start, end - start);
        CHECK(l.size() <= 78);
        start = end + 1;
    }
    CHECK(text.find("  (1) [T1]: Titled premise.\n") != std::string::npos);
    CHECK(text.find("\n      word") != std::string::npos);  // continuation under the text of "(2) "
}

TEST_CASE("Standard form in Markdown: headings, numbered lists across inference lines, escaped text", "[render]") {
    test::map_builder b{"in.txt", "A *title*"};
    const auto claim = b.add("We <script>alert(1)</script> must act_now.", true);
    const auto p = b.add("Costs [rise] & **fall**.");
    const auto q = b.add("Q");
    const auto o = b.add("O");
    b.relate(relation_type::support, {q}, p);
    b.relate(relation_type::support, {p}, claim, "Modus `ponens`");
    b.relate(relation_type::attack, {o}, p);

    const auto md = render::to_standard_form(b.map, standard_form_style::markdown);
    CHECK(md ==
          "# A \\*title\\*\n"
          "\n"
          "**Main claim:** We \\<script\\>alert(1)\\</script\\> must act\\_now.\n"
          "\n"
          "## Argument 1, for the main claim\n"
          "\n"
          "1. Q\n"
          "\n"
          "----\n"
          "\n"
          "2. Costs \\[rise\\] \\& \\*\\*fall\\*\\*.\n"
          "\n"
          "-- Modus \\`ponens\\` --\n"
          "\n"
          "3. We \\<script\\>alert(1)\\</script\\> must act\\_now.\n"
          "\n"
          "## Objection 1, against (2) of argument 1\n"
          "\n"
          "- O\n");
    CHECK(md.find("<script>") == std::string::npos);
}

TEST_CASE("map --format standard-form writes the sample op-ed's arguments, and -o x.md writes Markdown", "[cli]") {
    const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
    const auto r = test::run_argmap("map '" + sample + "' --format standard-form");
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("Putin visit unlikely to close rift with Tokyo\n\nMain claim: ", 0) == 0);
    CHECK(r.out.find("Argument 1, for the main claim\n  (1) ") != std::string::npos);
    CHECK(r.out.find("Argument 3, for the main claim\n") != std::string::npos);  // three lines of reasons
    CHECK(r.out.find("Objection 1, against ") != std::string::npos);
    CHECK(r.out.find("  ----\n") != std::string::npos);
    CHECK(r.out.find("Disqus") == std::string::npos);

    const auto dir = test::temp_dir();
    REQUIRE(test::run_argmap("map '" + sample + "' -o '" + dir + "/map.md'").status == 0);
    const auto md = test::read_file(dir + "/map.md");
    CHECK(md.rfind("# Putin visit unlikely to close rift with Tokyo\n\n**Main claim:** ", 0) == 0);
    CHECK(md.find("\n## Argument 1, for the main claim\n\n1. ") != std::string::npos);
    CHECK(test::run_argmap("compare a b --format standard-form").status == 2);
}

TEST_CASE("Standard form: an Argdown argument's node names its premise-conclusion structure", "[render]") {
    test::map_builder b{"in.txt"};
    const auto men = b.add("All men are mortal.");
    const auto man = b.add("Socrates is a man.");
    const auto mortal = b.add("Socrates is mortal.", true);
    engine::statement node{b.source, "A syllogism.", {}, false};
    node.title = "Socrates";
    node.kind = engine::statement_kind::argument;
    const auto arg = b.map.add_statement(node);
    engine::relation pcs;
    pcs.from = {men, man};
    pcs.to = mortal;
    pcs.why.rule = "argdown-pcs";
    pcs.inference = "Barbara";
    b.map.add_relation(pcs);
    engine::relation tie;
    tie.from = {arg};
    tie.to = mortal;
    tie.why.rule = "argdown-argument";
    b.map.add_relation(tie);
    const auto against = b.add("Socrates is a god.");
    b.relate(relation_type::attack, {against}, arg);

    CHECK(render::to_standard_form(b.map) ==
          "Main claim: Socrates is mortal.\n"
          "\n"
          "Argument 1, for the main claim\n"
          "  <Socrates>: A syllogism.\n"
          "  (1) All men are mortal.\n"
          "  (2) Socrates is a man.\n"
          "  -- Barbara --\n"
          "  (3) Socrates is mortal.\n"
          "\n"
          "Objection 1, against argument 1\n"
          "  Socrates is a god.\n");
}

TEST_CASE("The teaching samples in Argdown map to the structures they teach", "[cli]") {
    const std::string dir = std::string(ARGMAP_SAMPLES) + "/";
    auto run = [&](const std::string& name, const std::string& args) {
        const auto r = test::run_argmap("map '" + dir + name + ".argdown' " + args);
        INFO(name << ": " << r.err);
        REQUIRE(r.status == 0);
        return r.out;
    };
    const auto syllogism = run("syllogism", "--format standard-form");
    CHECK(syllogism.find("  (1) [Men]: All men are mortal.\n  (2) [Man]: Socrates is a man.\n  -- Barbara --\n"
                         "  (3) [Mortal]: Socrates is mortal.\n") != std::string::npos);
    CHECK(syllogism.find("Argument 2") == std::string::npos);

    const auto linked = run("linked-premises", "--format standard-form");
    CHECK(linked.find("  ----\n  (3) [Against]: ") != std::string::npos);  // an intermediate conclusion
    CHECK(linked.find("Argument 2, for the main claim\n  (1) [Traffic]: ") != std::string::npos);
    const auto linked_dot = run("linked-premises", "--format dot");
    CHECK(linked_dot.find("shape=point") != std::string::npos);  // linked premises meet at a junction

    const auto objection = run("objection-rebuttal", "--format standard-form");
    CHECK(objection.find("Objection 1, against the main claim\n  [Practice]: ") != std::string::npos);
    CHECK(objection.find("Objection 2, against objection 1\n  [No effect]: ") != std::string::npos);
    CHECK(run("objection-rebuttal", "--format dot").find("#e06c00") != std::string::npos);  // the rebuttal's orange

    const auto undercut = run("undercut", "--format standard-form");
    CHECK(undercut.find("Objection 1, against the inference to (2) of argument 1\n  [Red light]: ") != std::string::npos);
    CHECK(run("undercut", "--format dot").find("style=dotted") != std::string::npos);

    for (const std::string name : {"syllogism", "linked-premises", "objection-rebuttal", "undercut"}) {
        const auto committed = test::read_file(dir + name + ".svg");
        INFO(name << ".svg is committed beside its .argdown");
        CHECK(committed.find("<svg") != std::string::npos);
    }
}
