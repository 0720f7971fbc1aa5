#!/usr/bin/env python3
"""The reference for bench/grounded-vs-python: a straightforward grounded solver, written for the
project in plain Python. Reads an ICCMA .af file ("p af N", then "i j" attack lines, "#"
comments) and prints the grounded extension as an ICCMA solver does ("w 1 2 3").

usage: bench/grounded_reference.py FILE.af
"""
import sys


def main(path):
    with open(path) as f:
        n = None
        targets = None
        live = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if n is None:
                n = int(line.split()[2])
                targets = [[] for _ in range(n + 1)]
                live = [0] * (n + 1)
                continue
            a, b = line.split()
            a, b = int(a), int(b)
            targets[a].append(b)
            live[b] += 1
    # 0: undecided, 1: in, 2: out. An argument is in once all its attackers are out.
    label = [0] * (n + 1)
    todo = [a for a in range(1, n + 1) if live[a] == 0]
    for a in todo:
        label[a] = 1
    while todo:
        a = todo.pop()
        for t in targets[a]:
            if label[t] == 2:
                continue
            label[t] = 2
            for u in targets[t]:
                live[u] -= 1
                if live[u] == 0 and label[u] == 0:
                    label[u] = 1
                    todo.append(u)
    sys.stdout.write("w " + " ".join(str(a) for a in range(1, n + 1) if label[a] == 1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
