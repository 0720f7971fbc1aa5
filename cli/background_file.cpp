#include "cli/background_file.hpp"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace argmap::cli {

background_file::background_file(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        error_ = errno;
        return;
    }
    piece_.reserve(piece_size);
    thread_ = std::thread([this] { run(); });
}

background_file::~background_file() { close(); }

std::streamsize background_file::xsputn(const char* s, std::streamsize n) {
    auto left = static_cast<std::size_t>(n);
    while (left > 0) {
        const auto room = piece_size - piece_.size();
        const auto take = left < room ? left : room;
        piece_.append(s, take);
        s += take;
        left -= take;
        if (piece_.size() == piece_size) hand_over();
    }
    return n;
}

background_file::int_type background_file::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
}

int background_file::sync() {
    if (!piece_.empty()) hand_over();
    return ok() ? 0 : -1;
}

void background_file::hand_over() {
    std::string piece;
    piece.reserve(piece_size);
    piece.swap(piece_);
    if (!thread_.joinable()) return;  // the file could not be opened: nothing is written
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < 2; });
    queue_.push_back(std::move(piece));
    changed_.notify_all();
}

void background_file::run() {
    for (;;) {
        std::string piece;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
            if (queue_.empty()) return;  // closing, and all written
            piece = std::move(queue_.front());
            queue_.pop_front();
            changed_.notify_all();
        }
        const char* p = piece.data();
        std::size_t left = piece.size();
        while (left > 0 && error_.load() == 0) {
            const auto written = ::write(fd_, p, left);
            if (written < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                break;
            }
            p += written;
            left -= static_cast<std::size_t>(written);
        }
    }
}

bool background_file::close() {
    if (fd_ < 0) return false;
    sync();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (::close(fd_) != 0 && error_.load() == 0) error_ = errno;
    fd_ = -1;
    return error_.load() == 0;
}

}  // namespace argmap::cli
