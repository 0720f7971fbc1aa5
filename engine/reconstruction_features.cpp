#include "engine/reconstruction_features.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "engine/lexical.hpp"

namespace argmap::engine {
namespace {

std::string_view unit_text(const text_evidence& e, std::size_t i) { return slice(e.doc->text, (*e.units)[i].where); }

bool contains(const auto& list, std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

constexpr std::string_view negations[] = {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor",
                                          "cannot", "without"};
constexpr std::string_view modals[] = {"should", "must", "ought", "need", "needs", "will", "would", "can",
                                       "could", "may", "might", "shall"};
constexpr std::string_view first_person[] = {"i", "we", "me", "us", "my", "our", "i'm", "we're", "i'd", "we'd"};
constexpr std::string_view second_person[] = {"you", "your", "you're"};
constexpr std::string_view people[] = {"some", "many", "critics", "opponents", "people", "others", "proponents",
                                       "supporters", "advocates", "they", "those", "somebody", "someone"};
constexpr std::string_view speech_verbs[] = {"say", "says", "said", "argue", "argues", "argued", "claim", "claims",
                                             "claimed", "believe", "believes", "think", "thinks", "object",
                                             "complain", "complains", "insist", "insists", "contend", "contends",
                                             "maintain", "maintains", "suggest", "suggests", "point", "worry"};
constexpr std::string_view evaluatives[] = {"good", "bad", "better", "best", "worse", "worst", "important",
                                            "necessary", "wrong", "right", "unfair", "fair", "harmful",
                                            "beneficial", "dangerous", "safe", "useful", "useless", "essential",
                                            "terrible", "great", "positive", "negative", "benefit", "harm"};
constexpr std::string_view anaphors[] = {"this", "that", "these", "those", "such", "it", "they", "he", "she"};

/// "neg", "modal:should" ... : the word-level cues of a unit, each once.
void word_cues(std::string_view text, const text_unit& u, std::string_view doc_text, feature_list& out) {
    const auto w = words(text);
    bool neg = false, first = false, second = false, opp_voice = false, eval = false;
    std::array<bool, std::size(modals)> modal{};
    bool person_seen = false;
    for (std::size_t k = 0; k < w.size(); ++k) {
        const auto& x = w[k];
        if (contains(negations, x) || x.ends_with("n't")) neg = true;
        for (std::size_t m = 0; m < std::size(modals); ++m)
            if (modals[m] == x) modal[m] = true;
        if (x.ends_with("n't")) {
            const auto stem = std::string_view(x).substr(0, x.size() - 3);
            for (std::size_t m = 0; m < std::size(modals); ++m)
                if (modals[m] == stem || (stem == "wo" && modals[m] == "will") || (stem == "ca" && modals[m] == "can"))
                    modal[m] = true;
        }
        if (contains(first_person, x)) first = true;
        if (contains(second_person, x)) second = true;
        if (contains(evaluatives, x)) eval = true;
        if (k < 4 && contains(people, x)) person_seen = true;
        if (person_seen && k < 7 && contains(speech_verbs, x)) opp_voice = true;
    }
    if (neg) out.push_back({"neg"});
    for (std::size_t m = 0; m < std::size(modals); ++m)
        if (modal[m]) out.push_back({"modal:" + std::string(modals[m])});
    if (first) out.push_back({"first-person"});
    if (second) out.push_back({"second-person"});
    if (opp_voice) out.push_back({"reported-voice"});
    if (eval) out.push_back({"evaluative"});
    // the first word after any opening marker, as written ("Yes", "Some", "Of")
    std::size_t skip = 0;
    if (u.lead) skip = words(slice(doc_text, u.lead->where)).size();
    if (!w.empty()) out.push_back({"w0:" + w[0]});
    if (skip < w.size() && skip > 0) out.push_back({"w-after-marker:" + w[skip]});
    if (skip < w.size() && contains(anaphors, w[skip])) out.push_back({"anaphor"});
    const auto n = w.size();
    out.push_back({n <= 6 ? "words:<=6" : n <= 12 ? "words:7-12" : n <= 20 ? "words:13-20" : "words:>20"});
}

std::string bucket_position(std::size_t i, std::size_t n) {
    if (n <= 1) return "only";
    const auto q = (5 * i) / n;
    return std::to_string(q);
}

std::string distance_bucket(std::size_t from, std::size_t to) {
    const bool back = to < from;
    const auto d = back ? from - to : to - from;
    std::string s = back ? "-" : "+";
    if (d <= 3) return s + std::to_string(d);
    if (d <= 6) return s + "4-6";
    return s + "far";
}

const char* length_bucket(std::size_t n) { return n <= 5 ? "short" : n <= 10 ? "medium" : "long"; }

}  // namespace

text_evidence gather_evidence(const document_structure& doc, const std::vector<text_unit>& units) {
    text_evidence e;
    e.doc = &doc;
    e.units = &units;
    const auto n = units.size();
    e.terms.reserve(n);
    for (const auto& u : units) e.terms.push_back(content_terms(slice(doc.text, u.where)));
    e.title_terms = content_terms(slice(doc.text, doc.title));
    e.paragraph_first.resize(n);
    e.paragraph_last.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        e.paragraph_first[i] = i > 0 && units[i - 1].paragraph == units[i].paragraph ? e.paragraph_first[i - 1] : i;
    for (std::size_t i = n; i-- > 0;)
        e.paragraph_last[i] = i + 1 < n && units[i + 1].paragraph == units[i].paragraph ? e.paragraph_last[i + 1] : i;
    e.paragraphs = n == 0 ? 0 : units.back().paragraph + 1;
    // centrality against a bounded neighbourhood keeps this linear in the length of the text
    constexpr std::size_t reach = 12;
    e.centrality.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        std::size_t count = 0;
        for (std::size_t j = i > reach ? i - reach : 0; j < std::min(n, i + reach + 1); ++j) {
            if (j == i) continue;
            sum += jaccard(e.terms[i], e.terms[j]);
            ++count;
        }
        e.centrality[i] = count ? sum / static_cast<double>(count) : 0.0;
    }
    if (n > 0) e.rules = read_by_rules(doc, units);
    return e;
}

feature_list unit_features(const text_evidence& e, std::size_t i) {
    const auto& units = *e.units;
    const auto& u = units[i];
    const auto n = units.size();
    feature_list f;
    f.reserve(48);
    const std::string len = length_bucket(n);
    // position in the text and in its paragraph
    if (i == 0) f.push_back({"pos:first"});
    if (i + 1 == n) f.push_back({"pos:last"});
    if (i == 0) f.push_back({"pos:first|len:" + len});
    if (i + 1 == n) f.push_back({"pos:last|len:" + len});
    if (i == 1) f.push_back({"pos:second"});
    if (i + 2 == n) f.push_back({"pos:penultimate"});
    f.push_back({"pos:fifth-" + bucket_position(i, n)});
    const bool para_first = e.paragraph_first[i] == i;
    const bool para_last = e.paragraph_last[i] == i;
    if (e.paragraphs > 1) {
        if (para_first) f.push_back({"para:opens"});
        if (para_last) f.push_back({"para:closes"});
        if (para_first && para_last) f.push_back({"para:single-unit"});
        if (u.paragraph == 0) f.push_back({"para:first"});
        if (u.paragraph + 1 == e.paragraphs) f.push_back({"para:last"});
        if (u.paragraph == 0 && para_first) f.push_back({"para:first|opens"});
        if (u.paragraph + 1 == e.paragraphs && para_first) f.push_back({"para:last|opens"});
    }
    // clause type
    if (!u.sentence_initial) f.push_back({"clause:non-initial"});
    if (u.subordinate) f.push_back({"clause:fronted-subordinate"});
    const bool same_sentence_next = i + 1 < n && units[i + 1].paragraph == u.paragraph &&
                                    units[i + 1].sentence == u.sentence;
    if (same_sentence_next) f.push_back({"clause:sentence-goes-on"});
    // discourse markers: the one that opens the unit, and any inside it
    if (u.lead) {
        f.push_back({std::string("lead:") + to_string(u.lead->cls)});
        f.push_back({"lead-word:" + u.lead->text});
    }
    for (const auto& m : u.markers) {
        if (u.lead && m.where == u.lead->where) continue;
        f.push_back({std::string("marker:") + to_string(m.cls)});
        if (m.cls == marker_class::stance || m.cls == marker_class::opponent || m.cls == marker_class::conclusion)
            f.push_back({"marker-word:" + m.text});
    }
    // what the neighbours open with: "X. But Y" marks X as the point turned from
    if (i + 1 < n && units[i + 1].lead)
        f.push_back({std::string("next-lead:") + to_string(units[i + 1].lead->cls)});
    if (i > 0 && units[i - 1].lead) f.push_back({std::string("prev-lead:") + to_string(units[i - 1].lead->cls)});
    if (i > 0 && concedes(units[i - 1])) f.push_back({"prev-concedes"});
    if (concedes(u)) f.push_back({"concedes"});
    // words
    const auto text = unit_text(e, i);
    if (!text.empty() && text.back() == '?') f.push_back({"question"});
    if (!text.empty() && text.back() == '!') f.push_back({"exclamation"});
    word_cues(text, u, e.doc->text, f);
    // lexical overlap with the title and with the rest of the text
    if (!e.title_terms.empty()) {
        const auto t = overlap(e.title_terms, e.terms[i]);
        f.push_back({"title-overlap", t});
        if (t >= 0.5) f.push_back({"title-overlap:high"});
    } else {
        f.push_back({"no-title"});
    }
    f.push_back({"centrality", std::min(1.0, 4.0 * e.centrality[i])});
    // what the hand rules make of the unit
    if (i == e.rules.central) f.push_back({"rules:main-claim"});
    if (std::find(e.rules.restatements.begin(), e.rules.restatements.end(), i) != e.rules.restatements.end())
        f.push_back({"rules:restatement"});
    const double rule_score = e.rules.central_scores[i];
    f.push_back({"rules:claim-score", std::clamp(rule_score / 5.0, -2.0, 2.0)});
    if (const auto& edge = e.rules.edges[i]) {
        f.push_back({"rules:edge:" + edge->rule});
        if (edge->type != relation_type::support) f.push_back({"rules:attack"});
    }
    return f;
}

feature_list pair_features(const text_evidence& e, std::size_t from, std::size_t to) {
    const auto& units = *e.units;
    const auto& u = units[from];
    const auto& v = units[to];
    feature_list f;
    f.reserve(32);
    const auto d = distance_bucket(from, to);
    f.push_back({"d:" + d});
    const bool same_paragraph = u.paragraph == v.paragraph;
    const bool same_sentence = same_paragraph && u.sentence == v.sentence;
    if (same_sentence) f.push_back({"same-sentence"});
    if (same_paragraph) f.push_back({"same-paragraph"});
    if (same_paragraph) f.push_back({"same-paragraph|d:" + d});
    if (!same_paragraph && e.paragraph_first[to] == to) f.push_back({"to-opens-other-paragraph"});
    if (!same_paragraph && e.paragraph_first[from] == from && e.paragraph_first[to] == to)
        f.push_back({"both-open-paragraphs"});
    const std::string lead = u.lead ? to_string(u.lead->cls) : "none";
    f.push_back({"lead:" + lead + "|d:" + d});
    if (u.lead) f.push_back({"lead-word:" + u.lead->text + (to < from ? "|back" : "|forward")});
    const std::string to_lead = v.lead ? to_string(v.lead->cls) : "none";
    f.push_back({"to-lead:" + to_lead + "|d:" + d});
    if (u.subordinate && same_sentence) f.push_back({"fronted-clause-to-its-main-clause"});
    if (v.subordinate && same_sentence) f.push_back({"to-fronted-clause"});
    if (!u.sentence_initial && same_sentence && to + 1 == from) f.push_back({"clause-to-its-sentence-head"});
    // the target's standing
    if (to == 0) f.push_back({"to:first"});
    if (to + 1 == units.size()) f.push_back({"to:last"});
    if (to == e.rules.central) f.push_back({"to:rules-main-claim"});
    if (concedes(v)) f.push_back({"to:concedes"});
    if (concedes(u)) f.push_back({"concedes|to:" + std::string(to == e.rules.central ? "main" : "other")});
    f.push_back({"to:claim-score", std::clamp(e.rules.central_scores[to] / 5.0, -2.0, 2.0)});
    for (const auto& m : v.markers)
        if (m.cls == marker_class::stance) {
            f.push_back({"to:stance"});
            break;
        }
    if (e.paragraph_first[to] == to && e.paragraphs > 1) f.push_back({"to:opens-paragraph"});
    // the unit's own opening words, by direction: "This ..." elaborates what it follows
    {
        const auto w = words(slice(e.doc->text, u.where));
        const std::size_t skip = u.lead ? words(slice(e.doc->text, u.lead->where)).size() : 0;
        const std::string near = to + 1 == from ? "prev" : from + 1 == to ? "next" : "other";
        if (skip < w.size()) {
            f.push_back({"w:" + w[skip] + "|to:" + near});
            if (contains(anaphors, w[skip])) f.push_back({"anaphor|to:" + near});
        }
        if (concedes(v)) f.push_back({"to:concedes|lead:" + lead + "|to:" + near});
    }
    // words shared
    const double j = jaccard(e.terms[from], e.terms[to]);
    f.push_back({"jaccard", j});
    if (j >= 0.2) f.push_back({"jaccard:>=0.2"});
    // what the hand rules said
    if (const auto& edge = e.rules.edges[from]; edge && edge->to == to) {
        f.push_back({"rules:edge"});
        f.push_back({"rules:edge:" + edge->rule});
    }
    if (const auto& back = e.rules.edges[to]; back && back->to == from) f.push_back({"rules:reverse-edge"});
    return f;
}

feature_list root_pair_features(const text_evidence& e, std::size_t from, std::size_t root) {
    const auto& u = (*e.units)[from];
    const auto d = distance_bucket(from, root);
    const std::string lead = u.lead ? to_string(u.lead->cls) : "none";
    feature_list f{{"to:root"}, {"to:root|d:" + d}, {"to:root|lead:" + lead}};
    if (e.paragraph_first[from] == from) f.push_back({"to:root|opens-paragraph"});
    if (concedes(u)) f.push_back({"to:root|concedes"});
    if (!u.sentence_initial) f.push_back({"to:root|non-initial-clause"});
    f.push_back({"to:root|jaccard", jaccard(e.terms[from], e.terms[root])});
    if (from > 0 && concedes((*e.units)[from - 1])) f.push_back({"to:root|after-concession"});
    return f;
}

std::vector<std::size_t> candidate_targets(const text_evidence& e, std::size_t from,
                                           const std::vector<std::size_t>& claims) {
    const auto n = e.units->size();
    std::vector<std::size_t> out;
    const auto lo = from > attachment_window ? from - attachment_window : 0;
    const auto hi = std::min(n, from + attachment_window + 1);
    for (std::size_t j = lo; j < hi; ++j)
        if (j != from) out.push_back(j);
    const auto far = [&](std::size_t c) { return c != from && (c < lo || c >= hi); };
    for (const auto c : claims)
        if (c < n && far(c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    if (const auto c = e.rules.central; c < n && far(c) && std::find(out.begin(), out.end(), c) == out.end())
        out.push_back(c);
    if (const auto& edge = e.rules.edges[from]; edge && far(edge->to) &&
                                                std::find(out.begin(), out.end(), edge->to) == out.end())
        out.push_back(edge->to);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace argmap::engine
