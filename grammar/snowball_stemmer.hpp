#pragma once
// English stemming with Snowball (Debian's libstemmer). The engine compares statements through an
// injected term extractor and never sees this library; the caller wraps a stemmer in one.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace argmap::grammar {

/// The environment could not provide a stemmer (out of memory, algorithm missing).
struct stemmer_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One Snowball "english" stemmer over UTF-8. Stemming mutates the stemmer's buffers, so use one
/// per thread; it is movable, not copyable.
class snowball_stemmer {
public:
    snowball_stemmer();  ///< throws stemmer_error when libstemmer cannot make one

    /// The stem of one word ("countries" -> "countri", "improving" -> "improv"). Expects a
    /// lower-case word; other input is stemmed as given. Empty input gives an empty string.
    [[nodiscard]] std::string stem(std::string_view word);

private:
    struct deleter {
        void operator()(sb_stemmer* s) const noexcept;
    };
    std::unique_ptr<sb_stemmer, deleter> stemmer_;
};

}  // namespace argmap::grammar
