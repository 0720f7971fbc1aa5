#pragma once
// The lookup behind the marker symbols table (the Lookup parameter of x3::symbols_parser): a trie
// that reads the text the way the lexicon is written. It folds ASCII case, reads any run of white
// space (line breaks and no-break spaces included) as one space, and reads the typographic
// apostrophes ’ and ‘ as ', so "On the\n  other hand" and "That’s why" find their entries. The
// longest key that matches and ends where a word ends wins ("as too" finds "as", although "as to"
// is a longer key that the text starts with). No Spirit types: the grammar plugs it in.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace argmap::grammar::parser {

template <typename T>
class folding_trie {
public:
    folding_trie() : nodes_(1) {}

    /// Adds a key (already folded or not); the first value added for a key stays.
    template <typename Iterator, typename Value>
    T* add(Iterator first, Iterator last, Value const& value) {
        std::uint32_t node = 0;
        bool any = false;
        for (Iterator i = first; i != last;) {
            auto [c, next] = fold(i, last);
            node = child_or_new(node, c);
            i = next;
            any = true;
        }
        if (!any) return nullptr;
        if (!nodes_[node].value) nodes_[node].value.emplace(value);
        return &*nodes_[node].value;
    }

    /// Longest key that the text at first spells; advances first past it.
    template <typename Iterator, typename CaseCompare>
    T const* find(Iterator& first, Iterator last, CaseCompare const&) const {
        std::uint32_t node = 0;
        T const* found = nullptr;
        Iterator found_end = first;
        for (Iterator i = first; i != last;) {
            auto [c, next] = fold(i, last);
            const auto child = child_of(node, c);
            if (!child) break;
            node = *child;
            i = next;
            // a key counts only where a word ends: "as too" finds "as", not the prefix of "as to"
            if (nodes_[node].value && !(is_ascii_alnum(c) && i != last && is_ascii_alnum(static_cast<unsigned char>(*i)))) {
                found = &*nodes_[node].value;
                found_end = i;
            }
        }
        if (found) first = found_end;
        return found;
    }

    void clear() { nodes_.assign(1, node_type{}); }

private:
    struct node_type {
        std::vector<std::pair<unsigned char, std::uint32_t>> children;  // sorted by byte
        std::optional<T> value;
    };

    static bool is_ascii_alnum(unsigned char c) noexcept {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static bool is_fold_space(unsigned char c) noexcept {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    }

    /// The folded byte at i and where the next one starts.
    template <typename Iterator>
    static std::pair<unsigned char, Iterator> fold(Iterator i, Iterator last) {
        auto byte = [](Iterator it) { return static_cast<unsigned char>(*it); };
        auto at = [&](Iterator it, std::ptrdiff_t n) -> int {  // byte n ahead, or -1 past the end
            for (; n > 0; --n) {
                if (it == last) return -1;
                ++it;
            }
            return it == last ? -1 : byte(it);
        };
        const unsigned char c = byte(i);
        Iterator next = i;
        if (is_fold_space(c) || (c == 0xC2 && at(i, 1) == 0xA0)) {
            while (next != last) {
                if (is_fold_space(byte(next))) {
                    ++next;
                } else if (byte(next) == 0xC2 && at(next, 1) == 0xA0) {
                    next = std::next(next, 2);
                } else {
                    break;
                }
            }
            return {' ', next};
        }
        if (c == 0xE2 && at(i, 1) == 0x80 && (at(i, 2) == 0x98 || at(i, 2) == 0x99)) return {'\'', std::next(i, 3)};
        ++next;
        return {c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c, next};
    }

    std::optional<std::uint32_t> child_of(std::uint32_t node, unsigned char c) const {
        const auto& ch = nodes_[node].children;
        const auto it = std::lower_bound(ch.begin(), ch.end(), c, [](const auto& p, unsigned char b) { return p.first < b; });
        if (it == ch.end() || it->first != c) return std::nullopt;
        return it->second;
    }

    std::uint32_t child_or_new(std::uint32_t node, unsigned char c) {
        if (auto existing = child_of(node, c)) return *existing;
        const auto index = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        auto& ch = nodes_[node].children;
        const auto it = std::lower_bound(ch.begin(), ch.end(), c, [](const auto& p, unsigned char b) { return p.first < b; });
        ch.insert(it, {c, index});
        return index;
    }

    std::vector<node_type> nodes_;
};

}  // namespace argmap::grammar::parser
