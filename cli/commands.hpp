#pragma once
// The argmap subcommands. Each returns the process exit status (0, 1 bad input); usage errors
// are thrown as usage_error and become status 2 in main.

#include "cli/options.hpp"

namespace argmap::cli {

int run_map(const options& o);
int run_batch(const options& o);
int run_compare(const options& o);
int run_check(const options& o);  ///< notation diagnostics only
int run_analyze(const options& o);  ///< structure and statuses of a map; ICCMA frameworks

}  // namespace argmap::cli
