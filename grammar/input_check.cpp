#include "grammar/input_check.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>


namespace argmap::grammar::detail {
namespace {

bool in(unsigned char c, unsigned lo, unsigned hi) noexcept { return c >= lo && c <= hi; }

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
    const auto n = text.size();
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < n) {
        const unsigned char c = byte(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80;  // allowed range of the second byte
        unsigned hi = 0xBF;
        if (in(c, 0xC2, 0xDF)) {
            len = 2;
        } else if (in(c, 0xE0, 0xEF)) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;       // overlong
            else if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (in(c, 0xF0, 0xF4)) {
            len = 4;
            if (c == 0xF0) lo = 0x90;       // overlong
            else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return i;  // continuation byte without a lead, C0/C1, F5..FF
        }
        if (i + len > n) return i;
        if (!in(byte(i + 1), lo, hi)) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (!in(byte(i + k), 0x80, 0xBF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::vector<engine::diagnostic> check_input(std::string_view text) {
    std::vector<engine::diagnostic> errors;
    if (text.find_first_not_of(" \t\n\r\v\f") == std::string_view::npos) {
        errors.push_back(engine::locate(text, 0, "the text is empty"));
        return errors;
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        errors.push_back(engine::locate(text, nul, "binary content: NUL byte"));
    if (const auto bad = first_invalid_utf8(text))
        errors.push_back(engine::locate(text, *bad, "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[*bad]))));
    std::sort(errors.begin(), errors.end(),
              [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
    return errors;
}

}  // namespace argmap::grammar::detail
