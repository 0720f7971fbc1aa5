// argmap: reconstructs the reasoning in argumentative text and draws it.

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/options.hpp"
#include "engine/reconstruction_model.hpp"
#include "render/graphviz_renderer.hpp"

int main(int argc, char** argv) {
    using namespace argmap::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        const auto o = parse_options(args);
        if (o.help) {
            std::cout << help_text(o.command);
            if (!o.command.empty()) std::cout << '\n' << limits_help();
            return 0;
        }
        if (o.command == "map") return run_map(o);
        if (o.command == "batch") return run_batch(o);
        if (o.command == "compare") return run_compare(o);
        if (o.command == "check") return run_check(o);
        if (o.command == "analyze") return run_analyze(o);
        throw usage_error("unknown command '" + o.command + "'");
    } catch (const usage_error& e) {
        std::cerr << "argmap: error: " << e.what() << "\n\n" << help_text(args.empty() ? "" : args.front());
        return 2;
    } catch (const argmap::render::render_error& e) {
        std::cerr << "argmap: error: Graphviz could not draw the map: " << e.what() << '\n';
        return 1;
    } catch (const argmap::engine::model_error& e) {
        std::cerr << "argmap: error: " << e.what() << " (ARGMAP_MODEL names the model file to read)\n";
        return 1;
    } catch (const file_error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "argmap: internal error: " << e.what() << '\n';
        return 3;
    }
}
