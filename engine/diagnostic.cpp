#include "engine/diagnostic.hpp"

#include <algorithm>

namespace argmap::engine {

diagnostic locate(std::string_view text, std::size_t offset, std::string message) {
    offset = std::min(offset, text.size());
    diagnostic d;
    d.message = std::move(message);
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++d.line;
            d.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
            ++d.column;
        }
    }
    return d;
}

text_locator::text_locator(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (auto at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
        line_starts_.push_back(at + 1);
}

diagnostic text_locator::locate(std::size_t offset, std::string message) {
    offset = std::min(offset, text_.size());
    // the last line that starts at or before offset (a line break at offset itself still
    // belongs to the line before, as in engine::locate)
    const auto line = static_cast<std::size_t>(
        std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin() - 1);
    std::size_t from = line_starts_[line];
    std::size_t column = 1;
    if (line == last_line_ && last_offset_ >= from && last_offset_ <= offset) {
        from = last_offset_;
        column = last_column_;
    }
    for (std::size_t i = from; i < offset; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // code points, not continuation bytes
    }
    last_offset_ = offset;
    last_line_ = line;
    last_column_ = column;
    diagnostic d;
    d.line = line + 1;
    d.column = column;
    d.message = std::move(message);
    return d;
}

}  // namespace argmap::engine
