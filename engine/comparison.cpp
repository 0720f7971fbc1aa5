#include "engine/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "engine/lexical.hpp"
#include "engine/stance_lexicon.hpp"

namespace argmap::engine {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens

enum class token_kind : std::uint8_t { word, number, boundary };

struct raw_token {
    std::string text;  ///< as written (words and numbers); empty for a boundary
    token_kind kind = token_kind::word;
    bool sentence_start = false;
    std::string low;   ///< text in lower case
};

bool is_ascii_alpha(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_upper(unsigned char c) noexcept { return c >= 'A' && c <= 'Z'; }

/// Length of a UTF-8 punctuation sequence at i that matters here (quotes, dashes, ellipsis), or 0.
/// `boundary` tells whether it ends a clause.
std::size_t utf8_punctuation(std::string_view s, std::size_t i, bool& boundary, bool& apostrophe) noexcept {
    boundary = false;
    apostrophe = false;
    if (i + 2 >= s.size()) return 0;
    if (static_cast<unsigned char>(s[i]) != 0xE2 || static_cast<unsigned char>(s[i + 1]) != 0x80) return 0;
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x99) apostrophe = true;                            // ’
    else if (c == 0x93 || c == 0x94 || c == 0xA6) boundary = true;  // – — …
    else if (c != 0x98 && c != 0x9C && c != 0x9D) return 0;      // ‘ “ ”
    return 3;
}

std::string lower(std::string_view w) {
    std::string out(w);
    for (auto& ch : out)
        if (is_ascii_upper(static_cast<unsigned char>(ch))) ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

/// Words, numbers and clause boundaries of a statement, in order. Hyphenated words are split
/// ("US-dominated" -> "US", "dominated"); possessives and contractions lose their ending, and a
/// word ending in "n't" becomes the token "n't".
std::vector<raw_token> tokenize(std::string_view s) {
    std::vector<raw_token> out;
    bool at_start = true;
    auto boundary = [&] {
        if (!out.empty() && out.back().kind != token_kind::boundary) out.push_back({"", token_kind::boundary, false, ""});
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        bool is_boundary = false;
        bool is_apostrophe = false;
        const std::size_t punct = c >= 0x80 ? utf8_punctuation(s, i, is_boundary, is_apostrophe) : 0;
        if (is_ascii_alpha(c) || is_ascii_digit(c) || (c >= 0x80 && punct == 0)) {
            std::string w;
            bool digits = true;
            while (i < s.size()) {
                const auto d = static_cast<unsigned char>(s[i]);
                bool b = false;
                bool apo = false;
                const std::size_t p = d >= 0x80 ? utf8_punctuation(s, i, b, apo) : 0;
                if (is_ascii_alpha(d) || is_ascii_digit(d) || (d >= 0x80 && p == 0)) {
                    if (!is_ascii_digit(d)) digits = false;
                    w.push_back(static_cast<char>(d));
                    ++i;
                } else if ((d == '\'' || apo) && i + (apo ? 3 : 1) < s.size() &&
                           is_ascii_alpha(static_cast<unsigned char>(s[i + (apo ? 3 : 1)]))) {
                    w.push_back('\'');
                    digits = false;
                    i += apo ? 3 : 1;
                } else if ((d == '.' || d == ',') && digits && !w.empty() && i + 1 < s.size() &&
                           is_ascii_digit(static_cast<unsigned char>(s[i + 1]))) {
                    if (d == '.') w.push_back('.');
                    ++i;
                } else {
                    break;
                }
            }
            raw_token t{std::move(w), digits ? token_kind::number : token_kind::word, at_start, ""};
            at_start = false;
            if (t.kind == token_kind::word) {
                if (t.text.size() > 3 && lower(t.text).ends_with("n't")) {
                    t.text = "n't";
                } else if (const auto apo = t.text.find('\''); apo != std::string::npos) {
                    t.text.resize(apo);  // Japan's -> Japan, they're -> they
                    if (t.text.empty()) continue;
                }
            }
            t.low = lower(t.text);
            out.push_back(std::move(t));
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            boundary();
            at_start = true;
        } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']') {
            boundary();
        } else if (c == '-') {
            const bool spaced = (i > 0 && s[i - 1] == ' ') || (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '-'));
            if (spaced) boundary();
        } else if (punct > 0) {
            if (is_boundary) boundary();
            i += punct;
            continue;
        }
        ++i;
    }
    return out;
}

