#include "grammar/prose_parser.hpp"

#include <algorithm>

#include <boost/spirit/home/x3.hpp>

#include "grammar/config.hpp"
#include "grammar/input_check.hpp"
#include "grammar/marker_grammar.hpp"
#include "grammar/marker_lexicon.hpp"
#include "grammar/prose_grammar.hpp"
#include "grammar/prose_layout.hpp"

namespace argmap::grammar {
namespace {

namespace x3 = boost::spirit::x3;
using engine::span;

/// Parses [first, last) completely with a parser; false when it stops early (never expected: the
/// grammars accept any byte).
template <typename Parser>
bool parse_all(std::string_view text, span where, Parser const& p) {
    const char* first = text.data() + where.begin;
    const char* const last = text.data() + where.end;
    return x3::parse(first, last, p) && first == last;
}

std::vector<span> split_sentences(std::string_view text, span run) {
    ast::sentence_sink sink{text, {}};
    if (!parse_all(text, run, x3::with<parser::sentence_sink_tag>(sink)[parser::sentences()])) {
        sink.sentences.assign(1, run);  // fall back to the whole run as one sentence
    }
    return std::move(sink.sentences);
}

std::vector<engine::marker_occurrence> find_markers(std::string_view text, span sentence) {
    ast::marker_sink sink{text, {}, 0};
    parse_all(text, sentence, x3::with<parser::marker_sink_tag>(sink)[parser::marker_scan()]);
    const auto lexicon = marker_lexicon();
    std::vector<engine::marker_occurrence> out;
    out.reserve(sink.hits.size());
    for (const auto& hit : sink.hits) {
        const auto& entry = lexicon[hit.entry];
        out.push_back({std::string(entry.text), entry.cls, hit.position, hit.where});
    }
    return out;
}

/// Whether a quotation is still open at the end of `s`, given whether one was open at its start:
/// straight double quotes toggle, curly ones open and close.
bool quote_open_after(std::string_view text, engine::span s, bool open) {
    for (std::size_t i = s.begin; i < s.end && i < text.size(); ++i) {
        if (text[i] == '"') open = !open;
        else if (text.substr(i, 3) == "\xE2\x80\x9C") open = true;
        else if (text.substr(i, 3) == "\xE2\x80\x9D") open = false;
    }
    return open;
}

/// Sentences with a quotation kept whole: a sentence that leaves a quotation open takes in the
/// sentences after it until the quotation closes (at most max_joined, so that a stray quote mark
/// does not swallow a paragraph).
std::vector<engine::span> join_quotations(std::string_view text, std::vector<engine::span> sentences) {
    constexpr std::size_t max_joined = 6;
    std::vector<engine::span> out;
    out.reserve(sentences.size());
    for (std::size_t i = 0; i < sentences.size();) {
        auto s = sentences[i];
        bool open = quote_open_after(text, s, false);
        std::size_t k = i + 1;
        while (open && k < sentences.size() && k - i < max_joined) {
            open = quote_open_after(text, sentences[k], open);
            s.end = sentences[k++].end;
        }
        if (open) k = i + 1, s = sentences[i];  // never closed: a stray mark, the sentences stand alone
        out.push_back(s);
        i = k;
    }
    return out;
}

std::size_t first_non_space(std::string_view text) {
    const auto at = text.find_first_not_of(" \t\n\r\v\f");
    return at == std::string_view::npos ? 0 : at;
}

}  // namespace

engine::parse_result<engine::document_structure> parse_prose(std::string_view text) {
    engine::parse_result<engine::document_structure> result;
    result.errors = detail::check_input(text);
    if (!result.errors.empty()) return result;

    ast::line_sink lines{};
    lines.text = text;
    // A UTF-8 byte order mark is no part of the text (nor of its title); spans still count it.
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (!parse_all(text, {start, text.size()}, x3::with<parser::line_sink_tag>(lines)[parser::lines()])) {
        result.errors.push_back(engine::locate(text, 0, "the text could not be read as lines"));
        return result;
    }
    auto layout = detail::lay_out(text, lines);
    lines = {};  // release the line table before building the paragraphs

    engine::document_structure doc;
    doc.text = text;
    doc.title = layout.title;
    doc.byline = std::move(layout.byline);
    doc.furniture = std::move(layout.furniture);
    bool dropped = false;
    for (const auto& block : layout.blocks) {
        engine::paragraph para;
        para.where = block.where;
        para.heading = block.heading;
        for (const auto run : block.runs) {
            for (const auto s : join_quotations(text, split_sentences(text, run)))
                para.sentences.push_back({s, find_markers(text, s)});
        }
        if (para.sentences.empty()) {  // only punctuation ("* * *", "----"): decoration, dropped
            doc.furniture.push_back(block.lines);
            dropped = true;
            continue;
        }
        doc.paragraphs.push_back(std::move(para));
    }
    if (dropped) std::sort(doc.furniture.begin(), doc.furniture.end());

    if (doc.paragraphs.empty()) {
        result.errors.push_back(engine::locate(text, first_non_space(text), "no sentences found"));
        return result;
    }
    result.value = std::move(doc);
    return result;
}

}  // namespace argmap::grammar
