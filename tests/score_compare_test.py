#!/usr/bin/env python3
"""scripts/score-compare against the project's gold comparison pairs (tests/data/compare/*-pair.json).

For each annotation this builds the comparison that the annotation describes (one statement per
quoted passage, at its place in the text; one alignment per annotated pair with its stance; the
annotated thesis; the annotated unanswered reasons as reasons that nothing aligns) and checks
that score-compare scores it as perfect. Then it spoils that comparison one way at a time and
checks that the score drops where it should: one stance changed, the thesis left out, the
thesis relation changed, the thesis on other statements. Last, it scores `argmap compare` of
the pair's two texts, which must be readable (every quote found in the texts argmap read).

Exit status: 0 when every check passes, 1 when one fails.

    tests/score_compare_test.py --score-compare scripts/score-compare \\
        --annotations tests/data/compare --samples samples --argmap build/cli/argmap
"""

import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

STANCES = ("agree", "contradict", "related")
RELATIONS = ("agree", "contradict", "different questions")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAILED: {what}")


def as_list(quotes):
    return [quotes] if isinstance(quotes, str) else list(quotes)


def gold_document(annotation, texts):
    """The comparison document that says exactly what the annotation says."""
    statements, ids = [], {}

    def statement(side, quote):
        key = (side, quote)
        if key not in ids:
            text = texts[side].encode("utf-8")
            begin = text.find(quote.encode("utf-8"))
            if begin < 0:
                raise SystemExit(f"{annotation['first']}: quote not in its text: {quote!r}")
            ids[key] = f"{side}{len(ids) + 1}"
            statements.append({"id": ids[key], "source": side, "text": quote,
                               "spans": [[begin, begin + len(quote.encode('utf-8'))]]})
        return ids[key]

    alignments = [{"statements": [statement("a", p["first"]), statement("b", p["second"])],
                   "stance": p["stance"], "score": 1.0} for p in annotation["pairs"]]
    document = {"format": "argmap", "version": 1,
                "sources": [{"id": "a", "name": annotation["first"], "text": texts["a"]},
                            {"id": "b", "name": annotation["second"], "text": texts["b"]}],
                "statements": statements, "alignments": alignments, "relations": []}
    thesis = annotation.get("thesis")
    if thesis:
        document["thesis"] = {"statements": [statement("a", as_list(thesis["first"])[0]),
                                             statement("b", as_list(thesis["second"])[0])],
                              "relation": thesis["relation"], "why": thesis.get("why", "")}
    for quote in annotation.get("unanswered", {}).get("first", []):
        document["relations"].append({"type": "support", "from": [statement("a", quote)], "to": "a0"})
    return document


