#include "engine/lexical.hpp"

#include <algorithm>
#include <iterator>

namespace argmap::engine {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
    };
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            cur.push_back(ch);
        } else if (c >= 'A' && c <= 'Z') {
            cur.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (c == '\'' && !cur.empty()) {
            cur.push_back(ch);  // keep "don't", "it's" together
        } else {
            flush();
        }
    }
    flush();
    for (auto& w : out)
        while (!w.empty() && w.back() == '\'') w.pop_back();
    return out;
}

bool is_stopword(std::string_view w) noexcept {
    static constexpr std::string_view stop[] = {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "don't", "down", "during", "each", "even", "every", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is",
        "isn't", "it", "it's", "its", "itself", "just", "let's", "may", "me", "might", "more", "most", "much",
        "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
        "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "that's",
        "the", "their", "theirs", "them", "then", "there", "there's", "these", "they", "this", "those", "through",
        "thus", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your", "yours", "therefore",
        "hence", "since", "although", "though", "still", "already", "yes", "would", "cannot", "can't", "won't",
        "many", "less", "rather", "quite", "indeed",
        // light verbs say little about what a statement is about
        "see", "sees", "get", "gets", "make", "makes", "take", "takes", "go", "goes", "come", "comes", "give",
        "gives", "put", "seem", "seems", "become", "becomes", "want", "wants", "let", "say", "says",
    };
    return std::find(std::begin(stop), std::end(stop), w) != std::end(stop);
}

std::string light_stem(std::string_view w) {
    std::string s(w);
    auto ends = [&](std::string_view suf) { return s.size() > suf.size() + 2 && s.ends_with(suf); };
    if (ends("ies")) s.replace(s.size() - 3, 3, "i");
    else if (ends("sses")) s.resize(s.size() - 2);
    else if (ends("s") && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is")) s.pop_back();
    if (ends("ing")) s.resize(s.size() - 3);
    else if (ends("ed")) s.resize(s.size() - 2);
    else if (ends("ly")) s.resize(s.size() - 2);
    if (ends("y")) s.back() = 'i';
    if (ends("e")) s.pop_back();
    return s;
}

std::set<std::string> content_terms(std::string_view text) {
    std::set<std::string> out;
    for (const auto& w : words(text)) {
        if (w.size() < 2 || is_stopword(w)) continue;
        out.insert(light_stem(w));
    }
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) noexcept {
    if (a.empty() && b.empty()) return 0.0;
    std::size_t common = 0;
    for (const auto& x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) noexcept {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t common = 0;
    for (const auto& x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

}  // namespace argmap::engine
