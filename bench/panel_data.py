#!/usr/bin/env python3
"""Writes the panel benchmark's input: panel.csv with MEMBERS members, each
comparing ten criteria c0..c9 two at a time, every pair (45 rows a member), in
four groups g0..g3 (member k is in group k % 4).

  panel_data.py OUT_FOLDER [MEMBERS]     (default 100000)

Each member has a true set of weights (uniform 1..10, normalised) and answers
each pair with the true ratio times log-normal noise (sigma 0.3), rounded to
Saaty's 1-9 scale (1/9 .. 9), so the matrices are about as consistent as real
panels' (mean consistency ratio about 0.03; with this seed none is above 0.1, as
run_panel.sh's check line shows).
Python's own random module with a fixed seed: the same file every time, and
no numpy needed to make it. Standard library only.
"""
import math
import random
import sys
from pathlib import Path

CRITERIA = 10
GROUPS = 4


def to_scale(x):
    if x >= 1:
        return str(min(9, max(1, round(x))))
    k = min(9, max(1, round(1 / x)))
    return "1" if k == 1 else f"1/{k}"


def main():
    out = Path(sys.argv[1])
    members = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20260401)
    rows = ["member,group,parent,method,item,value"]
    for k in range(members):
        w = [rng.uniform(1, 10) for _ in range(CRITERIA)]
        member, group = f"m{k}", f"g{k % GROUPS}"
        for i in range(CRITERIA):
            for j in range(i + 1, CRITERIA):
                x = w[i] / w[j] * math.exp(rng.gauss(0, 0.3))
                rows.append(f"{member},{group},root,pairwise,c{i}/c{j},{to_scale(x)}")
    (out / "panel.csv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
