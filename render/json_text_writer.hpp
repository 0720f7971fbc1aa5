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

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::render::detail {

class json_text_writer {
public:
    json_text_writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}
    /// How much text the streaming writer gathers before it hands it to the sink: large enough
    /// that writing costs few system calls, small enough to add little to peak memory.
    static constexpr std::size_t chunk_size = std::size_t{256} << 10;

    /// Also hands the text written so far to `sink` whenever it passes about chunk_size bytes
    /// (then `out` holds only what is not handed over yet; call flush() at the end).
    json_text_writer(std::string& out, bool pretty, std::ostream& sink) : out_(out), pretty_(pretty), sink_(&sink) {}
    void flush();

    void begin_object() { open('{', true); }
    void end_object() { close('}'); }
    void begin_array() { open('[', false); }
    void end_array() { close(']'); }
    /// The next member's key (inside an object).
    void key(std::string_view k);
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

    std::string& out_;
    bool pretty_;
    std::vector<level> stack_;
    std::ostream* sink_ = nullptr;
};

}  // namespace argmap::render::detail
