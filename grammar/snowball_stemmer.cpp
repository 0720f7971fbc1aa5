#include "grammar/snowball_stemmer.hpp"

#include <climits>

#include <libstemmer.h>

namespace argmap::grammar {

void snowball_stemmer::deleter::operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }

snowball_stemmer::snowball_stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
    if (!stemmer_) throw stemmer_error("libstemmer: cannot create the English stemmer");
}

std::string snowball_stemmer::stem(std::string_view word) {
    // Words longer than an int can hold are not words; Snowball would not change them anyway.
    if (word.empty() || word.size() > static_cast<std::size_t>(INT_MAX)) return std::string(word);
    const auto* in = reinterpret_cast<const sb_symbol*>(word.data());
    const sb_symbol* out = sb_stemmer_stem(stemmer_.get(), in, static_cast<int>(word.size()));
    if (out == nullptr) throw stemmer_error("libstemmer: out of memory while stemming");
    const int length = sb_stemmer_length(stemmer_.get());
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

}  // namespace argmap::grammar
