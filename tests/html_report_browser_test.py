#!/usr/bin/env python3
"""The HTML reports in a real browser: headless Chromium loads them, clicks, and is checked.

For the sample op-ed's map report, the sample pair's comparison report and a report of a hostile
text, this writes the report with `argmap`, appends a test script to a copy of it (the script
clicks boxes, units and list entries the way a user would, by dispatching click events, and
writes what it saw as JSON into the page), loads the copy with `chromium --headless --dump-dom`,
reads the JSON back out of the dumped DOM and checks it. It also takes a screenshot of each
clicked report (--screenshot), so that a person can look at it.

Exit status: 0 when every check passes, 1 when one fails, 77 (ctest's SKIP_RETURN_CODE) only when
no Chromium is installed at all.

    tests/html_report_browser_test.py --argmap build/cli/argmap --samples samples --out /tmp/out
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
    "--hide-scrollbars", "--mute-audio",
]

# Runs after the page's own script. Everything it learns goes into #argmap-test-results as JSON.
PROBE = r"""
<script>
(function () {
  var results = { errors: [] };
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function click(element) {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  }
  function visible(element, pane) {
    var r = element.getBoundingClientRect(), p = pane.getBoundingClientRect();
    var top = Math.max(p.top, 0), bottom = Math.min(p.bottom, window.innerHeight);
    return r.bottom > top && r.top < bottom;
  }
  function pane_of(element) {
    for (var e = element.parentElement; e; e = e.parentElement) {
      var style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight) return e;
    }
    return document.scrollingElement;
  }
  function marked_ids(selector) {
    return all(selector + '.marked').map(function (e) { return e.getAttribute('data-s'); })
      .filter(function (v, i, a) { return a.indexOf(v) === i; });
  }
  function box(id) {
    return all('#diagram g.node').filter(function (g) { return g.getAttribute('data-s') === id; })[0];
  }
  function box_fill(g) {
    var shape = g && (g.querySelector('path') || g.querySelector('polygon'));
    return shape ? shape.getAttribute('fill') : null;
  }
  function record_click(name, element, id) {
    var pane = null;
    click(element);
    var unit = document.getElementById('unit-' + id);
    if (unit) pane = pane_of(unit);
    results[name] = {
      id: id,
      marked_units: marked_ids('.unit'),
      marked_boxes: marked_ids('#diagram g.node'),
      unit_visible: unit ? visible(unit, pane) : null,
      pane_scroll: pane ? pane.scrollTop : null,
      aligned_units: all('.unit.aligned').map(function (e) { return e.getAttribute('data-s'); })
        .filter(function (v, i, a) { return a.indexOf(v) === i; })
    };
    return results[name];
  }
  try {
    results.report = document.body.getAttribute('data-report');
    results.scripts = document.scripts.length;
    results.external = all('script[src], link[href], img, iframe, object, embed, audio, video, source').length;
    results.resources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
    results.svgs = all('svg').length;
    results.pwned = window.__pwned === undefined ? null : String(window.__pwned);
    results.title = document.title;
    results.h1 = document.querySelector('h1') ? document.querySelector('h1').textContent : null;
    results.texts = all('.source-text').map(function (t) { return t.textContent; });
    results.diagram_text = document.getElementById('diagram') ? document.getElementById('diagram').textContent : '';
    results.outline = document.getElementById('outline') ? document.getElementById('outline').textContent : null;
    results.boxes = all('#diagram g.node').map(function (g) { return g.getAttribute('data-s'); })
      .filter(function (v) { return v; });
    results.units = all('.unit').map(function (u) {
      var g = box(u.getAttribute('data-s'));
      return {
        id: u.getAttribute('data-s'),
        role: (u.className.match(/role-([a-z]+)/) || [])[1] || null,
        source: u.closest('.source-text').getAttribute('data-source'),
        background: getComputedStyle(u).backgroundColor,
        box_fill: box_fill(g),
        aligned: u.getAttribute('data-aligned')
      };
    });

    // A box near the end of the text: clicking it must scroll its unit into view and mark it.
    var units = all('.unit');
    var last = units[units.length - 1];
    if (last) {
      var id = last.getAttribute('data-s');
      var g = box(id);
      if (g) record_click('box_click', g.querySelector('text') || g, id);
      else results.errors.push('no box for ' + id);
    }
    // A unit at the start: clicking it must mark its box (and nothing else).
    var first = units[0];
    if (first) {
      first.scrollIntoView({ block: 'nearest' });
      record_click('unit_click', first, first.getAttribute('data-s'));
    }
    // An outline entry or a summary entry.
    var ref = document.querySelector('#outline .ref') || document.querySelector('#summary .clashes .ref') ||
              document.querySelector('#summary .ref');
    if (ref) record_click('ref_click', ref, ref.getAttribute('data-s'));
    // Comparison: a unit of the first text aligned with one far down the second text.
    if (results.report === 'comparison') {
      var candidates = all('.source-text[data-source="a"] .unit[data-aligned]');
      var best = null, best_offset = -1;
      candidates.forEach(function (u) {
        var other = u.getAttribute('data-aligned').split(' ')[0].split(':')[0];
        var target = document.getElementById('unit-' + other);
        if (target && target.offsetTop > best_offset) { best = u; best_offset = target.offsetTop; }
      });
      if (best) {
        var target_id = best.getAttribute('data-aligned').split(' ')[0].split(':')[0];
        var target = document.getElementById('unit-' + target_id);
        var pane = pane_of(target);
        pane.scrollTop = 0;
        best.scrollIntoView({ block: 'center' });
        var window_before = window.scrollY;
        record_click('aligned_click', best, best.getAttribute('data-s'));
        results.aligned_click.window_moved = window.scrollY !== window_before;
        results.aligned_click.target = target_id;
        results.aligned_click.target_source = target.closest('.source-text').getAttribute('data-source');
        results.aligned_click.target_visible = visible(target, pane);
        results.aligned_click.target_pane_scroll = pane.scrollTop;
        results.aligned_click.expected = best.getAttribute('data-aligned').split(' ').map(function (p) { return p.split(':')[0]; });
      } else {
        results.errors.push('no aligned unit in the first text');
      }
    }
  } catch (e) {
    results.errors.push(String(e && e.stack || e));
  }
  var out = document.createElement('pre');
  out.id = 'argmap-test-results';
  out.style.display = 'none';
  // Headless Chromium paints a screenshot of a scrolled window wrongly: show the top of the page
  // (the panes keep their own scroll positions).
  window.scrollTo(0, 0);
  results.window_scroll = [window.scrollX, window.scrollY, document.documentElement.scrollWidth, document.documentElement.scrollHeight];
  out.textContent = JSON.stringify(results);
  document.body.appendChild(out);
})();
</script>
"""

HOSTILE = """A title with <script>window.__pwned = 1</script> & "quotes"

