#pragma once
// Values kept until the process ends and never destroyed. A command that is about to exit has no
// use for freeing a large map piece by piece: the system takes the whole address space back at
// once. (Destroying the map of a 10,000-element Argdown document cost about a twentieth of the
// whole `argmap map` run: bench/argdown-vs-cli.) The values stay reachable from here, so leak
// checkers (LeakSanitizer, valgrind) do not report them.

#include <type_traits>
#include <utility>
#include <vector>

namespace argmap::cli {

template <class T>
void keep_until_exit(T&& value) {
    using kept_type = std::remove_cvref_t<T>;
    static auto* const kept = new std::vector<kept_type*>();
    kept->push_back(new kept_type(std::forward<T>(value)));
}

}  // namespace argmap::cli
