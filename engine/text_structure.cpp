#include "engine/text_structure.hpp"

namespace argmap::engine {

const char* to_string(marker_class c) noexcept {
    switch (c) {
        case marker_class::premise: return "premise";
        case marker_class::conclusion: return "conclusion";
        case marker_class::contrast: return "contrast";
        case marker_class::concession: return "concession";
        case marker_class::addition: return "addition";
        case marker_class::example: return "example";
        case marker_class::restatement: return "restatement";
        case marker_class::condition: return "condition";
        case marker_class::opponent: return "opponent";
        case marker_class::stance: return "stance";
    }
    return "unknown";
}

}  // namespace argmap::engine
