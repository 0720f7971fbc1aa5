#include "grammar/yaml_data_reader.hpp"

#include <algorithm>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace argmap::grammar::detail {
namespace {

/// yaml-cpp's parse events turned into flat data nodes: a stack of the open maps and lists, and
/// for a map whether its next scalar is a key.
class data_builder final : public YAML::EventHandler {
public:
    data_builder(std::string_view input, std::size_t begin, std::size_t end, std::vector<data_node>& nodes,
                 const keep_text& keep)
        : input_(input), begin_(begin), end_(end), nodes_(nodes), keep_(keep) {}

    [[nodiscard]] std::uint32_t root() const noexcept { return root_; }
    [[nodiscard]] const std::optional<yaml_error>& error() const noexcept { return error_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        if (failed()) return;
        if (expects_key()) {
            take_key({}, mark);
            return;
        }
        if (open_.empty()) return;  // an empty document: the root stays an empty map
        const std::size_t at = offset(mark);
        add(data_kind::null, at, at);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        fail(mark, "aliases ('*name') are not supported in the data");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        if (failed()) return;
        const std::size_t at = offset(mark);
        const bool quoted = tag == "!";
        const auto [text, stop] = as_written(at, value, quoted);
        if (expects_key()) {
            take_key(text, mark);
            return;
        }
        if (open_.empty()) {
            fail(mark, "expected 'key: value' lines or '- item' lines in the data, not a lone value");
            return;
        }
        const auto n = add(data_kind::scalar, at, stop);
        nodes_[n].value = text;
        nodes_[n].quoted = quoted;
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark, data_kind::list);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark, data_kind::map);
    }
    void OnMapEnd() override { close(); }

    /// The root when the document had no collection at all.
    void finish() {
        if (root_ == no_index && !failed()) root_ = add_root(data_kind::map);
    }

private:
    struct frame {
        std::uint32_t node;
        bool is_map;
        bool expects_key;
        std::string_view key;  ///< the key read, for the value that follows
    };

    std::string_view input_;
    std::size_t begin_;
    std::size_t end_;
    std::vector<data_node>& nodes_;
    const keep_text& keep_;
    std::vector<frame> open_;
    /// the last child added under each node, by index relative to first_node_
    std::vector<std::uint32_t> last_child_;
    std::uint32_t root_ = no_index;
    std::uint32_t first_node_ = static_cast<std::uint32_t>(nodes_.size());
    std::optional<yaml_error> error_;

    [[nodiscard]] bool failed() const noexcept { return error_.has_value(); }
    [[nodiscard]] bool expects_key() const noexcept { return !open_.empty() && open_.back().is_map && open_.back().expects_key; }

    [[nodiscard]] std::size_t offset(const YAML::Mark& mark) const noexcept {
        if (mark.is_null() || mark.pos < 0) return begin_;
        return std::min(begin_ + static_cast<std::size_t>(mark.pos), end_);
    }

    void fail(const YAML::Mark& mark, std::string message) {
        if (!failed()) error_ = yaml_error{offset(mark), std::move(message)};
    }

    /// The scalar's text as a view of the input where it stands there as written (plain, or
    /// quoted without escapes), else a kept copy; and where it ends in the input.
    std::pair<std::string_view, std::size_t> as_written(std::size_t at, const std::string& value, bool quoted) const {
        const std::size_t start = quoted ? at + 1 : at;
        if (start + value.size() <= end_ && input_.substr(start, value.size()) == value &&
            (!quoted || (start + value.size() < end_ && input_[start + value.size()] == input_[at]))) {
            return {input_.substr(start, value.size()), start + value.size() + (quoted ? 1 : 0)};
        }
        const std::size_t line_end = std::min(input_.find('\n', at), end_);
        return {keep_(value), line_end};
    }

    void take_key(std::string_view key, const YAML::Mark&) {
        open_.back().key = key;
        open_.back().expects_key = false;
    }

    std::uint32_t add_root(data_kind kind) {
        data_node n;
        n.kind = kind;
        n.where = {begin_, end_};
        nodes_.push_back(n);
        last_child_.push_back(no_index);
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    /// A node under the innermost open collection, with the key read for it.
    std::uint32_t add(data_kind kind, std::size_t from, std::size_t to) {
        frame& parent = open_.back();
        const auto index = static_cast<std::uint32_t>(nodes_.size());
        data_node n;
        n.kind = kind;
        n.key = parent.is_map ? parent.key : std::string_view{};
        n.where = {from, std::max(from, to)};
        n.parent = parent.node;
        nodes_.push_back(n);
        last_child_.push_back(no_index);
        std::uint32_t& last = last_child_[parent.node - first_node_];
        if (last == no_index) {
            nodes_[parent.node].first_child = index;
        } else {
            nodes_[last].next_sibling = index;
        }
        last = index;
        if (parent.is_map) parent.expects_key = true;
        return index;
    }

    void open(const YAML::Mark& mark, data_kind kind) {
        if (failed()) return;
        if (expects_key()) {
            fail(mark, "expected a plain key in the data, not a list or a map");
            return;
        }
        std::uint32_t n = 0;
        if (open_.empty()) {
            if (root_ != no_index) return;  // a second document: not read
            n = root_ = add_root(kind);
        } else {
            const std::size_t at = offset(mark);
            n = add(kind, at, at + 1);
        }
        open_.push_back({n, kind == data_kind::map, true, {}});
    }

    void close() {
        if (failed() || open_.empty()) return;
        const std::size_t end = nodes_[open_.back().node].where.end;
        open_.pop_back();
        if (!open_.empty()) {
            auto& where = nodes_[open_.back().node].where;
            where.end = std::max(where.end, end);
        }
    }
};

}  // namespace

std::uint32_t read_yaml_data(std::string_view input, std::size_t begin, std::size_t end, std::vector<data_node>& nodes,
                             const keep_text& keep, std::optional<yaml_error>& error) {
    const std::size_t nodes_before = nodes.size();
    data_builder builder(input, begin, end, nodes, keep);
    std::istringstream stream{std::string(input.substr(begin, end - begin))};
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
        error = yaml_error{std::min(begin + static_cast<std::size_t>(std::max(e.mark.pos, 0)), end), e.msg};
        nodes.resize(nodes_before);
        return no_index;
    }
    builder.finish();
    if (builder.error()) {
        error = builder.error();
        nodes.resize(nodes_before);
        return no_index;
    }
    return builder.root();
}

}  // namespace argmap::grammar::detail
