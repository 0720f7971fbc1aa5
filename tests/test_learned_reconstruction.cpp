// The learned reconstruction: its decoder, its model file, its features, and the map it makes.

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>

#include "engine/reconstruction.hpp"
#include "engine/reconstruction_features.hpp"
#include "engine/reconstruction_model.hpp"
#include "engine/tree_decoder.hpp"
#include "grammar/prose_parser.hpp"

using namespace argmap;
using engine::scored_edge;

namespace {

/// Every parent assignment of n nodes rooted at `root` that is a tree, by brute force: the best score.
double best_by_brute_force(std::size_t n, std::size_t root, const std::vector<scored_edge>& edges) {
    std::vector<std::size_t> parent(n, 0);
    double best = -1e300;
    std::function<void(std::size_t)> go = [&](std::size_t v) {
        if (v == n) {
            double total = 0.0;
            for (std::size_t x = 0; x < n; ++x) {
                if (x == root) continue;
                std::size_t steps = 0, y = x;  // reaches the root without a cycle?
                while (y != root && steps <= n) y = parent[y], ++steps;
                if (y != root) return;
                bool found = false;
                double s = -1e300;
                for (const auto& e : edges)
                    if (e.child == x && e.parent == parent[x]) found = true, s = std::max(s, e.score);
                if (!found) return;
                total += s;
            }
            best = std::max(best, total);
            return;
        }
        if (v == root) return go(v + 1);
        for (std::size_t p = 0; p < n; ++p)
            if (p != v) parent[v] = p, go(v + 1);
    };
    go(0);
    return best;
}

engine::reconstruction_model shipped_model() { return engine::read_model_file(ARGMAP_SOURCE_MODEL); }

}  // namespace

TEST_CASE("the decoder picks the highest-scoring tree, as a search of every tree does", "[engine]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> score(-3.0, 0.0);
    for (int round = 0; round < 300; ++round) {
        const std::size_t n = 2 + rng() % 5;
        const std::size_t root = rng() % n;
        std::vector<scored_edge> edges;
        for (std::size_t c = 0; c < n; ++c)
            for (std::size_t p = 0; p < n; ++p)
                if (c != p && c != root) edges.push_back({c, p, score(rng)});
        const auto parent = engine::best_tree(n, root, edges);
        // a tree: one root, every other node one parent, no cycle
        REQUIRE(parent[root] == engine::no_parent);
        double total = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            if (v == root) continue;
            REQUIRE(parent[v] < n);
            std::size_t y = v, steps = 0;
            while (y != root && steps++ <= n) y = parent[y];
            REQUIRE(y == root);
            for (const auto& e : edges)
                if (e.child == v && e.parent == parent[v]) total += e.score;
        }
        REQUIRE(total == Approx(best_by_brute_force(n, root, edges)));
    }
}

TEST_CASE("the decoder breaks a cycle of locally best edges", "[engine]") {
    // 1 and 2 prefer each other; the best tree keeps one of those edges and hangs the other on 0
    const std::vector<scored_edge> edges = {{1, 2, -0.1}, {2, 1, -0.1}, {1, 0, -2.0}, {2, 0, -1.0}};
    const auto parent = engine::best_tree(3, 0, edges);
    CHECK(parent == std::vector<std::size_t>{engine::no_parent, 2, 0});
}

TEST_CASE("a node that no edge connects to the root gets no parent", "[engine]") {
    const auto parent = engine::best_tree(3, 0, {{1, 0, -1.0}});
    CHECK(parent[1] == 0);
    CHECK(parent[2] == engine::no_parent);
}

TEST_CASE("a model file reads back the model it was written from, byte for byte", "[engine]") {
    engine::reconstruction_model m;
    m.comment = "test";
    m.main_claim.bias = -1.5;
    m.main_claim.weights = {{"pos:first", 1.25}, {"lead-word:even if", -0.5}};
    m.attack.weights = {{"concedes", 2.0}};
    m.attachment.bias = 0.25;
    const auto text = engine::write_model(m);
    const auto back = engine::parse_model(text);
    CHECK(back == m);
    CHECK(engine::write_model(back) == text);
    CHECK(back.main_claim.weight("lead-word:even if") == -0.5);
}

TEST_CASE("a damaged or cut or foreign model file is an error that says so", "[engine]") {
    engine::reconstruction_model m;
    m.main_claim.weights = {{"pos:first", 1.25}};
    const auto text = engine::write_model(m);
    auto damaged = text;
    damaged[damaged.find("1.25")] = '7';
    CHECK_THROWS_WITH(engine::parse_model(damaged), Catch::Contains("damaged"));
    CHECK_THROWS_WITH(engine::parse_model(text.substr(0, text.rfind("checksum"))), Catch::Contains("cut short"));
    CHECK_THROWS_WITH(engine::parse_model("hello\n"), Catch::Contains("not an argmap reconstruction model"));
    CHECK_THROWS_WITH(engine::parse_model("argmap-reconstruction-model 9\n"), Catch::Contains("version 9"));
    CHECK_THROWS_WITH(engine::read_model_file("/nonexistent/model"), Catch::Contains("cannot read"));
}

