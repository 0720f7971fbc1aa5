// argmap-train: fits the reconstruction model (engine/reconstruction_model.hpp) to corpora of texts
// with gold argument structure (the microtext JSONL format), and measures it honestly: by
// cross-validation with whole topics held out, in-sample beside it, and across corpora.
//
//   argmap-train model OUT.model CORPUS.jsonl...            fit on every text, write the model file
//   argmap-train cv FOLDS OUT_DIR CORPUS.jsonl...            topic-grouped cross-validation: for each
//        corpus C, OUT_DIR/C.cv.jsonl holds each text mapped by the model fitted without its topic,
//        OUT_DIR/C.in-sample.jsonl each text mapped by the model fitted on everything
//   argmap-train across TRAIN.jsonl TEST.jsonl OUT.jsonl     fit on one corpus, map the other
//
// Outputs are `argmap batch` documents, for ../shared/tools/score-microtexts. Every weight is
// fitted by liblinear's L2-regularised logistic regression (a deterministic solver), so the same
// corpora give the same model file byte for byte.

#include <linear.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/reconstruction.hpp"
#include "engine/reconstruction_features.hpp"
#include "engine/reconstruction_model.hpp"
#include "engine/tree_decoder.hpp"
#include "grammar/prose_parser.hpp"
#include "render/json_document.hpp"

namespace {

using namespace argmap;

struct gold_text {
    nlohmann::json id;
    std::string group;  ///< the topic, or the text's own id when it has none
    std::string text;
    // gold, in UTF-8 byte spans
    struct adu {
        std::string id;
        std::vector<engine::span> spans;
    };
    std::vector<adu> adus;
    std::string central;
    std::map<std::string, std::pair<std::string, bool>> parent;  ///< adu -> (parent adu, attack)
};

std::vector<std::size_t> char_to_byte(const std::string& text) {
    std::vector<std::size_t> table;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) table.push_back(i);
    table.push_back(text.size());
    return table;
}

std::vector<gold_text> read_corpus(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<gold_text> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto j = nlohmann::json::parse(line);
        gold_text g;
        g.id = j.at("id");
        g.text = j.at("text").get<std::string>();
        g.group = j.contains("topic_id") && j["topic_id"].is_string() ? j["topic_id"].get<std::string>()
                                                                      : "text:" + g.id.get<std::string>();
        const auto c2b = char_to_byte(g.text);
        std::map<std::string, std::size_t> first_char;
        for (const auto& a : j.at("adus")) {
            gold_text::adu x{a.at("id").get<std::string>(), {}};
            for (const auto& s : a.at("spans"))
                x.spans.push_back({c2b.at(s.at(0).get<std::size_t>()), c2b.at(s.at(1).get<std::size_t>())});
            first_char[x.id] = x.spans.empty() ? 0 : x.spans.front().begin;
            g.adus.push_back(std::move(x));
        }
        g.central = j.at("central_claim").get<std::string>();
        // the gold tree as the scorer reads it: an undercut attacks the attacked relation's premise;
        // of linked premises the first in text order keeps the relation, the others support it
        for (const auto& r : j.at("relations")) {
            const auto from = r.at("from").get<std::string>();
            const auto type = r.at("type").get<std::string>();
            const bool attack = type == "rebut" || type == "undercut";
            std::string to = r.at("to").get<std::string>();
            if (r.contains("linked_with") && r["linked_with"].is_array() && !r["linked_with"].empty()) {
                std::string first = from;
                for (const auto& o : r["linked_with"])
                    if (first_char[o.get<std::string>()] < first_char[first]) first = o.get<std::string>();
                if (first != from) {
                    g.parent[from] = {first, false};
                    continue;
                }
            }
            g.parent[from] = {to, attack};
        }
        out.push_back(std::move(g));
    }
    return out;
}

/// Non-space byte positions a span set covers.
std::set<std::size_t> chars(const std::string& text, const std::vector<engine::span>& spans) {
    std::set<std::size_t> out;
    for (const auto& s : spans)
        for (std::size_t i = s.begin; i < s.end && i < text.size(); ++i)
            if (!std::isspace(static_cast<unsigned char>(text[i]))) out.insert(i);
    return out;
}