bool is_all_caps(std::string_view w) noexcept {
    if (w.size() < 2) return false;
    bool letter = false;
    for (char ch : w) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'a' && c <= 'z') return false;
        if (is_ascii_upper(c)) letter = true;
    }
    return letter;
}

// ---------------------------------------------------------------------------------------------
// The lexicon, stemmed once per comparison

struct stemmed_lexicon {
    std::unordered_map<std::string, std::string> cue_surface;  ///< cue as written -> base stem ("" none)
    std::unordered_map<std::string, std::string> cue_stem;     ///< stem of an inflected cue -> base stem
    std::unordered_set<std::string> cancellers;
    std::unordered_set<std::string> hedges;
    std::unordered_set<std::string> breakers;
    std::unordered_set<std::string> openers;
    std::vector<std::vector<std::string>> connectives;  ///< words of each connective phrase
    std::unordered_set<std::string> stopwords;
    std::unordered_map<std::string, std::pair<std::string, unsigned>> axis_of;  ///< stem -> (axis key, pole bit)

    explicit stemmed_lexicon(const term_extractor& stem) {
        for (const auto& c : negation_cues()) {
            const std::string base = c.base.empty() ? std::string() : stem(c.base);
            if (c.inflected) cue_stem.emplace(stem(c.word), base);
            else cue_surface.emplace(std::string(c.word), base);
        }
        for (auto w : negation_cancellers()) cancellers.emplace(w);
        for (auto w : hedge_cues()) hedges.emplace(w);
        for (auto w : scope_breakers()) breakers.emplace(w);
        for (auto w : background_openers()) openers.emplace(w);
        for (auto phrase : connective_phrases()) {
            std::vector<std::string> ws;
            for (std::size_t b = 0; b < phrase.size();) {
                const auto e = std::min(phrase.find(' ', b), phrase.size());
                if (e > b) ws.emplace_back(phrase.substr(b, e - b));
                b = e + 1;
            }
            if (!ws.empty()) connectives.push_back(std::move(ws));
        }
        for (auto w : comparison_stopwords()) stopwords.emplace(w);
        for (const auto& axis : polarity_axes()) {
            if (axis.positive.empty()) continue;
            const std::string key = "~" + std::string(axis.positive.front());
            for (auto w : axis.positive) axis_of.emplace(stem(w), std::pair{key, 1u});
            for (auto w : axis.negative) axis_of.emplace(stem(w), std::pair{key, 2u});
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Statement profiles

struct term_use {
    std::string key;
    std::uint32_t count = 0;
    bool name = false;
    bool number = false;
    bool asserted = false;  ///< occurs outside a fronted background clause
    bool cue_only = false;  ///< only the base of a negation cue ("likely" from "unlikely")
    bool affirmed = false;  ///< occurs outside every negation's scope
};

struct negation_use {
    std::string cue;
    std::vector<std::string> scope;  ///< keys of the terms the cue negates
};

struct profile {
    std::vector<term_use> terms;  ///< sorted by key, unique
    std::vector<negation_use> negations;    ///< in the asserted part only
    std::map<std::string, unsigned> axes;   ///< axis key -> poles used (1 positive, 2 negative)
    std::vector<std::string> hedges;        ///< in the asserted part only
    bool question = false;
};

/// A term extractor that remembers what it stemmed: statements repeat their words.
class stem_cache {
public:
    explicit stem_cache(const term_extractor& stem) : stem_(stem) {}
    const std::string& operator()(const std::string& word) {
        auto it = memo_.find(word);
        if (it == memo_.end()) it = memo_.emplace(word, stem_(word)).first;
        return it->second;
    }

private:
    const term_extractor& stem_;
    std::unordered_map<std::string, std::string> memo_;
};

/// Names seen in the texts: capitalised words not at a sentence start, and all-capital words.
using name_set = std::unordered_set<std::string>;

void collect_names(const std::vector<raw_token>& tokens, name_set& names) {
    for (const auto& t : tokens) {
        if (t.kind != token_kind::word || t.text.empty()) continue;
        const auto c = static_cast<unsigned char>(t.text.front());
        if ((is_ascii_upper(c) && !t.sentence_start && t.text != "I") || is_all_caps(t.text))
            names.insert(t.low);
    }
}

/// "japanese" -> "japan" when "japan" is a name in the texts.
std::string fold_demonym(const std::string& w, const name_set& names) {
    for (const auto& r : demonym_rules()) {
        if (w.size() <= r.suffix.size() + 2 || !w.ends_with(r.suffix)) continue;
        std::string place = w.substr(0, w.size() - r.suffix.size());
        place += r.replacement;
        if (place != w && names.count(place)) return place;
    }
    return w;
}

/// The end (token index) of a fronted background clause ("Even if X," / "Although X,"), or 0.
std::size_t background_end(const std::vector<raw_token>& tokens, const stemmed_lexicon& lex) {
    std::size_t i = 0;
    static const std::set<std::string, std::less<>> joiners = {"and", "but", "yet", "so", "still"};
    while (i < tokens.size() && tokens[i].kind == token_kind::word && joiners.count(tokens[i].low)) ++i;
    if (i >= tokens.size() || tokens[i].kind != token_kind::word || !lex.openers.count(tokens[i].low))
        return 0;
    for (std::size_t j = i + 1; j < tokens.size(); ++j) {
        if (tokens[j].kind != token_kind::boundary) continue;
        // background only when the statement goes on to assert something
        for (std::size_t k = j + 1; k < tokens.size(); ++k)
            if (tokens[k].kind != token_kind::boundary) return j;
        return 0;
    }
    return 0;
}

profile make_profile(std::string_view text, const std::vector<raw_token>& tokens, const name_set& names,
                     const stemmed_lexicon& lex, stem_cache& stem) {
    profile p;
    {
        std::size_t e = text.size();
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '"' || text[e - 1] == ')')) --e;
        p.question = e > 0 && text[e - 1] == '?';
    }
    const std::size_t n = tokens.size();
    const std::size_t background = background_end(tokens, lex);
    // words of connective phrases ("on the other hand") say nothing about the topic
    std::vector<char> connective(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& phrase : lex.connectives) {
            if (i + phrase.size() > n) continue;
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k)
                match = tokens[i + k].kind == token_kind::word && tokens[i + k].low == phrase[k];
            if (!match) continue;
            std::fill(connective.begin() + static_cast<std::ptrdiff_t>(i),
                      connective.begin() + static_cast<std::ptrdiff_t>(i + phrase.size()), 1);
            break;
        }
    }

    // Pass 1: what each token is (a term, a negation cue, a clause break) and the terms.
    enum class role : std::uint8_t { none, term, cue, clause_break };
    std::vector<role> roles(n, role::none);
    std::vector<std::string> keys(n);
    std::vector<std::string> cue_words(n);
    std::map<std::string, term_use> terms;
    auto add = [&](std::size_t i, std::string key, bool name, bool number, bool cue = false) {
        auto& u = terms[key];
        if (u.key.empty()) {
            u.key = key;
            u.cue_only = cue;
        }
        ++u.count;
        u.name = u.name || name;
        u.number = u.number || number;
        u.asserted = u.asserted || background == 0 || i > background;
        u.cue_only = u.cue_only && cue;
        keys[i] = std::move(key);
    };
    std::vector<std::string> run;  // the current run of capitalised names, lower case
    auto close_run = [&](std::size_t i) {
        if (run.size() >= 2 && run.size() <= 4) {
            std::string acronym;
            for (const auto& w : run) acronym.push_back(w.front());
            auto& u = terms[acronym];
            u.key = acronym;
            ++u.count;
            u.name = true;
            u.asserted = u.asserted || background == 0 || i > background;
            u.affirmed = true;
        }
        run.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = tokens[i];
        const bool asserted = background == 0 || i > background;
        if (t.kind == token_kind::boundary || (background > 0 && i == background)) {
            roles[i] = role::clause_break;
            close_run(i);
            continue;
        }
        if (connective[i]) continue;
        if (t.kind == token_kind::number) {
            close_run(i);
            add(i, "#" + t.text, false, true);
            roles[i] = role::term;
            continue;
        }
        const std::string& l = t.low;
        const auto first = static_cast<unsigned char>(t.text.front());
        const bool name = is_all_caps(t.text) ||
                          (is_ascii_upper(first) && t.text != "I" && !is_stopword(l) &&
                           (!t.sentence_start || names.count(l) > 0 || names.count(fold_demonym(l, names)) > 0));
        if (name) {
            add(i, stem(fold_demonym(l, names)), true, false);
            roles[i] = role::term;
            run.push_back(l);
            continue;
        }
        close_run(i);
        auto cue = lex.cue_surface.find(l);
        bool is_cue = cue != lex.cue_surface.end();
        std::string base = is_cue ? cue->second : std::string();
        std::string s;
        if (!is_cue && l.size() > 2) {
            s = stem(l);
            if (auto v = lex.cue_stem.find(s); v != lex.cue_stem.end()) {
                is_cue = true;
                base = v->second;
            }
        }
        if (is_cue && l == "not" && i + 1 < n && lex.cancellers.count(tokens[i + 1].low) > 0)
            is_cue = false;  // "not only X but also Y" affirms X
        if (is_cue) {
            if (!base.empty()) add(i, base, false, false, true);
            roles[i] = role::cue;
            cue_words[i] = l;
            continue;
        }
        if (lex.breakers.count(l)) {
            roles[i] = role::clause_break;
            continue;
        }
        if (lex.hedges.count(l)) {
            if (asserted) p.hedges.push_back(l);
            continue;
        }
        if (l.size() < 2 || is_stopword(l) || lex.stopwords.count(l)) continue;
        if (s.empty()) s = stem(l);
        if (auto a = lex.axis_of.find(s); a != lex.axis_of.end()) {
            if (asserted) p.axes[a->second.first] |= a->second.second;
            add(i, a->second.first, false, false);
            roles[i] = role::term;
        } else if (s.size() >= 2) {
            add(i, s, false, false);
            roles[i] = role::term;
        }
    }
    close_run(n);

    // Pass 2: each negation cue in the asserted part negates the rest of its clause, or, when
    // nothing follows it there ("A compromise is unlikely."), the part of the clause before it.
    std::vector<char> negated(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (roles[i] != role::cue || (background > 0 && i <= background)) continue;
        negation_use use{cue_words[i], {}};
        negated[i] = 1;
        std::size_t j = i + 1;
        for (; j < n && roles[j] != role::clause_break; ++j) {
            if (roles[j] != role::term) continue;
            use.scope.push_back(keys[j]);
            negated[j] = 1;
        }
        if (use.scope.empty()) {
            for (std::size_t k = i; k-- > 0 && roles[k] != role::clause_break;) {
                if (roles[k] != role::term) continue;
                use.scope.push_back(keys[k]);
                negated[k] = 1;
            }
        }
        p.negations.push_back(std::move(use));
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!keys[i].empty() && !negated[i]) terms[keys[i]].affirmed = true;

    p.terms.reserve(terms.size());
    for (auto& [k, u] : terms) p.terms.push_back(std::move(u));
    return p;
}

