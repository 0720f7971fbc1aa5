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

/// Line and column (1-based, columns in code points) of a byte offset into text. Reads the text
/// from its start: for many offsets into one text, use text_locator.
[[nodiscard]] diagnostic locate(std::string_view text, std::size_t offset, std::string message);

/// locate() for many offsets into one text: the lines are found once, then each offset takes a
/// binary search and a count of the code points before it on its line (or only of those since
/// the offset asked before, when offsets come in order along a line), so that a text with very
/// many diagnostics is not read again from its start for each.
class text_locator {
public:
    explicit text_locator(std::string_view text);
    [[nodiscard]] diagnostic locate(std::size_t offset, std::string message);

private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;  ///< byte offset of each line's first byte
    std::size_t last_offset_ = 0;           ///< the previous answer, to count on from
    std::size_t last_line_ = 0;             ///< its index in line_starts_
    std::size_t last_column_ = 1;
};

}  // namespace argmap::engine