double jaccard(const std::set<std::size_t>& a, const std::set<std::size_t>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t common = 0;
    for (auto x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

/// One text ready for fitting: its units and each unit's gold ADU (or none).
struct prepared_text {
    const gold_text* gold = nullptr;
    bool parsed = false;
    engine::document_structure doc;
    std::vector<engine::text_unit> units;
    std::vector<std::string> adu_of;  ///< per unit; empty when unmatched
};

void segment_and_match(prepared_text& p);

prepared_text prepare(const gold_text& g) {
    prepared_text p;
    p.gold = &g;
    auto parsed = grammar::parse_prose(g.text);
    if (!parsed.ok()) return p;
    p.doc = *parsed.value;
    p.parsed = true;
    segment_and_match(p);
    return p;
}

/// Cuts the text into units and matches them to the gold ADUs as the scorer does.
void segment_and_match(prepared_text& p) {
    const auto& g = *p.gold;
    p.units = engine::segment(p.doc);
    p.adu_of.assign(p.units.size(), {});
    struct candidate {
        double score;
        std::size_t unit, adu;
    };
    std::vector<candidate> cands;
    for (std::size_t u = 0; u < p.units.size(); ++u) {
        const auto su = chars(g.text, {p.units[u].where});
        for (std::size_t a = 0; a < g.adus.size(); ++a) {
            double s = jaccard(su, chars(g.text, g.adus[a].spans));
            for (const auto& sp : g.adus[a].spans) s = std::max(s, jaccard(su, chars(g.text, {sp})));
            if (s >= 0.5) cands.push_back({s, u, a});
        }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const candidate& x, const candidate& y) { return x.score > y.score; });
    std::vector<bool> unit_used(p.units.size()), adu_used(g.adus.size());
    for (const auto& c : cands) {
        if (unit_used[c.unit] || adu_used[c.adu]) continue;
        unit_used[c.unit] = adu_used[c.adu] = true;
        p.adu_of[c.unit] = g.adus[c.adu].id;
    }
}

/// Examples of one decision, features by name.
struct example_set {
    std::vector<engine::feature_list> x;
    std::vector<int> y;
};

struct training_data {
    example_set claim, attack, attach;
};

void add_examples(const prepared_text& p, training_data& d) {
    if (p.units.empty()) return;
    const auto& g = *p.gold;
    const auto e = engine::gather_evidence(p.doc, p.units);
    std::size_t gold_central_unit = engine::no_parent;
    for (std::size_t i = 0; i < p.units.size(); ++i)
        if (p.adu_of[i] == g.central) gold_central_unit = i;
    std::vector<std::size_t> claims;
    if (gold_central_unit != engine::no_parent) claims.push_back(gold_central_unit);
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        auto uf = engine::unit_features(e, i);
        d.claim.x.push_back(uf);
        d.claim.y.push_back(i == gold_central_unit ? 1 : 0);
        const auto& adu = p.adu_of[i];
        const auto it = adu.empty() ? g.parent.end() : g.parent.find(adu);
        if (it == g.parent.end()) continue;
        d.attack.x.push_back(std::move(uf));
        d.attack.y.push_back(it->second.second ? 1 : 0);
        for (const auto j : engine::candidate_targets(e, i, claims)) {
            d.attach.x.push_back(engine::pair_features(e, i, j));
            if (j == gold_central_unit)
                for (auto& f : engine::root_pair_features(e, i, j)) d.attach.x.back().push_back(std::move(f));
            d.attach.y.push_back(p.adu_of[j] == it->second.first ? 1 : 0);
        }
    }
}

engine::linear_classifier fit(const example_set& s, double cost) {
    engine::linear_classifier c;
    if (s.x.empty()) return c;
    std::map<std::string, int> index;  // sorted names: the same corpora give the same numbering
    for (const auto& fl : s.x)
        for (const auto& f : fl) index.emplace(f.name, 0);
    int next = 1;
    for (auto& [name, k] : index) k = next++;
    const int n_features = next - 1;
    std::vector<std::vector<feature_node>> rows(s.x.size());
    std::vector<feature_node*> row_ptrs(s.x.size());
    std::vector<double> labels(s.x.size());
    for (std::size_t r = 0; r < s.x.size(); ++r) {
        std::map<int, double> cells;
        for (const auto& f : s.x[r]) cells[index[f.name]] += f.value;
        for (const auto& [k, v] : cells)
            if (v != 0.0) rows[r].push_back({k, v});
        rows[r].push_back({n_features + 1, 1.0});  // the bias column
        rows[r].push_back({-1, 0.0});
        row_ptrs[r] = rows[r].data();
        labels[r] = s.y[r];
    }
    problem prob{};
    prob.l = static_cast<int>(s.x.size());
    prob.n = n_features + 1;
    prob.y = labels.data();
    prob.x = row_ptrs.data();
    prob.bias = -1;  // the bias column is written into each row above
    parameter param{};
    param.solver_type = L2R_LR;
    param.C = cost;
    param.eps = 0.001;
    if (const char* err = check_parameter(&prob, &param)) throw std::runtime_error(err);
    model* m = train(&prob, &param);
    // liblinear orders the classes as first seen; the weights are for its first label
    const double sign = m->label[0] == 1 ? 1.0 : -1.0;
    for (const auto& [name, k] : index) {
        const double w = sign * m->w[k - 1];
        if (std::abs(w) >= 1e-6) c.weights.emplace(name, w);
    }
    c.bias = sign * m->w[n_features];
    free_and_destroy_model(&m);
    return c;
}