// ---------------------------------------------------------------------------------------------
// Weights and the stance rules

/// Inverse document frequency of a key, by the number of statements holding it.
struct idf_table {
    std::unordered_map<std::string, std::uint32_t> df;
    std::size_t statements = 0;
    [[nodiscard]] double idf(const std::string& key) const {
        const auto it = df.find(key);
        const double d = it == df.end() ? 1.0 : static_cast<double>(it->second);
        return std::log(1.0 + static_cast<double>(statements) / d);
    }
};

double weight(const term_use& u, const idf_table& idf, const compare_options& o) {
    const double boost = u.name ? o.name_weight : (u.number ? o.number_weight : 1.0);
    return (1.0 + std::log(static_cast<double>(u.count))) * idf.idf(u.key) * boost;
}

std::string axis_name(const std::string& key) { return key.size() > 1 && key[0] == '~' ? key.substr(1) + " scale" : key; }

stance_judgement judge(const profile& a, const profile& b, const idf_table& idf, const compare_options& o) {
    stance_judgement j;
    // Coverage: the share of what each statement asserts that the other one also speaks of.
    // Terms of a fronted background clause are left out, and so is the base of a negation cue
    // ("likely" from "unlikely") unless the other statement speaks of it too.
    const bool all_a = std::none_of(a.terms.begin(), a.terms.end(), [](const term_use& u) { return u.asserted; });
    const bool all_b = std::none_of(b.terms.begin(), b.terms.end(), [](const term_use& u) { return u.asserted; });
    std::set<std::string> shared;    // terms both statements use
    std::set<std::string> asserted;  // terms both statements use in what they assert
    for (auto ia = a.terms.begin(), ib = b.terms.begin(); ia != a.terms.end() && ib != b.terms.end();) {
        if (ia->key < ib->key) ++ia;
        else if (ib->key < ia->key) ++ib;
        else {
            shared.insert(ia->key);
            if ((ia->asserted || all_a) && (ib->asserted || all_b)) asserted.insert(ia->key);
            ++ia;
            ++ib;
        }
    }
    auto covered = [&](const profile& p, bool all, double& total, double& part) {
        total = part = 0;
        for (const auto& u : p.terms) {
            if (!all && !u.asserted) continue;
            const bool common = asserted.count(u.key) > 0;
            if (u.cue_only && !common) continue;
            const double w = weight(u, idf, o);
            total += w;
            if (common) part += w;
        }
    };
    double total_a = 0, total_b = 0, shared_a = 0, shared_b = 0;
    covered(a, all_a, total_a, shared_a);
    covered(b, all_b, total_b, shared_b);
    if (shared.empty() || total_a <= 0 || total_b <= 0) {
        j.reason = shared.empty() ? "nothing in common" : "nothing asserted in common";
        return j;
    }
    const double coverage = std::max(shared_a / total_a, shared_b / total_b);

    std::string why;
    auto note = [&](const std::string& s) {
        if (!why.empty()) why += "; ";
        why += s;
    };
    int flips = 0;
    // A negation counts when it negates something both statements assert, and that its own
    // statement does not also affirm elsewhere ("two islands will be returned ... they never
    // promised to return all four islands" neither affirms nor denies the return as a whole).
    auto count_negations = [&](const profile& p, const char* side) {
        auto affirmed = [&](const std::string& k) {
            const auto it = std::lower_bound(p.terms.begin(), p.terms.end(), k,
                                             [](const term_use& u, const std::string& key) { return u.key < key; });
            return it != p.terms.end() && it->key == k && it->affirmed;
        };
        for (const auto& n : p.negations) {
            const bool hits = std::any_of(n.scope.begin(), n.scope.end(), [&](const std::string& k) {
                return asserted.count(k) > 0 && !affirmed(k);
            });
            if (!hits) continue;
            ++flips;
            note("negation '" + n.cue + "' in the " + side);
        }
    };
    count_negations(a, "first");
    count_negations(b, "second");
    for (const auto& [axis, poles_a] : a.axes) {
        const auto it = b.axes.find(axis);
        if (it == b.axes.end()) continue;
        const unsigned poles_b = it->second;
        if ((poles_a == 1 && poles_b == 2) || (poles_a == 2 && poles_b == 1)) {
            ++flips;
            note("opposite ends of the " + axis_name(axis));
        }
    }
    const bool hedged_a = !a.hedges.empty();
    const bool hedged_b = !b.hedges.empty();

    std::string terms = "shared:";
    for (const auto& k : shared) terms += " " + (k[0] == '~' ? axis_name(k) : k);
    if (asserted.size() < shared.size()) terms += " (some only in a background clause)";

    const double certainty = (hedged_a || hedged_b) ? 0.75 : 1.0;
    if (a.question || b.question) {
        j.stance = stance::related;
        note("a question asserts nothing");
        j.confidence = 0.5;
    } else if (flips % 2 == 1) {
        if (hedged_a && hedged_b) {
            j.stance = stance::related;
            note("both only say it may be so");
            j.confidence = 0.5;
        } else if (coverage >= o.contradict_coverage) {
            j.stance = stance::contradict;
            j.confidence = std::min(1.0, 0.5 + coverage / 2) * certainty;
        } else {
            j.stance = stance::related;
            note("too little in common to contradict");
            j.confidence = 0.5;
        }
    } else if (coverage >= o.agree_coverage) {
        j.stance = stance::agree;
        j.confidence = std::min(1.0, 0.4 + coverage / 2) * certainty;
    } else {
        j.stance = stance::related;
        note("too little in common to agree");
        j.confidence = 0.5;
    }
    note(terms);
    j.reason = std::move(why);
    return j;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

term_extractor light_term_extractor() {
    return [](std::string_view w) { return light_stem(w); };
}

stance_judgement classify_stance(std::string_view first, std::string_view second, const term_extractor& stem,
                                 const compare_options& options) {
    const stemmed_lexicon lex(stem);
    const auto ta = tokenize(first);
    const auto tb = tokenize(second);
    name_set names;
    collect_names(ta, names);
    collect_names(tb, names);
    stem_cache cache(stem);
    const auto pa = make_profile(first, ta, names, lex, cache);
    const auto pb = make_profile(second, tb, names, lex, cache);
    idf_table idf;
    idf.statements = 2;
    for (const auto* p : {&pa, &pb})
        for (const auto& u : p->terms) ++idf.df[u.key];
    return judge(pa, pb, idf, options);
}

std::vector<alignment> align(const argument_map& map, const term_extractor& stem, const compare_options& options) {
    std::vector<alignment> out;
    if (map.sources().size() < 2) return out;
    const auto& statements = map.statements();
    const std::size_t n = statements.size();

    // Profiles, with names learnt from all statements.
    const stemmed_lexicon lex(stem);
    std::vector<std::vector<raw_token>> tokens(n);
    name_set names;
    for (std::size_t i = 0; i < n; ++i) {
        tokens[i] = tokenize(statements[i].text);
        collect_names(tokens[i], names);
    }
    std::vector<profile> profiles(n);
    stem_cache cache(stem);
    for (std::size_t i = 0; i < n; ++i) {
        profiles[i] = make_profile(statements[i].text, tokens[i], names, lex, cache);
        tokens[i] = {};
    }

    // Term ids, document frequencies, weighted vectors sorted by term id, and their norms.
    idf_table idf;
    idf.statements = n;
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::vector<std::pair<std::uint32_t, double>>> vectors(n);
    for (const auto& p : profiles)
        for (const auto& u : p.terms) ++idf.df[u.key];
    for (std::size_t i = 0; i < n; ++i) {
        auto& v = vectors[i];
        for (const auto& u : profiles[i].terms) {
            const auto id = ids.emplace(u.key, static_cast<std::uint32_t>(ids.size())).first->second;
            v.emplace_back(id, weight(u, idf, options));
        }
        std::sort(v.begin(), v.end());
    }
    std::vector<double> norms(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0;
        for (const auto& [id, w] : vectors[i]) s += w * w;
        norms[i] = std::sqrt(s);
    }
    std::vector<std::vector<std::uint32_t>> postings(ids.size());
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [id, w] : vectors[i]) postings[id].push_back(static_cast<std::uint32_t>(i));

    // The dot product of two statements' vectors and the number of terms they share.
    auto dot = [&](std::size_t i, std::size_t j) {
        double s = 0;
        std::size_t common = 0;
        auto a = vectors[i].begin();
        auto b = vectors[j].begin();
        while (a != vectors[i].end() && b != vectors[j].end()) {
            if (a->first < b->first) ++a;
            else if (b->first < a->first) ++b;
            else {
                s += (a++)->second * (b++)->second;
                ++common;
            }
        }
        return std::pair{s, common};
    };

    // Candidates through the index: each statement meets only statements sharing a rare enough term.
    struct candidate {
        std::uint32_t a = 0, b = 0;
        double score = 0;
    };
    std::vector<candidate> candidates;
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < n; ++i) {
        if (norms[i] <= 0) continue;
        const auto src = statements[i].source;
        for (const auto& [id, w] : vectors[i]) {
            const auto& list = postings[id];
            if (list.size() > options.max_postings) continue;
            for (auto it = std::upper_bound(list.begin(), list.end(), static_cast<std::uint32_t>(i)); it != list.end();
                 ++it) {
                if (seen[*it] || statements[*it].source == src) continue;
                seen[*it] = 1;
                touched.push_back(*it);
            }
        }
        for (auto j : touched) {
            seen[j] = 0;
            const auto [product, common] = dot(i, j);
            const double score = product / (norms[i] * norms[j]);
            if (score >= options.threshold && common >= options.min_shared_terms)
                candidates.push_back({static_cast<std::uint32_t>(i), j, score});
        }
        touched.clear();
    }

    // Each statement keeps its best few; a pair stays when both of its statements keep it.
    std::vector<std::vector<std::pair<double, std::size_t>>> per(n);  // (score, candidate index)
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        per[candidates[c].a].emplace_back(candidates[c].score, c);
        per[candidates[c].b].emplace_back(candidates[c].score, c);
    }
    std::vector<unsigned char> votes(candidates.size(), 0);
    for (auto& list : per) {
        if (list.empty()) continue;
        std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        const double best = list.front().first;
        for (std::size_t r = 0; r < list.size() && r < options.top_k; ++r)
            if (list[r].first >= options.relative_threshold * best) ++votes[list[r].second];
    }
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (votes[c] < 2) continue;
        const auto& cand = candidates[c];
        const auto j = judge(profiles[cand.a], profiles[cand.b], idf, options);
        out.push_back({statement_id{cand.a}, statement_id{cand.b}, j.stance, cand.score});
    }
    std::sort(out.begin(), out.end(), [](const alignment& x, const alignment& y) {
        return std::pair{x.first, x.second} < std::pair{y.first, y.second};
    });
    return out;
}

