#!/usr/bin/env python3
"""The panel benchmark's reference: the same computation as bench/panel_bench.cpp,
vectorised with numpy (Debian's python3-numpy).

  panel_numpy.py FOLDER [REPETITIONS]    (FOLDER holds panel.csv from panel_data.py)

Parsing panel.csv into a (members, 10, 10) array is timed once and reported on its
own. Then, REPETITIONS times (default 5), the computation, timed with
perf_counter:
  1. every member's principal eigenvector by power iteration from equal weights,
     rescaled to sum 1 each step, until no weight of any member moves by more than
     1e-12 (the same rule as the engine, applied to the whole batch at once: the
     vectorised way; members that converged earlier do a few extra steps);
  2. lambda max (the sum of A w), CI = (lambda - n) / (n - 1), CR = CI / 1.49
     (Saaty's random index for n = 10);
  3. each group's arithmetic mean of its members' weights, and the panel's mean of
     the groups' weights (groups equal).
Prints one line per measurement, `name seconds`, then the panel's weights and two
check sums so that run_panel.sh can compare them with the C++ run.
"""
import csv
import sys
import time
from pathlib import Path

import numpy as np

N_CRIT = 10
RANDOM_INDEX_10 = 1.49


def parse(path):
    members, groups, index = [], [], {}
    a = []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            member = row[col["member"]]
            k = index.get(member)
            if k is None:
                k = index[member] = len(members)
                members.append(member)
                groups.append(row[col["group"]])
                a.append(np.eye(N_CRIT))
            left, right = row[col["item"]].split("/")
            i, j = int(left[1:]), int(right[1:])
            text = row[col["value"]]
            top, _, bottom = text.partition("/")
            value = float(top) / float(bottom) if bottom else float(top)
            a[k][i, j] = value
            a[k][j, i] = 1 / value
    group_ids = sorted(set(groups), key=lambda g: int(g[1:]))
    group_of = np.array([group_ids.index(g) for g in groups])
    return np.stack(a), group_of, len(group_ids)


def compute(a, group_of, n_groups):
    n = a.shape[1]
    w = np.full((a.shape[0], n), 1.0 / n)
    while True:
        y = (a @ w[:, :, None])[:, :, 0]
        s = y.sum(axis=1, keepdims=True)
        nxt = y * (1.0 / s)  # as the engine: one division per member, then products
        moved = np.abs(nxt - w).max()
        w = nxt
        if moved <= 1e-12:
            break
    lam = s[:, 0]
    cr = (lam - n) / (n - 1) / RANDOM_INDEX_10
    sums = np.zeros((n_groups, n))
    np.add.at(sums, group_of, w)
    counts = np.bincount(group_of, minlength=n_groups)[:, None]
    group_weights = sums / counts
    panel = group_weights.mean(axis=0)
    return w, cr, panel


def main():
    folder = Path(sys.argv[1])
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    start = time.perf_counter()
    a, group_of, n_groups = parse(folder / "panel.csv")
    print(f"numpy_parse {time.perf_counter() - start:.6f}")
    for _ in range(repetitions):
        start = time.perf_counter()
        w, cr, panel = compute(a, group_of, n_groups)
        print(f"numpy_compute {time.perf_counter() - start:.6f}")
    print("panel_weights " + " ".join(f"{x:.15f}" for x in panel))
    print(f"check_cr_sum {cr.sum():.9f}")
    print(f"check_above_0.1 {(cr > 0.1).sum()}")


if __name__ == "__main__":
    main()