void quiet(const char*) {}

/// The regularisation costs tried; the one chosen is fitted on training texts only.
constexpr double costs[] = {0.1, 0.3, 1.0};

engine::reconstruction_model fit_with_cost(const std::vector<prepared_text*>& texts, double cost) {
    training_data d;
    for (const auto* p : texts)
        if (p->parsed) add_examples(*p, d);
    engine::reconstruction_model m;
    m.main_claim = fit(d.claim, cost);
    m.attack = fit(d.attack, cost);
    m.attachment = fit(d.attach, cost);
    return m;
}

/// How well a model decodes texts: the share of texts whose main claim is right plus the share
/// of matched units given the right parent and type.
double decoding_score(const engine::reconstruction_model& m, const std::vector<prepared_text*>& texts) {
    std::size_t claims = 0, claims_right = 0, edges = 0, edges_right = 0;
    for (const auto* p : texts) {
        if (!p->parsed || p->units.empty()) continue;
        const auto& g = *p->gold;
        const auto tree = engine::read_tree(p->doc, p->units, m);
        ++claims;
        claims_right += p->adu_of[tree.central] == g.central;
        for (std::size_t i = 0; i < p->units.size(); ++i) {
            const auto it = p->adu_of[i].empty() ? g.parent.end() : g.parent.find(p->adu_of[i]);
            if (it == g.parent.end()) continue;
            ++edges;
            const auto parent = tree.parent[i];
            edges_right += parent != engine::no_parent && p->adu_of[parent] == it->second.first &&
                           (tree.type[i] == engine::relation_type::attack) == it->second.second;
        }
    }
    return (claims ? double(claims_right) / double(claims) : 0.0) + (edges ? double(edges_right) / double(edges) : 0.0);
}

/// Fits the model, choosing the regularisation cost by a 3-fold cross-validation over whole
/// topics inside `texts` (so that an outer evaluation never sees the choice made on its texts).
engine::reconstruction_model fit_model(const std::vector<prepared_text*>& texts, const std::string& comment) {
    std::map<std::string, std::size_t> fold_of;
    for (const auto* p : texts) fold_of.emplace(p->gold->group, 0);
    std::size_t k = 0;
    for (auto& [group, fold] : fold_of) fold = k++ % 3;
    double best_cost = costs[0], best = -1.0;
    for (const double cost : costs) {
        double total = 0.0;
        for (std::size_t f = 0; f < 3; ++f) {
            std::vector<prepared_text*> train_set, test_set;
            for (auto* p : texts) (fold_of[p->gold->group] == f ? test_set : train_set).push_back(p);
            total += decoding_score(fit_with_cost(train_set, cost), test_set);
        }
        if (total > best + 1e-12) {
            best = total;
            best_cost = cost;
        }
    }
    auto m = fit_with_cost(texts, best_cost);
    char c[32];
    std::snprintf(c, sizeof c, "%g", best_cost);
    m.comment = comment + "; cost " + c + " chosen by 3-fold cross-validation over topics";
    return m;
}

std::string map_line(const prepared_text& p, const engine::reconstruction_model& m) {
    auto parsed = grammar::parse_prose(p.gold->text);
    if (!parsed.ok()) return nlohmann::json{{"id", p.gold->id}, {"errors", {"no text"}}}.dump();
    const auto map = engine::reconstruct(*parsed.value, p.gold->id.is_string() ? p.gold->id.get<std::string>() : "text", m);
    return render::write_json_line(map, p.gold->id);
}

std::string base_name(const std::string& path) {
    auto b = path.substr(path.find_last_of('/') + 1);
    if (b.ends_with(".jsonl")) b.resize(b.size() - 6);
    return b;
}

