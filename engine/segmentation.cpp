#include "engine/segmentation.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace argmap::engine {
namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

span trim(std::string_view text, span s) {
    while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
    while (s.end > s.begin && is_space(text[s.end - 1])) --s.end;
    return s;
}

std::size_t word_count(std::string_view text, span s) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = s.begin; i < s.end && i < text.size(); ++i) {
        const bool alnum = std::isalnum(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80;
        if (alnum && !in_word) ++words;
        in_word = alnum;
    }
    return words;
}

/// Markers that open a fronted subordinate clause or phrase: "Although X, Y", "Since X, Y",
/// "Despite X, Y". "As" not before "a"/"an", where it names a role ("As a teacher, I ...").
bool fronts_subordinate_clause(std::string_view text, const marker_occurrence& m) {
    static constexpr std::string_view concessive[] = {"although", "though",  "even though", "even if", "while",
                                                      "whereas",  "whilst",  "albeit",      "despite", "in spite of",
                                                      "despite the fact that", "in spite of the fact that"};
    static constexpr std::string_view causal[] = {"because", "since", "given that", "given the fact that",
                                                  "seeing that", "now that", "considering that", "as"};
    const auto in = [&](const auto& list) { return std::find(std::begin(list), std::end(list), m.text) != std::end(list); };
    if (m.cls == marker_class::concession) return in(concessive);
    if (m.cls != marker_class::premise || !in(causal)) return false;
    if (m.text != "as") return true;
    std::size_t at = m.where.end;
    while (at < text.size() && is_space(text[at])) ++at;
    std::size_t e = at;
    while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    std::string next(text.substr(at, e - at));
    for (auto& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return next != "a" && next != "an";
}

/// Markers that open a new unit when they stand at a clause start inside a sentence.
bool splits_clause(const marker_occurrence& m) {
    switch (m.cls) {
        case marker_class::premise:
        case marker_class::conclusion:
        case marker_class::contrast:
        case marker_class::concession:
            return true;
        case marker_class::condition:
            return m.text == "unless" || m.text == "otherwise";
        default:
            return false;
    }
}

/// A coordinating conjunction right after a comma starts a new clause: ", and the rest".
bool conjunction_after_comma(std::string_view text, std::size_t at, std::size_t end) {
    for (std::string_view conj : {std::string_view{"and "}, std::string_view{"or "}, std::string_view{"nor "}}) {
        if (at + conj.size() <= end && text.substr(at, conj.size()) == conj) return true;
    }
    return false;
}

/// A pronoun or determiner that typically opens a main clause's subject.
bool opens_with_subject(std::string_view text, std::size_t at, std::size_t end) {
    static constexpr std::string_view openers[] = {"i", "you", "he", "she", "it", "we", "they", "one", "this", "that",
                                                   "these", "those", "there", "the", "a", "an", "such", "our", "their",
                                                   "his", "her", "its", "my", "your", "no", "nobody", "everyone"};
    std::size_t e = at;
    while (e < end && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    std::string word(text.substr(at, e - at));
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(std::begin(openers), std::end(openers), word) != std::end(openers);
}

}  // namespace

bool is_courtesy(std::string_view sentence) {
    static constexpr std::string_view formulas[] = {
        "good morning", "good afternoon", "good evening", "good night", "thank you", "thanks", "thank you all",
        "thank you very much", "thank you and good night", "thank you and god bless", "god bless you",
        "god bless america", "god bless the united states of america", "thank you and god bless america",
        "may god bless america", "hello everyone", "hello", "hi everyone", "welcome"};
    std::string norm;
    for (const char c : sentence) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalpha(u)) norm.push_back(static_cast<char>(std::tolower(u)));
        else if ((c == ' ' || c == ',') && !norm.empty() && norm.back() != ' ') norm.push_back(' ');
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    return std::find(std::begin(formulas), std::end(formulas), norm) != std::end(formulas);
}