comparison_summary summarize(const argument_map& map) {
    comparison_summary s;
    for (const auto& a : map.alignments()) {
        switch (a.stance) {
            case stance::agree: s.agreements.push_back(a); break;
            case stance::contradict: s.clashes.push_back(a); break;
            case stance::related: s.related.push_back(a); break;
        }
    }
    auto by_score = [](const alignment& x, const alignment& y) {
        if (x.score != y.score) return x.score > y.score;
        return std::pair{x.first, x.second} < std::pair{y.first, y.second};
    };
    std::sort(s.agreements.begin(), s.agreements.end(), by_score);
    std::sort(s.clashes.begin(), s.clashes.end(), by_score);
    std::sort(s.related.begin(), s.related.end(), by_score);

    s.unanswered.resize(map.sources().size());
    if (map.sources().size() < 2) return s;
    const auto& statements = map.statements();
    std::vector<char> reason(statements.size(), 0);
    std::vector<char> answered(statements.size(), 0);
    for (std::size_t i = 0; i < statements.size(); ++i) reason[i] = statements[i].central ? 1 : 0;
    for (const auto& r : map.relations())
        if (r.type == relation_type::support)
            for (auto f : r.from) reason[f.value] = 1;
    for (const auto& a : map.alignments()) {
        if (map.at(a.first).source == map.at(a.second).source) continue;
        answered[a.first.value] = 1;
        answered[a.second.value] = 1;
    }
    for (std::size_t i = 0; i < statements.size(); ++i)
        if (reason[i] && !answered[i])
            s.unanswered[statements[i].source.value].push_back(statement_id{static_cast<std::uint32_t>(i)});
    return s;
}

argument_map merge_maps(std::vector<argument_map> maps) {
    argument_map out;
    for (auto& m : maps) {
        const auto source_base = static_cast<std::uint32_t>(out.sources().size());
        const auto statement_base = static_cast<std::uint32_t>(out.statements().size());
        const auto relation_base = static_cast<std::uint32_t>(out.relations().size());
        for (const auto& src : m.sources()) out.add_source(src);
        for (auto st : m.statements()) {
            st.source.value += source_base;
            out.add_statement(std::move(st));
        }
        for (auto r : m.relations()) {
            for (auto& f : r.from) f.value += statement_base;
            if (auto* st = std::get_if<statement_id>(&r.to)) st->value += statement_base;
            else std::get<relation_id>(r.to).value += relation_base;
            out.add_relation(std::move(r));
        }
        for (auto a : m.alignments()) {
            a.first.value += statement_base;
            a.second.value += statement_base;
            out.add_alignment(a);
        }
    }
    return out;
}

}  // namespace argmap::engine
