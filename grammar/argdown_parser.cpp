// The Argdown facade. Argdown's block structure is an off-side rule, so this file reproduces its
// lexer's pre-pass in plain C++ (lines, empty lines, an indentation stack, all iterative) and runs
// the X3 rules of argdown_grammar.hpp where a line or a token starts. Then come the checks that
// need the whole document, and line/column numbers for everything in one pass over the text.
//
// Rules as Argdown has them (shared/reference/argdown.md, Argdown 1.7 lexer and parser):
// - Blocks are separated by empty lines (white space only). A block's text continues over single
//   line breaks until an empty line or a line that starts a relation, a numbered PCS line, an
//   inference line or a list item.
// - Relation symbols count only at the start of a line. A relation must be indented more than
//   its parent (the nearest less indented line above it in the block); a relation right after an
//   empty line is an error.
// - A PCS is its own block; "(1)" directly under an argument title (no empty line) is an error.
// - Headings ("# ") start a block; elsewhere "# x" is text.
// - Titles ("[T]", "<A>") start an element only at the start of a line; inside text they are an
//   error (Argdown wants a mention, "@[T]").
// Deliberate differences from Argdown 1.7:
// - unmatched emphasis markers stay text ("snake_case", "2 * 3"); Argdown reports them;
// - a line of three or more hyphens alone is a collapsed inference, like "----";
// - shortcodes (".^.", ":+1:") are not replaced right after a letter or digit ("U.S.A.");
// - a relation's parent is the nearest less indented relation above it, also after an uneven
//   dedent (Argdown's indent stack can then make a sibling a child);
// - "#(" not closed on its line is an error, and so is a mention ("@[", "@<") not closed on its
//   line or the next lines before an empty line (a mention may wrap), and an element that starts
//   with "[" or "<" without the closing bracket; Argdown reads them as text;
// - data "{...}" must close before the next empty line; an unterminated "/*" or "<!--" is an
//   error and the rest of the file is the comment;
// - a title referred to but never defined is a warning (argdown_document::warnings), not an error;
// - only "\n" breaks lines ("\r\n" works; a lone "\r" is white space).

#include "grammar/argdown_parser.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "grammar/argdown_grammar.hpp"
#include "grammar/text_scan.hpp"
#include "grammar/title_index.hpp"
#include "grammar/yaml_data_reader.hpp"

