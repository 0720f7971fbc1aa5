#include "engine/rules.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "engine/lexical.hpp"

namespace argmap::engine {
namespace {

bool has_class(const text_unit& u, marker_class c) {
    return std::any_of(u.markers.begin(), u.markers.end(), [c](const marker_occurrence& m) { return m.cls == c; });
}

bool lead_is(const text_unit& u, marker_class c) { return u.lead && u.lead->cls == c; }

std::string_view unit_text(const document_structure& doc, const text_unit& u) { return slice(doc.text, u.where); }

bool is_question(const document_structure& doc, const text_unit& u) {
    const auto t = unit_text(doc, u);
    return !t.empty() && t.back() == '?';
}

/// The unit opens with a pronoun or demonstrative that points back at what came before.
bool opens_with_anaphor(const document_structure& doc, const text_unit& u) {
    const auto w = words(unit_text(doc, u));
    std::size_t i = 0;
    if (u.lead) {  // skip the words of the opening marker
        i = words(slice(doc.text, u.lead->where)).size();
    }
    if (i >= w.size()) return false;
    static const std::set<std::string> anaphors = {"this", "that", "these", "those", "such", "it", "they", "this's"};
    return anaphors.count(w[i]) > 0;
}

/// The unit speaks of the previous clause's content with a demonstrative ("..., and one mustn't
/// let this go to waste"): it completes that clause's point rather than adding one of its own.
bool refers_to_previous_clause(const document_structure& doc, const text_unit& u) {
    static const std::set<std::string> demonstratives = {"this", "that"};
    const auto w = words(unit_text(doc, u));
    return std::any_of(w.begin(), w.end(), [](const std::string& x) { return demonstratives.count(x) > 0; });
}


/// How strongly a stance cue marks a claim: deontic modals most, hedges and emphasis least.
double stance_strength(std::string_view cue) {
    static constexpr std::pair<std::string_view, double> strengths[] = {
        {"should", 2.5}, {"we should", 2.5}, {"ought to", 2.5}, {"had better", 2.5}, {"must", 1.5}, {"we must", 1.5},
        {"need to", 1.2}, {"needs to", 1.2}, {"we need to", 1.2}, {"have to", 1.0}, {"has to", 1.0},
        // the writer's judgement of the whole matter
        {"it is highly unlikely", 2.0}, {"it is unlikely", 2.0}, {"it is likely", 1.5}, {"i think", 2.0},
        {"i believe", 2.0}, {"in my opinion", 2.0}, {"in my view", 2.0}, {"i am convinced", 2.0},
        // hedges mark a tentative point more than a thesis
        {"it seems", 0.5}, {"perhaps", 0.3}, {"probably", 0.5},
    };
    for (const auto& [text, weight] : strengths)
        if (text == cue) return weight;
    return 1.0;
}

std::set<std::string> terms_of(const document_structure& doc, const text_unit& u) {
    return content_terms(unit_text(doc, u));
}

/// The unit says that two things differ ("are hugely different", "are in conflict").
bool states_difference(const document_structure& doc, const text_unit& u) {
    static const std::set<std::string> cues = {"differ", "different", "difference", "conflict", "diverg",
                                               "divergenc", "contrast", "unlik", "opposit", "disagre"};
    for (const auto& w : words(unit_text(doc, u)))
        if (cues.count(light_stem(w)) || cues.count(w)) return true;
    return false;
}

/// An earlier paragraph's opening unit that a concession takes up again, by shared content words;
/// static_cast<std::size_t>(-1) when there is none.
std::size_t recalled_point(const std::vector<text_unit>& units, std::size_t i, std::size_t central,
                           const std::vector<std::set<std::string>>& unit_terms) {
    const auto& terms = unit_terms[i];
    std::size_t found = static_cast<std::size_t>(-1);
    double best = 0.0;
    // Looks back over at most this many paragraph openers, so that a text of many concessions
    // costs time linear in its length (a point taken up again lies a few paragraphs back).
    constexpr std::size_t max_openers = 64;
    std::size_t first = i;
    for (std::size_t openers = 0; first > 0 && openers < max_openers; --first)
        if (first - 1 == 0 || units[first - 2].paragraph != units[first - 1].paragraph) ++openers;
    for (std::size_t t = first; t < i; ++t) {
        if (t == central || units[t].paragraph == units[i].paragraph) continue;
        if (t > 0 && units[t - 1].paragraph == units[t].paragraph) continue;  // paragraph openers only
        const auto& other = unit_terms[t];
        std::size_t shared = 0;
        for (const auto& x : terms) shared += other.count(x);
        const double score = overlap(terms, other);
        if (shared >= 2 && score >= 0.5 && score > best) {
            best = score;
            found = t;
        }
    }
    return found;
}

}  // namespace

bool concedes(const text_unit& u) {
    return lead_is(u, marker_class::concession) || lead_is(u, marker_class::opponent) ||
           (u.subordinate && has_class(u, marker_class::concession)) ||
           std::any_of(u.markers.begin(), u.markers.end(), [](const marker_occurrence& m) {
               return m.cls == marker_class::opponent && m.position != marker_position::mid_clause;
           });
}

std::vector<weighted_feature> central_claim_terms(const document_structure& doc, const std::vector<text_unit>& units,
                                                 std::size_t i, std::string_view title) {
    const auto& u = units[i];
    std::vector<weighted_feature> terms;
    const auto add = [&](const char* name, double value) {
        if (value != 0.0) terms.push_back({name, value});
    };
    // stance and modality: what should be done ("should", "ought to") marks a claim most of all
    double stance = 0.0;
    std::size_t cues = 0;
    for (const auto& m : u.markers) {
        if (m.cls != marker_class::stance) continue;
        stance = std::max(stance, stance_strength(m.text));
        ++cues;
    }
    add("stance cue", stance);
    add("a second stance cue", cues > 1 ? 0.5 : 0.0);  // reinforces the first ("should definitely")
    // a conclusion marker in the unit ("That's why ...", "X is therefore Y")
    add("conclusion marker", has_class(u, marker_class::conclusion) ? 1.5 : 0.0);
    add("opens with a summary marker", lead_is(u, marker_class::restatement) ? 1.0 : 0.0);
    if (!title.empty()) add("words of the title", 3.0 * overlap(content_terms(title), terms_of(doc, u)));
    // position: a short text states its claim first or last; a longer one in its opening
    // paragraphs (often after a news hook) or its closing one
    const bool paragraph_initial = i == 0 || units[i - 1].paragraph != u.paragraph;
    const auto paragraphs = units.back().paragraph + 1;
    if (paragraphs <= 2) {
        add("first unit of a short text", i == 0 ? 1.2 : 0.0);
        add("last unit of a short text", i + 1 == units.size() ? 0.5 : 0.0);
        add("first paragraph", u.paragraph == 0 ? 0.3 : 0.0);
    } else {
        add("opening paragraphs", u.paragraph <= 1 ? (paragraph_initial ? 0.8 : 0.4) : 0.0);
        add("closing paragraph", u.paragraph + 1 == paragraphs ? 0.2 : 0.0);
    }
    // what speaks against: reasons, examples, concessions, answers and questions are not main claims
    add("opens with a premise or example marker",
        lead_is(u, marker_class::premise) || lead_is(u, marker_class::example) ? -2.5 : 0.0);
    add("concedes or voices the other side", concedes(u) ? -3.0 : 0.0);
    add("adds a parallel reason", lead_is(u, marker_class::addition) ? -2.5 : 0.0);
    add("a contrast inside a paragraph", lead_is(u, marker_class::contrast) && !paragraph_initial ? -1.5 : 0.0);
    add("the next unit turns away from it",  // "X. But Y"
        i + 1 < units.size() && units[i + 1].paragraph == u.paragraph && lead_is(units[i + 1], marker_class::contrast)
            ? -1.5
            : 0.0);
    add("a fronted subordinate clause", u.subordinate ? -1.0 : 0.0);
    add("a question", is_question(doc, u) ? -2.0 : 0.0);
    return terms;
}

double central_claim_score(const document_structure& doc, const std::vector<text_unit>& units, std::size_t i,
                           std::string_view title) {
    double score = 0.0;
    for (const auto& t : central_claim_terms(doc, units, i, title)) score += t.contribution;
    return score;
}

std::size_t choose_central_claim(const document_structure& doc, const std::vector<text_unit>& units) {
    const auto title = slice(doc.text, doc.title);
    std::size_t best = 0;
    double best_score = -1e9;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const double s = central_claim_score(doc, units, i, title);
        if (s > best_score + 1e-9) {
            best = i;
            best_score = s;
        }
    }
    return best;
}

