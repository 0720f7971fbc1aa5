#include "render/html_page.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "engine/roles.hpp"
#include "render/graphviz_renderer.hpp"  // render_error

namespace argmap::render::detail {

namespace {

using engine::statement_role;

constexpr std::initializer_list<statement_role> all_roles = {
    statement_role::central, statement_role::reason, statement_role::objection, statement_role::rebuttal,
    statement_role::other};

// The page's one script. It reads only argmap's own attributes (data-s, data-aligned) and the
// node names Graphviz keeps as each SVG node group's <title>; no input text passes through it.
constexpr const char* page_script = R"js(
(function () {
  'use strict';
  var report = document.body.getAttribute('data-report');
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  var boxes = {};
  all('#diagram g.node').forEach(function (g) {
    var title = g.querySelector('title');
    var id = title ? title.textContent.trim() : '';
    if (!/^s[0-9]+$/.test(id)) return;
    boxes[id] = g;
    g.setAttribute('data-s', id);
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.classList.add('box');
    title.textContent = 'Box ' + id.slice(1) + ': show it in the text';
  });
  function tagged(id) { return all('[data-s="' + id + '"]'); }
  function units(id) { return all('.unit[data-s="' + id + '"]'); }
  function links(id) {
    var first = units(id)[0];
    var raw = first ? (first.getAttribute('data-aligned') || '') : '';
    return raw.split(' ').filter(Boolean).map(function (pair) {
      var parts = pair.split(':');
      return { id: parts[0], stance: parts[1] || 'related' };
    });
  }
  // Scrolls the pane that holds the element so that the element is in its middle, then the page
  // only as far as it takes to bring the element into sight (not at all with `pane_only`).
  function reveal(element, pane_only) {
    if (!element) return;
    var pane = element.closest('.scroll-pane');
    if (pane) {
      var e = element.getBoundingClientRect(), p = pane.getBoundingClientRect();
      pane.scrollTop += (e.top - p.top) - (pane.clientHeight - e.height) / 2;
      pane.scrollLeft += (e.left - p.left) - (pane.clientWidth - e.width) / 2;
    }
    if (pane_only) return;
    var r = element.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function clear() {
    all('.marked, .aligned, .defeated, .open').forEach(function (e) { e.classList.remove('marked', 'aligned', 'defeated', 'open'); });
    document.body.removeAttribute('data-selected');
  }
  function select(id, origin) {
    clear();
    tagged(id).forEach(function (e) { e.classList.add('marked'); });
    var aligned = links(id);
    aligned.forEach(function (link) {
      tagged(link.id).forEach(function (e) { e.classList.add('aligned'); });
    });
    document.body.setAttribute('data-selected', id);
    if (origin !== 'text') reveal(units(id)[0]);
    if (origin !== 'box' && report === 'map') reveal(boxes[id]);
    if (aligned.length) reveal(units(aligned[0].id)[0]);
  }
  function origin_of(element) {
    if (element.classList.contains('unit')) return 'text';
    if (element.classList.contains('box')) return 'box';
    return 'list';
  }
  // An attack (the report's list of attacks): say what it defeats, mark its premises and the
  // statement it defeats.
  function show_attack(item) {
    clear();
    item.classList.add('open', 'marked');
    (item.getAttribute('data-from') || '').split(' ').filter(Boolean).forEach(function (id) {
      tagged(id).forEach(function (e) { e.classList.add('aligned'); });
    });
    var defeated = item.getAttribute('data-defeats');
    if (!defeated) return;
    tagged(defeated).forEach(function (e) { e.classList.add('defeated'); });
    reveal(units(defeated)[0]);
    reveal(boxes[defeated]);
  }
  document.addEventListener('click', function (event) {
    var attack = event.target && event.target.closest ? event.target.closest('[data-attack]') : null;
    if (attack) { event.preventDefault(); show_attack(attack); return; }
    var target = event.target && event.target.closest ? event.target.closest('[data-s]') : null;
    if (!target) return;
    event.preventDefault();
    select(target.getAttribute('data-s'), origin_of(target));
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { clear(); return; }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var target = document.activeElement;
    if (target && target.getAttribute && target.getAttribute('data-attack')) { event.preventDefault(); show_attack(target); return; }
    if (!target || !target.getAttribute || !target.getAttribute('data-s')) return;
    event.preventDefault();
    select(target.getAttribute('data-s'), origin_of(target));
  });
  // The diagram opens on the (first) main claim.
  var central = document.querySelector('.unit.role-central');
  if (central) reveal(boxes[central.getAttribute('data-s')], true);
  var zoom = document.getElementById('zoom');
  var diagram = document.getElementById('diagram');
  if (zoom && diagram) {
    zoom.addEventListener('click', function () {
      var fit = diagram.classList.toggle('fit');
      zoom.textContent = fit ? 'Actual size' : 'Fit to pane';
    });
  }
})();
)js";

constexpr const char* page_style = R"css(
* { box-sizing: border-box; }
html { scroll-behavior: auto; }
body { margin: 0; background: #f4f5f7; color: #1d1d1f;
  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.5; }
header.page { background: #fff; border-bottom: 1px solid #d9dce1; padding: 14px 24px 10px; }
header.page h1 { margin: 0; font-size: 1.45em; line-height: 1.25; }
header.page .kind { margin: 0 0 2px; color: #5f6368; font-size: .8em; text-transform: uppercase; letter-spacing: .06em; }
header.page .byline, .pane .byline { margin: 2px 0 0; color: #5f6368; font-size: .88em; }
.versus { color: #5f6368; font-weight: normal; padding: 0 .3em; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 8px 0 0; padding: 0; list-style: none; font-size: .85em; color: #3c4043; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .swatch { display: inline-block; width: 22px; height: 13px; border-radius: 3px; border: 2px solid; }
.legend .hint { color: #5f6368; }
.pane { background: #fff; border: 1px solid #d9dce1; border-radius: 8px; padding: 10px 16px 14px; min-width: 0; }
.pane h2 { font-size: 1.05em; margin: 2px 0 8px; }
.pane h3 { font-size: .95em; margin: 12px 0 6px; }
.pane-head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.diagram-pane { padding-top: 0; }
.diagram-pane .pane-head { position: sticky; top: 0; left: 0; z-index: 1; background: rgba(255, 255, 255, .92); padding: 10px 0 4px; }
.pane-head button { font: inherit; font-size: .8em; padding: 2px 10px; border: 1px solid #c4c7cc; border-radius: 4px; background: #f8f9fa; cursor: pointer; }
.layout-map { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 16px; padding: 16px 24px 0; align-items: start; }
.sticky { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
.layout-texts { display: grid; gap: 16px; padding: 16px 24px 0; align-items: start; }
.layout-texts .pane { max-height: 85vh; overflow: auto; }
.wide { margin: 16px 24px; }
#diagram svg { display: block; margin: 0 auto; }
#diagram.fit svg { max-width: 100%; height: auto; }
.diagram-pane { overflow: auto; }
.wide.diagram-pane { max-height: 92vh; }
#diagram g.box { cursor: pointer; }
#diagram g.box:focus { outline: none; }
#diagram g.box.marked path, #diagram g.box.marked polygon { stroke: #111 !important; stroke-width: 4px; }
#diagram g.box.marked { filter: drop-shadow(0 0 5px #f9a825); }
#diagram g.box.aligned path, #diagram g.box.aligned polygon { stroke: #6a1b9a !important; stroke-width: 4px; stroke-dasharray: 7 3; }
.source-text { color: #6b6f76; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.7; font-family: Georgia, "DejaVu Serif", serif; font-size: 15.5px; margin: 0; }
.unit { color: #1d1d1f; background: var(--fill); border-bottom: 2px var(--line) var(--border); border-radius: 3px; padding: 1px 1px 0; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.unit::before { content: attr(data-n); color: var(--border); font-family: "DejaVu Sans", Arial, sans-serif; font-size: .68em; font-weight: bold; vertical-align: super; line-height: 0; margin-right: 2px; }
.unit.role-central { font-weight: bold; }
.unit[data-aligned]::after { content: "\2194"; color: #6a1b9a; font-family: "DejaVu Sans", Arial, sans-serif; font-size: .75em; vertical-align: super; line-height: 0; margin-left: 2px; }
.unit:hover { filter: brightness(.95); }
.unit.marked { outline: 3px solid #111; outline-offset: 1px; background: #fff3b0; }
.unit.aligned { outline: 3px dashed #6a1b9a; outline-offset: 1px; }
.unit:focus { outline: 2px solid #1a73e8; }
.unit.marked:focus { outline: 3px solid #111; }
#outline .outline-lines { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; line-height: 1.6; margin: 0; white-space: pre-wrap; }
.ref { cursor: pointer; border-left: 4px var(--line) var(--border); padding: 0 4px; border-radius: 2px; }
.ref:hover { background: var(--fill); }
.ref.marked { background: #fff3b0; outline: 2px solid #111; }
.ref.aligned { outline: 2px dashed #6a1b9a; }
.ref .num { font-weight: bold; color: var(--border); margin-right: 4px; }
#attacks ul { list-style: none; padding: 0; margin: 0; }
#attacks li.attack { cursor: pointer; padding: 2px 6px; border-left: 4px solid #9e9e9e; margin: 2px 0; }
#attacks li.attack .verdict { display: none; color: #3c4043; }
#attacks li.attack.open .verdict { display: inline; }
#attacks li.attack.open { background: #fff3b0; }
#attacks li.status-in::before { content: "\2714 "; }
#attacks li.status-out::before { content: "\2718 "; }
#attacks li.status-undecided::before { content: "? "; }
#attacks .hint { color: #5f6368; font-size: .85em; margin: 0 0 4px; }
.unit.defeated, .ref.defeated { outline: 3px dashed #b00020; outline-offset: 1px; text-decoration: line-through; }
#diagram g.box.defeated path, #diagram g.box.defeated polygon { stroke: #b00020 !important; stroke-width: 4px; stroke-dasharray: 4 3; }
.summary-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 4px 24px; }
.summary-columns h3 { margin-top: 4px; }
.unanswered-lists ul.refs { max-height: 19vh; }
.unanswered-lists .unanswered + .unanswered h3 { margin-top: 12px; }
ul.pairs, ul.refs { list-style: none; padding: 0 6px 0 0; margin: 0; max-height: 40vh; overflow: auto; }
ul.pairs li { padding: 6px 0; border-top: 1px solid #eceef1; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; font-size: .92em; }
ul.pairs li .ref { grid-column: 1; display: block; }
ul.pairs li .score { grid-column: 2; grid-row: 1; color: #5f6368; font-size: .85em; }
ul.refs li { padding: 4px 0; border-top: 1px solid #eceef1; font-size: .92em; }
h1 .source-tag { font-size: .55em; vertical-align: middle; padding: 1px 3px; }
.source-tag { display: inline-block; min-width: 1.4em; text-align: center; font-size: .75em; font-weight: bold; color: #fff; background: #5f6368; border-radius: 3px; margin-right: 4px; }
.none { color: #5f6368; font-style: italic; }
details summary { cursor: pointer; font-weight: bold; font-size: .95em; margin: 12px 0 6px; }
footer.page { color: #80868b; font-size: .8em; padding: 8px 24px 20px; }
@media (max-width: 900px) {
  .layout-map, .layout-texts { grid-template-columns: minmax(0, 1fr) !important; }
  .sticky { position: static; max-height: none; }
}
@media print {
  body { background: #fff; }
  .sticky, .layout-texts .pane { position: static; max-height: none; overflow: visible; }
  .pane-head button { display: none; }
}
)css";

std::string role_class_rules(dot_theme theme) {
    std::string css;
    for (const auto role : all_roles) {
        const auto style = style_of_role(theme, role);
        css += std::string(".role-") + engine::to_string(role) + " { --fill: " + style.fill +
               "; --border: " + style.border + "; --line: " + style.border_style + "; }\n";
    }
    return css;
}

/// & < > " ' as entities: safe in text and in quoted attribute values. (Not escape_html of the
/// DOT builder: that one also writes backslashes for Graphviz, which a browser would show.)
void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

}  // namespace

std::string escape_for_html(std::string_view raw, bool keep_line_breaks) {
    std::string out;
    out.reserve(raw.size() + raw.size() / 8);
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t end = std::min(raw.find_first_of("\r\n", i), raw.size());
        append_escaped(out, sanitize_utf8(raw.substr(i, end - i)));
        if (end == raw.size()) break;
        out += keep_line_breaks ? '\n' : ' ';
        i = end + 1;
        if (raw[end] == '\r' && i < raw.size() && raw[i] == '\n') ++i;  // CRLF: one break
    }
    return out;
}

std::string page_start(std::string_view title, dot_theme theme) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"argmap\">\n<title>";
    out += escape_for_html(title);
    out += "</title>\n<style>";
    out += page_style;
    out += role_class_rules(theme);
    out += "</style>\n</head>\n";
    return out;
}

std::string page_end() {
    return std::string("<script>") + page_script + "</script>\n</body>\n</html>\n";
}

std::string role_legend(dot_theme theme, bool with_other) {
    std::string out = "<ul class=\"legend\" aria-label=\"Colours of the highlights\">";
    for (const auto role : all_roles) {
        if (role == statement_role::other && !with_other) continue;
        const auto style = style_of_role(theme, role);
        out += std::string("<li><span class=\"swatch role-") + engine::to_string(role) + "\" style=\"background:" +
               style.fill + ";border-color:" + style.border + ";border-style:" + style.border_style +
               "\"></span>" + escape_for_html(style.name) + "</li>";
    }
    out += "<li class=\"hint\">Click a box or a highlighted passage to see the other.</li></ul>\n";
    return out;
}

std::string inline_svg(std::string_view svg_document) {
    const auto begin = svg_document.find("<svg");
    const auto end = svg_document.rfind("</svg>");
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
        throw render_error("the diagram's SVG has no <svg> element");
    std::string svg(svg_document.substr(begin, end + 6 - begin));
    std::string lower(svg);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Graphviz escapes the text it draws; this is the last line of defence should it ever not:
    // a script, a second svg element or an end tag of it inside the drawing would escape it.
    if (lower.find("<script") != std::string::npos || lower.find("<svg", 1) != std::string::npos ||
        lower.find("</svg") != lower.size() - 6 || lower.find("<foreignobject") != std::string::npos)
        throw render_error("the diagram's SVG holds markup that cannot be inlined safely");
    return svg;
}

}  // namespace argmap::render::detail
