#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/comparison.hpp"
#include "engine/rules.hpp"
#include "grammar/prose_parser.hpp"
#include "grammar/snowball_stemmer.hpp"
#include "render/json_document.hpp"

using namespace argmap::engine;
using Catch::Matchers::Contains;

namespace {

enum stance stance_of(std::string_view a, std::string_view b) {
    return classify_stance(a, b, light_term_extractor()).stance;
}

statement_id add(argument_map& map, source_id src, std::string text, bool central = false) {
    statement st;
    st.source = src;
    st.text = std::move(text);
    st.central = central;
    return map.add_statement(std::move(st));
}

void support(argument_map& map, statement_id from, statement_id to) {
    relation r;
    r.type = relation_type::support;
    r.from = {from};
    r.to = to;
    map.add_relation(std::move(r));
}

const alignment* find(const std::vector<alignment>& all, statement_id a, statement_id b) {
    for (const auto& x : all)
        if ((x.first == a && x.second == b) || (x.first == b && x.second == a)) return &x;
    return nullptr;
}

bool involves(const std::vector<alignment>& all, statement_id s) {
    return std::any_of(all.begin(), all.end(), [&](const alignment& a) { return a.first == s || a.second == s; });
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Stance rules

TEST_CASE("A negation turns the same statement into a contradiction", "[engine][compare]") {
    CHECK(stance_of("The sanctions have angered Russia.", "The sanctions have not angered Russia.") ==
          stance::contradict);
    CHECK(stance_of("The sanctions have angered Russia.", "The sanctions haven't angered Russia.") ==
          stance::contradict);
    CHECK(stance_of("The sanctions have angered Russia.", "The sanctions have angered Russia.") == stance::agree);
    const auto j = classify_stance("The sanctions have angered Russia.", "The sanctions have not angered Russia.",
                                   light_term_extractor());
    CHECK_THAT(j.reason, Contains("negation 'not' in the second"));
    CHECK(j.confidence > 0.5);
}

TEST_CASE("Two negations of the same thing agree", "[engine][compare]") {
    CHECK(stance_of("The two countries will never form an alliance.",
                    "It is unlikely that the two countries will form an alliance.") == stance::agree);
    CHECK(stance_of("The territorial dispute defies an easy solution.",
                    "The territorial dispute has no easy solution.") == stance::agree);
}

TEST_CASE("A negation reaches only to the end of its clause", "[engine][compare]") {
    CHECK(stance_of("Tokyo welcomed the visit, but nobody expects a treaty.", "Tokyo welcomed the visit.") ==
          stance::agree);
    CHECK(stance_of("Tokyo welcomed the visit because nobody expects a treaty.", "Tokyo welcomed the visit.") ==
          stance::agree);
}

TEST_CASE("A negation at the end of its clause negates what comes before it", "[engine][compare]") {
    CHECK(stance_of("A compromise on the islands is likely.", "A compromise on the islands is unlikely.") ==
          stance::contradict);
}

TEST_CASE("A negation of what its statement also affirms does not count", "[engine][compare]") {
    CHECK(stance_of("The sanctions hurt Russia, but they did not hurt Russian oil exports.",
                    "The sanctions hurt Russia.") == stance::agree);
    CHECK(stance_of("Sanctions not only hurt Russia.", "Sanctions hurt Russia.") == stance::agree);
}

TEST_CASE("Antonyms from the lexicon contradict, and a negated antonym agrees", "[engine][compare]") {
    CHECK(stance_of("The sanctions were real.", "The sanctions were symbolic.") == stance::contradict);
    CHECK(stance_of("The sanctions were not symbolic.", "The sanctions were real.") == stance::agree);
    CHECK(stance_of("Relations between Tokyo and Moscow will improve.",
                    "Relations between Tokyo and Moscow will deteriorate.") == stance::contradict);
    CHECK(stance_of("The visit will help close the rift.", "The visit will hinder efforts to close the rift.") ==
          stance::contradict);
    CHECK(stance_of("The time is particularly bad to reconcile.", "It is a particularly good time to reconcile.") ==
          stance::contradict);
    const auto j = classify_stance("The sanctions were real.", "The sanctions were symbolic.", light_term_extractor());
    CHECK_THAT(j.reason, Contains("real scale"));
}

TEST_CASE("Hedges weaken a stance, and two possibilities do not contradict", "[engine][compare]") {
    const auto ex = light_term_extractor();
    CHECK(stance_of("The visit may help the talks.", "The visit may not help the talks.") == stance::related);
    const auto hedged = classify_stance("The visit may help the talks.", "The visit will not help the talks.", ex);
    const auto firm = classify_stance("The visit will help the talks.", "The visit will not help the talks.", ex);
    CHECK(hedged.stance == stance::contradict);
    CHECK(firm.stance == stance::contradict);
    CHECK(hedged.confidence < firm.confidence);
}

TEST_CASE("A question asserts nothing, so it is only related", "[engine][compare]") {
    CHECK(stance_of("Will the visit help the talks?", "The visit will help the talks.") == stance::related);
}

TEST_CASE("Statements that share only a topic are related", "[engine][compare]") {
    CHECK(stance_of("The Kuril Islands have rich fishing grounds and great military value.",
                    "Joint projects on the Kuril Islands would benefit both sides.") == stance::related);
    const auto none = classify_stance("Fishing rights matter.", "Oil prices fell.", light_term_extractor());
    CHECK(none.stance == stance::related);
    CHECK(none.confidence == 0.0);
}

TEST_CASE("A fronted background clause is not what a statement asserts", "[engine][compare]") {
    // the shared words stand only in "Even if ..."
    CHECK(stance_of("Even if the two countries sign a treaty, the islands will stay Russian.",
                    "The two countries will sign a treaty.") == stance::related);
    // the negation stands only in "Even without ..."
    CHECK(stance_of("Even without a treaty, trade between the two countries will grow.",
                    "Trade between the two countries will grow.") == stance::agree);
}

TEST_CASE("Names match across demonyms and acronyms", "[engine][compare]") {
    const auto ex = light_term_extractor();
    const auto demonym = classify_stance("Japanese investment helps Russia.", "Russia needs investment from Japan.", ex);
    CHECK_THAT(demonym.reason, Contains("japan"));
    const auto acronym = classify_stance("The United States leads the alliance.", "The US leads the alliance.", ex);
    CHECK(acronym.stance == stance::agree);
    CHECK_THAT(acronym.reason, Contains(" us"));
}

// ---------------------------------------------------------------------------------------------
// Alignment

TEST_CASE("Statements of two sources align by what they speak of", "[engine][compare]") {
    argument_map map;
    const auto a = map.add_source({"a.txt", "", "", ""});
    const auto b = map.add_source({"b.txt", "", "", ""});
    const auto anger_a = add(map, a, "The sanctions have angered Russia.");
    const auto islands_a = add(map, a, "The Kuril Islands have great military value for Russia.");
    const auto energy_a = add(map, a, "Oil and gas exports to Japan will grow.");
    const auto weather_a = add(map, a, "The weather in Tokyo was pleasant in spring.");
    const auto anger_b = add(map, b, "The sanctions have not angered Russia.");
    const auto energy_b = add(map, b, "Russian oil and gas exports to Japan will grow quickly.");
    const auto islands_b = add(map, b, "The military value of the Kuril Islands is great.");
    const auto football_b = add(map, b, "Football is popular in Brazil.");

    const auto found = align(map, light_term_extractor());
    REQUIRE(find(found, anger_a, anger_b) != nullptr);
    CHECK(find(found, anger_a, anger_b)->stance == stance::contradict);
    REQUIRE(find(found, energy_a, energy_b) != nullptr);
    CHECK(find(found, energy_a, energy_b)->stance == stance::agree);
    REQUIRE(find(found, islands_a, islands_b) != nullptr);
    CHECK(find(found, islands_a, islands_b)->stance == stance::agree);
    CHECK_FALSE(involves(found, weather_a));
    CHECK_FALSE(involves(found, football_b));
    for (const auto& x : found) {
        CHECK(x.first < x.second);
        CHECK(map.at(x.first).source == a);
        CHECK(map.at(x.second).source == b);
        CHECK(x.score > 0.0);
        CHECK(x.score <= 1.0 + 1e-9);
    }
    CHECK(std::is_sorted(found.begin(), found.end(), [](const alignment& x, const alignment& y) {
        return std::pair{x.first, x.second} < std::pair{y.first, y.second};
    }));
}

TEST_CASE("One statement may align with several of the other source", "[engine][compare]") {
    argument_map map;
    const auto a = map.add_source({"a.txt", "", "", ""});
    const auto b = map.add_source({"b.txt", "", "", ""});
    const auto both = add(map, a, "Japan buys Russian oil and Russian gas.");
    const auto oil = add(map, b, "Japan buys Russian oil.");
    const auto gas = add(map, b, "Japan buys Russian gas.");
    const auto found = align(map, light_term_extractor());
    CHECK(find(found, both, oil) != nullptr);
    CHECK(find(found, both, gas) != nullptr);
    CHECK(find(found, oil, gas) == nullptr);  // same source
}

TEST_CASE("Alignment needs two sources and candidates from the index", "[engine][compare]") {
    argument_map one;
    const auto a = one.add_source({"a.txt", "", "", ""});
    add(one, a, "The sanctions have angered Russia.");
    add(one, a, "The sanctions have angered Russia.");
    CHECK(align(one, light_term_extractor()).empty());

    argument_map two;
    const auto x = two.add_source({"a.txt", "", "", ""});
    const auto y = two.add_source({"b.txt", "", "", ""});
    add(two, x, "The sanctions have angered Russia.");
    add(two, y, "The sanctions have not angered Russia.");
    CHECK(align(two, light_term_extractor()).size() == 1);
    compare_options no_index;
    no_index.max_postings = 0;  // no term may propose a candidate: nothing is scored
    CHECK(align(two, light_term_extractor(), no_index).empty());
    compare_options strict;
    strict.threshold = 1.01;
    CHECK(align(two, light_term_extractor(), strict).empty());
}

TEST_CASE("Alignment survives statements without words and odd bytes", "[engine][compare]") {
    argument_map map;
    const auto a = map.add_source({"a.txt", "", "", ""});
    const auto b = map.add_source({"b.txt", "", "", ""});
    add(map, a, "");
    add(map, a, "... ---, ;;");
    add(map, a, std::string("\xff\xfe\xe2\x80", 4));
    add(map, b, "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 words\xe2\x80\x99s end\xe2");
    add(map, b, "1,000 2.5 70");
    CHECK_NOTHROW(align(map, light_term_extractor()));
}

// ---------------------------------------------------------------------------------------------
// Summary

TEST_CASE("The summary lists agreements, clashes and unanswered reasons", "[engine][compare]") {
    argument_map map;
    const auto a = map.add_source({"a.txt", "", "", ""});
    const auto b = map.add_source({"b.txt", "", "", ""});
    const auto claim_a = add(map, a, "Japan and Russia will not form an alliance.", true);
    const auto conflict_a = add(map, a, "Their interests conflict.");
    const auto values_a = add(map, a, "Russia values a multipolar world.");
    const auto objection_a = add(map, a, "Some say ties will improve.");
    support(map, conflict_a, claim_a);
    support(map, values_a, claim_a);
    relation attack;
    attack.type = relation_type::attack;
    attack.from = {objection_a};
    attack.to = claim_a;
    map.add_relation(attack);
    const auto claim_b = add(map, b, "The visit can help close the rift.", true);
    const auto conflict_b = add(map, b, "Their interests do not conflict.");
    const auto energy_b = add(map, b, "Energy trade will grow.");
    const auto allies_b = add(map, b, "Nobody expects an alliance.");
    support(map, conflict_b, claim_b);
    support(map, energy_b, claim_b);
    map.add_alignment({conflict_a, conflict_b, stance::contradict, 0.9});
    map.add_alignment({claim_a, claim_b, stance::related, 0.3});
    map.add_alignment({claim_a, allies_b, stance::agree, 0.5});
    map.add_alignment({objection_a, allies_b, stance::agree, 0.7});

    const auto s = summarize(map);
    REQUIRE(s.agreements.size() == 2);
    CHECK(s.agreements[0].score == 0.7);  // highest first
    CHECK(s.agreements[1].score == 0.5);
    REQUIRE(s.clashes.size() == 1);
    CHECK(s.clashes[0].first == conflict_a);
    REQUIRE(s.related.size() == 1);
    REQUIRE(s.unanswered.size() == 2);
    // a's reasons: the claim and two supports; the objection is no reason; only values_a is unanswered
    CHECK(s.unanswered[a.value] == std::vector<statement_id>{values_a});
    // b's reasons: the claim and two supports; allies_b is aligned but no reason
    CHECK(s.unanswered[b.value] == std::vector<statement_id>{energy_b});
}

TEST_CASE("A summary of one source has no unanswered reasons", "[engine][compare]") {
    argument_map map;
    const auto a = map.add_source({"a.txt", "", "", ""});
    const auto claim = add(map, a, "Claim.", true);
    support(map, add(map, a, "Reason."), claim);
    const auto s = summarize(map);
    REQUIRE(s.unanswered.size() == 1);
    CHECK(s.unanswered[0].empty());
    CHECK(s.agreements.empty());
}

// ---------------------------------------------------------------------------------------------
// Merging

TEST_CASE("Merging maps renumbers sources, statements, relations and alignments", "[engine][compare]") {
    argument_map first;
    const auto fa = first.add_source({"a.txt", "A", "By A", "text a"});
    const auto s0 = add(first, fa, "claim a", true);
    const auto s1 = add(first, fa, "reason a");
    const auto s2 = add(first, fa, "undercut a");
    support(first, s1, s0);
    relation undercut;
    undercut.type = relation_type::undercut;
    undercut.from = {s2};
    undercut.to = relation_id{0};
    first.add_relation(undercut);

    argument_map second;
    const auto sb = second.add_source({"b.txt", "", "", "text b"});
    const auto sc = second.add_source({"c.txt", "", "", "text c"});
    const auto t0 = add(second, sb, "claim b", true);
    const auto t1 = add(second, sc, "claim c", true);
    const auto t2 = add(second, sb, "undercut b");
    support(second, t1, t0);
    undercut.from = {t2};
    undercut.to = relation_id{0};
    second.add_relation(undercut);
    second.add_alignment({t0, t1, stance::contradict, 0.4});

    const auto merged = merge_maps({first, second});
    REQUIRE(merged.sources().size() == 3);
    CHECK(merged.sources()[0] == first.sources()[0]);
    CHECK(merged.sources()[2].name == "c.txt");
    REQUIRE(merged.statements().size() == 6);
    CHECK(merged.statements()[3].text == "claim b");
    CHECK(merged.statements()[3].source == source_id{1});
    CHECK(merged.statements()[4].source == source_id{2});
    CHECK(merged.statements()[3].central);
    REQUIRE(merged.relations().size() == 4);
    CHECK(merged.relations()[1].to == std::variant<statement_id, relation_id>{relation_id{0}});
    CHECK(merged.relations()[2].from == std::vector<statement_id>{statement_id{4}});
    CHECK(merged.relations()[2].to == std::variant<statement_id, relation_id>{statement_id{3}});
    CHECK(merged.relations()[3].from == std::vector<statement_id>{statement_id{5}});
    CHECK(merged.relations()[3].to == std::variant<statement_id, relation_id>{relation_id{2}});
    REQUIRE(merged.alignments().size() == 1);
    CHECK(merged.alignments()[0] == alignment{statement_id{3}, statement_id{4}, stance::contradict, 0.4});

    CHECK(merge_maps({}) == argument_map{});
    CHECK(merge_maps({first}) == first);
}

// ---------------------------------------------------------------------------------------------
// The whole pair: the seed op-ed and the opposing op-ed written for argmap, against the annotation

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct compared_pair {
    std::string text_a, text_b;
    argument_map map;
};

compared_pair compare_putin_pair() {
    compared_pair out;
    const std::filesystem::path samples = ARGMAP_SAMPLES;
    out.text_a = slurp(samples / "putin-visit-tokyo.txt");
    out.text_b = slurp(samples / "putin-visit-can-help.txt");
    const auto doc_a = argmap::grammar::parse_prose(out.text_a);
    const auto doc_b = argmap::grammar::parse_prose(out.text_b);
    REQUIRE(doc_a.ok());
    REQUIRE(doc_b.ok());
    std::vector<argument_map> maps;
    maps.push_back(reconstruct_by_rules(*doc_a.value, "putin-visit-tokyo.txt"));
    maps.push_back(reconstruct_by_rules(*doc_b.value, "putin-visit-can-help.txt"));
    out.map = merge_maps(std::move(maps));
    argmap::grammar::snowball_stemmer stemmer;
    const term_extractor stem = [&stemmer](std::string_view w) { return stemmer.stem(w); };
    for (const auto& a : align(out.map, stem)) out.map.add_alignment(a);
    return out;
}

/// Statements of a source whose spans overlap the quote's place in the text by at least half of
/// the shorter of the two (the rule of scripts/score-compare).
std::set<statement_id> quoted(const argument_map& map, source_id src, const std::string& text, const std::string& q) {
    const auto begin = text.find(q);
    REQUIRE(begin != std::string::npos);
    const auto end = begin + q.size();
    std::set<statement_id> out;
    for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
        const auto& st = map.statements()[i];
        if (st.source != src) continue;
        for (const auto& sp : st.spans) {
            const auto lo = std::max(sp.begin, begin);
            const auto hi = std::min(sp.end, end);
            if (hi > lo && 2 * (hi - lo) >= std::min(sp.size(), q.size())) out.insert(statement_id{i});
        }
    }
    return out;
}

const std::filesystem::path fixture_path = std::filesystem::path(ARGMAP_TEST_DATA) / "compare" / "putin-pair.json";

}  // namespace