std::vector<std::size_t> find_restatements(const document_structure& doc, const std::vector<text_unit>& units,
                                           std::size_t central) {
    std::vector<std::size_t> out;
    if (units.empty()) return out;
    const auto claim = terms_of(doc, units[central]);
    const auto last_paragraph = units.back().paragraph;
    if (units[central].paragraph == last_paragraph) return out;
    std::size_t closing = units.size();  // the first unit of the last paragraph
    while (closing > 0 && units[closing - 1].paragraph == last_paragraph) --closing;
    for (std::size_t i = std::max(central + 1, closing); i < units.size(); ++i) {
        const auto& u = units[i];
        // A restatement sits in the last paragraph, far from the claim, and repeats most of its
        // words, or says that it sums up ("In short, ...", "All in all, ...").
        if ((claim.size() >= 3 && jaccard(claim, terms_of(doc, u)) >= 0.5) ||
            (lead_is(u, marker_class::restatement) && u.sentence_initial))
            out.push_back(i);
    }
    if (!out.empty() || closing <= central) return out;
    // A longer text often closes by restating its claim in other words: the last paragraph opens
    // with a plain statement about the text's main subjects (the terms that run through most
    // paragraphs: "There are many structural barriers between Russia and Japan").
    constexpr std::size_t min_paragraphs = 5;
    const auto paragraphs = last_paragraph + 1;
    const auto& u = units[closing];
    if (paragraphs < min_paragraphs || 2 * units[central].paragraph >= paragraphs || u.lead || u.subordinate ||
        is_question(doc, u) || opens_with_anaphor(doc, u) || !u.sentence_initial)
        return out;
    std::map<std::string, std::size_t> spread;  // term -> paragraphs it occurs in
    {
        std::vector<std::set<std::string>> per(paragraphs);
        for (const auto& x : units)
            for (auto& t : terms_of(doc, x)) per[x.paragraph].insert(t);
        for (const auto& terms : per)
            for (const auto& t : terms) ++spread[t];
    }
    std::size_t subjects = 0;
    for (const auto& t : terms_of(doc, u))
        if (const auto it = spread.find(t); it != spread.end() && 5 * it->second >= 2 * paragraphs) ++subjects;
    if (subjects >= 2) out.push_back(closing);
    return out;
}

