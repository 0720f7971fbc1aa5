#include "engine/dung_semantics.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace argmap::engine {

const char* to_string(label l) noexcept {
    switch (l) {
        case label::in: return "in";
        case label::out: return "out";
        case label::undecided: return "undecided";
    }
    return "undecided";
}

const char* to_string(semantics s) noexcept {
    switch (s) {
        case semantics::grounded: return "grounded";
        case semantics::complete: return "complete";
        case semantics::preferred: return "preferred";
        case semantics::stable: return "stable";
    }
    return "grounded";
}

std::optional<semantics> parse_semantics(std::string_view s) noexcept {
    for (const auto candidate : {semantics::grounded, semantics::complete, semantics::preferred, semantics::stable})
        if (s == to_string(candidate)) return candidate;
    return std::nullopt;
}

namespace {

/// How far ahead the propagation asks for the memory it will read: far enough that the wait for
/// one argument's data overlaps the work on the arguments before it.
constexpr std::size_t prefetch_distance = 16;

/// The grounded labelling, level by level: the arguments accepted in one round make their targets
/// out, those targets' targets lose a live attacker, and the ones left with none are the next
/// round's accepted. Each argument's state is one word: the number of its attackers not yet out
/// below two flags, `out` and `in`, so that a step touches one place per argument; a word that
/// drops to zero (count zero, no flag) has just lost its last live attacker. Each round runs as
/// flat loops over lists of argument numbers, each asking for the memory of the entry
/// prefetch_distance ahead: a random framework's arguments lie all over memory, and the waits
/// for them then overlap instead of following one another.
template <class Word>
labelling grounded_by_rounds(const argumentation_framework& af) {
    constexpr Word out_flag = Word{1} << (sizeof(Word) * 8 - 1);
    constexpr Word in_flag = Word{1} << (sizeof(Word) * 8 - 2);
    const auto n = af.argument_count();
    std::vector<Word> state(n);
    std::vector<std::uint32_t> accepted, hit, rejected, weakened;
    for (std::uint32_t a = 0; a < n; ++a) {
        state[a] = af.attacker_count(a);
        if (state[a] == 0) {
            state[a] = in_flag;
            accepted.push_back(a);
        }
    }
    // The targets of every argument in `from`, appended to `to`.
    const auto all_targets = [&](const std::vector<std::uint32_t>& from, std::vector<std::uint32_t>& to) {
        to.clear();
        for (std::size_t i = 0; i < from.size(); ++i) {
            if (i + 2 * prefetch_distance < from.size()) af.prefetch_targets(from[i + 2 * prefetch_distance]);
            if (i + prefetch_distance < from.size()) {
                const auto ahead = af.targets(from[i + prefetch_distance]);
                __builtin_prefetch(ahead.data());
            }
            const auto targets = af.targets(from[i]);
            to.insert(to.end(), targets.begin(), targets.end());
        }
    };
    while (!accepted.empty()) {
        all_targets(accepted, hit);
        rejected.clear();
        for (std::size_t i = 0; i < hit.size(); ++i) {
            if (i + prefetch_distance < hit.size()) __builtin_prefetch(&state[hit[i + prefetch_distance]]);
            const auto t = hit[i];
            if (state[t] & out_flag) continue;
            state[t] |= out_flag;  // t cannot have been in: its attacker was never out
            rejected.push_back(t);
        }
        all_targets(rejected, weakened);
        accepted.clear();
        for (std::size_t i = 0; i < weakened.size(); ++i) {
            if (i + prefetch_distance < weakened.size()) __builtin_prefetch(&state[weakened[i + prefetch_distance]]);
            const auto u = weakened[i];
            if (--state[u] == 0) {  // an out or in argument never reaches zero
                state[u] = in_flag;
                accepted.push_back(u);
            }
        }
    }
    labelling labels(n);
    for (std::uint32_t a = 0; a < n; ++a)
        labels[a] = (state[a] & in_flag) ? label::in : (state[a] & out_flag) ? label::out : label::undecided;
    return labels;
}

}  // namespace

labelling grounded_labelling(const argumentation_framework& af) {
    // The count must stay below the flags: 32-bit words hold counts below 2^30.
    if (af.attack_count() < (std::size_t{1} << 30)) return grounded_by_rounds<std::uint32_t>(af);
    return grounded_by_rounds<std::uint64_t>(af);
}

