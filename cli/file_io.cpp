#include "cli/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fcntl.h>     // AT_FDCWD
#include <sys/stat.h>  // lstat
#include <unistd.h>    // unlink

namespace argmap::cli {
namespace {

/// Puts the finished temporary file `tmp` in the place of `path`, atomically: a reader sees the
/// old file or the new one, never a part. Where `path` exists, the two are swapped (renameat2
/// with RENAME_EXCHANGE) and the old content, now under the temporary name, is removed. A plain
/// rename over an existing file makes ext4 (auto_da_alloc) start writing the new file to disk
/// before the rename returns, which for a 7 MB JSON document took longer than making it
/// (bench/argdown-vs-cli); the swap keeps the atomicity without that wait. Where the file system
/// cannot swap, or `path` is not a regular file (a directory must not be swapped away), a plain
/// rename. False with errno set on failure.
bool replace_file(const std::string& tmp, const std::string& path) {
    struct stat existing {};
    if (::lstat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
        ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
        ::unlink(tmp.c_str());  // the old content; failing to remove it loses nothing
        return true;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace

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
        try {
            write(out);
        } catch (...) {  // no half-written temporary left behind
            out.close();
            std::remove(tmp.c_str());
            throw;
        }
        out.close();
        if (!out) {
            std::remove(tmp.c_str());
            throw file_error(path + ": error: cannot write: " + std::strerror(errno));
        }
    }
    if (!replace_file(tmp, path)) {
        const int error = errno;
        std::remove(tmp.c_str());
        throw file_error(path + ": error: cannot write: " + std::strerror(error));
    }
}

}  // namespace argmap::cli
