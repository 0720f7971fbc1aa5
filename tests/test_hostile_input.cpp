// Hostile files, generated at test time: random bytes, a 100 MB file of one line, 100,000 nested
// relations in notation, 10,000-way linked premises in an argmap JSON document. Each runs in a
// child process, whose exit status, message, wall time and peak memory (getrusage of the child)
// are checked. Peak memory bounds come on top of what the test process held at the fork (which a
// child's peak includes). Bounds are for this machine's normal build; a sanitizer build gets more room.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "cli/input_limits.hpp"
#include "cli_runner.hpp"
#include "engine/map_metrics.hpp"
#include "grammar/argdown_parser.hpp"
#include "render/dot_builder.hpp"
#include "render/json_document.hpp"

using argmap::test::read_file;
using argmap::test::temp_dir;
using argmap::test::write_file;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr double room = 6.0;  // ASan + UBSan: slower, more memory
#else
constexpr double room = 1.0;
#endif

struct child_result {
    int status = -1;     ///< exit status, 128 + signal when killed
    double seconds = 0;  ///< wall time
    long peak_kb = 0;    ///< ru_maxrss of the child
    std::string err;     ///< what it wrote on standard error
    long parent_kb = 0;  ///< the test process's resident memory at the fork, which peak_kb includes
};

long resident_kb() {
    long pages = 0, resident = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

/// Runs `body` in a forked child with standard error to a file; the child exits with its value.
child_result in_child(const std::function<int()>& body) {
    const auto err_path = temp_dir() + "/stderr";
    const auto parent_kb = resident_kb();
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 2);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        int code = 99;
        try {
            code = body();
        } catch (...) {
            code = 98;
        }
        std::fflush(nullptr);
        ::_exit(code);
    }
    int raw = 0;
    rusage usage{};
    REQUIRE(::wait4(pid, &raw, 0, &usage) == pid);
    child_result r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
    r.peak_kb = usage.ru_maxrss;
    r.err = read_file(err_path);
    r.parent_kb = parent_kb;
    return r;
}

/// Runs the argmap binary with args in a child.
child_result run_cli(std::vector<std::string> args) {
    return in_child([&] {
        std::vector<char*> argv;
        std::string binary = ARGMAP_BINARY;
        argv.push_back(binary.data());
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        return 97;
    });
}

/// Writes `size` bytes to path, chunk by chunk as `fill` makes them (the test process stays
/// small: a forked child's peak memory counts what its parent held).
void write_chunks(const std::string& path, std::size_t size, const std::function<void(std::string&)>& fill) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::string chunk(1u << 16, '\0');
    for (std::size_t written = 0; written < size;) {
        fill(chunk);
        const auto n = std::min(chunk.size(), size - written);
        REQUIRE(std::fwrite(chunk.data(), 1, n, f) == n);
        written += n;
    }
    REQUIRE(std::fclose(f) == 0);
}

void report(const char* what, const child_result& r) {
    WARN(what << ": exit " << r.status << ", " << r.seconds << " s, peak " << r.peak_kb / 1024 << " MB (test process "
              << r.parent_kb / 1024 << " MB at the fork)");
}

}  // namespace

TEST_CASE("random bytes give an encoding error with its position, quickly and in little memory", "[cli]") {
    const auto dir = temp_dir();
    std::mt19937 rng(7);
    write_chunks(dir + "/random.txt", 8u << 20, [&](std::string& chunk) {
        for (auto& b : chunk) b = static_cast<char>(rng() & 0xFF);
    });
    write_file(dir + "/out.svg", "good");
    const auto r = run_cli({"map", dir + "/random.txt", "-o", dir + "/out.svg"});
    report("8 MB of random bytes", r);
    CHECK(r.status == 1);
    CHECK(r.err.rfind(dir + "/random.txt:1:", 0) == 0);
    CHECK((r.err.find(": error: invalid UTF-8 byte 0x") != std::string::npos ||
           r.err.find(": error: binary content: NUL byte") != std::string::npos));
    CHECK(read_file(dir + "/out.svg") == "good");
    CHECK(r.seconds < 5 * room);
    CHECK(r.peak_kb < r.parent_kb + 100 * 1024 * room);
}

TEST_CASE("random words in random sentences map within the limits, or hit --max-units", "[cli]") {
    const auto dir = temp_dir();
    const std::vector<std::string> words = {"taxes", "because", "however", "the", "city", "therefore", "although",
                                            "Mr.", "schools", "must", "rise", "e.g.", "\xC3\xA9t\xC3\xA9", "3.5",
                                            "\"quoted\"", "(but)", "so", "\xE6\x9D\xB1\xE4\xBA\xAC", "it"};
    std::mt19937 rng(11);
    std::string text;
    while (text.size() < (2u << 20)) {
        const auto n = 3 + rng() % 12;
        for (unsigned i = 0; i < n; ++i) text += words[rng() % words.size()] + (rng() % 9 == 0 ? ", " : " ");
        text += rng() % 3 == 0 ? ".\n\n" : ". ";
    }
    write_file(dir + "/words.txt", text);
    const auto r = run_cli({"map", dir + "/words.txt", "-o", dir + "/out.json"});
    report("2 MB of random sentences", r);
    CHECK((r.status == 0 || r.err.find("(--max-units)") != std::string::npos));
    if (r.status == 0) CHECK(argmap::render::read_json(read_file(dir + "/out.json")).ok());
    CHECK(r.seconds < 15 * room);
    CHECK(r.peak_kb < r.parent_kb + 600 * 1024 * room);
}