namespace {

/// The labels of a partial labelling: label's three values, and not labelled yet.
constexpr std::uint8_t in_ = static_cast<std::uint8_t>(label::in);
constexpr std::uint8_t out_ = static_cast<std::uint8_t>(label::out);
constexpr std::uint8_t undecided_ = static_cast<std::uint8_t>(label::undecided);
constexpr std::uint8_t unknown_ = 3;

/// Finds the complete labellings (or, with undecided labels forbidden, the stable ones) that
/// extend the labels fixed so far. A labelling is complete when every argument is in exactly when
/// all its attackers are out, and out exactly when one of them is in. Each argument's attackers
/// are counted by label, so that what a label forces is seen without reading them again: an
/// argument whose attackers are all out must be in; one with an attacker in must be out; an out
/// argument whose attackers but one are out or undecided needs that one in; and so on.
class labelling_search {
public:
    labelling_search(const argumentation_framework& af, bool undecided_allowed, search_limit limit)
        : af_(af), attackers_(af), undecided_allowed_(undecided_allowed), limit_(limit),
          labels_(af.argument_count(), unknown_), counts_(af.argument_count()) {
        for (std::uint32_t a = 0; a < af.argument_count(); ++a) counts_[a][unknown_] = af.attacker_count(a);
        // Every complete labelling accepts what the grounded one accepts and rejects what it
        // rejects: those labels are fixed from the start.
        const auto grounded = grounded_labelling(af);
        for (std::uint32_t a = 0; a < af.argument_count(); ++a)
            if (grounded[a] != label::undecided) consistent_ = consistent_ && assign(a, static_cast<std::uint8_t>(grounded[a]));
        consistent_ = consistent_ && propagate();
    }

    /// Fixes a's label for the searches that follow; false when no labelling allows it.
    bool fix(std::uint32_t a, label l) {
        consistent_ = consistent_ && assign(a, static_cast<std::uint8_t>(l)) && propagate();
        return consistent_;
    }

    /// Where the labels fixed so far end; undo_to(mark()) takes back the fixes made after it.
    [[nodiscard]] std::size_t mark() const noexcept { return trail_.size(); }
    void undo_to(std::size_t mark) {
        while (trail_.size() > mark) {
            const auto a = trail_.back();
            trail_.pop_back();
            for (const auto t : af_.targets(a)) {
                --counts_[t][labels_[a]];
                ++counts_[t][unknown_];
            }
            labels_[a] = unknown_;
        }
        queue_.clear();
        consistent_ = true;
    }

    /// Calls visit with each labelling that extends the fixed labels, until it returns false.
    /// Arguments are labelled in index order, in before out before undecided.
    void run(const std::function<bool(const labelling&)>& visit) {
        if (!consistent_) return;
        const std::size_t base = mark();
        const std::uint8_t value_count = undecided_allowed_ ? 3 : 2;
        struct decision {
            std::uint32_t argument;
            std::uint8_t next_value;
            std::size_t mark;
        };
        std::vector<decision> decisions;
        std::uint32_t cursor = 0;
        const auto n = af_.argument_count();
        labelling found(n);
        bool descend = true;
        while (true) {
            if (descend) {
                while (cursor < n && labels_[cursor] != unknown_) ++cursor;
                if (cursor == n) {
                    for (std::uint32_t a = 0; a < n; ++a) found[a] = static_cast<label>(labels_[a]);
                    if (!visit(found)) break;
                } else {
                    decisions.push_back({cursor, 0, mark()});
                }
            }
            // Try the next value of the innermost decision that has one left.
            descend = false;
            while (!decisions.empty() && !descend) {
                auto& d = decisions.back();
                if (d.next_value == value_count) {
                    undo_to(d.mark);
                    decisions.pop_back();
                    continue;
                }
                undo_to(d.mark);
                const auto value = d.next_value++;
                if (assign(d.argument, value) && propagate()) {
                    cursor = d.argument;
                    descend = true;
                }
            }
            if (!descend) break;
        }
        undo_to(base);
    }