TEST_CASE("the shipped model file is valid and names how it was fitted", "[engine]") {
    const auto m = shipped_model();
    CHECK(m.comment.find("scripts/train") != std::string::npos);
    CHECK(!m.main_claim.weights.empty());
    CHECK(!m.attack.weights.empty());
    CHECK(!m.attachment.weights.empty());
}

namespace {

struct reading {
    std::string text;
    engine::document_structure doc;
    std::vector<engine::text_unit> units;
};

reading read(std::string text) {
    reading r{std::move(text), {}, {}};
    auto parsed = grammar::parse_prose(r.text);
    REQUIRE(parsed.ok());
    r.doc = *parsed.value;
    r.doc.text = r.text;
    r.units = engine::segment(r.doc);
    return r;
}

bool has(const engine::feature_list& f, const std::string& name) {
    return std::any_of(f.begin(), f.end(), [&](const engine::feature& x) { return x.name == name; });
}

}  // namespace

TEST_CASE("unit features mark markers, position, modality, negation, person and reported voice", "[engine]") {
    const auto r = read("We should ban cars. Because they pollute, cities suffer badly. Critics say that cars are needed. "
                        "But they are not.");
    REQUIRE(r.units.size() == 5);
    const auto e = engine::gather_evidence(r.doc, r.units);
    const auto first = engine::unit_features(e, 0);
    CHECK(has(first, "pos:first"));
    CHECK(has(first, "modal:should"));
    CHECK(has(first, "first-person"));
    CHECK((has(first, "lead:stance") || has(first, "marker:stance")));
    const auto because = engine::unit_features(e, 1);
    CHECK(has(because, "lead:premise"));
    CHECK(has(because, "clause:fronted-subordinate"));
    const auto critics = engine::unit_features(e, 3);
    CHECK(has(critics, "concedes"));
    CHECK(has(critics, "next-lead:contrast"));
    const auto last = engine::unit_features(e, 4);
    CHECK(has(last, "lead:contrast"));
    CHECK(has(last, "neg"));
    CHECK(has(last, "pos:last"));
}

TEST_CASE("pair features mark distance, the sentence shared and what the rules proposed", "[engine]") {
    const auto r = read("Because they pollute, cities suffer from cars. We should ban them.");
    REQUIRE(r.units.size() == 3);
    const auto e = engine::gather_evidence(r.doc, r.units);
    const auto f = engine::pair_features(e, 0, 1);
    CHECK(has(f, "d:+1"));
    CHECK(has(f, "same-sentence"));
    CHECK(has(f, "fronted-clause-to-its-main-clause"));
    CHECK(has(f, "rules:edge"));
    CHECK(has(engine::pair_features(e, 2, 0), "d:-2"));
}

TEST_CASE("candidate targets stay within a window of neighbours plus the likely claims", "[engine]") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "Sentence number " + std::to_string(i) + " says something here. ";
    const auto r = read(text);
    const auto e = engine::gather_evidence(r.doc, r.units);
    const auto c = engine::candidate_targets(e, 30, {0});
    CHECK(c.size() <= 2 * engine::attachment_window + 3);
    CHECK(std::find(c.begin(), c.end(), 0) != c.end());
    CHECK(std::find(c.begin(), c.end(), 30) == c.end());
    CHECK(std::is_sorted(c.begin(), c.end()));
}

TEST_CASE("the learned map is a tree with one main claim and explains its choices", "[engine]") {
    const auto r = read("Fines for dog dirt should be higher. The streets are dirty everywhere. Of course, higher "
                        "fines cost money to enforce. But the fines pay for the enforcement themselves.");
    const auto map = engine::reconstruct(r.doc, "t.txt", shipped_model());
    std::size_t central = 0;
    for (const auto& s : map.statements()) {
        central += s.central;
        if (s.central) CHECK(!s.claim_evidence.empty());
    }
    CHECK(central == 1);
    // every statement but the claim has exactly one outgoing relation
    std::vector<int> out(map.statements().size(), 0);
    for (const auto& rel : map.relations()) {
        for (const auto from : rel.from) ++out[from.value];
        CHECK(rel.why.rule == "learned");
        CHECK(!rel.why.evidence.empty());
        CHECK(rel.why.confidence > 0.0);
        CHECK(rel.why.confidence <= 1.0);
    }
    for (std::size_t k = 0; k < out.size(); ++k) CHECK(out[k] == (map.statements()[k].central ? 0 : 1));
}
