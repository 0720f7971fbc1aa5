#include "engine/framework_formats.hpp"

#include <charconv>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace argmap::engine {

const char* to_string(framework_format f) noexcept {
    switch (f) {
        case framework_format::af: return "af";
        case framework_format::apx: return "apx";
        case framework_format::tgf: return "tgf";
    }
    return "af";
}

std::optional<framework_format> parse_framework_format(std::string_view s) noexcept {
    for (const auto f : {framework_format::af, framework_format::apx, framework_format::tgf})
        if (s == to_string(f)) return f;
    return std::nullopt;
}

std::optional<framework_format> framework_format_of_path(std::string_view path) noexcept {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
    return parse_framework_format(path.substr(dot + 1));
}

namespace {

constexpr std::size_t max_errors = 100;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }

/// The text line by line: each line without its '\n', its number (1-based) and where it starts.
class line_cursor {
public:
    explicit line_cursor(std::string_view text) : text_(text) {}
    bool next() {
        if (pos_ >= text_.size()) return false;
        const auto end = static_cast<const char*>(std::memchr(text_.data() + pos_, '\n', text_.size() - pos_));
        const auto stop = end ? static_cast<std::size_t>(end - text_.data()) : text_.size();
        line = text_.substr(pos_, stop - pos_);
        start = pos_;
        ++number_;
        pos_ = stop + 1;
        return true;
    }
    [[nodiscard]] std::size_t number() const noexcept { return number_; }
    std::string_view line;
    std::size_t start = 0;  ///< byte offset of the line in the text

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

/// Collects errors, at most max_errors (the last one saying that more were left out).
struct error_list {
    std::vector<diagnostic> errors;
    [[nodiscard]] bool full() const noexcept { return errors.size() >= max_errors; }
    /// An error at byte `at` of `line` (line number `number`).
    void add(std::size_t number, std::string_view line, std::size_t at, std::string message) {
        if (full()) return;
        std::size_t column = 1;
        for (std::size_t i = 0; i < at && i < line.size(); ++i)
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
        if (errors.size() + 1 == max_errors) message += " (and more errors, not listed)";
        errors.push_back({number, column, std::move(message)});
    }
};

std::size_t skip_blanks(std::string_view line, std::size_t at) {
    while (at < line.size() && is_blank(line[at])) ++at;
    return at;
}

/// A decimal number at line[at]: its value (saturated above 2^32) and the end of its digits.
struct number_read {
    std::uint64_t value = 0;
    std::size_t end = 0;
};
number_read read_number(std::string_view line, std::size_t at) {
    number_read n{0, at};
    while (n.end < line.size() && line[n.end] >= '0' && line[n.end] <= '9') {
        if (n.value <= 0xFFFFFFFFu) n.value = n.value * 10 + static_cast<unsigned>(line[n.end] - '0');
        ++n.end;
    }
    return n;
}

std::string quoted(std::string_view s) {
    constexpr std::size_t shown = 40;
    std::string q = "'";
    q += s.substr(0, shown);
    if (s.size() > shown) q += "...";
    q += '\'';
    return q;
}

/// The piece of a line that an error names: the line from `at`, up to the next blank.
std::string_view token_at(std::string_view line, std::size_t at) {
    auto end = at;
    while (end < line.size() && !is_blank(line[end])) ++end;
    return line.substr(at, end - at);
}

parse_result<named_framework> read_af(std::string_view text, std::uint32_t max_arguments) {
    error_list errors;
    std::optional<std::uint32_t> count;
    std::vector<attack> attacks;
    std::size_t lines = 1;
    for (auto p = text.data(), end = text.data() + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
        ++lines;
    attacks.reserve(lines);

    line_cursor cursor(text);
    while (cursor.next() && !errors.full()) {
        const auto line = cursor.line;
        const auto number = cursor.number();
        auto at = skip_blanks(line, 0);
        if (at == line.size() || line[at] == '#') continue;  // blank line or comment
        if (!count) {
            // The header: "p af N".
            if (line.substr(at, 1) != "p" || (at + 1 < line.size() && !is_blank(line[at + 1]))) {
                errors.add(number, line, at, "expected the header 'p af N' (N: the number of arguments) before the attacks");
                break;
            }
            at = skip_blanks(line, at + 1);
            if (line.substr(at, 2) != "af" || (at + 2 < line.size() && !is_blank(line[at + 2]))) {
                errors.add(number, line, at, "expected 'af' after 'p' (this reader takes abstract frameworks: 'p af N')");
                break;
            }
            at = skip_blanks(line, at + 2);
            const auto n = read_number(line, at);
            if (n.end == at) {
                errors.add(number, line, at, "expected the number of arguments after 'p af'");
                break;
            }
            if (n.value > max_arguments) {
                errors.add(number, line, at, "too many arguments: " + std::string(line.substr(at, n.end - at)) +
                                                 " (at most " + std::to_string(max_arguments) + ")");
                break;
            }
            at = skip_blanks(line, n.end);
            if (at != line.size()) {
                errors.add(number, line, at, "unexpected " + quoted(token_at(line, at)) + " after the header 'p af N'");
                break;
            }
            count = static_cast<std::uint32_t>(n.value);
            continue;
        }
        if (line[at] == 'p') {
            errors.add(number, line, at, "a second header: the file has one 'p af N' line, before the attacks");
            continue;
        }
        // An attack: "i j".
        std::uint32_t ends[2] = {0, 0};
        bool ok = true;
        for (int k = 0; k < 2 && ok; ++k) {
            if (k == 1) {
                const auto after = skip_blanks(line, at);
                if (after == at && at < line.size()) {
                    errors.add(number, line, at, "expected a blank between the two argument numbers of an attack");
                    ok = false;
                    break;
                }
                at = after;
            }
            const auto n = read_number(line, at);
            if (n.end == at) {
                errors.add(number, line, at,
                           at == line.size() ? std::string(k == 0 ? "expected an attack 'i j'" : "expected the attacked argument's number after the attacker's")
                                             : "expected an argument number, not " + quoted(token_at(line, at)));
                ok = false;
            } else if (n.value == 0 || n.value > *count) {
                errors.add(number, line, at, "argument " + std::string(line.substr(at, n.end - at)) + " does not exist (the header says 1 to " +
                                                 std::to_string(*count) + ")");
                ok = false;
            } else {
                ends[k] = static_cast<std::uint32_t>(n.value - 1);
                at = n.end;
            }
        }
        if (!ok) continue;
        at = skip_blanks(line, at);
        if (at != line.size()) {
            errors.add(number, line, at, "unexpected " + quoted(token_at(line, at)) + " after the attack (one attack 'i j' a line)");
            continue;
        }
        attacks.push_back({ends[0], ends[1]});
    }
    parse_result<named_framework> result;
    if (!count && errors.errors.empty())
        errors.add(cursor.number() == 0 ? 1 : cursor.number(), cursor.line, cursor.line.size(),
                   "no header 'p af N': the file has no framework");
    if (!errors.errors.empty()) {
        result.errors = std::move(errors.errors);
        return result;
    }
    result.value = named_framework{argumentation_framework(*count, attacks), {}};
    return result;
}

/// Names declared in an apx or tgf file, by their text.
class name_table {
public:
    /// false when the name was declared before
    bool declare(std::string_view name) {
        const auto [where, fresh] = index_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
        if (fresh) names_.emplace_back(name);
        return fresh;
    }
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view name) const {
        const auto it = index_.find(name);
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }
    [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
    std::vector<std::string> take() { return std::move(names_); }

private:
    std::unordered_map<std::string_view, std::uint32_t> index_;  // views into the text read
    std::vector<std::string> names_;
};

/// An attack named in the text, resolved once every argument is known.
struct named_attack {
    std::string_view attacker;
    std::string_view target;
};

parse_result<named_framework> finish(name_table& names, const std::vector<named_attack>& named, std::string_view text,
                                     error_list& errors, std::uint32_t max_arguments) {
    parse_result<named_framework> result;
    if (names.size() > max_arguments)
        errors.add(1, text, 0, "too many arguments: " + std::to_string(names.size()) + " (at most " + std::to_string(max_arguments) + ")");
    std::vector<attack> attacks;
    attacks.reserve(named.size());
    std::optional<text_locator> locator;
    for (const auto& a : named) {
        if (errors.full()) break;
        const auto from = names.find(a.attacker);
        const auto to = names.find(a.target);
        if (from && to) {
            attacks.push_back({*from, *to});
            continue;
        }
        if (!locator) locator.emplace(text);
        const auto unknown = from ? a.target : a.attacker;
        auto d = locator->locate(static_cast<std::size_t>(unknown.data() - text.data()),
                                 "attack on or by an argument never declared: " + quoted(unknown));
        errors.errors.push_back(std::move(d));
    }
    if (!errors.errors.empty()) {
        result.errors = std::move(errors.errors);
        return result;
    }
    const auto count = static_cast<std::uint32_t>(names.size());
    result.value = named_framework{argumentation_framework(count, attacks), names.take()};
    return result;
}

bool apx_name_char(char c) noexcept { return !is_blank(c) && c != '(' && c != ')' && c != ',' && c != '%'; }

parse_result<named_framework> read_apx(std::string_view text, std::uint32_t max_arguments) {
    error_list errors;
    name_table names;
    std::vector<named_attack> attacks;
    line_cursor cursor(text);
    while (cursor.next() && !errors.full()) {
        const auto line = cursor.line;
        const auto number = cursor.number();
        std::size_t at = 0;
        // Statements on the line, one after another: arg(a). att(a,b).
        while (true) {
            at = skip_blanks(line, at);
            if (at == line.size() || line[at] == '%') break;
            const auto keyword = line.substr(at, 3);
            if ((keyword != "arg" && keyword != "att") || line.substr(at + 3, 1) != "(") {
                errors.add(number, line, at, "expected 'arg(NAME).' or 'att(NAME,NAME).', not " + quoted(token_at(line, at)));
                break;
            }
            at += 4;
            std::string_view parts[2];
            const int wanted = keyword == "arg" ? 1 : 2;
            bool ok = true;
            for (int k = 0; k < wanted && ok; ++k) {
                at = skip_blanks(line, at);
                if (k == 1) {
                    if (line.substr(at, 1) != ",") {
                        errors.add(number, line, at, "expected ',' between the attacker and the attacked argument");
                        ok = false;
                        break;
                    }
                    at = skip_blanks(line, at + 1);
                }
                auto end = at;
                while (end < line.size() && apx_name_char(line[end])) ++end;
                // A name ends before its closing parenthesis; a '.' may stand inside a name.
                if (end == at) {
                    errors.add(number, line, at, "expected an argument name");
                    ok = false;
                }
                parts[k] = line.substr(at, end - at);
                at = end;
            }
            if (!ok) break;
            at = skip_blanks(line, at);
            if (line.substr(at, 1) != ")") {
                errors.add(number, line, at, wanted == 1 ? "expected ')' after the argument's name" : "expected ')' after the attacked argument's name");
                break;
            }
            at = skip_blanks(line, at + 1);
            if (line.substr(at, 1) != ".") {
                errors.add(number, line, at, "expected '.' at the end of the statement");
                break;
            }
            ++at;
            if (wanted == 1) {
                if (!names.declare(parts[0]))
                    errors.add(number, line, static_cast<std::size_t>(parts[0].data() - line.data()),
                               "argument " + quoted(parts[0]) + " is declared twice");
            } else {
                attacks.push_back({parts[0], parts[1]});
            }
        }
    }
    if (!errors.errors.empty()) {
        parse_result<named_framework> result;
        result.errors = std::move(errors.errors);
        return result;
    }
    return finish(names, attacks, text, errors, max_arguments);
}

parse_result<named_framework> read_tgf(std::string_view text, std::uint32_t max_arguments) {
    error_list errors;
    name_table names;
    std::vector<named_attack> attacks;
    bool in_attacks = false;  // after the line "#"
    line_cursor cursor(text);
    while (cursor.next() && !errors.full()) {
        const auto line = cursor.line;
        const auto number = cursor.number();
        const auto at = skip_blanks(line, 0);
        if (at == line.size()) continue;
        const auto first = token_at(line, at);
        if (first == "#") {
            if (in_attacks) errors.add(number, line, at, "a second '#' line: the file has one, between the arguments and the attacks");
            in_attacks = true;
            continue;
        }
        if (!in_attacks) {
            // An argument: its name, then perhaps a label (not kept).
            if (!names.declare(first)) errors.add(number, line, at, "argument " + quoted(first) + " is declared twice");
            continue;
        }
        const auto second_at = skip_blanks(line, at + first.size());
        if (second_at == line.size()) {
            errors.add(number, line, second_at, "expected the attacked argument's name after " + quoted(first));
            continue;
        }
        attacks.push_back({first, token_at(line, second_at)});  // an edge label after it is not kept
    }
    if (!errors.errors.empty()) {
        parse_result<named_framework> result;
        result.errors = std::move(errors.errors);
        return result;
    }
    return finish(names, attacks, text, errors, max_arguments);
}

void append_number(std::string& out, std::uint64_t n) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, end);
}

}  // namespace

