#pragma once
// Reading inputs and writing outputs for the command line, "-" meaning the standard streams.

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace argmap::cli {

/// An input or output file that cannot be used (exit status 1). what() is the whole message.
struct file_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The whole content of a file, or of standard input for "-". Refuses directories and inputs
/// larger than `limit` bytes (the message names --max-input-size).
[[nodiscard]] std::string read_input(const std::string& path, std::size_t limit = std::size_t{1} << 30);

/// Writes data to a file (through a temporary file renamed into place, so that a failed run
/// leaves no half-written output), or to standard output for "" and "-".
void write_output(const std::string& path, std::string_view data);

/// The same for output made piece by piece: `write` writes it to the stream it is given.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace argmap::cli
