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

}  // namespace argmap::engine
