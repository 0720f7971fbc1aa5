// The learned reconstruction against the hand rules on the same op-ed-sized texts, in one run:
// CPU time of each path (prose grammar, units, reconstruction, and the JSON line that batch mode
// writes), their ratio, and the time to read the model file.
//   usage: argmap_reconstruction_bench MODEL CORPUS.jsonl [MEGABYTES]   (default 50)
// The texts are made from the corpus's texts, eleven to a text as paragraphs (about an op-ed's
// length), repeated until MEGABYTES of text.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/reconstruction.hpp"
#include "engine/rules.hpp"
#include "grammar/prose_parser.hpp"
#include "render/json_document.hpp"

namespace {

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

template <typename Map>
double run(const std::vector<std::string>& texts, Map&& map_text, std::size_t& out_bytes) {
    const double start = cpu_seconds();
    out_bytes = 0;
    for (const auto& t : texts) {
        const auto parsed = argmap::grammar::parse_prose(t);
        if (!parsed.ok()) continue;
        out_bytes += argmap::render::write_json_line(map_text(*parsed.value), nlohmann::json("t")).size();
    }
    return cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: argmap_reconstruction_bench MODEL CORPUS.jsonl [MEGABYTES]\n");
        return 2;
    }
    const double megabytes = argc > 3 ? std::stod(argv[3]) : 50.0;
    const auto load_start = std::chrono::steady_clock::now();
    const auto model = argmap::engine::read_model_file(argv[1]);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();

    std::vector<std::string> corpus;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) corpus.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    if (corpus.empty()) return 1;
    std::vector<std::string> texts;
    std::size_t total = 0, k = 0;
    while (static_cast<double>(total) < megabytes * 1e6) {
        std::string t;
        for (int p = 0; p < 11; ++p) t += corpus[k++ % corpus.size()] + "\n\n";
        total += t.size();
        texts.push_back(std::move(t));
    }
    std::size_t rules_out = 0, learned_out = 0;
    const double rules = run(texts, [](const auto& doc) { return argmap::engine::reconstruct_by_rules(doc, "t"); },
                             rules_out);
    const double learned =
        run(texts, [&](const auto& doc) { return argmap::engine::reconstruct(doc, "t", model); }, learned_out);
    std::printf("texts: %zu, %.1f MB of prose (%zu bytes a text)\n", texts.size(), static_cast<double>(total) / 1e6,
                total / texts.size());
    std::printf("model file read in %.2f ms\n", load_ms);
    std::printf("hand rules: %.2f s CPU, %.2f MB/s\n", rules, static_cast<double>(total) / 1e6 / rules);
    std::printf("learned:    %.2f s CPU, %.2f MB/s\n", learned, static_cast<double>(total) / 1e6 / learned);
    std::printf("learned / rules CPU: %.2f\n", learned / rules);
    return 0;
}
