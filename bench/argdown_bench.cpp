// Throughput of the Argdown notation path on generated documents of 1,000 to 50,000 elements
// (statements and arguments, about 180 bytes each): parsing alone, parsing and mapping into the
// model, and the whole job of `argmap map FILE.argdown -o FILE.json` in-process (parse, map,
// JSON). Bytes processed are the input's, so the bytes_per_second column is input MB/s.
//
//   argmap_argdown_bench --benchmark_counters_tabular=true
//   argmap_argdown_bench --write-document N FILE   # writes the N-element document (for the
//                                                  # end-to-end comparison, bench/argdown-vs-cli)

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "argdown_document_generator.hpp"
#include "grammar/argdown_mapping.hpp"
#include "grammar/argdown_parser.hpp"
#include "render/json_document.hpp"

namespace {

using namespace argmap;

const std::string& document(std::size_t elements) {
    static std::map<std::size_t, std::string> cache;
    auto it = cache.find(elements);
    if (it == cache.end()) it = cache.emplace(elements, bench::argdown_document_generator().document(elements)).first;
    return it->second;
}

void BM_parse(benchmark::State& state) {
    const auto& text = document(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto r = grammar::parse_argdown(text);
        if (!r.ok()) state.SkipWithError("the generated document has errors");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_parse_map(benchmark::State& state) {
    const auto& text = document(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto r = grammar::read_argdown(text, "bench.argdown");  // copies the text, as a caller keeping it would
        if (!r.ok()) state.SkipWithError("the generated document has errors");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_parse_map_json(benchmark::State& state) {
    const auto& text = document(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto r = grammar::read_argdown(text, "bench.argdown");  // copies the text, as a caller keeping it would
        if (!r.ok()) state.SkipWithError("the generated document has errors");
        auto json = render::write_json(*r.value, true);
        benchmark::DoNotOptimize(json);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

#define ARGMAP_SIZES ->Arg(1000)->Arg(5000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond)
BENCHMARK(BM_parse) ARGMAP_SIZES;
BENCHMARK(BM_parse_map) ARGMAP_SIZES;
BENCHMARK(BM_parse_map_json) ARGMAP_SIZES;

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--write-document") == 0) {
        const auto n = std::strtoull(argv[2], nullptr, 10);
        std::ofstream out(argv[3], std::ios::binary);
        out << bench::argdown_document_generator().document(static_cast<std::size_t>(n));
        return out ? 0 : 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