parse_result<named_framework> read_framework(std::string_view text, framework_format f) {
    constexpr std::uint32_t max_arguments = 50'000'000;
    switch (f) {
        case framework_format::af: return read_af(text, max_arguments);
        case framework_format::apx: return read_apx(text, max_arguments);
        case framework_format::tgf: return read_tgf(text, max_arguments);
    }
    return {};
}

std::string write_framework(const named_framework& f, framework_format format) {
    const auto& af = f.framework;
    std::string out;
    switch (format) {
        case framework_format::af:
            out.reserve(16 + af.attack_count() * 16);
            out += "p af ";
            append_number(out, af.argument_count());
            out += '\n';
            if (!f.names.empty())
                for (std::uint32_t a = 0; a < af.argument_count(); ++a) {
                    out += "# ";
                    append_number(out, a + 1);
                    out += ' ';
                    out += f.names[a];
                    out += '\n';
                }
            for (std::uint32_t a = 0; a < af.argument_count(); ++a)
                for (const auto t : af.targets(a)) {
                    append_number(out, a + 1);
                    out += ' ';
                    append_number(out, std::uint64_t{t} + 1);
                    out += '\n';
                }
            break;
        case framework_format::apx:
            for (std::uint32_t a = 0; a < af.argument_count(); ++a) out += "arg(" + f.name(a) + ").\n";
            for (std::uint32_t a = 0; a < af.argument_count(); ++a)
                for (const auto t : af.targets(a)) out += "att(" + f.name(a) + ',' + f.name(t) + ").\n";
            break;
        case framework_format::tgf:
            for (std::uint32_t a = 0; a < af.argument_count(); ++a) out += f.name(a) + '\n';
            out += "#\n";
            for (std::uint32_t a = 0; a < af.argument_count(); ++a)
                for (const auto t : af.targets(a)) out += f.name(a) + ' ' + f.name(t) + '\n';
            break;
    }
    return out;
}

}  // namespace argmap::engine
