#include "grammar/prose_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

#include "grammar/text_spans.hpp"

namespace argmap::grammar::detail {
namespace {

using ast::line_head;
using engine::span;

enum class line_role : std::uint8_t { body, furniture, byline };

/// What one line is, before its neighbours are looked at.
struct line_facts {
    bool furniture = false;        ///< page furniture wherever it stands
    bool byline_anywhere = false;  ///< "Source:", "Published:", a date: byline wherever it stands
    bool byline_at_top = false;    ///< "By Wang Haiyun": byline only before the body starts
    bool author_note = false;      ///< "The author is ...": furniture only where it closes the text
    bool name_like = false;        ///< "HAMILTON", "President George W. Bush", "JAMES MADISON.": a name or office
    bool header_like = false;      ///< a short line without final punctuation: a subtitle or name in a header
    bool footnote = false;         ///< "1 Vide ...": a numbered note, furniture where it closes the text
    std::uint32_t emails_first = 0;  ///< the line's e-mail addresses: emails[first, first + count)
    std::uint32_t emails_count = 0;
};

/// Where the words that lead into an e-mail address start ("Write to the author at", "E-mail:"):
/// after the last sentence end before it, when at most max_lead_in_words words without final
/// punctuation remain; otherwise at the address itself.
std::size_t lead_in_begin(std::string_view text, span before, std::size_t address) {
    constexpr std::size_t max_lead_in_words = 8;
    std::size_t from = before.begin;
    for (std::size_t k = before.end; k > before.begin + 1; --k) {
        const char c = text[k - 2];
        if ((c == '.' || c == '!' || c == '?') && is_ascii_space(static_cast<unsigned char>(text[k - 1]))) {
            from = k;
            break;
        }
    }
    const auto lead = trim(text, {from, before.end});
    if (lead.empty() || ends_with_terminal(text, lead) || word_count(text, lead, max_lead_in_words + 1) > max_lead_in_words)
        return address;
    return lead.begin;
}

/// A line with e-mail addresses: what is kept as text, and what is dropped (each address with
/// its lead-in).
struct split_line {
    std::vector<span> kept;
    std::vector<span> dropped;
};

split_line split_at_emails(std::string_view text, span content, std::span<const span> emails) {
    split_line out;
    std::size_t at = content.begin;
    for (const auto& e : emails) {
        const auto before = trim(text, {at, e.begin});
        const auto drop_from = before.empty() ? e.begin : lead_in_begin(text, before, e.begin);
        const auto piece = trim(text, {at, std::min(drop_from, e.begin)});
        if (!piece.empty()) out.kept.push_back(piece);
        out.dropped.push_back({std::min(drop_from, e.begin), e.end});
        at = e.end;
    }
    const auto piece = trim(text, {at, content.end});
    if (!piece.empty()) out.kept.push_back(piece);
    return out;
}

/// The line's words, split at white space.
std::vector<std::string_view> words_of(std::string_view text, span s) {
    std::vector<std::string_view> out;
    std::size_t i = s.begin;
    while (i < s.end) {
        while (i < s.end && is_ascii_space(static_cast<unsigned char>(text[i]))) ++i;
        const auto b = i;
        while (i < s.end && !is_ascii_space(static_cast<unsigned char>(text[i]))) ++i;
        if (i > b) out.push_back(text.substr(b, i - b));
    }
    return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

/// A signature or a speaker's name and office: at most six words, each capitalised (or a small
/// joining word), no final punctuation but a full stop after a name in capitals or an initial.
bool looks_like_name(std::string_view text, span s) {
    static constexpr std::string_view joiners[] = {"of", "the", "and", "de", "von", "van", "der", "for", "on", "to", "&"};
    const auto w = words_of(text, s);
    if (w.empty() || w.size() > 6) return false;
    std::size_t capitalised = 0;
    for (auto x : w) {
        while (!x.empty() && (x.back() == ',' || x.back() == '.')) x.remove_suffix(1);
        if (x.empty()) return false;
        if (is_upper(x.front())) ++capitalised;
        else if (std::find(std::begin(joiners), std::end(joiners), x) == std::end(joiners)) return false;
    }
    if (capitalised == 0) return false;
    const char last = last_significant(text, s);
    if (last == '?' || last == '!' || last == ':' || last == ';') return false;
    if (last == '.') {
        // "PUBLIUS." or "John F." may end with a full stop; a sentence may not
        const auto tail = w.back().substr(0, w.back().size() - 1);
        return std::all_of(tail.begin(), tail.end(), [](char c) { return !is_lower(c); });
    }
    return true;
}

/// "To the People of the State of New York:", "Dear Editor,", "My fellow Americans:": the
/// salutation of a letter or a speech.
bool looks_like_salutation(std::string_view text, span s) {
    const auto w = words_of(text, s);
    if (w.empty() || w.size() > 14) return false;
    const char last = last_significant(text, s);
    if (last != ':' && last != ',') return false;
    const auto first = w.front();
    if (first == "Dear") return true;
    if (last != ':') return false;
    return first == "To" || first == "Fellow" || (first == "My" && w.size() > 1 && w[1] == "fellow") ||
           (first == "Ladies" && w.size() > 2 && w[2] == "gentlemen:") || first == "Gentlemen:" || first == "Sir:" ||
           first == "Sirs:";
}

/// "1 Vide ...", "[2] See ...", "* Note": a numbered or starred note.
bool looks_like_footnote(std::string_view text, span s) {
    const auto w = words_of(text, s);
    if (w.size() < 2) return false;
    auto head = w.front();
    if (head.size() >= 3 && head.front() == '[' && head.back() == ']') head = head.substr(1, head.size() - 2);
    const bool number = !head.empty() && head.size() <= 3 &&
                        std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; });
    return (number || head == "*") && is_upper(w[1].front() == '"' && w[1].size() > 1 ? w[1][1] : w[1].front());
}

line_facts facts_of(std::string_view text, const ast::line& line, std::span<const span> emails, bool url_only) {
    line_facts f;
    const auto words = word_count(text, line.content, max_furniture_words + 1);
    switch (line.head) {
        case line_head::furniture:
            f.furniture = words <= max_furniture_words;
            break;
        case line_head::copyright:
            f.furniture = true;
            break;
        case line_head::byline_key:
            f.byline_anywhere = words <= max_byline_words && !ends_with_terminal(text, line.content);
            break;
        case line_head::dateline:
            f.byline_anywhere = true;
            break;
        case line_head::byline_by:
            f.byline_at_top = words <= max_byline_words;
            break;
        case line_head::author_note:
            f.author_note = words <= max_furniture_words;
            break;
        case line_head::none:
        case line_head::list_item:
            break;
    }
    if (line.furniture_phrase && words <= max_furniture_words) f.furniture = true;
    if (line.head == line_head::none) {
        if (looks_like_salutation(text, line.content)) f.furniture = true;
        f.name_like = looks_like_name(text, line.content);
        f.header_like = f.name_like || (words >= 1 && words <= max_title_words && !ends_with_terminal(text, line.content));
        f.footnote = looks_like_footnote(text, line.content);
    }
    if (url_only) f.furniture = true;
    if (!emails.empty()) {
        const auto split = split_at_emails(text, line.content, emails);
        if (std::none_of(split.kept.begin(), split.kept.end(), [&](span s) { return has_word(text, s); })) f.furniture = true;
    }
    return f;
}

bool is_title(std::string_view text, const ast::line& line, const line_facts& f) {
    if (line.head != line_head::none || f.furniture || f.emails_count != 0) return false;
    const auto words = word_count(text, line.content, max_title_words + 1);
    return words >= 1 && words <= max_title_words && !ends_with_terminal(text, line.content);
}

bool may_be_heading(std::string_view text, const ast::line& line) {
    if (line.head != line_head::none) return false;
    const auto words = word_count(text, line.content, max_heading_words + 1);
    if (words < 1 || words > max_heading_words) return false;
    const char last = last_significant(text, line.content);
    return last != '.' && last != '!' && last != '?' && last != ':' && last != ';' && last != ',';
}

/// Lines of one paragraph into runs: prose lines join; each list item starts its own run, and
/// indented lines after it continue it; an e-mail address inside a line cuts the run.
std::vector<span> runs_of(std::string_view text, const std::vector<ast::line>& lines, const std::vector<line_facts>& facts,
                          const std::vector<span>& emails, std::span<const std::uint32_t> members) {
    std::vector<span> runs;
    bool open = false;     // the last run may be extended
    bool in_item = false;  // the last run is a list item
    for (const auto i : members) {
        const auto& line = lines[i];
        const auto line_emails = std::span<const span>(emails).subspan(facts[i].emails_first, facts[i].emails_count);
        const auto segments =
            line_emails.empty() ? std::vector<span>{line.content} : split_at_emails(text, line.content, line_emails).kept;
        const bool item = line.head == line_head::list_item;
        const bool indented = line.content.begin > line.where.begin;
        const bool continues = open && !item && (in_item ? indented : true);
        if (item) in_item = true;
        else if (!continues) in_item = false;
        bool first_segment = true;
        for (auto seg : segments) {
            if (item && first_segment) seg.begin = std::max(seg.begin, std::min(line.item_begin, seg.end));
            seg = trim(text, seg);
            if (!seg.empty()) {
                if (first_segment && continues && !runs.empty()) runs.back().end = seg.end;
                else runs.push_back(seg);
            }
            first_segment = false;
        }
        // after an address at the end of a line, the next line starts afresh
        open = line_emails.empty() || (!segments.empty() && segments.back().end > line_emails.back().end);
    }
    return runs;
}

}  // namespace