class Scorer:
    def __init__(self, script, annotation_path, workdir):
        self.script, self.annotation_path, self.workdir = script, annotation_path, workdir

    def run(self, document, *options):
        path = os.path.join(self.workdir, "document.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
        return self.run_file(path, *options)

    def run_file(self, path, *options):
        done = subprocess.run([sys.executable, self.script, path, self.annotation_path, "--json", *options],
                              capture_output=True, text=True)
        figures = json.loads(done.stdout) if done.returncode in (0, 1) and done.stdout else None
        return done.returncode, figures, done.stderr


def check_pair(args, annotation_path, workdir):
    name = os.path.basename(annotation_path)
    with open(annotation_path, encoding="utf-8") as f:
        annotation = json.load(f)
    texts = {}
    for side, key in (("a", "first"), ("b", "second")):
        with open(os.path.join(args.samples, annotation[key]), encoding="utf-8") as f:
            texts[side] = f.read()
    scorer = Scorer(args.score_compare, annotation_path, workdir)
    gold = gold_document(annotation, texts)
    n = len(annotation["pairs"])

    # The annotation itself: a perfect score.
    status, figures, err = scorer.run(gold, "--min-recall", "1", "--max-wrong", "0.0001", "--require-thesis")
    check(status == 0 and figures is not None, f"{name}: the gold scores without failing ({status}: {err.strip()})")
    if figures is None:
        return
    check(figures["recall"] == 1.0 and figures["found"] == n, f"{name}: every annotated pair is found")
    check(figures["precision"] == 1.0 and figures["wrong"] == 0.0, f"{name}: no gold alignment is wrong")
    check(figures["stance_accuracy"] == 1.0, f"{name}: every gold stance is right")
    check(figures["split"] in ("development", "held out"), f"{name}: says whether it is for development or held out")
    if "thesis" in annotation:
        check(figures["thesis"]["right"], f"{name}: the gold thesis is right")
    unanswered = annotation.get("unanswered", {}).get("first", [])
    if unanswered:
        check(figures["unanswered"] == {"reported": len(unanswered), "annotated": len(unanswered)},
              f"{name}: every annotated unanswered reason is reported")

    # One stance changed: recall, precision and stance accuracy drop by that one pair.
    for k in (0, n - 1):
        spoiled = copy.deepcopy(gold)
        right = spoiled["alignments"][k]["stance"]
        spoiled["alignments"][k]["stance"] = next(s for s in STANCES if s != right)
        status, figures, _ = scorer.run(spoiled)
        check(status == 0 and figures["found"] == n - 1 and figures["recall"] < 1.0,
              f"{name}: a wrong stance on pair {k} loses that pair's recall")
        check(figures["wrong_stance"] == 1 and figures["precision"] < 1.0 and figures["stance_accuracy"] < 1.0,
              f"{name}: a wrong stance on pair {k} counts as a wrong alignment")
        status, _, _ = scorer.run(spoiled, "--min-recall", "1")
        check(status == 1, f"{name}: --min-recall 1 fails with a wrong stance")

    # An alignment between passages that nobody paired counts as wrong, not as found.
    spoiled = copy.deepcopy(gold)
    firsts = {al["statements"][0] for al in gold["alignments"]}
    pairs = {tuple(al["statements"]) for al in gold["alignments"]}
    extra = next([a, b] for a in sorted(firsts) for b in sorted({al["statements"][1] for al in gold["alignments"]})
                 if (a, b) not in pairs)
    spoiled["alignments"].append({"statements": extra, "stance": "agree", "score": 0.5})
    status, figures, _ = scorer.run(spoiled)
    check(figures["recall"] == 1.0 and figures["not_annotated"] == 1 and figures["wrong"] > 0.0,
          f"{name}: an unannotated alignment is wrong and costs no recall")

    if "thesis" not in annotation:
        return
    # No thesis in the document: "not reported", and --require-thesis fails.
    spoiled = copy.deepcopy(gold)
    del spoiled["thesis"]
    status, figures, _ = scorer.run(spoiled)
    check(status == 0 and figures["thesis"]["reported"] is False and figures["thesis"]["right"] is False,
          f"{name}: a document without a thesis has it not reported")
    status, _, err = scorer.run(spoiled, "--require-thesis")
    check(status == 1 and "not reported" in err, f"{name}: --require-thesis fails when no thesis is reported")

    # The wrong relation between the right statements.
    annotated = annotation["thesis"]["relation"]
    spoiled = copy.deepcopy(gold)
    spoiled["thesis"]["relation"] = next(r for r in RELATIONS if r != annotated)
    status, figures, _ = scorer.run(spoiled)
    check(figures["thesis"]["reported"] and not figures["thesis"]["relation_right"]
          and figures["thesis"]["statements_right"] and not figures["thesis"]["right"],
          f"{name}: a wrong thesis relation is wrong")
    status, _, err = scorer.run(spoiled, "--require-thesis")
    check(status == 1 and "wrong" in err, f"{name}: --require-thesis fails on a wrong thesis relation")

    # The right relation, spelled with a hyphen or the statements in the other order.
    spoiled = copy.deepcopy(gold)
    spoiled["thesis"]["relation"] = annotated.replace(" ", "-").upper()
    spoiled["thesis"]["statements"].reverse()
    status, figures, _ = scorer.run(spoiled)
    check(figures["thesis"]["right"], f"{name}: the thesis relation is read in any case, hyphened, either order")

    # The right relation between other statements (passages of no thesis quote).
    thesis_ids = set(gold["thesis"]["statements"])
    others = [s["id"] for s in gold["statements"]
              if s["source"] == "a" and s["id"] not in thesis_ids
              and s["text"] not in as_list(annotation["thesis"]["first"])]
    spoiled = copy.deepcopy(gold)
    spoiled["thesis"]["statements"][0] = others[0]
    status, figures, _ = scorer.run(spoiled)
    check(figures["thesis"]["relation_right"] and not figures["thesis"]["statements_right"]
          and not figures["thesis"]["right"], f"{name}: a thesis on another statement is wrong")

    # A malformed thesis is unreadable input.
    spoiled = copy.deepcopy(gold)
    spoiled["thesis"]["relation"] = "maybe"
    status, _, err = scorer.run(spoiled)
    check(status == 2 and "bad thesis relation" in err, f"{name}: an unknown thesis relation is an error")

    # argmap's own comparison of the two texts scores (every quote is found in what argmap read).
    out = os.path.join(workdir, "argmap.json")
    done = subprocess.run([args.argmap, "compare", os.path.join(args.samples, annotation["first"]),
                           os.path.join(args.samples, annotation["second"]), "-o", out],
                          capture_output=True, text=True)
    check(done.returncode == 0, f"{name}: argmap compares the pair ({done.stderr.strip()})")
    if done.returncode == 0:
        status, figures, err = scorer.run_file(out)
        check(status == 0 and figures is not None and 0.0 <= figures["recall"] <= 1.0,
              f"{name}: argmap's comparison scores ({err.strip()})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score-compare", required=True)
    parser.add_argument("--annotations", required=True, help="folder of *-pair.json annotations")
    parser.add_argument("--samples", required=True, help="folder of the annotated texts")
    parser.add_argument("--argmap", required=True)
    args = parser.parse_args()
    annotations = sorted(glob.glob(os.path.join(args.annotations, "*-pair.json")))
    check(len(annotations) >= 3, "the project has at least three gold pairs")
    splits = []
    for path in annotations:
        with open(path, encoding="utf-8") as f:
            splits.append(json.load(f).get("split"))
        with tempfile.TemporaryDirectory() as workdir:
            check_pair(args, path, workdir)
    check("held out" in splits, "at least one gold pair is held out")
    print(f"{len(annotations)} annotations, {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
