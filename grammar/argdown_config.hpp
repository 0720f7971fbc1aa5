#pragma once
// The one place where the Argdown grammar's iterator and context types are fixed (Spirit X3 style).
// The rules run without a skipper over const char* ranges; the context carries the error sink
// through which the rules' on_error handlers report expectation failures.

#include <cstddef>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

namespace argmap::grammar::argdown_detail {

namespace x3 = boost::spirit::x3;

/// An error found while parsing, before line and column are worked out (once, at the end).
struct pending_error {
    std::size_t offset = 0;
    std::string message;
};

/// Collects errors for one parse. At most `limit` are kept; the rest are only counted, so that a
/// file of nothing but errors cannot use unbounded memory.
struct error_sink {
    const char* base = nullptr;  ///< first byte of the input: offsets are relative to it
    std::vector<pending_error> errors;
    std::size_t dropped = 0;
    std::size_t limit = 10000;

    void report(const char* where, std::string message) {
        if (errors.size() >= limit) {
            ++dropped;
            return;
        }
        errors.push_back({static_cast<std::size_t>(where - base), std::move(message)});
    }
    [[nodiscard]] std::size_t count() const noexcept { return errors.size() + dropped; }
};

struct error_sink_tag;

using iterator_type = const char*;
/// What x3::with<error_sink_tag>(sink)[rule] gives the rule when parsed with x3::parse (no skipper).
using context_type = x3::context<error_sink_tag, error_sink, x3::unused_type>;

}  // namespace argmap::grammar::argdown_detail