int usage() {
    std::cerr << "usage: argmap-train model OUT.model CORPUS.jsonl...\n"
                 "       argmap-train cv FOLDS OUT_DIR CORPUS.jsonl...\n"
                 "       argmap-train across TRAIN.jsonl TEST.jsonl OUT.jsonl\n";
    return 2;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
    set_print_string_function(quiet);
    try {
        if (argc < 2) return usage();
        const std::string mode = argv[1];
        if (mode == "model" && argc >= 4) {
            std::vector<gold_text> all;
            std::string names;
            for (int a = 3; a < argc; ++a) {
                auto c = read_corpus(argv[a]);
                all.insert(all.end(), std::make_move_iterator(c.begin()), std::make_move_iterator(c.end()));
                names += (names.empty() ? "" : ", ") + base_name(argv[a]);
            }
            std::vector<prepared_text> prepared;
            for (const auto& g : all) prepared.push_back(prepare(g));
            std::vector<prepared_text*> ptrs;
            for (auto& p : prepared) ptrs.push_back(&p);
            const auto m = fit_model(ptrs, "fitted by scripts/train on " + names + " (" + std::to_string(all.size()) +
                                               " texts)");
            write_file(argv[2], engine::write_model(m));
            return 0;
        }
        if (mode == "cv" && argc >= 5) {
            const auto folds = static_cast<std::size_t>(std::stoul(argv[2]));
            const std::string out_dir = argv[3];
            std::vector<std::vector<gold_text>> corpora;
            for (int a = 4; a < argc; ++a) corpora.push_back(read_corpus(argv[a]));
            std::vector<std::vector<prepared_text>> prepared(corpora.size());
            std::map<std::string, std::size_t> group_size;
            for (std::size_t c = 0; c < corpora.size(); ++c)
                for (const auto& g : corpora[c]) {
                    prepared[c].push_back(prepare(g));
                    ++group_size[g.group];
                }
            // whole topics to folds: largest first, each to the fold with the fewest texts so far
            std::vector<std::pair<std::size_t, std::string>> by_size;
            for (const auto& [g, n] : group_size) by_size.push_back({n, g});
            std::stable_sort(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            std::map<std::string, std::size_t> fold_of;
            std::vector<std::size_t> load(folds, 0);
            for (const auto& [n, g] : by_size) {
                const auto f = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
                fold_of[g] = f;
                load[f] += n;
            }
            std::vector<std::vector<std::string>> cv_lines(corpora.size()), in_lines(corpora.size());
            for (std::size_t c = 0; c < corpora.size(); ++c) cv_lines[c].resize(corpora[c].size());
            for (std::size_t f = 0; f < folds; ++f) {
                std::vector<prepared_text*> train_set;
                for (auto& pc : prepared)
                    for (auto& p : pc)
                        if (fold_of[p.gold->group] != f) train_set.push_back(&p);
                const auto m = fit_model(train_set, "fold " + std::to_string(f));
                for (std::size_t c = 0; c < corpora.size(); ++c)
                    for (std::size_t t = 0; t < prepared[c].size(); ++t)
                        if (fold_of[prepared[c][t].gold->group] == f) cv_lines[c][t] = map_line(prepared[c][t], m);
            }
            std::vector<prepared_text*> everything;
            for (auto& pc : prepared)
                for (auto& p : pc) everything.push_back(&p);
            const auto all_model = fit_model(everything, "all");
            for (std::size_t c = 0; c < corpora.size(); ++c) {
                std::string cv, in;
                for (std::size_t t = 0; t < prepared[c].size(); ++t) {
                    cv += cv_lines[c][t] + '\n';
                    in += map_line(prepared[c][t], all_model) + '\n';
                }
                const auto base = out_dir + "/" + base_name(argv[4 + c]);
                write_file(base + ".cv.jsonl", cv);
                write_file(base + ".in-sample.jsonl", in);
            }
            std::cerr << "argmap-train: " << group_size.size() << " topic groups in " << folds << " folds\n";
            return 0;
        }
        if (mode == "across" && argc == 5) {
            const auto train_corpus = read_corpus(argv[2]);
            const auto test_corpus = read_corpus(argv[3]);
            std::vector<prepared_text> tr, te;
            for (const auto& g : train_corpus) tr.push_back(prepare(g));
            for (const auto& g : test_corpus) te.push_back(prepare(g));
            std::vector<prepared_text*> ptrs;
            for (auto& p : tr) ptrs.push_back(&p);
            const auto m = fit_model(ptrs, "across");
            std::string out;
            for (const auto& p : te) out += map_line(p, m) + '\n';
            write_file(argv[4], out);
            return 0;
        }
        return usage();
    } catch (const std::exception& e) {
        std::cerr << "argmap-train: error: " << e.what() << '\n';
        return 1;
    }
}