std::vector<text_unit> segment(const document_structure& doc) {
    const std::string_view text = doc.text;
    std::vector<text_unit> units;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
        const auto& para = doc.paragraphs[p];
        if (para.heading) continue;  // a subheading names what follows; it argues nothing
        for (std::size_t si = 0; si < para.sentences.size(); ++si) {
            const auto& sent = para.sentences[si];
            const span whole = trim(text, sent.where);
            if (whole.empty() || is_courtesy(text.substr(whole.begin, whole.size()))) continue;

            // Candidate cut points: byte offsets where a new unit starts.
            struct cut {
                std::size_t at;
                bool subordinate_end;  // ends a fronted subordinate clause
                bool mid_clause_marker = false;  // made by a marker inside a clause ("but also")
            };
            std::vector<cut> cuts;
            bool not_only = false;  // "not only X but also Y": two points, cut before "but also"
            for (const auto& m : sent.markers) {
                if (m.position == marker_position::clause_start && splits_clause(m)) cuts.push_back({m.where.begin, false});
                if (m.text == "not only") not_only = true;
                if (m.text == "but also" && not_only) cuts.push_back({m.where.begin, false, true});
            }
            for (std::size_t i = whole.begin; i + 1 < whole.end; ++i) {
                if (text[i] == ';' && is_space(text[i + 1])) cuts.push_back({i + 1, false});
                if (text[i] == ',' && is_space(text[i + 1]) && conjunction_after_comma(text, i + 2, whole.end))
                    cuts.push_back({i + 2, false});
            }
            if (!sent.markers.empty() && sent.markers.front().position == marker_position::sentence_start &&
                fronts_subordinate_clause(text, sent.markers.front())) {
                // the clause ends at the first comma after which a subject opens the main clause
                // ("Although X, and later Y, both did Z, they W": the cut is before "they"), else at
                // the first comma not followed by a conjunction
                const auto head = text.substr(0, whole.end);
                std::size_t cut_at = std::string_view::npos;
                for (auto comma = head.find(", ", sent.markers.front().where.end); comma != std::string_view::npos;
                     comma = head.find(", ", comma + 2)) {
                    if (conjunction_after_comma(text, comma + 2, whole.end)) continue;
                    if (cut_at == std::string_view::npos) cut_at = comma + 2;
                    if (opens_with_subject(text, comma + 2, whole.end)) {
                        cut_at = comma + 2;
                        break;
                    }
                }
                if (cut_at != std::string_view::npos) {
                    // the fronted clause is one unit: nothing inside it cuts
                    std::erase_if(cuts, [&](const cut& c) { return c.at < cut_at; });
                    cuts.push_back({cut_at, true});
                }
            }
            std::sort(cuts.begin(), cuts.end(), [](const cut& a, const cut& b) { return a.at < b.at; });

            // Keep a cut only when both sides keep enough words to say something.
            constexpr std::size_t min_words = 3;
            std::vector<cut> kept;
            std::size_t start = whole.begin;
            for (const auto& c : cuts) {
                const auto at = trim(text, span{c.at, whole.end}).begin;
                if (at <= start || at >= whole.end) continue;
                if (!kept.empty() && kept.back().at == at) continue;
                if (word_count(text, span{start, at}) < min_words || word_count(text, span{at, whole.end}) < min_words)
                    continue;
                kept.push_back({at, c.subordinate_end, c.mid_clause_marker});
                start = at;
            }

            std::size_t begin = whole.begin;
            for (std::size_t k = 0; k <= kept.size(); ++k) {
                const std::size_t end = k < kept.size() ? kept[k].at : whole.end;
                const bool opened_by_marker = k > 0 && kept[k - 1].mid_clause_marker;
                text_unit u;
                u.where = trim(text, span{begin, end});
                u.paragraph = p;
                u.sentence = si;
                u.sentence_initial = (k == 0);
                u.subordinate = (k < kept.size() && kept[k].subordinate_end);
                for (const auto& m : sent.markers) {
                    if (m.where.begin >= u.where.begin && m.where.end <= u.where.end) u.markers.push_back(m);
                }
                if (!u.markers.empty() && u.markers.front().where.begin <= u.where.begin + 1 &&
                    (u.markers.front().position != marker_position::mid_clause || opened_by_marker))
                    u.lead = u.markers.front();
                if (!u.where.empty()) units.push_back(std::move(u));
                begin = end;
            }
        }
    }
    return units;
}

}  // namespace argmap::engine
