#include <algorithm>
#include <atomic>
#include <iostream>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/text_mapping.hpp"
#include "engine/diagnostic.hpp"
#include "render/json_document.hpp"

namespace argmap::cli {
namespace {

struct batch_line {
    std::size_t line_number = 0;  // 1-based, in the input file
    std::string_view content;
    std::string output;           // the output line, without newline
    std::string errors;           // formatted diagnostics for standard error
};

/// One input line to one output line. Bad lines give an output line with "errors" and no map.
void process(const std::string& input_name, batch_line& item, const input_limits& limits) {
    const std::string where = input_name + ':' + std::to_string(item.line_number);
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(item.content);
    } catch (const nlohmann::json::parse_error& e) {
        const auto col = e.byte > 0 ? e.byte : 1;
        const auto d = engine::locate(item.content, col - 1, "not a JSON object: " + std::string(e.what()));
        item.errors = where + ':' + std::to_string(d.column) + ": error: " + d.message + '\n';
        item.output = nlohmann::json{{"id", nullptr}, {"errors", {d.message}}}.dump(-1, ' ', false,
                                                                                  nlohmann::json::error_handler_t::replace);
        return;
    }
    // an id nested deeper than ids sensibly are is not copied (copying recurses per level)
    nlohmann::json id = record.is_object() && record.contains("id") &&
                                render::nesting_within(record["id"], render::max_id_depth)
                            ? record["id"]
                            : nlohmann::json(nullptr);
    auto fail = [&](const std::string& message) {
        item.errors += where + ":1: error: " + message + '\n';
        nlohmann::json doc{{"id", id}, {"format", "argmap"}, {"version", 1}, {"errors", {message}}};
        item.output = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    if (!record.is_object()) return fail("expected an object {\"id\": ..., \"text\": ...}");
    if (!record.contains("text") || !record["text"].is_string()) return fail("expected a string \"text\"");
    const auto& text = record["text"].get_ref<const std::string&>();
    const std::string name = id.is_string() ? id.get<std::string>() : id.dump();
    engine::parse_result<engine::argument_map> result;
    try {
        result = map_prose(text, name, limits);
    } catch (const limit_error& e) {
        // "name: error: message": the line's own error, the batch goes on
        const std::string what = e.what();
        const auto at = what.find(": error: ");
        return fail(at == std::string::npos ? what : what.substr(at + 9));
    }
    if (!result.ok()) {
        std::string message;
        for (const auto& d : result.errors) {
            item.errors += where + ": error: text " + std::to_string(d.line) + ':' + std::to_string(d.column) + ": " +
                           d.message + '\n';
            message += (message.empty() ? "" : "; ") + d.message;
        }
        nlohmann::json doc{{"id", id}, {"format", "argmap"}, {"version", 1}, {"errors", {message}}};
        item.output = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    item.output = render::write_json_line(*result.value, id);
}

}  // namespace

int run_batch(const options& o) {
    const auto& input = o.inputs.front();
    const std::string data = read_input(input, o.limits.max_input_bytes);

    std::vector<batch_line> items;
    std::size_t line_number = 0, pos = 0;
    while (pos < data.size()) {
        auto end = data.find('\n', pos);
        if (end == std::string::npos) end = data.size();
        ++line_number;
        std::string_view line(data.data() + pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) items.push_back({line_number, line, {}, {}});
        pos = end + 1;
    }

    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, items.size())));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < items.size();) process(input, items[i], o.limits);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();

    std::string out;
    bool failed = false;
    for (const auto& item : items) {
        out += item.output;
        out += '\n';
        if (!item.errors.empty()) {
            std::cerr << item.errors;
            failed = true;
        }
    }
    write_output(o.output, out);
    return failed ? 1 : 0;
}

}  // namespace argmap::cli
