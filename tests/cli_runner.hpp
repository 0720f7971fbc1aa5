#pragma once
// Runs the argmap binary for command-line tests and captures what it prints.

#include <string>

namespace argmap::test {

struct run_result {
    int status = -1;      ///< exit status
    std::string out;      ///< standard output
    std::string err;      ///< standard error
};

/// Runs `argmap ARGS` through the shell (ARGS is shell-quoted by the caller), with `input` on
/// standard input.
run_result run_argmap(const std::string& args, const std::string& input = "");

/// A fresh temporary directory for one test, removed when the process ends.
std::string temp_dir();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& data);

}  // namespace argmap::test