std::vector<attachment> attach(const document_structure& doc, const std::vector<text_unit>& units,
                               std::size_t central, const std::vector<std::size_t>& restatements) {
    const std::size_t n = units.size();
    auto is_claim = [&](std::size_t i) {
        return i == central || std::find(restatements.begin(), restatements.end(), i) != restatements.end();
    };
    // best[i]: the edge leaving unit i with the highest confidence so far
    std::vector<std::optional<attachment>> best(n);
    auto propose = [&](std::size_t from, std::size_t to, relation_type type, std::string rule, double conf,
                       const std::optional<marker_occurrence>& marker) {
        if (from >= n || to >= n || from == to || is_claim(from)) return;
        if (is_claim(to)) to = central;
        if (!best[from] || conf > best[from]->confidence)
            best[from] = attachment{from, to, type, std::move(rule), marker, conf};
    };

    // The first unit of each paragraph, as the paragraph's topic (one pass: walking back from
    // every unit would be quadratic in the length of a paragraph).
    std::vector<std::size_t> topic_index(n, 0);
    for (std::size_t i = 1; i < n; ++i)
        topic_index[i] = units[i - 1].paragraph == units[i].paragraph ? topic_index[i - 1] : i;
    auto topic_of = [&](std::size_t i) { return topic_index[i]; };
    std::vector<bool> opponent(n, false);
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t objection = none;  // the latest objection not yet answered
    std::size_t line_head = none;  // the reason that the current line of reasoning develops
    const bool multi_paragraph = !units.empty() && units.back().paragraph >= 2;

    std::vector<std::set<std::string>> unit_terms(n);  // each unit's content words, computed once
    for (std::size_t i = 0; i < n; ++i) unit_terms[i] = terms_of(doc, units[i]);

    for (std::size_t i = 0; i < n; ++i) {
        const auto& u = units[i];
        const bool has_prev = i > 0;
        const bool same_sentence_prev =
            has_prev && units[i - 1].paragraph == u.paragraph && units[i - 1].sentence == u.sentence;
        const bool same_sentence_next =
            i + 1 < n && units[i + 1].paragraph == u.paragraph && units[i + 1].sentence == u.sentence;
        const auto& lead = u.lead;

        // default: a paragraph's topic supports the main claim (or, in a longer text, continues the
        // line of reasoning the previous paragraphs opened); the rest supports its paragraph's topic
        const auto topic = topic_of(i);
        const bool opens_paragraph = topic == i;
        const bool closing_paragraph = u.paragraph == units.back().paragraph;
        if (opens_paragraph && line_head != none && !lead && u.paragraph > units[central].paragraph &&
            !closing_paragraph)
            propose(i, line_head, relation_type::support, "line-of-reasoning", 0.35, std::nullopt);
        else if (opens_paragraph || is_claim(topic) || units[topic].paragraph == units[central].paragraph)
            propose(i, central, relation_type::support, "default-main-claim", 0.3, std::nullopt);
        else
            propose(i, topic, relation_type::support, "paragraph-topic", 0.35, std::nullopt);
        // a unit that takes up the words of an earlier reason more than the claim's elaborates it
        // (within its paragraph, looking back a bounded number of units: linear in the text)
        if (!is_claim(i) && i > topic) {
            constexpr std::size_t max_look_back = 24;
            const auto& mine = unit_terms[i];
            const auto to_claim = overlap(mine, unit_terms[central]);
            std::size_t pick = none;
            double best_overlap = 0.0;
            for (std::size_t j = std::max(topic, i > max_look_back ? i - max_look_back : 0); j < i; ++j) {
                if (is_claim(j) || opponent[j]) continue;
                const auto& other = unit_terms[j];
                std::size_t shared = 0;
                for (const auto& t : mine) shared += other.count(t);
                const auto o = overlap(mine, other);
                if (shared >= 2 && o > to_claim + 0.2 && o > best_overlap) {
                    best_overlap = o;
                    pick = j;
                }
            }
            if (pick != none) propose(i, pick, relation_type::support, "lexical-overlap", 0.33, std::nullopt);
        }
        // a reason given right after the claim in its paragraph, or a paragraph that opens a new
        // reason ("In addition, ..."), heads a line of reasoning that the next paragraphs go on with
        const auto note_line = [&] {
            if (multi_paragraph && best[i] && best[i]->to == central && best[i]->type == relation_type::support &&
                (opens_paragraph || u.paragraph == units[central].paragraph) && i > central)
                line_head = i;
        };
        // "X differs from Y. However, Y ...": a contrast inside a line about a difference elaborates it
        const bool in_line = line_head != none && line_head < i &&
                             (opens_paragraph || topic == line_head || (best[topic] && best[topic]->to == line_head));
        if (lead && lead->cls == marker_class::contrast && in_line && states_difference(doc, units[line_head]) &&
            !is_claim(i) && objection == none) {
            propose(i, opens_paragraph ? line_head : topic, relation_type::support, "contrast-elaborates-difference",
                    0.75, lead);
            continue;
        }

        if (concedes(u)) {
            opponent[i] = true;
            objection = i;
            // "Even if X" may take up a point made paragraphs before: that point was the objection
            if (const auto earlier = recalled_point(units, i, central, unit_terms); earlier != none && !opponent[earlier]) {
                propose(earlier, central, relation_type::attack, "objection-recalled-by-concession", 0.65,
                        std::nullopt);
                opponent[earlier] = true;
                propose(i, earlier, relation_type::support, "concession-restates-objection", 0.75, lead);
                objection = earlier;
                continue;
            }
            // "Although X, Y": X concedes against Y when Y is the claim; inside a paragraph of a longer
            // text that develops one reason, against the point the paragraph just made; otherwise
            // against the claim
            std::size_t target = central;
            if (u.subordinate && same_sentence_next && is_claim(i + 1))
                target = i + 1;
            else if (multi_paragraph && !opens_paragraph && u.paragraph != units[central].paragraph && has_prev &&
                     !opponent[i - 1])
                target = i - 1;
            else if (has_prev && !multi_paragraph && !is_claim(i - 1) && !opponent[i - 1] && best[i - 1] &&
                     best[i - 1]->type == relation_type::support && is_claim(best[i - 1]->to) &&
                     units[i - 1].paragraph == u.paragraph)
                target = i - 1;  // "X is a reason. Of course, Y": conceded against the reason just given
            propose(i, target, relation_type::attack, "concession", 0.7, lead);
            continue;
        }
        if (lead && lead->cls == marker_class::contrast && has_prev && !is_claim(i)) {
            std::size_t target = i - 1;
            if (objection != none && objection < i) {
                // "Of course X. Y. But Z": the answer goes to the objection the contrast turns from
                target = objection;
            } else if (!is_claim(i - 1) && !opponent[i - 1]) {
                // "X. But Y": what the contrast turns from was a point conceded to the other side
                if (!best[i - 1] || best[i - 1]->confidence < 0.6)
                    propose(i - 1, central, relation_type::attack, "conceded-before-contrast", 0.6, std::nullopt);
                opponent[i - 1] = true;
            }
            propose(i, target, relation_type::attack, "answer-to-objection", 0.8, lead);
            objection = none;
            continue;
        }
        if (has_prev && same_sentence_prev && opponent[i - 1] && units[i - 1].subordinate) {
            // the main clause after "Although X," answers X (or the objection X took up)
            propose(i, objection != none && objection < i ? objection : i - 1, relation_type::attack,
                    "answer-to-concession", 0.7, std::nullopt);
            objection = none;
            continue;
        }
        if (lead && lead->cls == marker_class::premise) {
            if (!u.sentence_initial && has_prev) {
                propose(i, i - 1, relation_type::support, "premise-marker", 0.9, lead);
            } else if (same_sentence_next) {
                propose(i, i + 1, relation_type::support, "fronted-premise", 0.8, lead);
            } else if (has_prev) {
                propose(i, i - 1, relation_type::support, "premise-marker", 0.7, lead);
            }
            continue;
        }
        if (lead && lead->cls == marker_class::example && has_prev) {
            propose(i, i - 1, relation_type::support, "example-marker", 0.8, lead);
            continue;
        }
        if (lead && (lead->cls == marker_class::conclusion || lead->cls == marker_class::restatement) && has_prev &&
            !is_claim(i - 1) && !opponent[i - 1]) {
            // "X, so Y" / "X. Therefore Y": what precedes supports this unit
            propose(i - 1, i, relation_type::support, "conclusion-marker", 0.85, lead);
        }
        if (lead && lead->cls == marker_class::addition) {
            propose(i, topic == i ? central : (is_claim(topic) ? central : topic), relation_type::support,
                    "parallel-reason", 0.5, lead);
            note_line();
            continue;
        }
        if (has_prev && !u.sentence_initial && !lead) {
            if (best[i - 1] && refers_to_previous_clause(doc, u)) {
                // ", and one mustn't let this go to waste": the two clauses make one reason together
                propose(i, best[i - 1]->to, best[i - 1]->type, "linked-clause", 0.5, std::nullopt);
                if (best[i] && best[i]->rule == "linked-clause") best[i]->linked_with = i - 1;
            } else {
                // ", and ..." continues the previous clause's point
                propose(i, best[i - 1] ? best[i - 1]->to : central, relation_type::support, "coordinated-clause", 0.4,
                        std::nullopt);
            }
        }
        if (has_prev && opens_with_anaphor(doc, u) && !is_claim(i - 1) && best[i - 1] &&
            best[i - 1]->type == relation_type::support) {
            // "This", "It", "Such": the unit goes on with the previous unit's point, beside it
            propose(i, best[i - 1]->to, relation_type::support, "anaphora", 0.45, std::nullopt);
        }
        note_line();
    }

    // A linked premise goes wherever its partner's edge finally went; a partner without an edge
    // (the claim) leaves it an ordinary reason.
    for (std::size_t i = 0; i < n; ++i) {
        if (!best[i] || !best[i]->linked_with) continue;
        const auto k = *best[i]->linked_with;
        if (best[i]->rule != "linked-clause" || !best[k] || best[k]->linked_with) {
            best[i]->linked_with.reset();
            continue;
        }
        best[i]->to = best[k]->to;
        best[i]->type = best[k]->type;
    }

    // Break cycles: the first unit of each cycle (in text order) goes to the claim. Each chain of
    // edges is walked once (a unit reached by an earlier walk is not walked again), so this is
    // linear in the number of units even when every unit hangs on the one before.
    constexpr std::size_t unvisited = static_cast<std::size_t>(-1);
    std::vector<std::size_t> walk(n, unvisited);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t cur = i;
        while (cur < n && walk[cur] == unvisited && best[cur]) {
            walk[cur] = i;
            cur = best[cur]->to;
        }
        if (cur >= n || walk[cur] != i || !best[cur]) continue;
        // cur lies on a cycle that this walk closed: find its first unit
        std::size_t first = cur;
        for (std::size_t x = best[cur]->to; x != cur; x = best[x]->to) first = std::min(first, x);
        best[first]->to = central;
        best[first]->rule += "+cycle-broken";
        best[first]->confidence = std::min(best[first]->confidence, 0.3);
    }
    std::vector<attachment> out;
    for (auto& a : best)
        if (a && a->from != a->to) out.push_back(std::move(*a));
    return out;
}

