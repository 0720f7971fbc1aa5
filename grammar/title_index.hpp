#pragma once
// Titles to small numbers, without a heap node per entry (open addressing, linear probing): the
// Argdown parser and its mapping look a title up for every element of a document, and a node-based
// std::unordered_map spent more time in malloc and free than in looking up.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace argmap::grammar::detail {

class title_index {
public:
    /// What find() gives for a title that is not in the index.
    static constexpr std::uint32_t absent = 0xFFFFFFFFu;

    explicit title_index(std::size_t expected = 0) { reserve(expected); }

    /// Room for `expected` titles without growing.
    void reserve(std::size_t expected) {
        std::size_t n = 16;
        while (!fits(expected, n)) n *= 2;
        if (n > slots_.size()) rehash(n);
    }

    /// The value of `title`, or absent.
    [[nodiscard]] std::uint32_t find(std::string_view title) const noexcept {
        const auto h = hash(title);
        for (std::size_t i = h & mask(); slots_[i].value != absent; i = (i + 1) & mask()) {
            if (slots_[i].hash == h && slots_[i].title == title) return slots_[i].value;
        }
        return absent;
    }

    /// Adds title → value (not absent) unless the title is there already. Returns the value the
    /// title has after the call. The index views `title`: it must outlive the index.
    std::uint32_t insert(std::string_view title, std::uint32_t value) {
        if (!fits(size_ + 1, slots_.size())) rehash(slots_.size() * 2);
        const auto h = hash(title);
        std::size_t i = h & mask();
        for (; slots_[i].value != absent; i = (i + 1) & mask()) {
            if (slots_[i].hash == h && slots_[i].title == title) return slots_[i].value;
        }
        slots_[i] = slot{title, value, h};
        ++size_;
        return value;
    }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

private:
    struct slot {
        std::string_view title;
        std::uint32_t value = absent;  ///< absent: the slot is empty
        std::uint32_t hash = 0;
    };

    /// At most three slots in four used: short probe runs, and a third less memory than half.
    static constexpr bool fits(std::size_t titles, std::size_t slots) noexcept { return titles * 4 <= slots * 3; }

    /// Eight bytes at a time, each word mixed in by a multiply (titles are short: a word or two;
    /// std::hash's out-of-line byte hash cost as much again as the lookups around it).
    static std::uint32_t hash(std::string_view title) noexcept {
        const char* p = title.data();
        std::size_t n = title.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
        auto mix = [&h](std::uint64_t w) {
            h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        };
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            mix(w);
        }
        if (n != 0) {
            std::uint64_t w = 0;
            for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
            mix(w);
        }
        h *= 0xC4CEB9FE1A85EC53ULL;
        return static_cast<std::uint32_t>(h >> 32);
    }
    [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }

    void rehash(std::size_t n) {
        std::vector<slot> old(n);
        old.swap(slots_);
        for (const auto& s : old) {
            if (s.value == absent) continue;
            std::size_t i = s.hash & mask();
            while (slots_[i].value != absent) i = (i + 1) & mask();
            slots_[i] = s;
        }
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace argmap::grammar::detail
