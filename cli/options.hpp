#pragma once
// Command-line arguments of the argmap command, parsed into plain values.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/input_limits.hpp"

namespace argmap::cli {

/// A usage error: the command line itself is wrong (exit status 2).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct options {
    std::string command;              ///< map, batch, compare, check, analyze
    std::vector<std::string> inputs;  ///< files, "-" for standard input
    std::string output;               ///< empty or "-": standard output
    std::string format;               ///< empty: from the output's extension, else svg
    std::string from;                 ///< empty: detect
    bool explain = false;             ///< print each relation's provenance
    std::string theme = "standard";   ///< map diagrams: standard, colorblind or print
    std::string direction = "down";   ///< map diagrams: down (main claim on top) or up
    bool exercise = false;            ///< map diagrams: a worksheet (boxes numbered, empty)
    bool answer_key = false;          ///< map diagrams: the worksheet's answer key
    std::uint64_t seed = 1;           ///< map exercises: the shuffle of the statement list
    unsigned dpi = 0;                 ///< map PNG: resolution (0: Graphviz's 96)
    unsigned jobs = 0;                ///< batch: worker threads (0: all cores)
    std::string semantics = "grounded";  ///< map, analyze: grounded, complete, preferred or stable
    bool no_status = false;           ///< map: no statuses in the outputs
    bool help = false;
    input_limits limits;              ///< --max-input-size, --max-units, --max-depth, --max-layout
};

/// Parses argv (without the program name). Throws usage_error.
[[nodiscard]] options parse_options(const std::vector<std::string>& args);

/// The help text of a command ("" for the overview).
[[nodiscard]] std::string help_text(const std::string& command);

/// The output format: --format if given, else the output file's extension, else `fallback`.
[[nodiscard]] std::string resolve_format(const options& o, const std::string& fallback);

}  // namespace argmap::cli
