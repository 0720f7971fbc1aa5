// The only file in the project that includes Graphviz.
//
// Each call reads the DOT with agmemread, lays it out with gvLayout and renders it with
// gvRenderData, and frees the output buffer (gvFreeRenderData) before it returns. The laid-out
// graph is freed (gvFreeLayout, agclose) by the next call, as Graphviz's `dot` command frees
// each graph when it reads the next one; the last graph is left to the process's exit, as `dot`
// leaves its last one (see shared_context::keep). Graphviz's messages go through cgraph's error
// hook (agseterrf) into a buffer for the duration of the call, and become render_error when the
// call fails.
//
// The Graphviz context (gvContext) is made once and kept for the life of the process, not made
// and freed per call: Graphviz 2.42's pango text-layout plugin remembers the last font name in
// a static pointer into the context's font dictionary, so after gvFreeContext the next context's
// first text measurement reads freed memory (AddressSanitizer: heap-use-after-free in strcmp
// under pango_textlayout). One long-lived context keeps that pointer valid; it is freed at exit.
//
// Debian's Graphviz loads its plugins on demand: gvContext() reads the plugin list that the
// package registers (config6a) and needs no lt_preloaded_symbols. When the "dot" layout or a
// renderer is missing, the error says so and how to install it.

#include "render/graphviz_renderer.hpp"

#include "render/dot_builder.hpp"  // detail::sanitize_utf8

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <new>
#include <string>

namespace argmap::render {

const char* to_string(output_format f) noexcept {
    switch (f) {
        case output_format::svg: return "svg";
        case output_format::png: return "png";
        case output_format::pdf: return "pdf";
    }
    return "svg";
}

namespace {

// The project's one piece of global mutable state (see STYLE.md): Graphviz keeps global state
// of its own (the error hook and level, the DOT scanner's buffer and line counter, the
// HTML-label parser, the plugins' caches), so it is not thread-safe. Every call into Graphviz
// happens with this mutex held; the message buffer pointer and the shared context below are
// only touched while it is held.
std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;  // the buffer of the call in progress

extern "C" int capture_graphviz_message(char* message) {
    if (graphviz_messages != nullptr && message != nullptr) {
        try {
            graphviz_messages->append(message);
        } catch (const std::bad_alloc&) {  // Graphviz's C code must not see an exception
        }
    }
    return 0;
}

/// Installs the message hook for one call and puts back what was there before.
class message_capture {
public:
    explicit message_capture(std::string& buffer)
        : previous_hook_(agseterrf(capture_graphviz_message)), previous_level_(agseterr(AGWARN)) {
        graphviz_messages = &buffer;
        agreseterrors();
    }
    ~message_capture() {
        graphviz_messages = nullptr;
        agseterr(previous_level_);
        agseterrf(previous_hook_);
        agreseterrors();
    }
    message_capture(const message_capture&) = delete;
    message_capture& operator=(const message_capture&) = delete;

private:
    agusererrf previous_hook_;
    agerrlevel_t previous_level_;
};

/// The process's one Graphviz context, made on first use (with graphviz_mutex held) and freed
/// at exit, and the graph of the last call, kept until the next call frees it.
class shared_context {
public:
    constexpr shared_context() = default;  // constant-initialised: usable from any static
    ~shared_context() {
        const std::lock_guard<std::mutex> lock(graphviz_mutex);
        // kept_ is not freed here (see keep()); it stays reachable from this object, so leak
        // checkers do not report it.
        if (gvc_ != nullptr) gvFreeContext(gvc_);
        gvc_ = nullptr;
    }
    shared_context(const shared_context&) = delete;
    shared_context& operator=(const shared_context&) = delete;
    GVC_t* get() {
        if (gvc_ == nullptr) gvc_ = gvContext();
        return gvc_;
    }

    /// Keeps `g` (read by agmemread; laid out, partly laid out or not) until the next call to
    /// keep() or free_kept(), instead of freeing it before render() returns. Freeing a large graph
    /// and its layout (gvFreeLayout, agclose) is some 60 free() calls per statement, 1.2 million
    /// at 20,000 statements, and took about a tenth of the CPU time of rendering a map of 2,000 to
    /// 20,000 statements: time that `dot` does not spend on its last graph. `argmap map` renders
    /// once and exits, and the exit returns the memory whole, so the last graph is never freed; a
    /// long-lived process holds at most one graph between calls.
    void keep(Agraph_t* g) noexcept {
        free_kept();
        kept_ = g;
    }

