#pragma once
// Writes JSON text directly into a string without building a JSON value first: for documents
// whose value would take several times the memory of their text. Strings are escaped as
// nlohmann::json::dump escapes them (ensure_ascii off, invalid UTF-8 replaced). Two layouts:
//
// - compact: exactly dump()'s compact text, no white space at all;
// - pretty: the document's own members and the elements of its top-level arrays each on a line
//   of their own, indented by 2; anything nested deeper (a statement, a relation) on one line,
//   with ", " and ": " between its parts, as the JSON contract in DESIGN.md shows it:
//
//       {
//         "statements": [
//           {"id": "s1", "text": "...", "spans": [[612, 678]], "central": true},
//           ...

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::render::detail {

class json_text_writer {
public:
    /// Appends to `out`. The text is complete in `out` once the writer is gone (or after flush()).
    json_text_writer(std::string& out, bool pretty) : out_(out), used_(out.size()), pretty_(pretty) {
        out_.resize(out_.capacity());  // write into what the caller reserved
    }
    /// How much text the streaming writer gathers before it hands it to the sink: large enough
    /// that writing costs few system calls and the file system takes it in large pieces (256 KB
    /// wrote a 5.8 MB document about 0.5 ms faster than 64 KB), small enough to add little to
    /// peak memory.
    static constexpr std::size_t chunk_size = std::size_t{256} << 10;

    /// Also hands the text written so far to `sink` whenever it passes about chunk_size bytes
    /// (then `out` holds only what is not handed over yet; call flush() at the end).
    json_text_writer(std::string& out, bool pretty, std::ostream& sink) : json_text_writer(out, pretty) { sink_ = &sink; }
    ~json_text_writer() { out_.resize(used_); }
    json_text_writer(const json_text_writer&) = delete;
    json_text_writer& operator=(const json_text_writer&) = delete;
    /// Streaming: hands what is written so far to the sink. Otherwise: makes `out` hold it all.
    void flush();

    void begin_object() { open('{', true); }
    void end_object() { close('}'); }
    void begin_array() { open('[', false); }
    void end_array() { close(']'); }
    /// The next member's key (inside an object).
    void key(std::string_view k);
    /// The same for a key of the document's own, a literal of printable ASCII without '"' or
    /// '\\', written as it is (no check of its bytes; its length known when compiling).
    template <std::size_t N>
    void known_key(const char (&k)[N]) {
        separator(stack_.back());
        char text[N + 3] = {'"'};
        std::memcpy(text + 1, k, N - 1);
        text[N] = '"';
        text[N + 1] = ':';
        text[N + 2] = ' ';
        put(std::string_view(text, pretty_ ? N + 3 : N + 2));
    }
    /// A string value of the document's own (a type name), under the same condition.
    void known_value(std::string_view s);
    /// A string value made of a letter and a number ("s12"): the ids of statements and relations.
    void id_value(char prefix, std::uint64_t number);
    /// An array of two-number arrays ("spans": [[0, 3], [5, 9]]), from each item's pair of
    /// numbers as `as_pair(item)` gives it: the same text as begin_array, begin_array, value,
    /// value, end_array, ..., end_array, written in one go.
    template <class Range, class AsPair>
    void number_pairs(const Range& items, AsPair as_pair) {
        if (pretty_ && !inner_one_line()) {  // laid out over lines: the general way
            begin_array();
            for (const auto& item : items) {
                const auto [a, b] = as_pair(item);
                begin_array();
                value(std::uint64_t{a});
                value(std::uint64_t{b});
                end_array();
            }
            end_array();
            return;
        }
        one_line_array(items, [&](const auto& item) {
            const auto [a, b] = as_pair(item);
            put('[');
            number(std::uint64_t{a});
            put_comma();
            number(std::uint64_t{b});
            put(']');
        });
    }
    /// An array of ids made of a letter and a number (["s1", "s2"]), in one go as number_pairs.
    template <class Range, class Number>
    void id_array(char prefix, const Range& items, Number number_of) {
        if (pretty_ && !inner_one_line()) {
            begin_array();
            for (const auto& item : items) id_value(prefix, number_of(item));
            end_array();
            return;
        }
        one_line_array(items, [&](const auto& item) { quoted_id(prefix, number_of(item)); });
    }
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(std::uint64_t n);
    void value(bool b);
    void value(double d);

private:
    struct level {
        bool object;
        bool empty;
        bool one_line;  ///< pretty layout: this container is written on one line
    };
    /// Containers opened this deep (the document is depth 0) are written on one line.
    static constexpr std::size_t one_line_depth = 2;
    void separator(level& l);  ///< before a member or an element of l
    void open(char c, bool object);
    void close(char c);
    void element();  ///< before an array element or a top-level value
    void newline(std::size_t depth);
    void string(std::string_view s);
    void quoted(std::string_view s);  ///< s between quotes, as it is
    void quoted_id(char prefix, std::uint64_t number);  ///< "s12"
    void number(std::uint64_t n);
    /// Whether a container opened now would be written on one line.
    [[nodiscard]] bool inner_one_line() const noexcept {
        return stack_.size() >= one_line_depth || (!stack_.empty() && stack_.back().one_line);
    }
    /// An array on one line, each item written by `write_item`.
    template <class Range, class WriteItem>
    void one_line_array(const Range& items, WriteItem write_item) {
        element();
        put('[');
        bool first = true;
        for (const auto& item : items) {
            if (!first) put_comma();
            first = false;
            write_item(item);
        }
        put(']');
    }
    /// The separator between the elements of a one-line array.
    void put_comma() {
        if (pretty_) {
            put(", ");
        } else {
            put(',');
        }
    }

    // `out_` is used as a raw buffer: its size is how far it has been made room in (grown
    // geometrically, zeroed once), `used_` how much of that holds text.
    void put(char c) {
        if (used_ == out_.size()) grow(1);
        out_[used_++] = c;
    }
    void put(std::string_view s) {
        if (out_.size() - used_ < s.size()) grow(s.size());
        std::memcpy(out_.data() + used_, s.data(), s.size());
        used_ += s.size();
    }
    template <std::size_t N>
    void put(const char (&s)[N]) {  // a literal: copied by a few moves, not a call
        if (out_.size() - used_ < N - 1) grow(N - 1);
        std::memcpy(out_.data() + used_, s, N - 1);
        used_ += N - 1;
    }
    void grow(std::size_t n) { out_.resize(std::max(out_.size() * 2, used_ + n + 256)); }

    std::string& out_;
    std::size_t used_;
    bool pretty_;
    std::vector<level> stack_;
    std::ostream* sink_ = nullptr;
};

}  // namespace argmap::render::detail
