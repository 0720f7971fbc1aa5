#include "cli/input_format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/file_io.hpp"
#include "cli/text_mapping.hpp"
#include "grammar/argdown_includes.hpp"
#include "grammar/argdown_mapping.hpp"
#include "render/aif_document.hpp"
#include "render/json_document.hpp"

namespace argmap::cli {
namespace {

std::string extension(const std::string& path) {
    const auto dot = path.rfind('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string_view trim_left(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return s;
}

std::string json_flavour(std::string_view text) {
    auto v = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (v.is_object() && v.contains("format") && v["format"] == "argmap") return "json";
    if (v.is_object() && (v.contains("nodes") || v.contains("AIF"))) return "aif";
    return "json";  // not readable as either: the argmap reader says what is wrong
}

/// The files an Argdown document includes, relative to the folder of the file that includes them
/// (to the working directory for standard input), named by their normalised paths.
grammar::include_resolver argdown_include_files(std::size_t limit) {
    return [limit](const std::string& from, std::string_view path) -> std::optional<grammar::included_file> {
        namespace fs = std::filesystem;
        const fs::path base = from == "-" ? fs::path() : fs::path(from).parent_path();
        const fs::path file = (base / fs::path(std::string(path))).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) return std::nullopt;
        try {
            return grammar::included_file{file.string(), read_input(file.string(), limit)};
        } catch (const file_error&) {
            return std::nullopt;
        }
    };
}

/// Reads an Argdown document with the files it includes; diagnostics in an included file name it.
engine::parse_result<engine::argument_map> read_argdown_file(std::string text, const std::string& name, std::size_t limit,
                                                             std::vector<engine::diagnostic>& warnings) {
    const std::string identity = name == "-" ? name : std::filesystem::path(name).lexically_normal().string();
    auto expanded = grammar::expand_argdown_includes(std::move(text), identity, argdown_include_files(limit), limit);
    if (!expanded.errors.empty()) {
        engine::parse_result<engine::argument_map> failed;
        failed.errors = std::move(expanded.errors);
        return failed;
    }
    auto result = grammar::read_argdown_owning(std::move(expanded.text), name, &warnings);
    if (!expanded.origins.empty()) {
        for (auto& e : result.errors) e = expanded.locate(std::move(e));
        for (auto& w : warnings) w = expanded.locate(std::move(w));
    }
    return result;
}

/// Whether a line (without its line break) is one that only Argdown writes.
bool argdown_line(std::string_view line) {
    std::string_view l = line;
    std::size_t indent = 0;
    while (indent < l.size() && (l[indent] == ' ' || l[indent] == '\t')) ++indent;
    l.remove_prefix(indent);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) return false;
    if (indent == 0 && l == "===") return true;
    const char open = l.front();
    if (open == '[' || open == '<') {
        const char close = open == '[' ? ']' : '>';
        const auto end = l.find(close);
        if (end != std::string_view::npos && end > 1) {
            const auto rest = trim_left(l.substr(end + 1));
            if ((!rest.empty() && rest.front() == ':') || (open == '<' && rest.empty())) return true;
        }
    }
    if (indent > 0) {
        for (std::string_view sym : {"<+ ", "+> ", "<- ", "-> ", "<_ ", "_> ", ">< "})
            if (l.substr(0, 3) == sym) return true;
        if (l.size() > 2 && (l[0] == '+' || l[0] == '-' || l[0] == '_') && l[1] == ' ' && (l[2] == '[' || l[2] == '<')) return true;
    }
    return false;
}

/// "(1) text": a numbered line, Argdown's only when an inference line "----" comes too.
bool numbered_line(std::string_view l) {
    if (l.size() < 4 || l[0] != '(' || !std::isdigit(static_cast<unsigned char>(l[1]))) return false;
    const auto close = l.find(')');
    return close != std::string_view::npos && close + 1 < l.size() && l[close + 1] == ' ' &&
           std::all_of(l.begin() + 1, l.begin() + static_cast<std::ptrdiff_t>(close),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool inference_line(std::string_view l) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l.size() >= 4 && std::all_of(l.begin(), l.end(), [](char c) { return c == '-'; });
}

bool looks_like_argdown(std::string_view text) {
    std::size_t looked = 0;
    bool numbered = false, inference = false;
    while (!text.empty() && looked < 2000) {  // the first lines decide; a long text is not scanned whole
        const auto nl = text.find('\n');
        const auto line = text.substr(0, std::min(nl, std::size_t{4096}));
        if (argdown_line(line)) return true;
        numbered = numbered || numbered_line(line);
        inference = inference || inference_line(line);
        if (numbered && inference) return true;
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
        ++looked;
    }
    return false;
}

}  // namespace

std::string detect_input_format(const std::string& path, std::string_view text, const std::string& from) {
    if (!from.empty()) return from;
    const auto ext = extension(path);
    if (ext == "argdown" || ext == "ad") return "argdown";
    if (ext == "txt" || ext == "text") return "prose";
    const auto start = trim_left(text);
    if (ext == "json" || ext == "aif" || (!start.empty() && start.front() == '{')) return json_flavour(text);
    return looks_like_argdown(text) ? "argdown" : "prose";
}

read_map_result read_map(std::string text, const std::string& name, const std::string& format,
                         const input_limits& limits) {
    read_map_result out;
    if (format == "prose") {
        out.map = map_prose(text, name, limits);
        return out;
    }
    if (format == "argdown") {
        out.map = read_argdown_file(std::move(text), name, limits.max_input_bytes, out.warnings);
    } else if (format == "json") {
        out.map = render::read_json(text);
    } else {
        out.map = render::read_aif(text, name);
    }
    if (out.map.value) check_map(name, *out.map.value, limits);
    return out;
}

std::string format_warnings(const std::string& name, const std::vector<engine::diagnostic>& warnings) {
    return format_diagnostics(name, warnings, "warning");
}

}  // namespace argmap::cli
