#!/usr/bin/env python3
"""The project's gold maps pass their checker, and scripts/score-gold-maps scores right:
a gold map against itself scores 1 everywhere; maps spoiled in known ways lose exactly what was
spoiled; a missing map counts as empty; --run maps the texts with argmap and scores them.

usage: gold_maps_test.py --scripts DIR --gold DIR [--argmap BINARY]
"""
import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print(f'FAILED: {what}', file=sys.stderr)


def run(args, **kw):
    return subprocess.run([sys.executable] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


def score(scripts, gold, tmp, systems, extra=()):
    out = os.path.join(tmp, 'figures.json')
    proc = run([os.path.join(scripts, 'score-gold-maps'), '--gold', gold, '--json', out,
                *extra, *systems])
    expect(proc.returncode == 0, f'score-gold-maps exits 0 ({proc.stderr.strip()})')
    with open(out, encoding='utf-8') as f:
        return json.load(f), proc


def spoil(doc):
    """The gold map with the central flag moved to a statement sharing nothing with the main
    claim, support and attack swapped, and one more statement over the first furniture span."""
    d = copy.deepcopy(doc)
    statements = d['statements']
    central = next(s for s in statements if s.get('central'))
    del central['central']
    taken = {tuple(sp) for sp in central['spans']}
    other = next(s for s in statements if not taken & {tuple(sp) for sp in s['spans']})
    other['central'] = True
    for r in d['relations']:
        r['type'] = {'support': 'attack', 'attack': 'support'}.get(r['type'], r['type'])
    b, e = d['furniture'][0]
    text = d['sources'][0]['text'].encode('utf-8')
    statements.append({'id': 'leak', 'source': 'a', 'text': text[b:e].decode('utf-8'),
                       'spans': [[b, e]]})
    del d['furniture']
    del d['gold']
    return d


def shrink(doc, fraction):
    """The gold map with every span cut to about FRACTION of its length (at a space)."""
    d = copy.deepcopy(doc)
    text = d['sources'][0]['text'].encode('utf-8')
    for st in d['statements']:
        spans = []
        for b, e in st['spans']:
            cut = text.rfind(b' ', b, b + max(1, int((e - b) * fraction)))
            spans.append([b, cut if cut > b else b + 1])
        st['spans'] = spans
        st['text'] = ' '.join(text[b:e].decode('utf-8') for b, e in spans)
    return d


def undercuts_as_attacks(doc):
    """The gold map with each undercut drawn as an attack on the undercut relation's source."""
    d = copy.deepcopy(doc)
    rel = {r['id']: r for r in d['relations']}
    for r in d['relations']:
        if r['type'] == 'undercut':
            r['type'], r['to'] = 'attack', rel[r['to']]['from'][0]
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--scripts', required=True)
    ap.add_argument('--gold', required=True)
    ap.add_argument('--argmap')
    args = ap.parse_args()
    golds = sorted(glob.glob(os.path.join(args.gold, '*.gold.json')))
    expect(len(golds) >= 8, 'there are at least eight gold maps')

    proc = run([os.path.join(args.scripts, 'check-gold-maps')] + golds)
    expect(proc.returncode == 0, f'check-gold-maps passes: {proc.stderr.strip()}')

    with tempfile.TemporaryDirectory() as tmp:
        # A gold map scored against itself: 1 everywhere, no leaks.
        fig, _ = score(args.scripts, args.gold, tmp, [args.gold])
        for half in ('dev', 'heldout', 'all'):
            f = fig['summary'][half]
            expect(f['central'] == 1.0, f'{half}: the gold central claims are right')
            for key in ('units', 'labelled_edges', 'attachment'):
                expect(f[key] == [1.0, 1.0, 1.0], f'{half}: gold against itself: {key} is 1')
            expect(f['furniture_leaks'] == 0, f'{half}: the gold maps leak no furniture')
        expect(fig['summary']['dev']['texts'] == 4 and fig['summary']['heldout']['texts'] == 4,
               'four development and four held-out texts')

        # Spoiled maps (matched by text, file names that say nothing): exactly what was spoiled is lost.
        spoiled_dir = os.path.join(tmp, 'spoiled')
        os.makedirs(spoiled_dir)
        undercuts = edges = units = 0
        for k, path in enumerate(golds):
            with open(path, encoding='utf-8') as f:
                doc = json.load(f)
            undercuts += sum(len(r['from']) for r in doc['relations'] if r['type'] == 'undercut')
            edges += sum(len(r['from']) for r in doc['relations'])
            units += len(doc['statements'])
            with open(os.path.join(spoiled_dir, f'map{k}.json'), 'w', encoding='utf-8') as f:
                json.dump(spoil(doc), f)
        fig, _ = score(args.scripts, args.gold, tmp, [spoiled_dir])
        f = fig['summary']['all']
        expect(f['central_right'] == 0, 'a central flag on another statement is wrong')
        expect(f['attachment'] == [1.0, 1.0, 1.0], 'swapped labels keep every attachment')
        expect(f['counts']['labelled'] == undercuts,
               'swapped labels: only the undercuts (attacks either way) keep their label')
        expect(f['labelled_edges'][1] == undercuts / edges, 'labelled recall counts them')
        expect(f['furniture_leaks'] == len(golds), 'one statement over furniture: one leak per text')
        expect(f['counts']['matched'] == units and f['counts']['sys_units'] == units + len(golds),
               'the statement over furniture is unmatched, every other one matches')

        # Matching needs a Jaccard of at least 0.5: statements cut to 80% match, cut to 30% do not.
        with open(os.path.join(args.gold, 'federalist-79.gold.json'), encoding='utf-8') as f:
            fed = json.load(f)
        for fraction, matched in ((0.8, len(fed['statements'])), (0.3, 0)):
            path = os.path.join(tmp, f'cut{int(fraction * 100)}.json')
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(shrink(fed, fraction), f)
            fig, _ = score(args.scripts, args.gold, tmp, [path], ['--set', 'dev'])
            f = fig['summary']['dev']['counts']
            expect(f['matched'] == matched, f'statements cut to {fraction}: {matched} matched')
            expect(f['central'] == (1 if matched else 0), f'statements cut to {fraction}: central')

        # An undercut counts as an attack on the undercut relation's source.
        with open(os.path.join(args.gold, 'paine-common-sense-reconciliation.gold.json'),
                  encoding='utf-8') as f:
            paine = json.load(f)
        expect(any(r['type'] == 'undercut' for r in paine['relations']), 'a gold map has undercuts')
        path = os.path.join(tmp, 'undercuts.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(undercuts_as_attacks(paine), f)
        fig, _ = score(args.scripts, args.gold, tmp, [path], ['--set', 'heldout'])
        expect(fig['summary']['heldout']['counts']['labelled'] == sum(
            len(r['from']) for r in paine['relations']), 'undercuts drawn as attacks are all right')

        # A missing map counts as empty: one development map given, the other three score nothing.
        one = os.path.join(args.gold, 'federalist-79.gold.json')
        fig, proc = score(args.scripts, args.gold, tmp, [one], ['--set', 'dev'])
        f = fig['summary']['dev']
        expect(f['texts'] == 4 and f['central_right'] == 1, 'dev: one map of four, one central right')
        expect(f['units'][0] == 1.0 and f['units'][1] < 0.5, 'dev: missing maps cost recall only')
        expect('heldout' not in fig['summary'], '--set dev scores no held-out text')
        expect('no map of' in proc.stderr, 'a missing map is reported')

        # A map named for a text whose text differs is an error.
        with open(one, encoding='utf-8') as f:
            doc = json.load(f)
        doc['sources'][0]['text'] += ' '
        bad = os.path.join(tmp, 'federalist-79.json')
        with open(bad, 'w', encoding='utf-8') as f:
            json.dump(doc, f)
        proc = run([os.path.join(args.scripts, 'score-gold-maps'), '--gold', args.gold, bad])
        expect(proc.returncode != 0 and 'differs' in proc.stderr,
               'a map named for a text but of another text is refused')

        # --run: argmap maps each text itself; the figures are fractions of 8 texts.
        if args.argmap:
            fig, _ = score(args.scripts, args.gold, tmp, [],
                           ['--run', args.argmap, '--set', 'all', '--keep', os.path.join(tmp, 'run')])
            f = fig['summary']['all']
            expect(f['texts'] == 8, '--run scores all eight texts')
            expect(len(glob.glob(os.path.join(tmp, 'run', '*.json'))) == 8, '--run keeps eight maps')
            for key in ('units', 'labelled_edges', 'attachment'):
                expect(all(0.0 <= x <= 1.0 for x in f[key]), f'--run: {key} are fractions')
            expect(f['counts']['sys_units'] > 0, '--run: argmap found statements')

    if failures:
        print(f'{len(failures)} check(s) failed', file=sys.stderr)
        return 1
    print('all gold-map checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
