#include "engine/reconstruction_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace argmap::engine {
namespace {

constexpr std::string_view magic = "argmap-reconstruction-model";
constexpr const char* classifier_names[] = {"main-claim", "attack", "attachment"};
constexpr std::size_t classifiers = std::size(classifier_names);

std::string format_weight(double w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", w);
    return buf;
}

double parse_double(std::string_view s, std::size_t line) {
    // strtod on a copy: from_chars for doubles is locale-free but wants an exact token
    std::string copy(s);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(v))
        throw model_error("line " + std::to_string(line) + ": expected a number, found \"" + copy + "\"");
    return v;
}

std::size_t parse_count(std::string_view s, std::size_t line) {
    std::size_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size())
        throw model_error("line " + std::to_string(line) + ": expected a count, found \"" + std::string(s) + "\"");
    return v;
}

std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        const auto b = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i > b) out.push_back(line.substr(b, i - b));
    }
    return out;
}

}  // namespace

double linear_classifier::score(const feature_list& features) const {
    double s = bias;
    for (const auto& f : features)
        if (const auto it = weights.find(f.name); it != weights.end()) s += it->second * f.value;
    return s;
}

double linear_classifier::probability(const feature_list& features) const {
    return 1.0 / (1.0 + std::exp(-score(features)));
}

double linear_classifier::weight(const std::string& name) const {
    const auto it = weights.find(name);
    return it == weights.end() ? 0.0 : it->second;
}

std::uint64_t fnv1a64(std::string_view bytes) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string write_model(const reconstruction_model& model) {
    std::string out = std::string(magic) + ' ' + std::to_string(reconstruction_model::format_version) + '\n';
    if (!model.comment.empty()) out += "# " + model.comment + '\n';
    const linear_classifier* parts[] = {&model.main_claim, &model.attack, &model.attachment};
    for (std::size_t k = 0; k < classifiers; ++k) {
        std::vector<std::pair<std::string, double>> sorted(parts[k]->weights.begin(), parts[k]->weights.end());
        std::sort(sorted.begin(), sorted.end());
        out += std::string("classifier ") + classifier_names[k] + " bias " + format_weight(parts[k]->bias) +
               " features " + std::to_string(sorted.size()) + '\n';
        for (const auto& [name, w] : sorted) out += format_weight(w) + ' ' + name + '\n';
    }
    char sum[32];
    std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(fnv1a64(out)));
    out += std::string("checksum ") + sum + '\n';
    return out;
}

reconstruction_model parse_model(std::string_view text) {
    reconstruction_model model;
    std::size_t pos = 0, line_no = 0;
    auto next_line = [&](std::string_view& line) {
        if (pos >= text.size()) return false;
        const auto nl = text.find('\n', pos);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        line = text.substr(pos, end - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line_no;
        return true;
    };
    auto fail = [&](const std::string& what) { throw model_error("line " + std::to_string(line_no) + ": " + what); };
    std::string_view line;
    if (!next_line(line)) throw model_error("the model file is empty");
    {
        const auto f = fields(line);
        if (f.size() != 2 || f[0] != magic) fail("not an argmap reconstruction model");
        if (parse_count(f[1], line_no) != static_cast<std::size_t>(reconstruction_model::format_version))
            fail("model format version " + std::string(f[1]) + ", this argmap reads version " +
                 std::to_string(reconstruction_model::format_version));
    }
    linear_classifier* parts[] = {&model.main_claim, &model.attack, &model.attachment};
    std::size_t part = 0;
    while (next_line(line)) {
        if (line.starts_with("# ")) {
            if (model.comment.empty()) model.comment = std::string(line.substr(2));
            continue;
        }
        const auto f = fields(line);
        if (!f.empty() && f[0] == "checksum") {
            if (part != classifiers) fail("checksum before all the classifiers");
            const auto body = text.substr(0, pos - line.size() - 1);
            char want[32];
            std::snprintf(want, sizeof want, "%016llx", static_cast<unsigned long long>(fnv1a64(body)));
            if (f.size() != 2 || f[1] != want) fail("checksum mismatch: the model file is damaged");
            return model;
        }
        if (part >= classifiers || f.size() != 6 || f[0] != "classifier" || f[1] != classifier_names[part] || f[2] != "bias" ||
            f[4] != "features")
            fail(part < classifiers ? std::string("expected \"classifier ") + classifier_names[part] + " bias B features N\""
                          : "expected the checksum line");
        auto& c = *parts[part++];
        c.bias = parse_double(f[3], line_no);
        const auto count = parse_count(f[5], line_no);
        c.weights.reserve(count);
        for (std::size_t k = 0; k < count; ++k) {
            if (!next_line(line)) throw model_error("the model file is cut short (line " + std::to_string(line_no) + ")");
            const auto space = line.find(' ');
            if (space == std::string_view::npos || space + 1 >= line.size()) fail("expected a weight and a feature name");
            c.weights.emplace(std::string(line.substr(space + 1)), parse_double(line.substr(0, space), line_no));
        }
    }
    throw model_error("the model file is cut short: no checksum line");
}

reconstruction_model read_model_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw model_error("cannot read the reconstruction model " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    try {
        return parse_model(ss.str());
    } catch (const model_error& e) {
        throw model_error(path + ": " + e.what());
    }
}

}  // namespace argmap::engine