TEST_CASE("a 100 MB file of one line ends in a clear limit error, in bounded time and memory", "[cli]") {
    const auto dir = temp_dir();
    const std::string sentence = "Taxes rise because costs grow. ";  // 31 bytes
    std::string block;
    while (block.size() < (1u << 16)) block += sentence;
    const std::size_t size = (100u << 20) / block.size() * block.size();  // about 100 MB, whole sentences
    write_chunks(dir + "/line.txt", size, [&](std::string& chunk) { chunk = block; });
    // Read and parsed: the sentences are counted against --max-units before reconstruction.
    // (Under the sanitizers, where this takes minutes, the file is refused by its size instead.)
    const bool parse = room == 1.0;
    const auto r = parse ? run_cli({"map", dir + "/line.txt", "--format", "json"})
                         : run_cli({"map", dir + "/line.txt", "--format", "json", "--max-input-size", "64M"});
    report("100 MB of one line", r);
    CHECK(r.status == 1);
    if (parse) {
        CHECK(r.err == dir + "/line.txt: error: input has " + std::to_string(size / sentence.size()) +
                           " units (sentences), more than the limit of 100000 (--max-units)\n");
        CHECK(r.seconds < 90);  // about 12 s on an idle machine
        CHECK(r.peak_kb < r.parent_kb + 8 * 100 * 1024);  // at most 8 bytes per input byte
    } else {
        CHECK(r.err.find("bytes, more than the limit of 67108864 bytes (--max-input-size)") != std::string::npos);
        CHECK(r.peak_kb < r.parent_kb + 200 * 1024 * room);
    }
    // the size limit refuses it before reading it at all
    const auto refused = run_cli({"map", dir + "/line.txt", "--max-input-size", "1M"});
    report("100 MB of one line, --max-input-size 1M", refused);
    CHECK(refused.status == 1);
    CHECK(refused.err == dir + "/line.txt: error: input is " + std::to_string(size) +
                             " bytes, more than the limit of 1048576 bytes (--max-input-size)\n");
    CHECK(refused.peak_kb < refused.parent_kb + 50 * 1024 * room);
}

TEST_CASE("100,000 nested relations in notation parse in linear time and memory", "[grammar]") {
    // Two shapes: 200 staircases of relations nested 500 deep (the parser's indentation stack),
    // and a chain of 100,000 blocks, each statement supported by the next (a chain as deep as
    // the file is long once mapped; the mapping into the model is checked against --max-depth).
    std::string stairs;
    for (int s = 0; s < 200; ++s) {
        stairs += "[r" + std::to_string(s) + "]: root\n";
        for (int d = 1; d <= 500; ++d) stairs += std::string(static_cast<std::size_t>(d), ' ') + "+ s\n";
        stairs += '\n';
    }
    std::string chain;
    for (int i = 0; i < 100000; ++i)
        chain += "[c" + std::to_string(i) + "]\n  + [c" + std::to_string(i + 1) + "]: step " + std::to_string(i) + "\n\n";
    for (const auto* text : {&stairs, &chain}) {
        const auto r = in_child([&] {
            const auto parsed = argmap::grammar::parse_argdown(*text);
            std::size_t relations = 0, deepest = 0;
            for (const auto& b : parsed.value->blocks)
                if (const auto* e = std::get_if<argmap::grammar::element_block>(&b.value)) {
                    relations += e->relations.size();
                    for (const auto& n : e->relations) deepest = std::max<std::size_t>(deepest, n.depth);
                }
            std::fprintf(stderr, "%zu relations, %zu deep, %zu errors\n", relations, deepest, parsed.errors.size());
            return parsed.ok() ? 0 : 1;
        });
        report(text == &stairs ? "100,000 relations nested 500 deep" : "a chain of 100,000 relations", r);
        CHECK(r.status == 0);
        CHECK(r.err == (text == &stairs ? "100000 relations, 500 deep, 0 errors\n" : "100000 relations, 1 deep, 0 errors\n"));
        CHECK(r.seconds < 10 * room);
        CHECK(r.peak_kb < r.parent_kb + (60 + 20 * static_cast<long>(text->size() >> 20)) * 1024 * room);
    }
}

