#include "cli/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace argmap::cli {

std::string read_input(const std::string& path, std::size_t limit) {
    std::string data;
    if (path == "-") {
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (data.size() > limit)
                throw file_error("-: error: input is more than the limit of " + std::to_string(limit) + " bytes (--max-input-size)");
        }
        return data;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw file_error(path + ": error: is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw file_error(path + ": error: cannot read: " + std::strerror(errno));
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > 0 && static_cast<std::size_t>(size) > limit)
        throw file_error(path + ": error: input is " + std::to_string(static_cast<std::size_t>(size)) +
                         " bytes, more than the limit of " + std::to_string(limit) + " bytes (--max-input-size)");
    in.seekg(0, std::ios::beg);
    if (size > 0) {  // one allocation of the right size (a growing string peaks at twice the file)
        data.resize(static_cast<std::size_t>(size));
        in.read(data.data(), size);
        data.resize(static_cast<std::size_t>(in.gcount()));
    }
    // what a file of unknown size (a pipe) or one that grew while reading holds beyond that
    data.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw file_error(path + ": error: cannot read: " + std::strerror(errno));
    return data;
}

void write_output(const std::string& path, std::string_view data) {
    write_output(path, [&](std::ostream& out) { out.write(data.data(), static_cast<std::streamsize>(data.size())); });
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        write(std::cout);
        std::cout.flush();
        if (!std::cout) throw file_error("-: error: cannot write to standard output");
        return;
    }
    const std::string tmp = path + ".argmap-tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw file_error(path + ": error: cannot write: " + std::strerror(errno));
        write(out);
        out.close();
        if (!out) {
            std::remove(tmp.c_str());
            throw file_error(path + ": error: cannot write: " + std::strerror(errno));
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw file_error(path + ": error: cannot write: " + ec.message());
    }
}

}  // namespace argmap::cli
