#pragma once
// Bad user input is a value: where it is and what was expected.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::engine {

struct diagnostic {
    std::size_t line = 1;    ///< 1-based
    std::size_t column = 1;  ///< 1-based, in code points
    std::string message;
    bool operator==(const diagnostic&) const = default;
};

/// A value, or the errors that kept it from being made.
template <class T>
struct parse_result {
    std::optional<T> value;
    std::vector<diagnostic> errors;
    [[nodiscard]] bool ok() const noexcept { return value.has_value() && errors.empty(); }
};

/// Line and column (1-based, columns in code points) of a byte offset into text.
[[nodiscard]] diagnostic locate(std::string_view text, std::size_t offset, std::string message);

}  // namespace argmap::engine
