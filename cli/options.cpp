#include "cli/options.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace argmap::cli {
namespace {

constexpr std::array<const char*, 15> map_formats = {"svg", "png", "pdf", "dot", "json", "outline", "text", "html",
                                                    "standard-form", "standard-form-md", "aif", "argdown",
                                                    "af", "apx", "tgf"};

/// Formats that only `map` (and, for the frameworks, `analyze`) writes.
bool map_only_format(const std::string& f) {
    return f == "standard-form" || f == "standard-form-md" || f == "aif" || f == "argdown" || f == "af" ||
           f == "apx" || f == "tgf";
}

/// What `analyze` writes: its report as text or JSON, or the map's framework.
bool analyze_format(const std::string& f) {
    return f == "text" || f == "json" || f == "af" || f == "apx" || f == "tgf";
}

bool known_format(const std::string& f) {
    return std::any_of(map_formats.begin(), map_formats.end(), [&](const char* k) { return f == k; });
}

}  // namespace

std::string help_text(const std::string& command) {
    if (command == "map") {
        return "usage: argmap map FILE|- [-o OUT] [--format svg|png|pdf|dot|json|html|aif|argdown|outline|\n"
               "                  standard-form|standard-form-md] [--explain] [--from prose|argdown|json|aif]\n"
               "                  [--theme standard|colorblind|print] [--direction down|up]\n"
               "                  [--exercise | --answer-key] [--seed N] [--dpi N]\n"
               "\n"
               "Reconstructs the argument of a text and writes its map.\n"
               "  FILE          a text file (an op-ed, an essay), or - for standard input\n"
               "  -o OUT        where to write (default: standard output)\n"
               "  --format F    svg, png, pdf, dot, json, html, aif, argdown or outline (default: from\n"
               "                OUT's extension, else svg); html: one self-contained page, the diagram\n"
               "                beside the highlighted text; standard-form: numbered premises, inference\n"
               "                lines and conclusions as plain text; standard-form-md: the same in\n"
               "                Markdown (also for OUT.md)\n"
               "  --from F      the input's notation: prose, argdown, json (a saved map) or aif (default:\n"
               "                from FILE's extension, .argdown .ad .json .txt, else from its content)\n"
               "  --explain     also print, on standard error, why each relation exists\n"
               "                (the discourse marker, the rule and its confidence)\n"
               "  --theme T     diagram colours: standard (reasons green, objections red), colorblind\n"
               "                (Okabe-Ito blue/vermillion/orange) or print (greys, white boxes)\n"
               "  --direction D down: main claim on top (the default); up: main claim at the bottom\n"
               "  --exercise    a worksheet (svg, png, pdf, dot): the same diagram with the boxes numbered\n"
               "                but empty, and the statements listed beneath, lettered, in shuffled order\n"
               "  --answer-key  the worksheet's answer key: each box with its letter and text, and the\n"
               "                list naming each letter's box (use the same --seed as the worksheet)\n"
               "  --dpi N       resolution of PNG output, 36 to 1200 (default 96); also for dot\n"
               "  --seed N      the shuffle of the exercise's list (default 1); the same N gives the\n"
               "                same list on every run and machine\n"
               "  --semantics S the statuses shown (in, out, undecided: which statements stand once the\n"
               "                objections are weighed): grounded (default), complete, preferred or stable\n"
               "  --no-status   no statuses in the diagram, JSON, outline or HTML\n"
               "  --format af|apx|tgf  the map as an abstract argumentation framework (ICCMA formats)\n";
    }
    if (command == "analyze") {
        return "usage: argmap analyze FILE|- [-o OUT] [--format text|json|af|apx|tgf]\n"
               "                      [--semantics grounded|complete|preferred|stable] [--from F]\n"
               "\n"
               "A map (prose, Argdown, JSON, AIF): its structure and which claims stand. Central\n"
               "claims, depth, linked and convergent reasons, assumptions, unanswered objections, and\n"
               "each claim's status with the reasons and objections that decide it.\n"
               "An abstract framework (FILE.af, .apx or .tgf, or --from af|apx|tgf): as an ICCMA solver,\n"
               "one extension of the semantics as 'w 1 2 3' (names for apx and tgf), or NO.\n"
               "  --format F    text (default), json (the report, or a framework's labelling), or af,\n"
               "                apx, tgf (the map, or the framework, as a framework in that format)\n"
               "  --semantics S grounded (default), complete, preferred or stable\n";
    }
    if (command == "check") {
        return "usage: argmap check FILE|- [--from prose|argdown|json|aif]\n"
               "\n"
               "Reads a file and prints only its diagnostics, on standard error, one per line:\n"
               "FILE:LINE:COLUMN: error: ... (and warning: ... for what is valid but suspect).\n"
               "Exit status 1 when there is an error, 0 otherwise.\n";
    }
    if (command == "compare") {
        return "usage: argmap compare A B [C ...] [-o OUT] [--format text|json|dot|svg|png|pdf|html]\n"
               "\n"
               "Maps each text, aligns their statements across texts and judges each pair's stance\n"
               "(agree, contradict, related).\n"
               "  -o OUT        where to write (default: standard output)\n"
               "  --format F    text: agreements, clashes and unanswered reasons (the default);\n"
               "                json: the JSON document with \"alignments\"; dot, svg, png, pdf: one\n"
               "                diagram with a cluster per text and edges between aligned statements;\n"
               "                html: one self-contained page, the texts side by side with aligned\n"
               "                sentences linked, the summary and the diagram\n";
    }
    if (command == "batch") {
        return "usage: argmap batch IN.jsonl [-o OUT.jsonl] [-j N]\n"
               "\n"
               "Maps many texts. Each input line {\"id\": ..., \"text\": ...} gives one output line:\n"
               "the JSON document with that \"id\" added at its top level.\n"
               "  -o OUT.jsonl  where to write (default: standard output)\n"
               "  -j N          worker threads (default: all cores)\n";
    }
    return "usage: argmap COMMAND [ARGS]\n"
           "\n"
           "argmap reconstructs the reasoning in argumentative text and draws it.\n"
           "\n"
           "commands:\n"
           "  map FILE      map one text to SVG, PNG, PDF, DOT, JSON, HTML or an outline\n"
           "  batch IN      map every text of a JSON-lines file\n"
           "  compare A B   compare texts that argue opposite sides\n"
           "  check FILE    print only the diagnostics of a file (Argdown, JSON, AIF or prose)\n"
           "  analyze FILE  which claims stand, and the map's structure; ICCMA frameworks too\n"
           "\n"
           "Run 'argmap COMMAND --help' for a command's options.\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n";
}

