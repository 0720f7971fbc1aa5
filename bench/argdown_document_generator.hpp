#pragma once
// Generated Argdown documents for the notation benchmarks: N elements (statements and
// arguments), about 180 bytes each, written as teachers write Argdown: headings every few hundred
// elements, claims with reasons and objections nested under them, arguments with a description
// and a premise-conclusion structure, tags, now and then inline data. Deterministic for a given N.

#include <cstddef>
#include <cstdint>
#include <string>

namespace argmap::bench {

class argdown_document_generator {
public:
    explicit argdown_document_generator(std::uint64_t seed = 42) : state_(seed) {}

    /// A document of about `elements` statements and arguments (units of 7, rounded up).
    std::string document(std::size_t elements) {
        std::string out;
        out.reserve(elements * 190);
        out += "===\ntitle: Generated benchmark document\n===\n\n";
        for (std::size_t unit = 0, made = 0; made < elements; ++unit, made += 7) {
            if (unit % 70 == 0) out += "# Topic " + std::to_string(unit / 70 + 1) + " {isGroup: true}\n\n";
            const auto u = std::to_string(unit);
            out += "[Claim " + u + "]: " + sentence() + " #topic" + std::to_string(unit % 17) + "\n";
            out += "  + [Reason " + u + "]: " + sentence() + "\n";
            out += "    - [Doubt " + u + "]: " + sentence() + "\n";
            out += "  + <Argument " + u + ">: " + sentence() + "\n";
            out += "  - [Objection " + u + "]: " + sentence() + (unit % 5 == 0 ? " {source: \"Report " + u + "\"}" : "") + "\n";
            out += "    _> <Argument " + std::to_string(unit > 0 ? unit - 1 : 0) + ">\n\n";
            out += "<Argument " + u + ">\n\n";
            out += "(1) [Premise " + u + "a]: " + sentence() + "\n";
            out += "(2) [Premise " + u + "b]: " + sentence() + "\n";
            out += (unit % 3 == 0 ? "-- Modus ponens --\n" : "----\n");
            out += "(3) [Claim " + u + "]\n\n";
        }
        return out;
    }

private:
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state_ >> 33);
    }

    std::string word() {
        static constexpr const char* syllables[] = {"ta", "ro", "mi", "sen", "ka", "lu", "ve", "dor", "pi", "an",
                                                    "es", "tor", "ni", "ba", "gal", "re", "so", "fu", "win", "el"};
        std::string w;
        const auto n = 1 + next() % 3;
        for (std::uint32_t i = 0; i < n; ++i) w += syllables[next() % 20];
        return w;
    }

    std::string sentence() {
        std::string s = word();
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
        const auto n = 20 + next() % 13;
        for (std::uint32_t i = 1; i < n; ++i) {
            s += ' ';
            s += word();
            if (i == 5 && next() % 4 == 0) s += ',';
        }
        return s + '.';
    }

    std::uint64_t state_;
};

}  // namespace argmap::bench
