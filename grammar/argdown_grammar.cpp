// The one instantiation unit of the Argdown notation grammar.

#include "grammar/argdown_grammar_def.hpp"

namespace argmap::grammar::argdown_detail {

BOOST_SPIRIT_INSTANTIATE(line_head_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(element_head_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(title_ahead_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(inline_token_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(inference_token_type, iterator_type, context_type)

}  // namespace argmap::grammar::argdown_detail