    /// Frees the kept graph, if any: its layout (a no-op on a graph never laid out), then the graph.
    void free_kept() noexcept {
        if (kept_ == nullptr) return;
        gvFreeLayout(gvc_, kept_);
        agclose(kept_);
        kept_ = nullptr;
    }

private:
    GVC_t* gvc_ = nullptr;
    Agraph_t* kept_ = nullptr;  // only ever set after gvc_
};
shared_context graphviz_context;  // guarded by graphviz_mutex

/// Hands a graph to graphviz_context.keep() when it goes out of scope, however render() leaves.
class kept_graph {
public:
    explicit kept_graph(Agraph_t* g) noexcept : g_(g) {}
    ~kept_graph() {
        if (g_ != nullptr) graphviz_context.keep(g_);
    }
    kept_graph(const kept_graph&) = delete;
    kept_graph& operator=(const kept_graph&) = delete;
    [[nodiscard]] Agraph_t* get() const noexcept { return g_; }

private:
    Agraph_t* g_;
};

class render_data {
public:
    render_data() = default;
    ~render_data() {
        if (data_ != nullptr) gvFreeRenderData(data_);
    }
    render_data(const render_data&) = delete;
    render_data& operator=(const render_data&) = delete;
    char** data() noexcept { return &data_; }
    void forget() noexcept { data_ = nullptr; }
    unsigned int* length() noexcept { return &length_; }
    [[nodiscard]] std::string bytes() const { return data_ ? std::string(data_, length_) : std::string(); }

private:
    char* data_ = nullptr;
    unsigned int length_ = 0;
};

/// Graphviz's messages as the tail of an error message, on one line and valid UTF-8 (they may
/// quote bytes of the input).
std::string with_messages(std::string what, const std::string& messages) {
    std::string m = detail::sanitize_utf8(messages);
    while (!m.empty() && m.back() == ' ') m.pop_back();
    if (!m.empty()) what += ": " + m;
    return what;
}

/// Whether Graphviz's messages say that a layout engine or renderer is not installed
/// ("Layout type: "dot" not recognized", "Format: "png" not recognized", "renderer for png is
/// unavailable").
bool says_plugin_missing(const std::string& messages) {
    return messages.find("not recognized") != std::string::npos ||
           messages.find("unavailable") != std::string::npos;
}

constexpr const char* plugin_advice =
    "install Graphviz's plugins (Debian: libgvc6) and register them (`dot -c`, or Debian's "
    "`libgvc6-config-update -c`)";

}  // namespace

std::string render(std::string_view dot, output_format fmt, const std::string& layout) {
    if (dot.find('\0') != std::string_view::npos) throw render_error("DOT input contains a NUL byte");
    const std::string source(dot);
    const char* format = to_string(fmt);

    const std::lock_guard<std::mutex> lock(graphviz_mutex);
    // The previous call's graph first, so that no more than one graph is held at a time.
    graphviz_context.free_kept();
    std::string messages;
    message_capture capture(messages);

    GVC_t* const gvc = graphviz_context.get();
    if (gvc == nullptr) throw render_error(with_messages("Graphviz could not create a context", messages));

    // The DOT scanner's line counter is global and runs on from one graph to the next: restart it
    // (no file name) so that messages say "syntax error in line 1" for this input's line 1.
    agsetfile(nullptr);
    // Kept, not freed, when this call returns or throws (shared_context::keep says why); the next
    // call frees its layout too, also after a failed layout (gvFreeLayout frees whatever was made).
    const kept_graph graph(agmemread(source.c_str()));
    // The scanner also keeps what it has not read yet (whatever follows the first graph) in a
    // global buffer, where the next agmemread would read it first, even from another string:
    // read on to the end of this input now, so that no call sees another call's text.
    bool more = false;
    while (Agraph_t* extra = agmemread("")) {
        agclose(extra);
        more = true;
    }
    if (graph.get() == nullptr || agerrors() >= AGERR) {
        throw render_error(with_messages("Graphviz could not read the DOT input",
                                         messages.empty() ? "no graph in input" : messages));
    }
    if (more) throw render_error("Graphviz could not read the DOT input: more than one graph");

    if (gvLayout(gvc, graph.get(), layout.c_str()) != 0) {
        if (says_plugin_missing(messages))
            throw render_error(with_messages("Graphviz has no layout engine " + layout + ": " + plugin_advice,
                                             messages));
        throw render_error(with_messages("Graphviz could not lay out the graph", messages));
    }
    if (agerrors() >= AGERR) throw render_error(with_messages("Graphviz could not lay out the graph", messages));

    render_data out;
    if (gvRenderData(gvc, graph.get(), format, out.data(), out.length()) != 0) {
        // After a failure *result may point at a buffer Graphviz has since reallocated: not ours
        // to free (2.42 neither frees nor returns its output buffer then).
        out.forget();
        if (says_plugin_missing(messages))
            throw render_error(with_messages(std::string("Graphviz has no renderer for ") + format + ": " +
                                                 plugin_advice,
                                             messages));
        throw render_error(with_messages(std::string("Graphviz could not render ") + format, messages));
    }
    if (agerrors() >= AGERR)
        throw render_error(with_messages(std::string("Graphviz could not render ") + format, messages));
    std::string bytes = out.bytes();
    if (bytes.empty())
        throw render_error(with_messages(std::string("Graphviz produced no ") + format + " output", messages));
    return bytes;
}

}  // namespace argmap::render
