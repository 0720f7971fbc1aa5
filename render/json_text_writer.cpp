#include "render/json_text_writer.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <nlohmann/json.hpp>

namespace argmap::render::detail {
namespace {

#if defined(__x86_64__) && defined(__GNUC__)
/// The bytes of the 32 from `at` on that JSON does not take as they are (below 0x20, from 0x80
/// up, '"' and '\\'), one bit each.
__attribute__((target("avx2"))) inline unsigned special_bytes_avx2(const char* at) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    // signed compare: below 0x20, and 0x80 and up, both read as less than ' '
    const __m256i special = _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v),
                                            _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"')),
                                                            _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))));
    return static_cast<unsigned>(_mm256_movemask_epi8(special));
}

/// plain_prefix thirty-two bytes at a time, for at least 32 bytes, on a machine with AVX2; the
/// last block overlaps the one before.
__attribute__((target("avx2"))) std::size_t plain_prefix_avx2(const char* const start, const char* e) {
    const char* p = start;
    for (; e - p >= 32; p += 32) {
        if (const auto found = special_bytes_avx2(p)) return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(found));
    }
    if (p == e) return static_cast<std::size_t>(e - start);
    const char* const last = e - 32;  // the last block: its first (p - last) bytes were read above
    const auto found = special_bytes_avx2(last) >> (p - last);
    if (found != 0) return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(found));
    return static_cast<std::size_t>(e - start);
}

bool has_avx2() {
    static const bool avx2 = __builtin_cpu_supports("avx2");
    return avx2;
}
#endif

/// How many bytes from p on (at most up to e) JSON takes as they are: no control character, no
/// '"' and no '\\' (bytes from 0x80 up count as needing a look; the caller lets them through).
/// Exact: the byte after the prefix (if any) is one of those.
std::size_t plain_prefix(const char* p, const char* e) {
    const char* const start = p;
#if defined(__x86_64__) && defined(__GNUC__)
    if (e - p >= 32 && has_avx2()) return plain_prefix_avx2(p, e);
#endif
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    while (e - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // signed compare: below 0x20, and 0x80 and up, both read as less than ' '
        const __m128i special =
            _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const int found = _mm_movemask_epi8(special);
        if (found != 0) return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(found)));
        p += 16;
    }
#endif
    while (e - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        const auto has_less = [&](std::uint64_t x, std::uint64_t n) { return (x - ones * n) & ~x & highs; };
        const auto has_byte = [&](std::uint64_t x, std::uint64_t b) { return has_less(x ^ (ones * b), 1); };
        if ((w & highs) != 0 || has_less(w, 0x20) != 0 || has_byte(w, '"') != 0 || has_byte(w, '\\') != 0) break;
        p += 8;
    }
    // the last bytes, and the exact place in a word that holds one
    for (; p < e; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    }
    return static_cast<std::size_t>(p - start);
}

/// Whether s is UTF-8 as nlohmann's decoder accepts it (no overlong forms, no surrogates,
/// nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = p + s.size();
    while (p < e) {
        // runs of printable ASCII a block at a time (a control character is taken below)
        p += plain_prefix(reinterpret_cast<const char*>(p), reinterpret_cast<const char*>(e));
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
    if (sink_ == nullptr) {
        out_.resize(used_);
        return;
    }
    if (used_ == 0) return;
    sink_->write(out_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
}

void json_text_writer::newline(std::size_t depth) {
    put('\n');
    for (std::size_t i = 0; i < depth; ++i) put("  ");
}

void json_text_writer::separator(level& l) {
    if (!l.empty) {
        if (pretty_ && l.one_line) {
            put(", ");
        } else {
            put(',');
        }
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
    put(c);
    const bool one_line = stack_.size() >= one_line_depth || (!stack_.empty() && stack_.back().one_line);
    stack_.push_back(level{object, true, one_line});
}

void json_text_writer::close(char c) {
    const auto closed = stack_.back();
    stack_.pop_back();
    if (!closed.empty && pretty_ && !closed.one_line) newline(stack_.size());
    put(c);
    if (sink_ != nullptr && used_ >= chunk_size) flush();
}

void json_text_writer::key(std::string_view k) {
    separator(stack_.back());
    string(k);
    if (pretty_) {
        put(": ");
    } else {
        put(':');
    }
}

void json_text_writer::value(std::string_view s) {
    element();
    string(s);
}

void json_text_writer::known_value(std::string_view s) {
    assert(plain_prefix(s.data(), s.data() + s.size()) == s.size());
    element();
    quoted(s);
}

void json_text_writer::id_value(char prefix, std::uint64_t number) {
    element();
    quoted_id(prefix, number);
}

void json_text_writer::quoted_id(char prefix, std::uint64_t number) {
    char text[24] = {'"', prefix};
    const auto end = std::to_chars(text + 2, text + sizeof text - 1, number).ptr;
    *end = '"';
    put(std::string_view(text, static_cast<std::size_t>(end + 1 - text)));
}

void json_text_writer::number(std::uint64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    put(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

void json_text_writer::quoted(std::string_view s) {
    if (out_.size() - used_ < s.size() + 2) grow(s.size() + 2);
    char* d = out_.data() + used_;
    d[0] = '"';
    std::memcpy(d + 1, s.data(), s.size());
    d[s.size() + 1] = '"';
    used_ += s.size() + 2;
}

void json_text_writer::value(std::uint64_t n) {
    element();
    number(n);
}

void json_text_writer::value(bool b) {
    element();
    if (b) {
        put("true");
    } else {
        put("false");
    }
}

void json_text_writer::value(double d) {
    element();
    if (d == 1.0) {
        put("1.0");
    } else {
        put(nlohmann::json(d).dump());
    }
}

void json_text_writer::string(std::string_view s) {
    // The common case: printable ASCII without '"' or '\\' (so valid UTF-8), nothing to escape.
    if (s.size() < chunk_size && plain_prefix(s.data(), s.data() + s.size()) == s.size()) {
        quoted(s);
        return;
    }
    if (!valid_utf8(s)) {  // nlohmann's own replacement of bad bytes, exactly
        put(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
    }
    put('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    static constexpr char hex[] = "0123456789abcdef";
    const char* const data = s.data();
    for (std::size_t i = 0; i < s.size(); ++i) {
        // at most a chunk at a time, so that a long text goes out in pieces
        i += plain_prefix(data + i, data + std::min(s.size(), i + chunk_size));
        if (sink_ != nullptr && used_ + (i - run) >= chunk_size) {  // what is made so far goes out
            put(std::string_view(data + run, i - run));
            run = i;
            flush();
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;  // a byte of a multi-byte character
        put(std::string_view(data + run, i - run));
        run = i + 1;
        switch (c) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\b': put("\\b"); break;
            case '\f': put("\\f"); break;
            case '\n': put("\\n"); break;
            case '\r': put("\\r"); break;
            case '\t': put("\\t"); break;
            default:
                put("\\u00");
                put(hex[c >> 4]);
                put(hex[c & 0xF]);
        }
    }
    put(std::string_view(data + run, s.size() - run));
    put('"');
}

}  // namespace argmap::render::detail