layout lay_out(std::string_view text, const ast::line_sink& scan) {
    const auto& lines = scan.lines;
    layout out;

    // Facts per line, with the e-mail addresses and URLs the grammar found in it.
    std::vector<span> emails;
    std::vector<line_facts> facts;
    facts.reserve(lines.size());
    std::size_t m = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto first = emails.size();
        bool url_only = false;
        for (; m < scan.marks.size() && scan.marks[m].line <= i; ++m) {
            const auto& mark = scan.marks[m];
            if (mark.line != i) continue;
            if (mark.kind == ast::mark_kind::email) emails.push_back(mark.where);
            else if (mark.where == lines[i].content) url_only = true;
        }
        auto f = facts_of(text, lines[i], std::span<const span>(emails).subspan(first), url_only);
        f.emails_first = static_cast<std::uint32_t>(first);
        f.emails_count = static_cast<std::uint32_t>(emails.size() - first);
        facts.push_back(f);
    }

    std::vector<line_role> roles(lines.size(), line_role::body);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (facts[i].furniture) roles[i] = line_role::furniture;
    // A note on the author ("The author is an expert from ...") is furniture in the run of lines
    // that closes the text after its last line of text; elsewhere ("The author is right that ...")
    // it is text.
    // So is a signature ("PUBLIUS.", "JAMES MADISON."), and a numbered note after it.
    std::size_t closing = lines.size();
    bool signed_off = false;
    while (closing > 0) {
        const auto& f = facts[closing - 1];
        if (!(f.author_note || f.furniture || f.byline_anywhere || f.name_like || f.footnote)) break;
        if (f.name_like) signed_off = true;
        --closing;
    }
    for (std::size_t k = closing; closing > 0 && k < lines.size(); ++k)
        if (facts[k].author_note || facts[k].name_like || (facts[k].footnote && signed_off)) roles[k] = line_role::furniture;

    // Title: the first line that is not furniture, when short, without final punctuation, and
    // followed by a blank line or a byline.
    std::size_t i = 0;
    while (i < lines.size() && roles[i] == line_role::furniture) ++i;
    std::size_t title_line = lines.size();
    if (i + 1 < lines.size() && is_title(text, lines[i], facts[i])) {
        const auto& next = facts[i + 1];
        if (lines[i + 1].blank_before || next.byline_anywhere || next.byline_at_top) {
            out.title = lines[i].content;
            title_line = i++;
        }
    }

    // Header: bylines, datelines and furniture before the body starts; later, only the lines that
    // are bylines wherever they stand ("Source: ...", a date).
    // A title followed by short lines without final punctuation (a subtitle, the speaker's name
    // and office, "HAMILTON") has a header of them, too.
    const bool titled = title_line < lines.size();
    for (; i < lines.size(); ++i) {
        if (roles[i] == line_role::furniture) continue;
        const bool header = titled && facts[i].header_like && i + 1 < lines.size();
        if (!(facts[i].byline_anywhere || facts[i].byline_at_top || header) || facts[i].emails_count != 0) break;
        roles[i] = line_role::byline;
    }
    for (; i < lines.size(); ++i)
        if (roles[i] == line_role::body && facts[i].byline_anywhere && facts[i].emails_count == 0) roles[i] = line_role::byline;

    // Body: blocks of body lines; blank lines, furniture and bylines separate them.
    std::vector<std::uint32_t> members;         // body line indices, block after block
    std::vector<std::size_t> block_starts;      // where each block starts in members
    bool open = false;
    for (i = 0; i < lines.size(); ++i) {
        if (i == title_line) continue;
        switch (roles[i]) {
            case line_role::furniture:
                out.furniture.push_back(lines[i].content);
                open = false;
                continue;
            case line_role::byline:
                out.byline.push_back(lines[i].content);
                open = false;
                continue;
            case line_role::body:
                break;
        }
        if (facts[i].emails_count != 0) {
            const auto line_emails = std::span<const span>(emails).subspan(facts[i].emails_first, facts[i].emails_count);
            for (const auto dropped : split_at_emails(text, lines[i].content, line_emails).dropped) out.furniture.push_back(dropped);
        }
        if (!open || lines[i].blank_before) block_starts.push_back(members.size());
        members.push_back(static_cast<std::uint32_t>(i));
        open = true;
    }
    std::sort(out.furniture.begin(), out.furniture.end());

    for (std::size_t b = 0; b < block_starts.size(); ++b) {
        const auto end = b + 1 < block_starts.size() ? block_starts[b + 1] : members.size();
        const auto block = std::span<const std::uint32_t>(members).subspan(block_starts[b], end - block_starts[b]);
        block_layout bl;
        bl.runs = runs_of(text, lines, facts, emails, block);
        if (bl.runs.empty()) continue;
        bl.where = {bl.runs.front().begin, bl.runs.back().end};
        bl.lines = {lines[block.front()].content.begin, lines[block.back()].content.end};
        const auto only = block.front();
        bl.heading = block.size() == 1 && facts[only].emails_count == 0 && may_be_heading(text, lines[only]);
        out.blocks.push_back(std::move(bl));
    }
    // A heading stands before more text; a short last line is an ordinary paragraph.
    if (!out.blocks.empty()) out.blocks.back().heading = false;
    return out;
}

}  // namespace argmap::grammar::detail