    /// The first labelling run() finds, if any.
    std::optional<labelling> first() {
        std::optional<labelling> result;
        run([&](const labelling& l) {
            result = l;
            return false;
        });
        return result;
    }

private:
    /// Labels a (or finds it already so); false on a contradiction.
    bool assign(std::uint32_t a, std::uint8_t value) {
        if (labels_[a] == value) return true;
        if (labels_[a] != unknown_) return false;
        if (value == undecided_ && !undecided_allowed_) return false;
        if (limit_.steps != 0 && ++steps_ > limit_.steps)
            throw search_limit_exceeded("the search for " + std::string(undecided_allowed_ ? "complete" : "stable") +
                                        " labellings took more than " + std::to_string(limit_.steps) + " steps");
        labels_[a] = value;
        trail_.push_back(a);
        for (const auto t : af_.targets(a)) {
            --counts_[t][unknown_];
            ++counts_[t][value];
        }
        queue_.push_back(a);
        return true;
    }

    /// Derives what the labels assigned since the last call force; false on a contradiction.
    bool propagate() {
        bool ok = true;
        while (ok && !queue_.empty()) {
            const auto a = queue_.back();
            queue_.pop_back();
            ok = check(a);
            for (const auto t : af_.targets(a)) {
                if (!ok) break;
                ok = check(t);
            }
        }
        queue_.clear();
        return ok;
    }

    /// The one attacker of x not labelled yet (its count says there is exactly one).
    [[nodiscard]] std::uint32_t unlabelled_attacker(std::uint32_t x) const {
        for (const auto b : attackers_.attackers(x))
            if (labels_[b] == unknown_) return b;
        return x;  // not reached
    }

    /// Whether x's label can still agree with its attackers' labels; labels what that forces.
    bool check(std::uint32_t x) {
        const auto& c = counts_[x];
        switch (labels_[x]) {
            case unknown_:
                if (c[in_] > 0) return assign(x, out_);
                if (c[unknown_] == 0 && c[undecided_] == 0) return assign(x, in_);
                return true;
            case in_:
                if (c[in_] > 0 || c[undecided_] > 0) return false;
                if (c[unknown_] > 0)
                    for (const auto b : attackers_.attackers(x))
                        if (!assign(b, out_)) return false;
                for (const auto t : af_.targets(x))
                    if (!assign(t, out_)) return false;
                return true;
            case out_:
                if (c[in_] > 0) return true;
                if (c[unknown_] == 0) return false;
                if (c[unknown_] == 1) return assign(unlabelled_attacker(x), in_);
                return true;
            default:  // undecided: no attacker in, and not all of them out
                if (c[in_] > 0) return false;
                if (c[undecided_] > 0) return true;
                if (c[unknown_] == 0) return false;
                if (c[unknown_] == 1) return assign(unlabelled_attacker(x), undecided_);
                return true;
        }
    }

    const argumentation_framework& af_;
    attacker_index attackers_;
    bool undecided_allowed_;
    search_limit limit_;
    std::uint64_t steps_ = 0;
    std::vector<std::uint8_t> labels_;
    std::vector<std::array<std::uint32_t, 4>> counts_;  ///< attackers of each argument, by label
    std::vector<std::uint32_t> trail_;                  ///< labelled arguments, in order
    std::vector<std::uint32_t> queue_;                  ///< labelled, consequences not yet drawn
    bool consistent_ = true;
};

bool is_in(const labelling& l, std::uint32_t a) { return l[a] == label::in; }

/// Whether every argument that `smaller` accepts, `larger` accepts too.
bool accepts_all_of(const labelling& larger, const labelling& smaller) {
    for (std::size_t a = 0; a < smaller.size(); ++a)
        if (smaller[a] == label::in && larger[a] != label::in) return false;
    return true;
}

std::vector<labelling> preferred_labellings(const argumentation_framework& af, search_limit limit) {
    std::vector<labelling> complete;
    labelling_search(af, true, limit).run([&](const labelling& l) {
        complete.push_back(l);
        return true;
    });
    const auto accepted = [](const labelling& l) { return std::count(l.begin(), l.end(), label::in); };
    std::stable_sort(complete.begin(), complete.end(),
                     [&](const labelling& x, const labelling& y) { return accepted(x) > accepted(y); });
    std::vector<labelling> preferred;
    for (auto& l : complete) {
        const bool dominated = std::any_of(preferred.begin(), preferred.end(), [&](const labelling& p) {
            return accepted(p) > accepted(l) && accepts_all_of(p, l);
        });
        if (!dominated) preferred.push_back(std::move(l));
    }
    return preferred;
}

}  // namespace

