#pragma once
// Rules of the marker grammar. Include only from marker_grammar.cpp.
//
// A sentence is read as words and the gaps between them. A marker is tried only where a word
// starts: first after the sentence's lead-in (space, opening quotes and brackets), then after
// every gap. Gaps that hold a comma, semicolon, colon or dash make the next word a clause start;
// other gaps make it mid-clause. The lexicon (marker_lexicon.cpp) is turned, on first use, into one
// x3::symbols table per position, holding the entries allowed there; the longest entry wins and
// must end at a word boundary. A blocking phrase ("so far", "as if") is read over as a whole and
// reported as nothing, so no marker inside it is found either.

#include <cstdint>
#include <mutex>

#include <boost/spirit/home/x3.hpp>

#include "grammar/char_classes_def.hpp"
#include "grammar/marker_grammar.hpp"
#include "grammar/marker_lexicon.hpp"
#include "grammar/marker_lookup.hpp"

namespace argmap::grammar::parser {

/// The lookup of the symbols table for one position: entry text -> index into marker_lexicon(),
/// for the entries allowed there and the phrases that block shorter markers (positions 0). Being
/// per position, the longest entry that may stand there wins: "So that's it" finds "so", not the
/// mid-clause-only "so that". Filled from the lexicon on first use (once, also with several
/// threads), not when the program starts: a run that reads no prose never builds it.
template <engine::marker_position Position>
class position_lookup {
public:
    template <typename Iterator, typename CaseCompare>
    std::uint16_t const* find(Iterator& first, Iterator last, CaseCompare const& compare) const {
        std::call_once(filled_, [this] { fill(); });
        return trie_.find(first, last, compare);
    }

private:
    void fill() const {
        const auto lexicon = marker_lexicon();
        for (std::size_t i = 0; i < lexicon.size(); ++i) {
            const auto& entry = lexicon[i];
            if (entry.positions != 0 && (entry.positions & engine::bit(Position)) == 0) continue;
            trie_.add(entry.text.data(), entry.text.data() + entry.text.size(), static_cast<std::uint16_t>(i));
        }
    }

    mutable std::once_flag filled_;
    mutable folding_trie<std::uint16_t> trie_;
};

template <engine::marker_position Position>
using marker_symbols = x3::symbols_parser<boost::spirit::char_encoding::standard, std::uint16_t, position_lookup<Position>>;

template <engine::marker_position Position>
marker_symbols<Position> make_marker_symbols() {
    marker_symbols<Position> table;
    table.name("discourse marker");
    return table;
}

marker_symbols<engine::marker_position::sentence_start> const start_markers =
    make_marker_symbols<engine::marker_position::sentence_start>();
marker_symbols<engine::marker_position::clause_start> const clause_markers =
    make_marker_symbols<engine::marker_position::clause_start>();
marker_symbols<engine::marker_position::mid_clause> const mid_markers =
    make_marker_symbols<engine::marker_position::mid_clause>();

/// On the symbols table: remembers which entry matched (the range comes with the raw[] around).
struct note_entry {
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::get<marker_sink_tag>(ctx).pending_entry = x3::_attr(ctx);
    }
};

/// On x3::raw[marker]: reports the hit, unless the entry is a blocking phrase. An entry not allowed
/// at Position (which the per-position tables already keep out) fails the match.
/// (Boost 1.74's _where(ctx) does not span the match, hence raw[].)
template <engine::marker_position Position>
struct record_marker {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<marker_sink_tag>(ctx);
        const std::uint16_t index = sink.pending_entry;
        const auto lexicon = marker_lexicon();
        if (index >= lexicon.size() || (lexicon[index].positions != 0 && (lexicon[index].positions & engine::bit(Position)) == 0)) {
            x3::_pass(ctx) = false;
            return;
        }
        if (lexicon[index].positions == 0) return;  // a blocking phrase: read over, not reported
        const auto& where = x3::_attr(ctx);
        const auto* base = sink.text.data();
        sink.hits.push_back({index, Position,
                             {static_cast<std::size_t>(where.begin() - base), static_cast<std::size_t>(where.end() - base)}});
    }
};

struct lead_class;
struct clause_gap_class;
struct gap_class;
struct word_class;
struct start_marker_class;
struct clause_marker_class;
struct mid_marker_class;

x3::rule<lead_class> const lead = "lead-in";
x3::rule<clause_gap_class> const clause_gap = "clause break";
x3::rule<gap_class> const gap = "gap";
x3::rule<word_class> const word = "word";
x3::rule<start_marker_class> const start_marker = "marker at sentence start";
x3::rule<clause_marker_class> const clause_marker = "marker at clause start";
x3::rule<mid_marker_class> const mid_marker = "marker inside a clause";
marker_scan_type const marker_scan_rule = "sentence";

auto const clause_punct = x3::lit(',') | x3::lit(';') | x3::lit(':') | chars::clause_dash;
auto const whole_start_marker = x3::raw[start_markers[note_entry{}] >> !chars::word_char];
auto const whole_clause_marker = x3::raw[clause_markers[note_entry{}] >> !chars::word_char];
auto const whole_mid_marker = x3::raw[mid_markers[note_entry{}] >> !chars::word_char];

auto const lead_def = *(chars::space_char | chars::opening_punct);
auto const clause_gap_def = *(!clause_punct >> chars::gap_char) >> clause_punct >> *chars::gap_char;
auto const gap_def = +chars::gap_char;
auto const word_def = +chars::word_char;
auto const start_marker_def = whole_start_marker[record_marker<engine::marker_position::sentence_start>{}];
auto const clause_marker_def = whole_clause_marker[record_marker<engine::marker_position::clause_start>{}];
auto const mid_marker_def = whole_mid_marker[record_marker<engine::marker_position::mid_clause>{}];

auto const marker_scan_rule_def = lead >> -start_marker
                                  >> *((clause_gap >> -clause_marker) | (gap >> -mid_marker) | word);

BOOST_SPIRIT_DEFINE(lead, clause_gap, gap, word, start_marker, clause_marker, mid_marker, marker_scan_rule)

marker_scan_type const& marker_scan() { return marker_scan_rule; }

}  // namespace argmap::grammar::parser
