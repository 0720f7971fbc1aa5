#pragma once
// An output file that a second thread writes: the command hands each piece over and goes on
// making the next one while the system copies the last (for a 6 MB JSON document the writes took
// about 2 ms of a 30 ms run). At most two pieces wait, so memory stays bounded.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>

namespace argmap::cli {

class background_file : public std::streambuf {
public:
    /// Creates (or truncates) the file. ok() says whether that worked; errno_value() why not.
    explicit background_file(const std::string& path);
    /// Finishes the writes (see close()); an error not asked for is lost.
    ~background_file() override;
    background_file(const background_file&) = delete;
    background_file& operator=(const background_file&) = delete;

    /// Writes what is still waiting, stops the thread and closes the file. False when any write
    /// or the close failed (errno_value() says why).
    bool close();
    [[nodiscard]] bool ok() const noexcept { return fd_ >= 0 && error_.load() == 0; }
    [[nodiscard]] int errno_value() const noexcept { return error_.load(); }

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int_type overflow(int_type c) override;
    int sync() override;

private:
    static constexpr std::size_t piece_size = std::size_t{256} << 10;
    void hand_over();  ///< queues the piece being filled, waiting while two are queued
    void run();        ///< the writing thread

    int fd_ = -1;
    std::string piece_;  ///< being filled by the command
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::string> queue_;  ///< guarded by mutex_
    bool closing_ = false;           ///< guarded by mutex_
    std::atomic<int> error_ = 0;     ///< the first errno (from either thread)
    std::thread thread_;
};

}  // namespace argmap::cli