namespace argmap::grammar {
namespace {

namespace x3 = boost::spirit::x3;
namespace ad = argdown_detail;

constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
/// White space inside a line (a carriage return of CRLF, or alone, included).
constexpr bool is_inline_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_space(char c) noexcept { return is_inline_space(c) || c == '\n'; }

constexpr std::array<bool, 256> space_table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = is_space(static_cast<char>(c));
    return t;
}();
inline bool is_space_fast(char c) noexcept { return space_table[static_cast<unsigned char>(c)]; }

constexpr bool is_ascii_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
/// What may follow a closing emphasis marker (Argdown's lexer).
constexpr bool is_close_follower(char c) noexcept {
    switch (c) {
        case ')': case '}': case '_': case '.': case ',': case '!': case '?': case ';': case ':':
        case '-': case '*':
            return true;
        default:
            return is_space(c);
    }
}

bool starts_with(const char* p, const char* e, std::string_view s) noexcept {
    return static_cast<std::size_t>(e - p) >= s.size() && std::memcmp(p, s.data(), s.size()) == 0;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

relation_type type_of(ad::relation_symbol s) noexcept {
    switch (s) {
        case ad::relation_symbol::support_in:
        case ad::relation_symbol::support_out: return relation_type::support;
        case ad::relation_symbol::attack_in:
        case ad::relation_symbol::attack_out: return relation_type::attack;
        case ad::relation_symbol::undercut_in:
        case ad::relation_symbol::undercut_out: return relation_type::undercut;
        case ad::relation_symbol::contradiction: break;
    }
    return relation_type::contradiction;
}

relation_direction direction_of(ad::relation_symbol s) noexcept {
    switch (s) {
        case ad::relation_symbol::support_out:
        case ad::relation_symbol::attack_out:
        case ad::relation_symbol::undercut_out: return relation_direction::parent_to_child;
        case ad::relation_symbol::contradiction: return relation_direction::symmetric;
        default: return relation_direction::child_to_parent;
    }
}

bool is_structural(ad::head_kind k) noexcept {
    return k == ad::head_kind::inference || k == ad::head_kind::relation ||
           k == ad::head_kind::pcs_number || k == ad::head_kind::ordered_item ||
           k == ad::head_kind::unordered_item;
}

// --- internal token of a content (compact: offsets, not pointers) ---------------------------

enum class tk : std::uint8_t {
    text, escape, emphasis, link, tag, statement_mention, argument_mention, shortcode
};

/// 24 bytes: a long text can hold one token every two bytes.
struct tok {
    tk kind = tk::text;
    char marker = 0;               ///< emphasis: '*' or '_'
    std::uint8_t marker_len = 0;   ///< emphasis: 1 or 2
    bool can_open : 1 = false;
    bool can_close : 1 = false;
    std::uint32_t partner = no_index;  ///< the matching emphasis marker
    std::uint32_t b = 0, e = 0;        ///< the token in the input
    /// its value: link text, tag, title, escaped character; emphasis opener: vb = its position
    /// in the cleaned text; shortcode: vb = index in the replacements
    std::uint32_t vb = 0, ve = 0;
};
static_assert(sizeof(tok) <= 24);

enum class line_kind : std::uint8_t { blank, transparent, content };

struct line_info {
    line_kind kind = line_kind::blank;
    const char* begin = nullptr;     ///< the line's first byte
    const char* first = nullptr;     ///< content: first byte after blanks and leading comments
    const char* next = nullptr;      ///< blank/transparent: where the following line starts
    std::size_t indent = 0;          ///< leading blanks (spaces and tabs count 1)
    ad::line_head head;
    const char* head_end = nullptr;  ///< after the line head
};

enum class content_mode : std::uint8_t { text, reference };

struct content_end {
    const char* next = nullptr;  ///< start of the first line not consumed (or the end)
    const char* end = nullptr;   ///< end of the last thing consumed (text or data), or nullptr
};

struct element_result {
    const char* next = nullptr;
    bool empty = false;  ///< untitled and without text: nothing was there
};

struct data_scan {
    const char* end = nullptr;     ///< after the matching '}', or nullptr
    const char* resume = nullptr;  ///< on failure: where to go on (an empty line, or the end)
};

struct scalar {
    std::string_view text;
    bool quoted = false;
    const char* b = nullptr;
    const char* e = nullptr;
};

struct pending_note {
    std::size_t offset = 0;
    std::string message;
};

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

// =============================================================================================

class argdown_reader {
public:
    /// With a `consumer`, each block goes to it once read and is not kept (see the streaming
    /// parse_argdown); without, the document keeps every block.
    argdown_reader(std::string_view text, argdown_block_sink* consumer)
        : b_(text.data()), e_(text.data() + text.size()), storage_(std::make_shared<std::vector<std::string>>()),
          consumer_(consumer) {
        sink_.base = b_;
        doc_.input = text;
        if (consumer_ == nullptr) doc_.blocks.reserve(estimate_blocks());
    }

    engine::parse_result<argdown_document> run() {
        const char* p = b_;
        if (starts_with(p, e_, "\xEF\xBB\xBF")) p += 3;  // byte order mark
        p = parse_front_matter(p);
        while (p < e_) {
            if (saturated()) {
                stopped_at_ = p;
                break;
            }
            const line_info li = cached_.begin == p && cached_.kind == line_kind::content ? cached_ : classify(p);
            if (li.kind == line_kind::blank) {
                end_block();
                after_empty_ = true;
                p = li.next;
                continue;
            }
            if (li.kind == line_kind::transparent) {
                p = li.next;
                continue;
            }
            p = dispatch(li);
            after_empty_ = false;
        }
        end_block();
        return finish();
    }

private:
    enum class block_state : std::uint8_t { none, heading, element, pcs, list };
    enum class owner_kind : std::uint8_t { none, element_root, list_item, pcs_statement, inference };

    const char* const b_;
    const char* const e_;
    /// Cleaned texts that are not slices of the input, in pieces of at least storage_piece
    /// bytes: a piece is reserved once and never grows past its capacity, so views into it stay
    /// valid (a piece that moves keeps its characters where they are: it is longer than any
    /// short-string buffer).
    std::shared_ptr<std::vector<std::string>> storage_;
    static constexpr std::size_t storage_piece = std::size_t{64} << 10;
    ad::error_sink sink_;
    argdown_document doc_;
    std::vector<pending_note> warnings_;
    argdown_block_sink* const consumer_;

    // the blocks read so far: how many; the headings open above the next block (level, block);
    // the last block ended, when it is an argument (a PCS right after it reconstructs it)
    std::uint32_t block_count_ = 0;
    std::vector<std::pair<std::size_t, std::uint32_t>> open_headings_;
    std::string_view argument_above_;
    std::uint32_t argument_above_block_ = no_index;

    // what the checks of the whole document need, gathered block by block (see note_block)
    struct title_use {
        std::string_view title;
        std::size_t offset;
        bool argument;
    };
    std::vector<title_use> uses_;
    std::vector<std::string_view> statement_definitions_;
    std::vector<std::string_view> argument_definitions_;
    std::vector<std::pair<std::string_view, std::size_t>> pcs_starts_;  ///< (argument, offset)

    // block state
    block_state state_ = block_state::none;
    bool after_empty_ = true;
    owner_kind owner_ = owner_kind::none;
    std::size_t owner_indent_ = 0;
    std::vector<std::pair<std::size_t, std::uint32_t>> rel_stack_;  ///< (indentation, node)
    /// the current owner's relations, moved into it (exactly sized) when the owner changes
    std::vector<relation_node> rel_scratch_;
    std::optional<inference> pending_inference_;
    bool pending_inference_unclosed_ = false;  ///< already reported: do not report it twice
    std::size_t statements_since_inference_ = 0;
    std::size_t list_indent_ = 0;
    // the statements / items of the PCS / list being read, moved into it (exactly sized) at its end
    std::vector<pcs_statement> pcs_scratch_;
    std::vector<list_item> list_scratch_;

    // scratch, reused
    std::vector<tok> toks_;
    std::vector<std::string_view> replacements_;
    std::vector<std::uint32_t> emph_stack_;
    std::vector<std::uint32_t> data_last_child_;
    struct flow_frame {
        std::uint32_t node;
        bool is_map;
        std::uint8_t state;
        std::string_view key;
        const char* key_b;
        const char* key_e;
    };
    std::vector<flow_frame> flow_frames_;

    const char* stopped_at_ = nullptr;  ///< where reading stopped after too many errors
    line_info cached_;  ///< the line at which the last text stopped (classified already)

    // memo: no "*/" (or "-->") at or after this position
    const char* no_block_comment_end_ = nullptr;
    const char* no_html_comment_end_ = nullptr;

    // -----------------------------------------------------------------------------------------
    // small helpers
    // -----------------------------------------------------------------------------------------

    [[nodiscard]] engine::span sp(const char* b, const char* e) const noexcept {
        return {static_cast<std::size_t>(b - b_), static_cast<std::size_t>(e - b_)};
    }
    [[nodiscard]] static std::string_view view(const char* b, const char* e) noexcept {
        return {b, static_cast<std::size_t>(e - b)};
    }
    [[nodiscard]] std::uint32_t off(const char* p) const noexcept {
        return static_cast<std::uint32_t>(p - b_);
    }
    void report(const char* where, std::string message) { sink_.report(where, std::move(message)); }
    /// So many errors that reading on is pointless (and each costs an exception in X3).
    [[nodiscard]] bool saturated() const noexcept { return sink_.errors.size() >= sink_.limit; }

    template <class Rule, class Attribute>
    bool run_rule(const char*& it, Rule const& rule, Attribute& attr) {
        return x3::parse(it, e_, x3::with<ad::error_sink_tag>(sink_)[rule], attr);
    }
    template <class Rule>
    bool probe_rule(const char*& it, Rule const& rule) {
        return x3::parse(it, e_, x3::with<ad::error_sink_tag>(sink_)[rule]);
    }

    [[nodiscard]] const char* line_end(const char* p) const noexcept {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(e_ - p));
        return nl ? static_cast<const char*>(nl) : e_;
    }
    [[nodiscard]] const char* skip_blanks(const char* p) const noexcept {
        while (p < e_ && is_blank(*p)) ++p;
        return p;
    }

    /// After `from`, the end of the first `what`, or nullptr; `memo` remembers a failed search
    /// (none after it means none after any later position), which keeps rescans linear.
    const char* find_after(const char* from, std::string_view what, const char*& memo) const {
        if (memo != nullptr && from >= memo) return nullptr;
        const std::string_view rest = view(from, e_);
        const auto pos = rest.find(what);
        if (pos == std::string_view::npos) {
            memo = from;
            return nullptr;
        }
        return from + pos + what.size();
    }

    /// If a complete comment starts at c, where it ends; else c (unterminated ones are left to
    /// the inline rule, which reports them).
    const char* skip_comment(const char* c) {
        if (starts_with(c, e_, "//")) return line_end(c);
        if (starts_with(c, e_, "/*")) {
            const char* end = find_after(c + 2, "*/", no_block_comment_end_);
            return end ? end : c;
        }
        if (starts_with(c, e_, "<!--")) {
            const char* end = find_after(c + 4, "-->", no_html_comment_end_);
            return end ? end : c;
        }
        return c;
    }

    /// What the line starting at ls is (Argdown's lexer decisions at a line start).
    line_info classify(const char* ls) {
        line_info li;
        li.begin = ls;
        const char* p = ls;
        while (p < e_ && is_blank(*p)) ++p;
        li.indent = static_cast<std::size_t>(p - ls);
        while (p < e_ && is_inline_space(*p)) ++p;
        if (p == e_ || *p == '\n') {
            li.kind = line_kind::blank;
            li.next = p == e_ ? e_ : p + 1;
            return li;
        }
        for (;;) {  // leading comments: a line of nothing but comments is transparent
            const char* after = skip_comment(p);
            if (after == p) break;
            p = after;
            while (p < e_ && is_inline_space(*p)) ++p;
            if (p == e_ || *p == '\n') {
                li.kind = line_kind::transparent;
                li.next = p == e_ ? e_ : p + 1;
                return li;
            }
        }
        li.kind = line_kind::content;
        li.first = p;
        const char* it = p;
        if (!run_rule(it, ad::line_head_rule(), li.head)) {
            li.head = {};
            it = p;
        }
        li.head_end = it;
        return li;
    }

    // -----------------------------------------------------------------------------------------
    // blocks
    // -----------------------------------------------------------------------------------------

    /// Moves a scratch vector's items into `target`: copied exactly sized when few (one small
    /// allocation, the scratch keeps its capacity), handed over whole when many (no second copy
    /// of a huge vector at any time).
    template <class T>
    static void move_into(std::vector<T>& target, std::vector<T>& scratch) {
        if (scratch.size() > 256) {
            target = std::move(scratch);
            scratch = std::vector<T>{};
        } else {
            target.assign(std::make_move_iterator(scratch.begin()), std::make_move_iterator(scratch.end()));
        }
        scratch.clear();
    }

    /// Moves the relations read so far into their owner; call before the owner changes.
    void commit_relations() {
        std::vector<relation_node>* target = nullptr;
        switch (owner_) {
            case owner_kind::element_root:
                target = &std::get<element_block>(doc_.blocks.back().value).relations;
                break;
            case owner_kind::list_item:
                target = &list_scratch_.back().relations;
                break;
            case owner_kind::pcs_statement:
                target = &pcs_scratch_.back().relations;
                break;
            case owner_kind::inference:
                if (pending_inference_) target = &pending_inference_->relations;
                break;
            case owner_kind::none:
                break;
        }
        if (target != nullptr && !rel_scratch_.empty()) move_into(*target, rel_scratch_);
        rel_scratch_.clear();
        rel_stack_.clear();
        owner_ = owner_kind::none;
    }

    void set_owner(owner_kind k, std::size_t indent) {
        commit_relations();
        owner_ = k;
        owner_indent_ = indent;
    }

    /// An upper bound for the number of blocks, mostly: empty-line runs + 1.
    [[nodiscard]] std::size_t estimate_blocks() const noexcept {
        std::size_t blocks = 1;
        bool previous_blank = false;
        for (const char* p = b_; p < e_;) {
            const char* q = p;
            while (q < e_ && is_inline_space(*q)) ++q;
            const bool blank = q == e_ || *q == '\n';
            if (blank && !previous_blank) ++blocks;
            previous_blank = blank;
            const void* nl = std::memchr(q, '\n', static_cast<std::size_t>(e_ - q));
            p = nl != nullptr ? static_cast<const char*>(nl) + 1 : e_;
        }
        return std::min<std::size_t>(blocks, 1u << 20);
    }

    pcs& current_pcs() { return std::get<pcs>(doc_.blocks.back().value); }

    const char* dispatch(const line_info& li) {
        using hk = ad::head_kind;
        if (li.head.kind != hk::relation) commit_relations();
        switch (li.head.kind) {
            case hk::text:
                if (state_ != block_state::none) {
                    // the text before stopped here because a title starts this line
                    if (state_ == block_state::pcs && pending_inference_) {
                        report(li.first, "expected a numbered statement '(n)' after the inference line");
                    } else {
                        report(li.first, "expected an empty line before a new statement or argument");
                    }
                    end_block();
                }
                return start_element_block(li.first);

            case hk::heading:
                if (state_ != block_state::none) {
                    report(li.first, "expected an empty line before the heading");
                    end_block();
                }
                return start_heading(li);

            case hk::relation:
                if (state_ == block_state::none || state_ == block_state::heading) {
                    if (state_ == block_state::heading) {
                        report(li.first, "expected an empty line after the heading (a heading has no relations)");
                    } else if (block_count_ == 0 && !doc_.front) {
                        report(li.first, "relation without a statement or argument above it");
                    } else {
                        report(li.first, "relation after an empty line (a relation belongs under its parent, without an empty line)");
                    }
                    end_block();
                    // read the element after the symbol as a new top-level element
                    return start_element_block(skip_blanks(li.head_end),
                                               "expected a statement or an argument after the relation symbol");
                }
                return add_relation(li);

            case hk::inference:
                if (state_ == block_state::pcs) return add_inference(li, true);
                report(li.first, "inference line without premises");
                end_block();
                start_pcs(li, false);
                return add_inference(li, false);

            case hk::pcs_number:
                if (state_ == block_state::pcs) return add_pcs_statement(li);
                if (state_ == block_state::none) {
                    start_pcs(li, true);
                } else {
                    const auto* eb = state_ == block_state::element
                                         ? std::get_if<element_block>(&doc_.blocks.back().value)
                                         : nullptr;
                    if (eb != nullptr && eb->root.kind == element_kind::argument) {
                        report(li.first, "expected an empty line between the argument and its premise-conclusion structure");
                    } else {
                        report(li.first, "expected an empty line before the premise-conclusion structure");
                    }
                    const bool attach = eb != nullptr && eb->root.kind == element_kind::argument;
                    end_block();
                    start_pcs(li, attach);
                }
                return add_pcs_statement(li);

            case hk::ordered_item:
            case hk::unordered_item:
                if (state_ == block_state::list) return add_list_item(li);
                if (state_ != block_state::none) {
                    report(li.first, "expected an empty line before the list");
                    end_block();
                }
                return start_list(li);
        }
        const char* le = line_end(li.begin);
        return le == e_ ? e_ : le + 1;
    }

    void end_block() {
        commit_relations();
        if (state_ == block_state::pcs) {
            finish_pcs();
            move_into(current_pcs().statements, pcs_scratch_);
        } else if (state_ == block_state::list) {
            move_into(std::get<list_block>(doc_.blocks.back().value).items, list_scratch_);
        }
        if (state_ != block_state::none) complete_block();
        state_ = block_state::none;
        set_owner(owner_kind::none, 0);
        pending_inference_.reset();
    }

    /// A new block, with the innermost heading above it as its section.
    template <class Value>
    void push_block(Value&& value) {
        const auto index = block_count_++;
        std::uint32_t section = no_index;
        if constexpr (std::is_same_v<std::decay_t<Value>, heading>) {
            while (!open_headings_.empty() && open_headings_.back().first >= value.level) open_headings_.pop_back();
            if (!open_headings_.empty()) section = open_headings_.back().second;
            open_headings_.emplace_back(value.level, index);
        } else if (!open_headings_.empty()) {
            section = open_headings_.back().second;
        }
        doc_.blocks.push_back(block{std::forward<Value>(value), section});
    }

    /// The current block is read whole: note what the document's checks need, hand it to the
    /// consumer (while the document has no error: a map of a faulty document is not made), and
    /// with a consumer let it go.
    void complete_block() {
        const block& b = doc_.blocks.back();
        const auto index = block_count_ - 1;
        note_block(b);
        const auto* eb = std::get_if<element_block>(&b.value);
        const bool argument = eb != nullptr && eb->root.kind == element_kind::argument;
        argument_above_ = argument ? eb->root.title : std::string_view{};
        argument_above_block_ = argument ? index : no_index;
        if (consumer_ == nullptr) return;
        if (sink_.count() == 0) consumer_->take(doc_, b, index);
        doc_.blocks.pop_back();
    }

    const char* start_element_block(const char* at,
                                    const char* if_empty = "expected a statement or an argument before the data") {
        element_block eb;
        const element_result er = parse_element(at, eb.root);
        if (er.empty) report(at, if_empty);
        push_block(std::move(eb));
        state_ = block_state::element;
        set_owner(owner_kind::element_root, 0);
        return er.next;
    }

    const char* start_heading(const line_info& li) {
        heading h;
        h.level = li.head.number;
        const content_end ce = parse_content(li.head_end, h.title, content_mode::text, {});
        if (h.title.text.empty()) report(li.head_end, "expected the heading's text after '#'");
        h.where.bytes = sp(li.first, std::max(ce.end != nullptr ? ce.end : li.head_end, li.head_end));
        push_block(std::move(h));
        state_ = block_state::heading;
        set_owner(owner_kind::none, 0);
        return ce.next;
    }

    const char* add_relation(const line_info& li) {
        relation_node n;
        n.type = type_of(li.head.symbol);
        n.direction = direction_of(li.head.symbol);
        n.symbol = view(li.first, li.head_end);
        n.symbol_at.bytes = sp(li.first, li.head_end);
        n.indentation = li.indent;
        const char* at = skip_blanks(li.head_end);
        const element_result er = parse_element(at, n.child);
        if (er.empty) {
            report(li.head_end, "expected a statement or an argument after '" + std::string(n.symbol) + "'");
            return er.next;
        }
        if (li.head.symbol == ad::relation_symbol::contradiction &&
            n.child.kind == element_kind::argument) {
            report(at, "expected a statement after '><' (a contradiction relates statements)");
        }
        if (li.head.symbol == ad::relation_symbol::undercut_out &&
            n.child.kind == element_kind::statement) {
            report(at, "expected an argument after '_>' (only an argument's inference can be undercut)");
        }
        auto* rels = &rel_scratch_;
        while (!rel_stack_.empty() && rel_stack_.back().first >= li.indent) rel_stack_.pop_back();
        if (rel_stack_.empty()) {
            n.parent = no_index;
            n.depth = 1;
            if (li.indent <= owner_indent_) {
                report(li.first, "expected the relation to be indented more than its parent");
            }
        } else {
            n.parent = rel_stack_.back().second;
            n.depth = (*rels)[n.parent].depth + 1;
        }
        const auto index = static_cast<std::uint32_t>(rels->size());
        rels->push_back(std::move(n));
        rel_stack_.emplace_back(li.indent, index);
        return er.next;
    }

    void start_pcs(const line_info& li, bool attach) {
        pcs p;
        p.where.bytes = sp(li.first, li.first);
        if (attach && argument_above_block_ != no_index) {  // the block just ended is an argument
            p.argument_title = argument_above_;
            p.argument_block = argument_above_block_;
        }
        push_block(std::move(p));
        state_ = block_state::pcs;
        statements_since_inference_ = 0;
        pending_inference_.reset();
        set_owner(owner_kind::none, 0);
    }

    const char* add_pcs_statement(const line_info& li) {
        pcs_statement s;
        s.number = li.head.number;
        s.number_span = sp(li.first, li.head_end);
        const char* at = skip_blanks(li.head_end);
        const element_result er = parse_element(at, s.statement);
        if (er.empty) {
            report(li.head_end, "expected a statement after '" + std::string(view(li.first, li.head_end)) + "'");
        } else if (s.statement.kind == element_kind::argument) {
            report(at, "expected a statement after '" + std::string(view(li.first, li.head_end)) +
                           "', not an argument");
        }
        if (pending_inference_) {
            s.inferred_by = std::move(pending_inference_);
            pending_inference_.reset();
            s.role = pcs_role::intermediate_conclusion;
        }
        s.where.bytes = sp(li.first, std::max(b_ + s.statement.where.bytes.end, li.head_end));
        current_pcs().where.bytes.end = s.where.bytes.end;
        pcs_scratch_.push_back(std::move(s));
        ++statements_since_inference_;
        set_owner(owner_kind::pcs_statement, 0);
        return er.next;
    }

    const char* add_inference(const line_info& li, bool check_premises) {
        if (check_premises && statements_since_inference_ == 0) {
            report(li.first, "inference line without premises");
        }
        inference inf;
        const std::size_t errors_before = sink_.count();
        const char* next = parse_inference(li.first, inf);
        pending_inference_unclosed_ = sink_.count() != errors_before;
        current_pcs().where.bytes.end = std::max(current_pcs().where.bytes.end, inf.where.bytes.end);
        pending_inference_ = std::move(inf);
        statements_since_inference_ = 0;
        set_owner(owner_kind::inference, 0);
        return next;
    }

    void finish_pcs() {
        const pcs& p = current_pcs();
        auto& statements = pcs_scratch_;
        bool reported = false;
        if (pending_inference_) {
            if (!pending_inference_unclosed_) {
                report(b_ + pending_inference_->where.bytes.begin,
                       "expected a numbered conclusion after the inference line");
            }
            pending_inference_.reset();
            reported = true;
        }
        std::uint32_t last_conclusion = no_index;
        for (std::uint32_t i = 0; i < statements.size(); ++i) {
            if (statements[i].inferred_by) {
                statements[i].role = pcs_role::intermediate_conclusion;
                last_conclusion = i;
            }
        }
        if (last_conclusion == no_index) {
            if (!reported) {
                report(b_ + p.where.bytes.begin,
                       "premise-conclusion structure without a conclusion: expected an inference line ('----') and a numbered conclusion");
            }
            return;
        }
        statements[last_conclusion].role = pcs_role::main_conclusion;
        if (last_conclusion + 1 != statements.size() && !reported) {
            report(b_ + statements.back().where.bytes.begin,
                   "expected an inference line and a conclusion after the last premise (a premise-conclusion structure ends with its conclusion)");
        }
    }

    const char* start_list(const line_info& li) {
        list_block l;
        l.where.bytes = sp(li.first, li.first);
        push_block(std::move(l));
        state_ = block_state::list;
        list_indent_ = li.indent;
        return add_list_item(li);
    }

    const char* add_list_item(const line_info& li) {
        if (li.indent > list_indent_) {
            report(li.first, "nested lists are not supported: expected the item at the list's indentation");
        }
        list_item item;
        item.ordered = li.head.kind == ad::head_kind::ordered_item;
        item.number = item.ordered ? li.head.number : 0;
        const char* at = skip_blanks(li.head_end);
        const element_result er = parse_element(at, item.value);
        if (er.empty) report(li.head_end, "expected a statement or an argument after the list marker");
        item.where.bytes = sp(li.first, std::max(b_ + item.value.where.bytes.end, li.head_end));
        std::get<list_block>(doc_.blocks.back().value).where.bytes.end = item.where.bytes.end;
        list_scratch_.push_back(std::move(item));
        set_owner(owner_kind::list_item, li.indent);
        return er.next;
    }

    // -----------------------------------------------------------------------------------------
    // front matter
    // -----------------------------------------------------------------------------------------

    const char* parse_front_matter(const char* p) {
        const char* q = p;
        for (;;) {  // leading empty lines
            line_info li = classify(q);
            if (li.kind != line_kind::blank || q == e_) break;
            q = li.next;
        }
        if (!starts_with(q, e_, "===")) return p;
        const char* open_end = line_end(q);
        const char* body = open_end == e_ ? e_ : open_end + 1;
        for (const char* ls = body; ls < e_;) {
            const char* le = line_end(ls);
            const char* c = skip_blanks(ls);
            if (starts_with(c, le, "===")) {
                front_matter fm;
                fm.where.bytes = sp(q, le);
                fm.yaml = view(body, ls);
                fm.data = parse_block_yaml(body, ls);
                doc_.front = std::move(fm);
                return le == e_ ? e_ : le + 1;
            }
            ls = le == e_ ? e_ : le + 1;
        }
        report(q, "expected '===' to close the front matter");
        return body;
    }

    // -----------------------------------------------------------------------------------------
    // elements and their text
    // -----------------------------------------------------------------------------------------

    element_result parse_element(const char* at, element& el) {
        el = element{};
        const std::size_t errors_before = sink_.count();
        ad::element_head h;
        const char* it = at;
        const char* body = at;
        std::string_view image;  // "[T]" or "<A>" as written, for messages
        if (run_rule(it, ad::element_head_rule(), h) && h.kind != ad::title_kind::none) {
            el.kind = h.kind == ad::title_kind::argument ? element_kind::argument : element_kind::statement;
            el.form = h.definition ? element_form::definition : element_form::reference;
            el.title = trim(view(h.title_begin, h.title_end));
            el.title_span = sp(h.title_begin - 1, h.title_end + 1);
            image = view(h.title_begin - 1, h.title_end + 1);
            if (el.title.empty()) {
                report(h.title_begin, el.kind == element_kind::argument ? "expected an argument title"
                                                                        : "expected a statement title");
            }
            body = it;
        }
        // else: plain text (if the title was broken, the rule has reported it)
        const content_end ce = parse_content(
            body, el.body, el.form == element_form::reference ? content_mode::reference : content_mode::text,
            image);
        const char* end = ce.end != nullptr ? ce.end : body;
        el.where.bytes = sp(at, std::max(end, body));
        if (el.form == element_form::definition && el.body.text.empty()) {
            report(body, "expected the text of " + std::string(image) + " after ':'");
        }
        // "empty" (nothing there) is for the caller to report, unless an error already explains it
        return {ce.next, el.form == element_form::untitled && el.body.text.empty() &&
                             sink_.count() == errors_before};
    }

    /// Reads text from p: this line and its continuation lines. Stops before an empty line or a
    /// line that starts something else. Fills `out`; returns where reading stopped.
    content_end parse_content(const char* p, content& out, content_mode mode, std::string_view owner) {
        toks_.clear();
        replacements_.clear();
        const char* first_text = nullptr;
        const char* last_text_end = nullptr;
        const char* last_end = nullptr;
        bool after_data = false;
        bool reported_after_data = false;
        bool reported_reference = false;
        const char* next = e_;

        auto note = [&](const char* b, const char* e) {
            while (b < e && is_space(*b)) ++b;
            while (e > b && is_space(e[-1])) --e;
            if (b == e) return;
            if (first_text == nullptr) first_text = b;
            last_text_end = e;
            last_end = e;
        };
        // May a visible token stand here? Reports (once) when not.
        auto allowed = [&](const char* at, bool tag_like) {
            if (after_data) {
                if (!reported_after_data) {
                    report(at, "expected a line break after the data (data comes last)");
                    reported_after_data = true;
                }
                return false;
            }
            if (mode == content_mode::reference && !tag_like) {
                if (!reported_reference) {
                    report(at, "expected only tags or data after the reference " + std::string(owner) +
                                   " (write " + std::string(owner) + ": text to define it)");
                    reported_reference = true;
                }
                return false;
            }
            return true;
        };
        auto push_text = [&](const char* b, const char* e) {
            if (!toks_.empty() && toks_.back().kind == tk::text && toks_.back().e == off(b)) {
                toks_.back().e = off(e);
            } else {
                tok t;
                t.b = off(b);
                t.e = off(e);
                toks_.push_back(t);
            }
        };
        auto first_visible = [](const char* b, const char* e) {
            while (b < e && is_space(*b)) ++b;
            return b;
        };
        auto visible = [&](const char* b, const char* e) { return first_visible(b, e) != e; };

        while (p < e_) {
            if (saturated()) {
                stopped_at_ = p;
                next = e_;
                goto done;
            }
            if (*p == '\n') {
                // a continuation line, or the end of this text?
                line_info li = classify(p + 1);
                while (li.kind == line_kind::transparent) li = classify(li.next);
                if (li.kind == line_kind::blank || is_structural(li.head.kind)) {
                    cached_ = li;
                    next = li.begin;
                    goto done;
                }
                {
                    const char* it = li.first;
                    if (probe_rule(it, ad::title_ahead_rule())) {  // a new element: not ours
                        cached_ = li;
                        next = li.begin;
                        goto done;
                    }
                }
                push_text(p, p + 1);  // the line break is a space
                p = li.first;
                continue;
            }
            ad::inline_token t;
            const char* it = p;
            if (!detail::starts_inline_markup(*p)) {
                // Only the grammar's plain run can start here (every other alternative of the
                // inline rule starts with one of the markup characters): read it directly.
                it = detail::plain_run_end(p, e_);
                t.kind = ad::token_kind::text;
                t.a_begin = p;
                t.a_end = it;
            } else if (!run_rule(it, ad::inline_token_rule(), t)) {
                // an expectation failed and was reported
                if (starts_with(p, e_, "/*") || starts_with(p, e_, "<!--")) {
                    next = e_;  // an unterminated comment runs to the end
                    goto done;
                }
                if (allowed(p, false)) {
                    push_text(p, p + 1);
                    note(p, p + 1);
                }
                ++p;
                continue;
            }
            switch (t.kind) {
                case ad::token_kind::comment:
                    break;
                case ad::token_kind::data_open: {
                    const data_scan ds = scan_data(p);
                    if (ds.end == nullptr) {
                        report(p, "expected '}' to close the data");
                        next = ds.resume;
                        goto done;
                    }
                    if (out.data != no_index) {
                        report(p, "expected only one data block ({...})");
                    } else {
                        out.data = build_data(p, ds.end);
                    }
                    after_data = true;
                    last_end = ds.end;
                    it = ds.end;
                    break;
                }
                case ad::token_kind::text:
                    if (!visible(p, it)) {
                        push_text(p, it);
                    } else if (allowed(first_visible(p, it), false)) {
                        push_text(p, it);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::escape:
                    if (allowed(p, false)) {
                        tok e;
                        e.kind = tk::escape;
                        e.b = off(p);
                        e.e = off(it);
                        e.vb = off(t.a_begin);
                        e.ve = off(t.a_end);
                        toks_.push_back(e);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::emphasis:
                    if (allowed(p, false)) {
                        tok m;
                        m.kind = tk::emphasis;
                        m.marker = *p;
                        m.marker_len = static_cast<std::uint8_t>(it - p);
                        const char follower = it < e_ ? *it : '\n';
                        const char before = p > b_ ? p[-1] : '\n';
                        m.can_open = it < e_ && !is_space(follower);
                        m.can_close = !is_space(before) && is_close_follower(follower);
                        m.b = off(p);
                        m.e = off(it);
                        toks_.push_back(m);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::link:
                    if (allowed(p, false)) {
                        // "[text](url)": text cannot contain ']'
                        const char* close = static_cast<const char*>(
                            std::memchr(p, ']', static_cast<std::size_t>(it - p)));
                        tok l;
                        l.kind = tk::link;
                        l.b = off(p);
                        l.e = off(it);
                        l.vb = off(p + 1);
                        l.ve = off(close);  // the url runs from close + 2 to e - 1
                        toks_.push_back(l);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::tag:
                    if (allowed(p, true)) {
                        tok g;
                        g.kind = tk::tag;
                        g.b = off(p);
                        g.e = off(it);
                        const std::string_view name = trim(view(t.a_begin, t.a_end));
                        g.vb = off(name.data());
                        g.ve = off(name.data() + name.size());
                        toks_.push_back(g);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::statement_mention:
                case ad::token_kind::argument_mention:
                    if (allowed(p, false)) {
                        tok m;
                        m.kind = t.kind == ad::token_kind::statement_mention ? tk::statement_mention
                                                                             : tk::argument_mention;
                        m.b = off(p);
                        m.e = off(it);
                        const std::string_view title = trim(view(t.a_begin, t.a_end));
                        m.vb = off(title.data());
                        m.ve = off(title.data() + title.size());
                        toks_.push_back(m);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::stray_statement_title:
                case ad::token_kind::stray_argument_title: {
                    const char* close = t.kind == ad::token_kind::stray_statement_title
                                            ? static_cast<const char*>(std::memchr(p, ']', static_cast<std::size_t>(it - p)))
                                            : static_cast<const char*>(std::memchr(p, '>', static_cast<std::size_t>(it - p)));
                    const std::string bracketed(view(p, close + 1));
                    if (allowed(p, false)) {
                        report(p, "expected @" + bracketed + " to mention " + bracketed +
                                      " inside text (a title starts an element only at the start of a line)");
                        push_text(p, it);
                        note(p, it);
                    }
                    break;
                }
                case ad::token_kind::shortcode:
                    if (p > b_ && is_ascii_alnum(p[-1])) {  // "U.S.A." is not a shortcode
                        it = p + 1;
                        if (allowed(p, false)) {
                            push_text(p, it);
                            note(p, it);
                        }
                    } else if (allowed(p, false)) {
                        tok s;
                        s.kind = tk::shortcode;
                        s.b = off(p);
                        s.e = off(it);
                        s.vb = static_cast<std::uint32_t>(replacements_.size());
                        replacements_.push_back(t.replacement);
                        toks_.push_back(s);
                        note(p, it);
                    }
                    break;
                case ad::token_kind::inference_end:
                case ad::token_kind::separator:
                    push_text(p, it);  // not produced by the inline rule
                    break;
            }
            p = it;
        }
        next = e_;
    done:
        emit(out, mode, first_text, last_text_end);
        out.where = first_text != nullptr ? sp(first_text, last_text_end) : sp(p, p);
        return {next, last_end};
    }

    /// Whether the cleaned text of the tokens read by parse_content is the raw slice [first, last)
    /// itself: plain text, tags and mentions (written as they stand) whose tokens follow one
    /// another without a gap (no comment, data, escape or markup between them), with no white space
    /// but single spaces between first and last (nothing to collapse).
    bool as_written(content_mode mode, const char* first, const char* last) const {
        if (first == nullptr || mode == content_mode::reference || toks_.empty()) return false;
        if (toks_.front().b > off(first) || toks_.back().e < off(last)) return false;
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const tok& t = toks_[i];
            if (t.kind != tk::text && t.kind != tk::tag && t.kind != tk::statement_mention &&
                t.kind != tk::argument_mention)
                return false;
            if (i > 0 && toks_[i - 1].e != t.b) return false;
        }
        return detail::single_spaced(first, last);
    }

    /// Pairs emphasis markers (a stack, as Argdown's lexer) and writes the cleaned text, the
    /// ranges and the tags of the tokens read by parse_content. The text goes to the end of the
    /// storage; when it equals the raw slice [first, last) of the input, it views the input
    /// instead and the storage is left as it was.
    ///
    /// Why a piece of the storage never reallocates: a text is written only into a piece with
    /// room for its raw text, and each content's cleaned text is at most as long as its raw text
    /// (markers, comments, backslashes and link targets are dropped; a space stands for at least
    /// one white-space byte; every shortcode is at least as long as its replacement).
    void emit(content& out, content_mode mode, const char* first, const char* last) {
        emph_stack_.clear();
        for (std::uint32_t i = 0; i < toks_.size(); ++i) {
            tok& t = toks_[i];
            if (t.kind != tk::emphasis) continue;
            if (t.can_close && !emph_stack_.empty()) {
                tok& o = toks_[emph_stack_.back()];
                if (o.marker == t.marker && o.marker_len == t.marker_len) {
                    o.partner = i;
                    t.partner = emph_stack_.back();
                    emph_stack_.pop_back();
                    continue;
                }
            }
            if (t.can_open) emph_stack_.push_back(i);
        }

        // room for the whole cleaned text in the last piece of the storage, or a new piece
        const std::size_t raw_size = first != nullptr ? static_cast<std::size_t>(last - first) : 0;
        if (storage_->empty() || storage_->back().capacity() - storage_->back().size() < raw_size + 8)
            storage_->emplace_back().reserve(std::max(storage_piece, raw_size + 8));
        std::string& text = storage_->back();
        const std::size_t start = text.size();
        bool pending_space = false;
        auto flush = [&] {
            if (pending_space && text.size() > start) text.push_back(' ');
            pending_space = false;
        };
        auto append = [&](const char* b, const char* e) {
            while (b < e) {
                if (is_space_fast(*b)) {
                    pending_space = true;
                    ++b;
                    continue;
                }
                const char* run = b + 1;
                while (run < e && !is_space_fast(*run)) ++run;
                flush();
                text.append(b, run);
                b = run;
            }
        };
        std::optional<std::unordered_set<std::string_view>> many_tags;
        auto add_tag = [&](std::string_view name) {
            if (name.empty()) return;
            if (out.tags.size() < 32) {
                if (std::find(out.tags.begin(), out.tags.end(), name) == out.tags.end()) out.tags.push_back(name);
                return;
            }
            if (!many_tags) many_tags.emplace(out.tags.begin(), out.tags.end());
            if (many_tags->insert(name).second) out.tags.push_back(name);
        };
        auto range = [&](inline_kind k, const tok& t, std::size_t begin, std::string_view value,
                         std::string_view url) {
            inline_range r;
            r.kind = k;
            r.where = {t.b, t.e};
            r.begin = begin - start;
            r.end = text.size() - start;
            r.value = value;
            r.url = url;
            out.ranges.push_back(r);
        };

        if (as_written(mode, first, last)) {
            // The common case, without a copy: the cleaned text is the raw slice; only the tags
            // and the ranges of tags and mentions are to be found.
            const auto base = off(first);
            for (const tok& t : toks_) {
                if (t.kind == tk::text) continue;
                if (t.kind == tk::tag) add_tag(view(b_ + t.vb, b_ + t.ve));
                inline_range r;
                r.kind = t.kind == tk::tag                 ? inline_kind::tag
                         : t.kind == tk::statement_mention ? inline_kind::statement_mention
                                                           : inline_kind::argument_mention;
                r.where = {t.b, t.e};
                r.begin = t.b - base;
                r.end = t.e - base;
                r.value = view(b_ + t.vb, b_ + t.ve);
                out.ranges.push_back(r);
            }
            out.text = view(first, last);
            return;
        }

        for (std::uint32_t i = 0; i < toks_.size(); ++i) {
            tok& t = toks_[i];
            const char* tb = b_ + t.b;
            const char* te = b_ + t.e;
            switch (t.kind) {
                case tk::text:
                    append(tb, te);
                    break;
                case tk::escape:
                    flush();
                    text.append(b_ + t.vb, b_ + t.ve);
                    break;
                case tk::emphasis:
                    if (t.partner == no_index) {
                        append(tb, te);
                    } else if (t.partner > i) {
                        flush();
                        t.vb = static_cast<std::uint32_t>(text.size() - start);
                    } else {
                        const tok& o = toks_[t.partner];
                        inline_range r;
                        r.kind = t.marker_len == 2 ? inline_kind::bold : inline_kind::italic;
                        r.where = {o.b, t.e};
                        r.begin = o.vb;
                        r.end = text.size() - start;
                        out.ranges.push_back(r);
                    }
                    break;
                case tk::link: {
                    flush();
                    const std::size_t begin = text.size();
                    append(b_ + t.vb, b_ + t.ve);
                    pending_space = false;
                    range(inline_kind::link, t, begin, view(b_ + t.vb, b_ + t.ve), view(b_ + t.ve + 2, te - 1));
                    break;
                }
                case tk::tag: {
                    const std::string_view name = view(b_ + t.vb, b_ + t.ve);
                    add_tag(name);
                    if (mode == content_mode::reference) break;  // references have no text
                    flush();
                    const std::size_t begin = text.size();
                    append(tb, te);
                    pending_space = false;
                    range(inline_kind::tag, t, begin, name, {});
                    break;
                }
                case tk::statement_mention:
                case tk::argument_mention: {
                    flush();
                    const std::size_t begin = text.size();
                    append(tb, te);
                    pending_space = false;
                    std::string_view title = view(b_ + t.vb, b_ + t.ve);
                    if (title.find('\n') != std::string_view::npos) {
                        // wrapped onto the next line: the title with its white space collapsed,
                        // as the cleaned text holds it between "@[" and "]"
                        title = trim(std::string_view(text).substr(begin + 2, text.size() - begin - 3));
                    }
                    range(t.kind == tk::statement_mention ? inline_kind::statement_mention
                                                          : inline_kind::argument_mention,
                          t, begin, title, {});
                    break;
                }
                case tk::shortcode: {
                    flush();
                    const std::size_t begin = text.size();
                    text.append(replacements_[t.vb]);
                    range(inline_kind::special_char, t, begin, view(tb, te), {});
                    break;
                }
            }
        }
        if (out.ranges.size() > 1) {
            std::stable_sort(out.ranges.begin(), out.ranges.end(),
                             [](const inline_range& a, const inline_range& b) { return a.begin < b.begin; });
        }
        const std::string_view produced(text.data() + start, text.size() - start);
        if (first != nullptr && produced == view(first, last)) {
            text.resize(start);  // the common case: no need to keep a copy
            out.text = view(first, last);
        } else {
            out.text = produced;
        }
    }

    // -----------------------------------------------------------------------------------------
    // inference lines
    // -----------------------------------------------------------------------------------------

    /// Reads "--" ... "--" from `start` (the first '-'), over several lines if need be.
    const char* parse_inference(const char* start, inference& inf) {
        inf.where.bytes = sp(start, start + 2);
        const char* p = start + 2;
        {  // "----" (or "---"): collapsed
            const char* q = p;
            while (q < e_ && *q == '-') ++q;
            const char* r = q;
            while (r < e_ && is_inline_space(*r)) ++r;
            if (q > p && (r == e_ || *r == '\n')) {
                inf.where.bytes.end = static_cast<std::size_t>(q - b_);
                return r == e_ ? e_ : r + 1;
            }
        }
        const char* rule_begin = nullptr;
        const char* rule_end = nullptr;
        auto finish_rule = [&] {
            if (rule_begin != nullptr) {
                const std::string_view rule = trim(view(rule_begin, rule_end));
                if (!rule.empty()) inf.rules.push_back(rule);
            }
            rule_begin = rule_end = nullptr;
        };
        bool closed = false;
        while (p < e_) {
            if (*p == '\n') {
                const char* r = p + 1;
                while (r < e_ && is_inline_space(*r)) ++r;
                if (r == e_ || *r == '\n') break;  // an empty line: never closed
                ++p;
                continue;
            }
            ad::inline_token t;
            const char* it = p;
            if (!run_rule(it, ad::inference_token_rule(), t)) {
                if (starts_with(p, e_, "/*") || starts_with(p, e_, "<!--")) {
                    inf.collapsed = inf.rules.empty() && inf.data == no_index;
                    return e_;
                }
                ++p;
                continue;
            }
            switch (t.kind) {
                case ad::token_kind::data_open: {
                    finish_rule();  // data follows the rules
                    const data_scan ds = scan_data(p);
                    if (ds.end == nullptr) {
                        report(p, "expected '}' to close the data");
                        inf.collapsed = inf.rules.empty() && inf.data == no_index;
                        return ds.resume;
                    }
                    if (inf.data != no_index) {
                        report(p, "expected only one data block ({...})");
                    } else {
                        inf.data = build_data(p, ds.end);
                    }
                    it = ds.end;
                    break;
                }
                case ad::token_kind::inference_end:
                    finish_rule();
                    closed = true;
                    inf.where.bytes.end = static_cast<std::size_t>(it - b_);
                    p = it;
                    goto closed_line;
                case ad::token_kind::separator:
                    finish_rule();
                    break;
                case ad::token_kind::comment:
                    break;
                default:
                    if (rule_begin == nullptr) rule_begin = p;
                    rule_end = it;
                    break;
            }
            p = it;
        }
    closed_line:
        inf.collapsed = inf.rules.empty() && inf.data == no_index;
        if (!closed) {
            finish_rule();
            report(p, "expected '--' to close the inference line");
            return p < e_ ? p + 1 : e_;
        }
        // only comments may follow on the line
        for (;;) {
            while (p < e_ && is_inline_space(*p)) ++p;
            if (p == e_) return e_;
            if (*p == '\n') return p + 1;
            const char* after = skip_comment(p);
            if (after == p) break;
            p = after;
        }
        report(p, "expected a line break after the inference line");
        const char* le = line_end(p);
        return le == e_ ? e_ : le + 1;
    }

    // -----------------------------------------------------------------------------------------
    // data: {yaml} and front matter
    // -----------------------------------------------------------------------------------------

    /// The '}' that closes the '{' at `open` (nesting and quotes counted). Data never crosses an
    /// empty line, so a missing '}' costs at most the rest of the block.
    data_scan scan_data(const char* open) const {
        std::size_t depth = 0;
        for (const char* q = open; q < e_; ++q) {
            switch (*q) {
                case '{':
                    ++depth;
                    break;
                case '}':
                    if (--depth == 0) return {q + 1, nullptr};
                    break;
                case '"':
                case '\'': {
                    const char prev = q[-1];  // q > open: open is '{'
                    if (is_space(prev) || prev == '{' || prev == '[' || prev == ',' || prev == ':') {
                        if (const char* close = closing_quote(q, e_)) q = close;
                    }
                    break;
                }
                case '\n': {
                    const char* r = q + 1;
                    while (r < e_ && is_inline_space(*r)) ++r;
                    if (r == e_ || *r == '\n') return {nullptr, q + 1};
                    break;
                }
                default:
                    break;
            }
        }
        return {nullptr, e_};
    }

    /// The closing quote of the quoted text at q, on the same line and before `e`, or nullptr.
    static const char* closing_quote(const char* q, const char* e) noexcept {
        const char quote = *q;
        for (const char* i = q + 1; i < e && *i != '\n'; ++i) {
            if (quote == '"' && *i == '\\') {
                if (i + 1 < e) ++i;
                continue;
            }
            if (*i == quote) {
                if (quote == '\'' && i + 1 < e && i[1] == '\'') {
                    ++i;
                    continue;
                }
                return i;
            }
        }
        return nullptr;
    }

    std::uint32_t add_node(data_kind k, std::uint32_t parent, std::string_view key, const char* b,
                           const char* e) {
        const auto index = static_cast<std::uint32_t>(doc_.data.size());
        data_node n;
        n.kind = k;
        n.key = key;
        n.where = sp(b, e);
        n.parent = parent;
        doc_.data.push_back(n);
        data_last_child_.resize(doc_.data.size(), no_index);  // yaml-cpp's nodes have no entry
        if (parent != no_index) {
            const std::uint32_t last = data_last_child_[parent];
            if (last == no_index) {
                doc_.data[parent].first_child = index;
            } else {
                doc_.data[last].next_sibling = index;
            }
            data_last_child_[parent] = index;
            auto& pw = doc_.data[parent].where;
            pw.end = std::max(pw.end, n.where.end);
        }
        return index;
    }

    void add_scalar(const scalar& s, std::uint32_t parent, std::string_view key) {
        const auto n = add_node(data_kind::scalar, parent, key, s.b, s.e);
        doc_.data[n].value = s.text;
        doc_.data[n].quoted = s.quoted;
    }

    /// A data token "{...}" from `open` to `end` (after its '}'): flow style, or block style
    /// when the '{' is followed by a line break.
    std::uint32_t build_data(const char* open, const char* end) {
        const char* q = open + 1;
        while (q < end && is_inline_space(*q)) ++q;
        std::uint32_t root = no_index;
        if (q < end && *q == '\n') {
            root = parse_block_yaml(q + 1, end - 1);
        } else {
            const char* p = open;
            root = parse_flow(p, end, no_index, {}, nullptr);
        }
        if (root != no_index) doc_.data[root].where = sp(open, end);
        return root;
    }

    /// Reads quoted text at p (p at the quote) up to `e`.
    bool read_quoted(const char*& p, const char* e, scalar& s) {
        const char* close = closing_quote(p, e);
        if (close == nullptr) {
            report(p, *p == '"' ? "expected '\"' to close the quoted text in the data"
                                : "expected \"'\" to close the quoted text in the data");
            return false;
        }
        s = {unquote(*p, view(p + 1, close)), true, p, close + 1};
        p = close + 1;
        return true;
    }

    /// The value of quoted text as YAML reads it: in double quotes, \" \\ \/ \n \t stand for
    /// their characters (other escapes stay as written); in single quotes '' stands for '.
    std::string_view unquote(char quote, std::string_view text) {
        const bool escaped = quote == '"' ? text.find('\\') != std::string_view::npos
                                          : text.find("''") != std::string_view::npos;
        if (!escaped) return text;
        std::string value;
        value.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (quote == '\'' && c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                value += '\'';
                ++i;
            } else if (quote == '"' && c == '\\' && i + 1 < text.size()) {
                const char next = text[++i];
                switch (next) {
                    case 'n': value += '\n'; break;
                    case 't': value += '\t'; break;
                    case '"': case '\\': case '/': value += next; break;
                    default: value += c; value += next; break;
                }
            } else {
                value += c;
            }
        }
        return keep(value);
    }

    void skip_flow_space(const char*& p, const char* e) const {
        while (p < e) {
            if (is_space(*p)) {
                ++p;
            } else if (*p == '#' && (p == b_ || is_space(p[-1]))) {
                while (p < e && *p != '\n') ++p;
            } else {
                break;
            }
        }
    }

    /// A flow collection ("{a: 1, b: [x, y]}" or "[...]") at p, with an explicit stack.
    std::uint32_t parse_flow(const char*& p, const char* e, std::uint32_t parent, std::string_view key,
                             const char* key_b) {
        enum : std::uint8_t { st_key, st_colon, st_value, st_comma };
        auto& st = flow_frames_;
        st.clear();
        auto open = [&](std::uint32_t par, std::string_view k, const char* at) {
            const bool map = *at == '{';
            const auto n = add_node(map ? data_kind::map : data_kind::list, par, k, key_b != nullptr && par == parent ? key_b : at, at + 1);
            st.push_back({n, map, map ? st_key : st_value, {}, nullptr, nullptr});
            return n;
        };
        auto close = [&](const char* at) {
            auto& w = doc_.data[st.back().node].where;
            w.end = std::max<std::size_t>(w.end, static_cast<std::size_t>(at + 1 - b_));
            const std::size_t end = w.end;
            st.pop_back();
            if (!st.empty()) {
                auto& pw = doc_.data[st.back().node].where;
                pw.end = std::max(pw.end, end);
            }
        };
        const std::uint32_t root = open(parent, key, p);
        ++p;
        while (!st.empty()) {
            skip_flow_space(p, e);
            if (p >= e) {
                report(e > b_ ? e - 1 : e, st.back().is_map ? "expected '}' to close the data"
                                                             : "expected ']' to close the list in the data");
                return root;
            }
            flow_frame& f = st.back();
            const char c = *p;
            switch (f.state) {
                case st_key: {
                    if (c == '}' && f.is_map) {
                        close(p);
                        ++p;
                        break;
                    }
                    if (c == ',') {
                        ++p;
                        break;
                    }
                    scalar s;
                    if (c == '"' || c == '\'') {
                        if (!read_quoted(p, e, s)) return root;
                    } else if (c == '{' || c == '[' || c == '}' || c == ']' || c == ':') {
                        report(p, "expected a key in the data");
                        return root;
                    } else {
                        const char* b = p;
                        while (p < e && *p != ':' && *p != ',' && *p != '}' && *p != ']' &&
                               *p != '{' && *p != '[' && *p != '\n' &&
                               !(*p == '#' && is_blank(p[-1]))) {
                            ++p;
                        }
                        const std::string_view k = trim(view(b, p));
                        s = {k, false, k.data(), k.data() + k.size()};
                    }
                    f.key = s.text;
                    f.key_b = s.b;
                    f.key_e = s.e;
                    f.state = st_colon;
                    break;
                }
                case st_colon:
                    if (c == ':') {
                        ++p;
                        f.state = st_value;
                    } else if (c == ',' || c == '}') {
                        add_node(data_kind::null, f.node, f.key, f.key_b, f.key_e);
                        f.state = st_comma;
                    } else {
                        report(p, "expected ':' after the key '" + std::string(f.key) + "' in the data");
                        return root;
                    }
                    break;
                case st_value: {
                    const std::string_view k = f.is_map ? f.key : std::string_view{};
                    if (c == '{' || c == '[') {
                        const std::uint32_t par = f.node;
                        f.state = st_comma;
                        open(par, k, p);  // invalidates f
                        ++p;
                        break;
                    }
                    if (f.is_map && (c == '}' || c == ',')) {
                        add_node(data_kind::null, f.node, k, f.key_b, f.key_e);
                        f.state = st_comma;
                        break;
                    }
                    if (!f.is_map && c == ']') {
                        close(p);
                        ++p;
                        break;
                    }
                    if (!f.is_map && c == ',') {
                        add_node(data_kind::null, f.node, k, p, p);
                        f.state = st_comma;
                        break;
                    }
                    if (c == '}' || c == ']') {
                        report(p, f.is_map ? "expected '}' to close the data" : "expected ']' to close the list in the data");
                        return root;
                    }
                    scalar s;
                    if (c == '"' || c == '\'') {
                        if (!read_quoted(p, e, s)) return root;
                    } else {
                        const char* b = p;
                        while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != '{' && *p != '[' &&
                               *p != '\n' && !(*p == '#' && is_blank(p[-1]))) {
                            ++p;
                        }
                        const std::string_view v = trim(view(b, p));
                        s = {v, false, v.data(), v.data() + v.size()};
                    }
                    add_scalar(s, f.node, k);
                    f.state = st_comma;
                    break;
                }
                case st_comma:
                    if (c == ',') {
                        ++p;
                        f.state = f.is_map ? st_key : st_value;
                    } else if ((c == '}' && f.is_map) || (c == ']' && !f.is_map)) {
                        close(p);
                        ++p;
                    } else {
                        report(p, f.is_map ? "expected ',' or '}' in the data" : "expected ',' or ']' in the data");
                        return root;
                    }
                    break;
                default:
                    return root;
            }
        }
        return root;
    }

    /// Block YAML in [b, e) (front matter, or data "{" line break ... "}"), read by yaml-cpp;
    /// its error, if any, is reported where it stands in the document. Returns the root node, or
    /// no_index after an error.
    std::uint32_t parse_block_yaml(const char* b, const char* e) {
        std::optional<detail::yaml_error> error;
        const auto root = detail::read_yaml_data(doc_.input, off(b), off(e), doc_.data,
                                                 [this](std::string_view s) { return keep(s); }, error);
        if (error) report(b_ + error->offset, "invalid YAML in the data: " + error->message);
        return root;
    }

    /// A copy of `s` in the storage, where views of it stay valid (see storage_).
    std::string_view keep(std::string_view s) {
        if (storage_->empty() || storage_->back().capacity() - storage_->back().size() < s.size() + 8)
            storage_->emplace_back().reserve(std::max(storage_piece, s.size() + 8));
        std::string& piece = storage_->back();
        const std::size_t start = piece.size();
        piece.append(s);
        return {piece.data() + start, s.size()};
    }

    // -----------------------------------------------------------------------------------------
    // the whole document
    // -----------------------------------------------------------------------------------------

    template <class F>
    void for_each_location(F&& f) {
        if (doc_.front) f(doc_.front->where);
        for (auto& b : doc_.blocks) grammar::for_each_location(b, f);
    }

    struct position_ref {
        std::size_t offset;
        std::size_t* line;
        std::size_t* column;
    };

    /// Line and column for every reference, in one pass over the text (engine::locate's rules:
    /// lines split at '\n', columns count code points, i.e. bytes that are not 10xxxxxx).
    void resolve(std::vector<position_ref>& refs) const {
        auto by_offset = [](const position_ref& a, const position_ref& b) { return a.offset < b.offset; };
        if (!std::is_sorted(refs.begin(), refs.end(), by_offset)) {
            std::stable_sort(refs.begin(), refs.end(), by_offset);
        }
        const auto n = static_cast<std::size_t>(e_ - b_);
        std::size_t pos = 0;
        std::size_t line = 1;
        std::size_t column = 1;
        for (auto& r : refs) {
            const std::size_t target = std::min(r.offset, n);
            while (pos < target) {
                const void* nl = std::memchr(b_ + pos, '\n', target - pos);
                if (nl != nullptr) {
                    ++line;
                    column = 1;
                    pos = static_cast<std::size_t>(static_cast<const char*>(nl) - b_) + 1;
                    continue;
                }
                for (; pos < target; ++pos) {
                    if ((static_cast<unsigned char>(b_[pos]) & 0xC0u) != 0x80u) ++column;
                }
            }
            *r.line = line;
            *r.column = column;
        }
    }

    /// Gathers, from a block read whole, what the checks of the whole document need (see
    /// check_document).
    void note_block(const block& b) {
        auto visit_content = [&](const content& c) {
            for (const auto& r : c.ranges) {
                if (r.kind == inline_kind::statement_mention) uses_.push_back({r.value, r.where.begin, false});
                if (r.kind == inline_kind::argument_mention) uses_.push_back({r.value, r.where.begin, true});
            }
        };
        auto visit_element = [&](const element& el) {
            const bool argument = el.kind == element_kind::argument;
            if (el.form == element_form::definition) {
                (argument ? argument_definitions_ : statement_definitions_).push_back(el.title);
            } else if (el.form == element_form::reference) {
                uses_.push_back({el.title, el.title_span.begin, argument});
            }
            if (!el.body.ranges.empty()) visit_content(el.body);
        };
        auto visit_relations = [&](const std::vector<relation_node>& rs) {
            for (const auto& r : rs) visit_element(r.child);
        };
        std::visit(overloaded{
                       [&](const heading& h) { visit_content(h.title); },
                       [&](const element_block& eb) {
                           visit_element(eb.root);
                           visit_relations(eb.relations);
                       },
                       [&](const pcs& p) {
                           if (!p.argument_title.empty()) {
                               argument_definitions_.push_back(p.argument_title);
                               pcs_starts_.emplace_back(p.argument_title, p.where.bytes.begin);
                           }
                           for (const auto& s : p.statements) {
                               visit_element(s.statement);
                               visit_relations(s.relations);
                               if (s.inferred_by) visit_relations(s.inferred_by->relations);
                           }
                       },
                       [&](const list_block& l) {
                           for (const auto& i : l.items) {
                               visit_element(i.value);
                               visit_relations(i.relations);
                           }
                       },
                   },
                   b.value);
    }

    /// Checks that need the whole document: a second PCS for one argument; titles referred to
    /// but never defined (warnings: Argdown creates such elements without text).
    void check_document() {
        // a second PCS for one argument
        if (pcs_starts_.size() > 1) {
            std::unordered_map<std::string_view, std::size_t> first;  // argument → its first PCS
            first.reserve(pcs_starts_.size());
            struct repeat {
                std::string_view argument;
                std::size_t offset;        ///< of the second PCS
                std::size_t first_offset;  ///< of the first
                std::size_t first_line = 0, first_column = 0;
            };
            std::vector<repeat> again;
            for (const auto& [title, offset] : pcs_starts_) {
                const auto [it, fresh] = first.emplace(title, offset);
                if (!fresh) again.push_back({title, offset, it->second});
            }
            std::vector<position_ref> refs;
            refs.reserve(again.size());
            for (auto& r : again) refs.push_back({r.first_offset, &r.first_line, &r.first_column});
            resolve(refs);
            for (const auto& r : again) {
                report(b_ + r.offset, "second premise-conclusion structure for argument <" + std::string(r.argument) +
                                          "> (the first is at line " + std::to_string(r.first_line) + ")");
            }
        }
        // titles referred to but never defined
        if (uses_.empty()) return;
        detail::title_index statements(statement_definitions_.size());
        for (const auto t : statement_definitions_) statements.insert(t, 0);
        detail::title_index arguments(argument_definitions_.size());
        for (const auto t : argument_definitions_) arguments.insert(t, 0);
        detail::title_index warned_statements, warned_arguments;
        for (const auto& u : uses_) {
            if (u.title.empty()) continue;
            if ((u.argument ? arguments : statements).find(u.title) != detail::title_index::absent) continue;
            auto& warned = u.argument ? warned_arguments : warned_statements;
            if (warned.find(u.title) != detail::title_index::absent) continue;
            warned.insert(u.title, 0);
            warnings_.push_back({u.offset, u.argument ? "undefined argument <" + std::string(u.title) + ">"
                                                      : "undefined statement [" + std::string(u.title) + "]"});
        }
    }

    engine::parse_result<argdown_document> finish() {
        {
            std::vector<position_ref> refs;
            std::size_t count = 0;
            for_each_location([&](source_location&) { ++count; });
            refs.reserve(count);
            for_each_location([&](source_location& l) { refs.push_back({l.bytes.begin, &l.line, &l.column}); });
            resolve(refs);
        }
        check_document();

        engine::parse_result<argdown_document> result;
        auto& errors = sink_.errors;
        std::stable_sort(errors.begin(), errors.end(),
                         [](const ad::pending_error& a, const ad::pending_error& b) { return a.offset < b.offset; });
        std::stable_sort(warnings_.begin(), warnings_.end(),
                         [](const pending_note& a, const pending_note& b) { return a.offset < b.offset; });
        result.errors.reserve(errors.size() + 1);
        std::vector<position_ref> refs;
        for (auto& e : errors) result.errors.push_back({0, 0, std::move(e.message)});
        const bool too_many = sink_.dropped > 0 || stopped_at_ != nullptr;
        if (too_many) {
            result.errors.push_back({0, 0, "too many errors: stopped after " + std::to_string(errors.size())});
        }
        doc_.warnings.reserve(warnings_.size());
        for (auto& w : warnings_) doc_.warnings.push_back({0, 0, std::move(w.message)});
        for (std::size_t i = 0; i < errors.size(); ++i) {
            refs.push_back({errors[i].offset, &result.errors[i].line, &result.errors[i].column});
        }
        if (too_many) {
            const char* at = stopped_at_ != nullptr ? stopped_at_ : e_;
            refs.push_back({static_cast<std::size_t>(at - b_), &result.errors.back().line, &result.errors.back().column});
        }
        for (std::size_t i = 0; i < warnings_.size(); ++i) {
            refs.push_back({warnings_[i].offset, &doc_.warnings[i].line, &doc_.warnings[i].column});
        }
        resolve(refs);
        doc_.text_storage = std::move(storage_);
        result.value = std::move(doc_);
        return result;
    }
};

}  // namespace

engine::parse_result<argdown_document> parse_argdown(std::string_view text) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        engine::parse_result<argdown_document> result;
        result.value = argdown_document{};
        result.value->input = text;
        result.errors.push_back({1, 1, "input too large: Argdown files must be smaller than 4 GiB"});
        return result;
    }
    argdown_reader reader(text, nullptr);
    return reader.run();
}

engine::parse_result<argdown_document> parse_argdown(std::string_view text, argdown_block_sink& sink) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) return parse_argdown(text);  // the size error
    argdown_reader reader(text, &sink);
    return reader.run();
}

}  // namespace argmap::grammar