We must print </svg> and ]]> and &amp; as text, because a report that runs <script>window.__pwned = 2</script> is broken. Of course, <img src=x onerror="window.__pwned=3"> looks harmless. But 'quotes' and </script><script>window.__pwned=4</script> must stay text.
"""


def find_chromium():
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED: " + what, file=sys.stderr)


def run(cmd, timeout=60, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, **kwargs)


def chromium(browser, args, work):
    profile = tempfile.mkdtemp(prefix="profile-", dir=work)
    try:
        return run([browser] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile] + args, timeout=60)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def probe(browser, report_path, out_dir, work, stem, height):
    """Loads a copy of the report with the probe appended; returns the probe's results."""
    with open(report_path, encoding="utf-8") as f:
        page = f.read()
    end = page.rfind("</body>")
    if end < 0:
        raise RuntimeError(report_path + " has no </body>")
    probed = os.path.join(work, stem + "-probed.html")
    with open(probed, "w", encoding="utf-8") as f:
        f.write(page[:end] + PROBE + page[end:])
    url = "file://" + probed
    dumped = chromium(browser, ["--virtual-time-budget=3000", "--window-size=1400,1000", "--dump-dom", url], work)
    match = re.search(r'<pre id="argmap-test-results"[^>]*>(.*?)</pre>', dumped.stdout.decode("utf-8", "replace"), re.S)
    if not match:
        raise RuntimeError("no results in the dumped DOM of %s (status %d): %s" %
                           (stem, dumped.returncode, dumped.stderr.decode("utf-8", "replace")[-2000:]))
    shot = os.path.join(out_dir, stem + ".png")
    if os.path.exists(shot):
        os.remove(shot)
    chromium(browser, ["--virtual-time-budget=3000", "--window-size=1400,%d" % height, "--screenshot=" + shot, url], work)
    if os.environ.get("ARGMAP_BROWSER_DEBUG"):
        print(stem, match.group(1)[-300:])
    return json.loads(html.unescape(match.group(1))), shot


def rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return "rgb(%d, %d, %d)" % (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def check_common(c, r, stem):
    c.check(not r["errors"], stem + ": the probe ran without errors: %s" % r["errors"])
    c.check(r["scripts"] == 2, stem + ": only the page's own script and the probe: %d scripts" % r["scripts"])
    c.check(r["external"] == 0, stem + ": nothing external referenced")
    c.check(r["resources"] == [], stem + ": nothing fetched: %s" % r["resources"])
    c.check(r["svgs"] == 1, stem + ": one inline SVG, found %d" % r["svgs"])
    c.check(r["pwned"] is None, stem + ": no input text ran as script (window.__pwned = %s)" % r["pwned"])
    units = r["units"]
    c.check(len(units) > 0, stem + ": the text has highlighted units")
    c.check(all(u["id"] in r["boxes"] for u in units), stem + ": every unit has its box in the diagram")
    # The highlight of each unit has its box's fill: the text and the diagram share the colours.
    same = [u for u in units if u["box_fill"] and rgb(u["box_fill"]) == u["background"]]
    c.check(len(same) == len(units), stem + ": each unit's highlight is its box's fill (%d of %d)" % (len(same), len(units)))
    by_role = {}
    for u in units:
        by_role.setdefault(u["role"], set()).add(u["background"])
    colours = [next(iter(v)) for v in by_role.values() if len(v) == 1]
    c.check(len(colours) == len(by_role) and len(set(colours)) == len(colours),
            stem + ": one highlight colour per role, different roles differ: %s" % by_role)
    for name in ("box_click", "unit_click"):
        click = r.get(name)
        c.check(click is not None, stem + ": " + name + " happened")
        if click:
            c.check(click["marked_units"] == [click["id"]], stem + ": %s marks exactly its unit: %s" % (name, click))
            c.check(click["marked_boxes"] == [click["id"]], stem + ": %s marks exactly its box: %s" % (name, click))
            c.check(click["unit_visible"] is True, stem + ": %s leaves the unit in view" % name)
    ref = r.get("ref_click")
    c.check(ref is not None and ref["marked_boxes"] == [ref["id"]] and ref["marked_units"] == [ref["id"]],
            stem + ": clicking a list entry marks its box and its unit: %s" % ref)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--argmap", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    browser = find_chromium()
    if browser is None:
        print("SKIPPED: no chromium installed (scripts/install-deps installs it)")
        return 77
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="argmap-browser-")
    c = Checker()
    try:
        tokyo = os.path.join(args.samples, "putin-visit-tokyo.txt")
        reply = os.path.join(args.samples, "putin-visit-can-help.txt")
        hostile = os.path.join(work, "hostile.txt")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        reports = {
            "map-report": ["map", tokyo, "--format", "html"],
            "compare-report": ["compare", tokyo, reply, "-o", None],
            "hostile-report": ["map", hostile, "-o", None],
        }
        shots = []
        results = {}
        for stem, cmd in reports.items():
            path = os.path.join(args.out, stem + ".html")
            if None in cmd:
                cmd = [path if a is None else a for a in cmd]
                made = run([args.argmap] + cmd)
            else:
                made = run([args.argmap] + cmd + ["-o", path])
            c.check(made.returncode == 0, stem + ": argmap %s exits 0: %s" % (" ".join(cmd), made.stderr.decode()))
            if made.returncode != 0:
                continue
            results[stem], shot = probe(browser, path, args.out, work, stem, 1500 if stem == "compare-report" else 1000)
            c.check(os.path.exists(shot) and os.path.getsize(shot) > 10000, stem + ": a screenshot was taken")
            shots.append(shot)
            check_common(c, results[stem], stem)

        r = results.get("map-report")
        if r:
            roles = {u["role"] for u in r["units"]}
            for role in ("central", "reason", "objection", "rebuttal"):
                c.check(role in roles, "map-report: a unit highlighted as %s (roles: %s)" % (role, sorted(roles)))
            c.check(r["h1"] == "Putin visit unlikely to close rift with Tokyo", "map-report: the title: %r" % r["h1"])
            c.check(r["outline"] is not None and "Main claim:" in r["outline"], "map-report: the outline is there")
            c.check(r["box_click"]["pane_scroll"] > 0, "map-report: clicking a box scrolled the text to its unit")
        r = results.get("compare-report")
        if r:
            c.check({u["source"] for u in r["units"]} == {"a", "b"}, "compare-report: units in both texts")
            a = r.get("aligned_click")
            c.check(a is not None, "compare-report: an aligned unit was clicked")
            if a:
                c.check(a["target_source"] == "b", "compare-report: the aligned unit is in the other text")
                c.check(set(a["aligned_units"]) == set(a["expected"]),
                        "compare-report: the aligned units are marked: %s vs %s" % (a["aligned_units"], a["expected"]))
                c.check(a["target_visible"] is True, "compare-report: the aligned unit was scrolled into view")
                c.check(a["target_pane_scroll"] > 0, "compare-report: the other text's pane scrolled to it")
                c.check(a["marked_units"] == [a["id"]], "compare-report: the clicked unit is marked")
                c.check(a["unit_visible"] is True and not a["window_moved"],
                        "compare-report: the clicked unit stays where it was: %s" % a)
        r = results.get("hostile-report")
        if r:
            text = "".join(r["texts"])
            for literal in ("<script>window.__pwned = 1</script>", "</svg>", "]]>", "&amp;", '"quotes"',
                            "'quotes'", '<img src=x onerror="window.__pwned=3">', "</script><script>"):
                c.check(literal in text, "hostile-report: %r shows as text" % literal)
            c.check("<script>window.__pwned = 1</script>" in r["h1"], "hostile-report: the title shows as text")
            c.check("</svg>" in r["diagram_text"], "hostile-report: the diagram shows </svg> as text")
        print("screenshots: " + " ".join(shots))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (c.passed, c.failed))
    return 0 if c.failed == 0 and c.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