void for_each_labelling(const argumentation_framework& af, semantics s,
                        const std::function<bool(const labelling&)>& visit, search_limit limit) {
    switch (s) {
        case semantics::grounded: visit(grounded_labelling(af)); return;
        case semantics::complete: labelling_search(af, true, limit).run(visit); return;
        case semantics::stable: labelling_search(af, false, limit).run(visit); return;
        case semantics::preferred:
            for (const auto& l : preferred_labellings(af, limit))
                if (!visit(l)) return;
            return;
    }
}

std::vector<labelling> all_labellings(const argumentation_framework& af, semantics s, search_limit limit) {
    std::vector<labelling> all;
    for_each_labelling(af, s, [&](const labelling& l) {
        all.push_back(l);
        return true;
    }, limit);
    return all;
}

std::optional<labelling> some_labelling(const argumentation_framework& af, semantics s, search_limit limit) {
    switch (s) {
        case semantics::grounded: return grounded_labelling(af);
        case semantics::complete: return labelling_search(af, true, limit).first();
        case semantics::stable: return labelling_search(af, false, limit).first();
        case semantics::preferred: break;
    }
    // Grow a complete labelling: while some undecided argument can be accepted together with
    // everything accepted so far, take a complete labelling that does so. An argument that
    // cannot be is never tried again (the accepted set only grows).
    labelling_search search(af, true, limit);
    auto current = search.first();  // a complete labelling always exists
    if (!current) throw engine_error("no complete labelling found");
    std::vector<bool> hopeless(af.argument_count(), false);
    for (std::uint32_t x = 0; x < af.argument_count(); ++x) {
        if ((*current)[x] != label::undecided || hopeless[x]) continue;
        const auto m = search.mark();
        bool possible = search.fix(x, label::in);
        for (std::uint32_t a = 0; possible && a < af.argument_count(); ++a)
            if ((*current)[a] == label::in) possible = search.fix(a, label::in);
        auto larger = possible ? search.first() : std::nullopt;
        search.undo_to(m);
        if (larger) {
            current = std::move(larger);
            x = static_cast<std::uint32_t>(-1);  // look again from the start
        } else {
            hopeless[x] = true;
        }
    }
    return current;
}

bool credulously_accepted(const argumentation_framework& af, semantics s, std::uint32_t a, search_limit limit) {
    if (s == semantics::grounded) return grounded_labelling(af)[a] == label::in;
    // Preferred: every complete labelling is contained in a preferred one.
    labelling_search search(af, s != semantics::stable, limit);
    return search.fix(a, label::in) && search.first().has_value();
}

bool sceptically_accepted(const argumentation_framework& af, semantics s, std::uint32_t a, search_limit limit) {
    switch (s) {
        case semantics::grounded:
        case semantics::complete: return grounded_labelling(af)[a] == label::in;
        case semantics::stable: {
            labelling_search search(af, false, limit);
            return !(search.fix(a, label::out) && search.first().has_value());
        }
        case semantics::preferred: break;
    }
    if (grounded_labelling(af)[a] == label::in) return true;
    const auto preferred = preferred_labellings(af, limit);
    return std::all_of(preferred.begin(), preferred.end(), [&](const labelling& l) { return is_in(l, a); });
}

std::optional<labelling> sceptical_labelling(const argumentation_framework& af, semantics s, search_limit limit) {
    if (s == semantics::grounded || s == semantics::complete) return grounded_labelling(af);
    std::optional<labelling> agreed;
    for_each_labelling(af, s, [&](const labelling& l) {
        if (!agreed) {
            agreed = l;
        } else {
            for (std::size_t a = 0; a < l.size(); ++a)
                if ((*agreed)[a] != l[a]) (*agreed)[a] = label::undecided;
        }
        return true;
    }, limit);
    return agreed;
}

}  // namespace argmap::engine
