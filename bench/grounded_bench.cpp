// The grounded labelling in memory, and the .af reader on a text in memory, on random frameworks
// of 10^5, 10^6 and 10^7 attacks (bench/framework_generator.hpp). Counters: attacks per second,
// and milliseconds per million attacks.
//   build/bench/argmap_grounded_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "engine/dung_semantics.hpp"
#include "engine/framework_formats.hpp"
#include "framework_generator.hpp"

namespace {

using namespace argmap;

const engine::argumentation_framework& framework(std::int64_t attacks, bench::framework_shape shape) {
    static std::map<std::pair<std::int64_t, bench::framework_shape>, engine::argumentation_framework> made;
    auto& f = made[{attacks, shape}];
    if (f.attack_count() == 0) {
        const auto g = bench::generate_framework(static_cast<std::uint64_t>(attacks), shape);
        f = engine::argumentation_framework(g.arguments, g.attacks);
    }
    return f;
}

void report(benchmark::State& state, std::size_t attacks) {
    state.counters["attacks/s"] = benchmark::Counter(static_cast<double>(attacks), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["ms/M attacks"] = benchmark::Counter(static_cast<double>(attacks) / 1e9,  // ns per attack = ms per million
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void grounded(benchmark::State& state, bench::framework_shape shape) {
    const auto& af = framework(state.range(0), shape);
    for (auto _ : state) benchmark::DoNotOptimize(engine::grounded_labelling(af));
    report(state, af.attack_count());
}

void read_af(benchmark::State& state, bench::framework_shape shape) {
    const auto text = engine::write_framework({framework(state.range(0), shape), {}}, engine::framework_format::af);
    for (auto _ : state) benchmark::DoNotOptimize(engine::read_framework(text, engine::framework_format::af));
    report(state, framework(state.range(0), shape).attack_count());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

}  // namespace

BENCHMARK_CAPTURE(grounded, debate, bench::framework_shape::debate)->RangeMultiplier(10)->Range(100000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grounded, uniform, bench::framework_shape::uniform)->RangeMultiplier(10)->Range(100000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_af, debate, bench::framework_shape::debate)->RangeMultiplier(10)->Range(100000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