TEST_CASE("50,000 warnings in notation are each positioned without reading the file again", "[cli]") {
    // Every block relates a statement to itself, which the mapping drops with a warning. Each
    // warning's line and column once took a read from the start of the file (18 s here).
    const auto dir = temp_dir();
    std::string text;
    for (int i = 0; i < 50000; ++i) text += "[A" + std::to_string(i) + "]: t\n  + [A" + std::to_string(i) + "]\n\n";
    write_file(dir + "/self.argdown", text);
    const auto r = run_cli({"check", dir + "/self.argdown"});
    report("50,000 relations of a statement to itself", r);
    CHECK(r.status == 0);
    CHECK(r.err.rfind(dir + "/self.argdown:2:3: warning: a relation from a statement to itself: dropped\n", 0) == 0);
    CHECK(r.err.find(dir + "/self.argdown:149999:3: warning: ") != std::string::npos);
    CHECK(r.seconds < 5 * room);
}

TEST_CASE("10,000-way linked premises in argmap JSON read, write and build DOT, and the layout limit names its option",
          "[render]") {
    nlohmann::json doc = {{"format", "argmap"},
                          {"version", 1},
                          {"sources", {{{"id", "a"}, {"name", "linked.json"}, {"text", ""}}}}};
    nlohmann::json statements = nlohmann::json::array(), from = nlohmann::json::array();
    const auto spans = nlohmann::json::array();
    statements.push_back({{"id", "c"}, {"source", "a"}, {"text", "The claim."}, {"spans", spans}, {"central", true}});
    for (int i = 0; i < 10000; ++i) {
        statements.push_back(
            {{"id", "p" + std::to_string(i)}, {"source", "a"}, {"text", "Premise " + std::to_string(i) + "."}, {"spans", spans}});
        from.push_back("p" + std::to_string(i));
    }
    doc["statements"] = statements;
    doc["relations"] = {{{"id", "r"}, {"type", "support"}, {"from", from}, {"to", "c"}, {"marker", ""},
                         {"rule", "linked"}, {"confidence", 1.0}}};
    const auto text = doc.dump(1);
    const auto r = in_child([&] {
        const auto read = argmap::render::read_json(text);
        if (!read.ok()) return 2;
        const auto& map = *read.value;
        if (map.relations().size() != 1 || map.relations()[0].from.size() != 10000) return 3;
        if (argmap::engine::map_depth(map) != 1) return 4;
        argmap::cli::input_limits limits;
        argmap::cli::check_map("linked.json", map, limits);  // within the units and depth limits
        const auto dot = argmap::render::to_dot(map);
        if (dot.find("s10001 ") == std::string::npos) return 5;
        if (!argmap::render::read_json(argmap::render::write_json(map, false)).ok()) return 6;
        limits.max_layout = 5000;  // below the map's 10,001 statements
        try {
            argmap::cli::check_layout("linked.json", map, limits);
        } catch (const argmap::cli::limit_error& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 1;
        }
        return 0;
    });
    report("10,000-way linked premises", r);
    CHECK(r.status == 1);
    CHECK(r.err == "linked.json: error: the map has 10001 statements to lay out, more than the limit of 5000 "
                   "(--max-layout); write --format dot or json, or raise the limit\n");
    CHECK(r.seconds < 5 * room);
    CHECK(r.peak_kb < r.parent_kb + 200 * 1024 * room);
}

TEST_CASE("10,000 faulty statements in argmap JSON give 10,000 positioned errors, quickly", "[render]") {
    nlohmann::json statements = nlohmann::json::array();
    for (int i = 0; i < 10000; ++i) statements.push_back({{"id", "p" + std::to_string(i)}, {"source", "a"}, {"text", "x"}});
    const nlohmann::json doc = {{"format", "argmap"}, {"version", 1},
                                {"sources", {{{"id", "a"}, {"name", "n"}, {"text", ""}}}},
                                {"statements", statements}, {"relations", nlohmann::json::array()}};
    const auto text = doc.dump(1);  // one value per line
    const auto r = in_child([&] {
        const auto read = argmap::render::read_json(text);
        std::size_t missing = 0, placed = 0;
        for (const auto& e : read.errors) {
            missing += e.message.find("missing key \"spans\"") != std::string::npos;
            placed += e.line > 1;
        }
        std::fprintf(stderr, "%zu errors, %zu about spans, %zu placed; last at %zu:%zu\n", read.errors.size(), missing, placed,
                     read.errors.back().line, read.errors.back().column);
        return read.ok() ? 0 : 1;
    });
    report("10,000 statements without spans", r);
    CHECK(r.status == 1);
    // each statement object takes 6 lines in dump(1) ("{", "id", "source", "text", "}," and the
    // header lines before): the last error stands at the last statement's opening brace
    const auto last_line = text.substr(0, text.rfind("\"id\": \"p9999\"")).find_last_of('{');
    const auto expected = argmap::engine::locate(text, last_line, "");
    CHECK(r.err == "10000 errors, 10000 about spans, 10000 placed; last at " + std::to_string(expected.line) + ':' +
                       std::to_string(expected.column) + "\n");
    CHECK(r.seconds < 2 * room);
}
