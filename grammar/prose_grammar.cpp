// The prose grammar's one instantiation unit.
#include "grammar/config.hpp"
#include "grammar/prose_grammar_def.hpp"

namespace argmap::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(lines_type, iterator_type, line_context_type)
BOOST_SPIRIT_INSTANTIATE(sentences_type, iterator_type, sentence_context_type)

}  // namespace argmap::grammar::parser