bool only_joins(std::string_view text, const marker_occurrence& lead) {
    static constexpr std::string_view joiners[] = {
        "but", "however", "yet", "and", "so", "therefore", "thus", "hence", "consequently", "moreover",
        "furthermore", "besides", "also", "in addition", "additionally", "because", "for example",
        "for instance", "that is why", "this is why", "which is why", "after all", "still", "nevertheless",
        "nonetheless", "accordingly", "as a result", "in short", "in sum", "overall", "in conclusion",
        "finally", "first", "second", "third", "firstly", "secondly", "thirdly", "lastly", "on the other hand",
        "but also", "plus", "what is more", "on top of that", "similarly", "likewise", "indeed", "in fact", "then"};
    std::size_t after = lead.where.end;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && text[after] == ',') return true;
    return std::find(std::begin(joiners), std::end(joiners), lead.text) != std::end(joiners);
}

rule_reading read_by_rules(const document_structure& doc, const std::vector<text_unit>& units) {
    rule_reading r;
    const auto title = slice(doc.text, doc.title);
    r.central_scores.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) r.central_scores.push_back(central_claim_score(doc, units, i, title));
    for (std::size_t i = 1; i < units.size(); ++i)
        if (r.central_scores[i] > r.central_scores[r.central] + 1e-9) r.central = i;
    r.restatements = find_restatements(doc, units, r.central);
    r.edges.resize(units.size());
    for (auto& a : attach(doc, units, r.central, r.restatements)) {
        const auto from = a.from;
        r.edges[from] = std::move(a);
    }
    return r;
}

