#include "cli/input_limits.hpp"

#include <charconv>
#include <limits>

#include "cli/options.hpp"
#include "engine/map_metrics.hpp"

namespace argmap::cli {

std::size_t parse_limit(const std::string& flag, const std::string& value, bool with_suffix) {
    std::size_t n = 0;
    const char* const end = value.data() + value.size();
    const auto [p, ec] = std::from_chars(value.data(), end, n);
    unsigned shift = 0;
    if (with_suffix && p + 1 == end) {
        switch (*p) {
            case 'k': case 'K': shift = 10; break;
            case 'm': case 'M': shift = 20; break;
            case 'g': case 'G': shift = 30; break;
            default: break;
        }
    }
    const bool whole = ec == std::errc{} && (p == end || (shift != 0 && p + 1 == end));
    if (!whole || n == 0 || (shift && n > (std::numeric_limits<std::size_t>::max() >> shift)))
        throw usage_error(flag + " needs a whole number above 0" + (with_suffix ? std::string(" (K, M, G allowed)") : "") +
                          ", not '" + value + "'");
    return n << shift;
}

void check_units(const std::string& name, std::size_t count, const input_limits& limits, const char* what) {
    if (count > limits.max_units)
        throw limit_error(name + ": error: input has " + std::to_string(count) + ' ' + what +
                          ", more than the limit of " + std::to_string(limits.max_units) + " (--max-units)");
}

void check_map(const std::string& name, const engine::argument_map& map, const input_limits& limits) {
    check_units(name, map.statements().size(), limits);
    if (const auto depth = engine::map_depth(map); depth > limits.max_depth)
        throw limit_error(name + ": error: the reasoning nests " + std::to_string(depth) +
                          " levels deep, more than the limit of " + std::to_string(limits.max_depth) + " (--max-depth)");
}

void check_layout(const std::string& name, const engine::argument_map& map, const input_limits& limits) {
    if (map.statements().size() > limits.max_layout)
        throw limit_error(name + ": error: the map has " + std::to_string(map.statements().size()) +
                          " statements to lay out, more than the limit of " + std::to_string(limits.max_layout) +
                          " (--max-layout); write --format dot or json, or raise the limit");
}

std::string limits_help() {
    const input_limits d;
    return "limits (exceeding one is an error naming it; each takes a whole number):\n"
           "  --max-input-size N  bytes of an input file (K, M, G allowed; default " +
           std::to_string(d.max_input_bytes >> 20) + "M)\n"
           "  --max-units N       statements in a map, units of a text (default " + std::to_string(d.max_units) + ")\n"
           "  --max-depth N       levels of nested reasoning (default " + std::to_string(d.max_depth) + ")\n"
           "  --max-layout N      statements Graphviz lays out for svg, png, pdf (default " +
           std::to_string(d.max_layout) + ")\n";
}

}  // namespace argmap::cli
