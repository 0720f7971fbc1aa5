#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace argmap::test {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& data) {
    std::ofstream out(path, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string temp_dir() {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("argmap-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(dir);
    static struct cleanup {
        std::vector<std::filesystem::path> dirs;
        ~cleanup() {
            std::error_code ec;
            for (auto& d : dirs) std::filesystem::remove_all(d, ec);
        }
    } dirs;
    dirs.dirs.push_back(dir);
    return dir.string();
}

run_result run_argmap(const std::string& args, const std::string& input) {
    const auto dir = temp_dir();
    const auto in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
    write_file(in, input);
    const std::string cmd = std::string("'") + ARGMAP_BINARY + "' " + args + " <'" + in + "' >'" + out + "' 2>'" + err + "'";
    const int raw = std::system(cmd.c_str());
    run_result r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

}  // namespace argmap::test
