// The marker grammar's one instantiation unit.
#include "grammar/config.hpp"
#include "grammar/marker_grammar_def.hpp"

namespace argmap::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(marker_scan_type, iterator_type, marker_context_type)

}  // namespace argmap::grammar::parser