std::string display_text(std::string_view text, const text_unit& u) {
    std::size_t begin = u.where.begin;
    const std::size_t end = std::min(u.where.end, text.size());
    // drop a joining connective at the start ("But", "Besides,", "and"), never a stance cue, and
    // never a word that the clause needs to say what it says ("As a business owner", "Since 2013",
    // "Unlike its defenders"): only a connective set off by a comma or one that only joins
    if (u.lead && u.lead->where.begin <= begin + 1 && u.lead->cls != marker_class::stance &&
        u.lead->cls != marker_class::concession && u.lead->cls != marker_class::opponent &&
        u.lead->cls != marker_class::condition && u.lead->where.end < end && only_joins(text, *u.lead)) {
        begin = u.lead->where.end;
        while (begin < end && (text[begin] == ',' || text[begin] == ' ')) ++begin;
    } else if (!u.sentence_initial) {
        for (std::string_view conj : {"and ", "or ", "nor "}) {
            if (text.substr(begin, conj.size()) == conj && begin + conj.size() < end) {
                begin += conj.size();
                break;
            }
        }
    }
    std::string out;
    bool space = false;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') out.front() = static_cast<char>(out.front() - 'a' + 'A');
    return out;
}

source source_of(const document_structure& doc, std::string name) {
    source src;
    src.name = std::move(name);
    src.title = std::string(slice(doc.text, doc.title));
    for (const auto& b : doc.byline) {
        if (!src.byline.empty()) src.byline += ' ';
        src.byline += std::string(slice(doc.text, b));
    }
    src.text = std::string(doc.text);
    return src;
}

