#include "grammar/argdown_includes.hpp"

#include <algorithm>

namespace argmap::grammar {
namespace {

constexpr std::string_view include_keyword = "@include(";

/// White space within a line, and the line break that ends it.
bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

/// A line that is one include, alone: its paths with their columns (1-based, in bytes: an
/// include line's paths are located before any code point is counted), or nothing.
struct include_line {
    std::vector<std::pair<std::string_view, std::size_t>> paths;
    std::size_t column = 1;  ///< of the '@'
};

std::optional<include_line> read_include_line(std::string_view line) {
    std::size_t at = 0;
    while (at < line.size() && is_blank(line[at])) ++at;
    if (line.substr(at, include_keyword.size()) != include_keyword) return std::nullopt;
    const std::size_t close = line.find(')', at);
    if (close == std::string_view::npos || !trim(line.substr(close + 1)).empty()) return std::nullopt;
    include_line out;
    out.column = at + 1;
    std::size_t start = at + include_keyword.size();
    while (start <= close) {
        std::size_t end = line.find(',', start);
        if (end == std::string_view::npos || end > close) end = close;
        std::size_t b = start;
        while (b < end && is_blank(line[b])) ++b;
        const std::string_view path = trim(line.substr(b, end - b));
        if (!path.empty()) out.paths.emplace_back(path, b + 1);
        start = end + 1;
    }
    return out;
}

/// "file:line:column: ", the place of a message inside an included file.
std::string where(const std::string& file, std::size_t line, std::size_t column) {
    return file + ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
}

class include_expander {
public:
    include_expander(const include_resolver& resolve, expanded_argdown& out, std::size_t max_size)
        : resolve_(resolve), out_(out), max_size_(max_size) {}

    void expand(std::string_view text, const std::string& name) {
        chain_.push_back(name);
        std::size_t file_line = 1;
        for (std::size_t pos = 0; pos < text.size(); ++file_line) {
            const std::size_t nl = text.find('\n', pos);
            const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
            const std::string_view line = text.substr(pos, end - pos);
            pos = end;
            if (auto include = read_include_line(line)) {
                for (const auto& [path, column] : include->paths) {
                    if (chain_.size() == 1) {  // an include of the document itself
                        top_line_ = file_line;
                        top_column_ = column;
                    }
                    include_file(name, path, file_line, column);
                }
                continue;
            }
            emit(line, name, file_line);
        }
        chain_.pop_back();
    }

private:
    const include_resolver& resolve_;
    expanded_argdown& out_;
    std::size_t max_size_;
    bool too_long_ = false;
    std::vector<std::string> chain_;  ///< the files being expanded, outermost first
    std::size_t top_line_ = 0;        ///< the document's include being expanded: its line
    std::size_t top_column_ = 0;      ///< and the column of its path
    std::size_t out_line_ = 1;        ///< the line of out_.text that the next line starts

    void error(const std::string& file, std::size_t line, std::size_t column, std::string message) {
        if (chain_.size() == 1) {
            out_.errors.push_back({line, column, std::move(message)});
        } else {
            out_.errors.push_back({top_line_, top_column_, "in " + where(file, line, column) + message});
        }
    }

    void include_file(const std::string& from, std::string_view path, std::size_t line, std::size_t column) {
        auto found = resolve_(from, path);
        if (!found) {
            error(from, line, column, "cannot read the included file '" + std::string(path) + "'");
            return;
        }
        const auto again = std::find(chain_.begin(), chain_.end(), found->name);
        if (again != chain_.end()) {
            std::string cycle;
            for (auto i = again; i != chain_.end(); ++i) cycle += *i + " -> ";
            error(from, line, column, "include cycle: " + cycle + found->name);
            return;
        }
        if (chain_.size() >= max_include_depth) {
            error(from, line, column, "includes nested more than " + std::to_string(max_include_depth) + " deep");
            return;
        }
        if (out_.text.size() + found->text.size() > max_size_) {
            if (!too_long_) error(from, line, column, "the included files make the document longer than " + std::to_string(max_size_) + " bytes");
            too_long_ = true;  // said once: every include after it would say it again
            return;
        }
        expand(found->text, found->name);
        if (!out_.text.empty() && out_.text.back() != '\n') {  // its last line ends where it ends
            out_.text.push_back('\n');
            ++out_line_;
        }
    }

    void emit(std::string_view line, const std::string& file, std::size_t file_line) {
        auto& origins = out_.origins;
        const bool own = chain_.size() == 1;
        const bool continues = !origins.empty() && origins.back().file == file &&
                               origins.back().file_first_line + (out_line_ - origins.back().first_line) == file_line &&
                               origins.back().include_line == (own ? 0 : top_line_);
        if (!continues) origins.push_back({out_line_, file, file_line, own ? 0 : top_line_, own ? 0 : top_column_});
        out_.text.append(line);
        if (!line.empty() && line.back() == '\n') ++out_line_;
    }
};

}  // namespace

engine::diagnostic expanded_argdown::locate(engine::diagnostic d) const {
    if (origins.empty()) return d;
    auto it = std::upper_bound(origins.begin(), origins.end(), d.line,
                               [](std::size_t line, const included_lines& o) { return line < o.first_line; });
    if (it == origins.begin()) return d;
    --it;
    const std::size_t line = it->file_first_line + (d.line - it->first_line);
    if (it->include_line == 0) {
        d.line = line;
        return d;
    }
    return {it->include_line, it->include_column, "in " + where(it->file, line, d.column) + d.message};
}

expanded_argdown expand_argdown_includes(std::string text, const std::string& name, const include_resolver& resolve,
                                         std::size_t max_size) {
    expanded_argdown out;
    if (text.find(include_keyword) == std::string::npos) {
        out.text = std::move(text);
        return out;
    }
    out.text.reserve(text.size());
    include_expander(resolve, out, max_size).expand(text, name);
    return out;
}

}  // namespace argmap::grammar
