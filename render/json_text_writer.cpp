#include "render/json_text_writer.hpp"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace argmap::render::detail {
namespace {

/// Whether s is UTF-8 as nlohmann's decoder accepts it (no overlong forms, no surrogates,
/// nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = p + s.size();
    while (p < e) {
        // eight ASCII bytes at a time
        while (e - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            if ((w & 0x8080808080808080ULL) != 0) break;
            p += 8;
        }
        if (p == e) break;
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t n = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (static_cast<std::size_t>(e - p) <= n) return false;
        if (p[1] < lo || p[1] > hi) return false;
        for (std::size_t i = 2; i <= n; ++i) {
            if (p[i] < 0x80 || p[i] > 0xBF) return false;
        }
        p += n + 1;
    }
    return true;
}

}  // namespace

void json_text_writer::flush() {
    if (sink_ == nullptr || out_.empty()) return;
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
}

void json_text_writer::newline(std::size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
}

void json_text_writer::separator(level& l) {
    if (!l.empty) {
        out_ += ',';
        if (pretty_ && l.one_line) out_ += ' ';
    }
    l.empty = false;
    if (pretty_ && !l.one_line) newline(stack_.size());
}

void json_text_writer::element() {
    if (stack_.empty()) return;
    auto& l = stack_.back();
    if (l.object) return;  // the key wrote the separator
    separator(l);
}

void json_text_writer::open(char c, bool object) {
    element();
    out_ += c;
    const bool one_line = stack_.size() >= one_line_depth || (!stack_.empty() && stack_.back().one_line);
    stack_.push_back(level{object, true, one_line});
}

void json_text_writer::close(char c) {
    const auto closed = stack_.back();
    stack_.pop_back();
    if (!closed.empty && pretty_ && !closed.one_line) newline(stack_.size());
    out_ += c;
    if (out_.size() >= chunk_size) flush();
}

void json_text_writer::key(std::string_view k) {
    separator(stack_.back());
    string(k);
    out_ += pretty_ ? ": " : ":";
}

void json_text_writer::value(std::string_view s) {
    element();
    string(s);
}

void json_text_writer::value(std::uint64_t n) {
    element();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
}

void json_text_writer::value(bool b) {
    element();
    out_ += b ? "true" : "false";
}

void json_text_writer::value(double d) {
    element();
    if (d == 1.0) {
        out_ += "1.0";
    } else {
        out_ += nlohmann::json(d).dump();
    }
}

void json_text_writer::string(std::string_view s) {
    if (!valid_utf8(s)) {  // nlohmann's own replacement of bad bytes, exactly
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (sink_ != nullptr && i - run >= chunk_size) {  // a long text goes out in pieces
            out_.append(s.data() + run, i - run);
            run = i;
            flush();
        }
        // eight bytes at a time while none of them needs escaping
        while (i + 8 <= s.size()) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            const auto has_less = [&](std::uint64_t x, std::uint64_t n) { return (x - ones * n) & ~x & highs; };
            const auto has_byte = [&](std::uint64_t x, std::uint64_t b) { return has_less(x ^ (ones * b), 1); };
            // bytes >= 0x80 never need escaping here (the text is valid UTF-8); has_less may flag
            // them falsely, which only sends the word through the byte loop below
            if (has_less(w, 0x20) != 0 || has_byte(w, '"') != 0 || has_byte(w, '\\') != 0) break;
            i += 8;
            if (sink_ != nullptr && i - run >= chunk_size) break;
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default:
                out_ += "\\u00";
                out_ += hex[c >> 4];
                out_ += hex[c & 0xF];
        }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
}

}  // namespace argmap::render::detail