options parse_options(const std::vector<std::string>& args) {
    options o;
    if (args.empty()) throw usage_error("no command given");
    std::size_t i = 0;
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        o.help = true;
        if (args.size() > 1) o.command = args[1];
        return o;
    }
    o.command = args[i++];
    if (o.command != "map" && o.command != "batch" && o.command != "compare" && o.command != "check" && o.command != "analyze") throw usage_error("unknown command '" + o.command + "'");
    auto value = [&](const std::string& flag) -> std::string {
        if (i + 1 >= args.size()) throw usage_error(flag + " needs a value");
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "-o" || a == "--output") {
            o.output = value(a);
        } else if (a == "--format" || a == "-f") {
            o.format = value(a);
            if (o.command == "analyze") {
                if (!analyze_format(o.format)) throw usage_error("unknown format '" + o.format + "' for analyze: use text, json, af, apx or tgf");
            } else if (!known_format(o.format) || (o.command == "map" && o.format == "text") ||
                (o.command == "compare" && (o.format == "outline" || map_only_format(o.format))))
                throw usage_error("unknown format '" + o.format + "' for " + o.command);
        } else if (a == "--theme" && o.command == "map") {
            o.theme = value(a);
            if (o.theme != "standard" && o.theme != "colorblind" && o.theme != "print")
                throw usage_error("unknown theme '" + o.theme + "': use standard, colorblind or print");
        } else if (a == "--direction" && o.command == "map") {
            o.direction = value(a);
            if (o.direction != "down" && o.direction != "up")
                throw usage_error("unknown direction '" + o.direction + "': use down or up");
        } else if (a == "--exercise" && o.command == "map") {
            o.exercise = true;
        } else if (a == "--answer-key" && o.command == "map") {
            o.answer_key = true;
        } else if (a == "--seed" && o.command == "map") {
            const auto v = value(a);
            std::uint64_t n = 0;
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc{} || p != v.data() + v.size())
                throw usage_error("--seed needs a whole number from 0 to 18446744073709551615, not '" + v + "'");
            o.seed = n;
        } else if (a == "--from" && (o.command == "map" || o.command == "check" || o.command == "analyze")) {
            o.from = value(a);
            const bool framework = o.from == "af" || o.from == "apx" || o.from == "tgf";
            if (framework && o.command != "analyze")
                throw usage_error("--from " + o.from + ": abstract frameworks are read by analyze only");
            if (o.from != "prose" && o.from != "argdown" && o.from != "json" && o.from != "aif" && !framework)
                throw usage_error("unknown input notation '" + o.from + "': use prose, argdown, json or aif" +
                                  (o.command == "analyze" ? " (or af, apx, tgf)" : ""));
        } else if (a == "--semantics" && (o.command == "map" || o.command == "analyze")) {
            o.semantics = value(a);
            if (o.semantics != "grounded" && o.semantics != "complete" && o.semantics != "preferred" && o.semantics != "stable")
                throw usage_error("unknown semantics '" + o.semantics + "': use grounded, complete, preferred or stable");
        } else if (a == "--no-status" && o.command == "map") {
            o.no_status = true;
        } else if (a == "--dpi" && o.command == "map") {
            const auto v = value(a);
            unsigned n = 0;
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc{} || p != v.data() + v.size() || n < 36 || n > 1200)
                throw usage_error("--dpi needs a resolution from 36 to 1200, not '" + v + "'");
            o.dpi = n;
        } else if (a == "--explain" && o.command == "map") {
            o.explain = true;
        } else if ((a == "-j" || a == "--jobs") && o.command == "batch") {
            const auto v = value(a);
            unsigned n = 0;
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc{} || p != v.data() + v.size() || n == 0 || n > 1024)
                throw usage_error("-j needs a number of threads from 1 to 1024, not '" + v + "'");
            o.jobs = n;
        } else if (a == "--max-input-size") {
            o.limits.max_input_bytes = parse_limit(a, value(a), true);
        } else if (a == "--max-units") {
            o.limits.max_units = parse_limit(a, value(a), false);
        } else if (a == "--max-depth") {
            o.limits.max_depth = parse_limit(a, value(a), false);
        } else if (a == "--max-layout") {
            o.limits.max_layout = parse_limit(a, value(a), false);
        } else if (a.size() > 1 && a[0] == '-') {
            throw usage_error("unknown option '" + a + "' for " + o.command);
        } else {
            o.inputs.push_back(a);
        }
    }
    if (o.help) return o;
    if (o.inputs.empty()) throw usage_error(o.command + " needs an input file (or - for standard input)");
    if (o.command == "compare" && o.inputs.size() < 2) throw usage_error("compare needs two or more texts");
    if (o.command != "compare" && o.inputs.size() > 1) throw usage_error(o.command + " takes one input file");
    return o;
}

std::string resolve_format(const options& o, const std::string& fallback) {
    if (!o.format.empty()) return o.format;
    const auto dot = o.output.rfind('.');
    const auto slash = o.output.find_last_of('/');
    if (!o.output.empty() && o.output != "-" && dot != std::string::npos &&
        (slash == std::string::npos || dot > slash)) {
        std::string ext = o.output.substr(dot + 1);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == "gv") ext = "dot";
        if (ext == "ad") ext = "argdown";
        if (ext == "htm") ext = "html";
        if (ext == "txt") ext = o.command == "compare" ? "text" : "outline";
        if (ext == "md" && o.command == "map") ext = "standard-form-md";
        if (o.command == "analyze" && ext == "outline") ext = "text";
        if (o.command == "analyze" ? analyze_format(ext) : known_format(ext)) return ext;
        throw usage_error("cannot tell the format from '" + o.output + "': use --format");
    }
    return fallback;
}

}  // namespace argmap::cli