TEST_CASE("The Putin op-eds align as annotated: 80% of pairs found with their stance, under a third wrong",
          "[engine][compare]") {
    const auto pair = compare_putin_pair();
    const auto& map = pair.map;
    const auto fixture = nlohmann::json::parse(slurp(fixture_path));
    const source_id a{0}, b{1};

    struct expected {
        std::set<statement_id> first, second;
        enum stance stance;
    };
    std::vector<expected> pairs;
    for (const auto& p : fixture.at("pairs")) {
        pairs.push_back({quoted(map, a, pair.text_a, p.at("first").get<std::string>()),
                         quoted(map, b, pair.text_b, p.at("second").get<std::string>()),
                         *parse_stance(p.at("stance").get<std::string>())});
    }
    REQUIRE(pairs.size() >= 12);

    auto covers = [](const expected& e, const alignment& al) {
        return e.first.count(al.first) > 0 && e.second.count(al.second) > 0;
    };
    std::size_t found = 0;
    for (const auto& e : pairs)
        found += std::any_of(map.alignments().begin(), map.alignments().end(),
                             [&](const alignment& al) { return covers(e, al) && al.stance == e.stance; });
    std::size_t wrong = 0;
    for (const auto& al : map.alignments())
        wrong += std::none_of(pairs.begin(), pairs.end(),
                              [&](const expected& e) { return covers(e, al) && al.stance == e.stance; });

    const double recall = static_cast<double>(found) / static_cast<double>(pairs.size());
    const double wrong_share = map.alignments().empty()
                                   ? 1.0
                                   : static_cast<double>(wrong) / static_cast<double>(map.alignments().size());
    INFO("pairs found with the right stance: " << found << "/" << pairs.size() << " = " << recall);
    INFO("wrong alignments: " << wrong << "/" << map.alignments().size() << " = " << wrong_share);
    CHECK(recall >= 0.8);
    CHECK(wrong_share < 1.0 / 3.0);

    // The seed's reasons that the opposing op-ed leaves unanswered.
    const auto summary = summarize(map);
    const auto& unanswered = summary.unanswered.at(a.value);
    std::size_t reported = 0;
    const auto& quotes = fixture.at("unanswered").at("first");
    for (const auto& q : quotes) {
        const auto ids = quoted(map, a, pair.text_a, q.get<std::string>());
        reported += !ids.empty() && std::all_of(ids.begin(), ids.end(), [&](statement_id id) {
            return std::find(unanswered.begin(), unanswered.end(), id) != unanswered.end();
        });
    }
    INFO("annotated unanswered reasons reported: " << reported << "/" << quotes.size());
    CHECK(reported * 5 >= quotes.size() * 3);  // at least 60%
    CHECK(!summary.agreements.empty());
    CHECK(!summary.clashes.empty());
}

TEST_CASE("scripts/score-compare scores the Putin pair's document like the engine test does", "[engine][compare]") {
    if (std::system("python3 --version > /dev/null 2>&1") != 0) {
        WARN("python3 not found: scripts/score-compare not run");
        return;
    }
    const auto pair = compare_putin_pair();
    const auto doc = std::filesystem::temp_directory_path() / "argmap-test-putin-pair.json";
    {
        std::ofstream out(doc, std::ios::binary);
        out << argmap::render::write_json(pair.map, true);
    }
    const auto script = std::filesystem::path(ARGMAP_SAMPLES).parent_path() / "scripts" / "score-compare";
    const std::string base = "python3 '" + script.string() + "' '" + doc.string() + "' '" + fixture_path.string() + "'";
    CHECK(std::system((base + " --min-recall 0.8 --max-wrong 0.3333334 > /dev/null").c_str()) == 0);
    CHECK(std::system((base + " --min-recall 1.01 > /dev/null 2>&1").c_str()) != 0);  // the scorer can fail
    std::filesystem::remove(doc);
}