argument_map reconstruct_by_rules(const document_structure& doc, std::string source_name) {
    argument_map map;
    const auto sid = map.add_source(source_of(doc, std::move(source_name)));

    const auto units = segment(doc);
    if (units.empty()) return map;
    const auto central = choose_central_claim(doc, units);
    const auto restated = find_restatements(doc, units, central);

    // one statement per unit, except that restatements join the claim's statement as extra spans
    std::vector<statement_id> ids(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (std::find(restated.begin(), restated.end(), i) != restated.end()) continue;
        statement st;
        st.source = sid;
        st.text = display_text(doc.text, units[i]);
        st.spans.push_back(units[i].where);
        st.central = (i == central);
        if (st.central) {
            st.claim_evidence = central_claim_terms(doc, units, i, slice(doc.text, doc.title));
            std::stable_sort(st.claim_evidence.begin(), st.claim_evidence.end(), [](const auto& a, const auto& b) {
                return std::abs(a.contribution) > std::abs(b.contribution);
            });
        }
        ids[i] = map.add_statement(std::move(st));
    }
    for (auto r : restated) ids[r] = ids[central];
    if (!restated.empty()) {
        // a statement's spans: the claim, then each restatement
        argument_map rebuilt;
        rebuilt.add_source(map.sources().front());
        for (std::uint32_t k = 0; k < map.statements().size(); ++k) {
            auto st = map.statements()[k];
            if (statement_id{k} == ids[central])
                for (auto r : restated) st.spans.push_back(units[r].where);
            rebuilt.add_statement(std::move(st));
        }
        map = std::move(rebuilt);
    }

    // one relation per attachment; a linked premise joins its partner's relation instead
    const auto attachments = attach(doc, units, central, restated);
    std::vector<relation> relations;
    std::vector<std::size_t> relation_of(units.size(), static_cast<std::size_t>(-1));
    for (const auto& a : attachments) {
        if (ids[a.from] == ids[a.to] || a.linked_with) continue;
        relation r;
        r.type = a.type;
        r.from = {ids[a.from]};
        r.to = ids[a.to];
        r.why.rule = a.rule;
        r.why.confidence = a.confidence;
        if (a.marker) {
            r.why.marker = std::string(slice(doc.text, a.marker->where));
            r.why.marker_span = a.marker->where;
        }
        relation_of[a.from] = relations.size();
        relations.push_back(std::move(r));
    }
    for (const auto& a : attachments) {
        if (!a.linked_with) continue;
        if (const auto k = relation_of[*a.linked_with]; k < relations.size()) {
            relations[k].from.push_back(ids[a.from]);
            relations[k].why.rule += "+" + a.rule;
        }
    }
    for (auto& r : relations) map.add_relation(std::move(r));
    return map;
}

}  // namespace argmap::engine
