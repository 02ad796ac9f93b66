#!/usr/bin/env python3
"""smaa_numpy.py [DRAWS] — the SMAA-2 run of bench/smaa_bench.cpp, vectorised with numpy.

The same problem (20 candidates x 40 criteria, every score uncertain between its lowest
and lowest + range, leaf weights uniform on the simplex) and the same algorithm as
engine/sensitivity/smaa.cpp: per draw, weights as normalised exponentials, scores drawn
uniformly, totals, ranks with the 1e-9 tie tolerance, rank counts and the sums behind
the central weights; then the confidence factors, each candidate's central weights
against fresh score draws. numpy's own generator (PCG64) draws the numbers, so results
agree with the C++ run statistically, not bit for bit. Work goes in blocks of draws so
memory stays small. Prints the seconds taken and the first candidate's acceptability.

Debian's python3-numpy; bench/run_smaa.sh expects it (scripts/install-bench-deps).
"""
import sys
import time

import numpy as np

CANDIDATES = 20
CRITERIA = 40
TOLERANCE = 1e-9
BLOCK = 4096


def problem():
    k = np.arange(CANDIDATES * CRITERIA).reshape(CANDIDATES, CRITERIA)
    lo = 10.0 + (k * 37) % 60
    span = 5.0 + (k * 13) % 30
    return lo, span


def ranks(totals):
    # rank 0 is first: how many are more than the tolerance above each
    return (totals[:, None, :] > totals[:, :, None] + TOLERANCE).sum(axis=2)


def smaa(lo, span, draws, rng):
    n, m = lo.shape
    counts = np.zeros((n, n), dtype=np.int64)
    wsum = np.zeros((n, m))
    wsq = np.zeros((n, m))
    for start in range(0, draws, BLOCK):
        b = min(BLOCK, draws - start)
        w = rng.exponential(size=(b, m))
        w /= w.sum(axis=1, keepdims=True)
        scores = lo + span * rng.random((b, n, m))
        totals = np.einsum("bnm,bm->bn", scores, w)
        r = ranks(totals)
        for i in range(n):
            counts[i] += np.bincount(r[:, i], minlength=n)
        first = (r == 0).astype(np.float64)  # (b, n)
        wsum += first.T @ w
        wsq += first.T @ (w * w)
    acceptability = counts / draws
    central = wsum / np.maximum(counts[:, :1], 1)
    who = np.nonzero(counts[:, 0])[0]
    firsts = np.zeros(len(who), dtype=np.int64)
    for start in range(0, draws, BLOCK):
        b = min(BLOCK, draws - start)
        scores = lo + span * rng.random((b, n, m))
        # totals of every candidate under every central weight vector: one matrix product
        totals = (scores.reshape(b * n, m) @ central[who].T).reshape(b, n, len(who))
        for c, k in enumerate(who):
            t = totals[:, :, c]
            firsts[c] += np.count_nonzero((t > t[:, k:k + 1] + TOLERANCE).sum(axis=1) == 0)
    confidence = firsts / draws
    return acceptability, central, confidence


def main():
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    lo, span = problem()
    rng = np.random.default_rng(2026)
    began = time.perf_counter()
    acceptability, _, _ = smaa(lo, span, draws, rng)
    seconds = time.perf_counter() - began
    print(f"numpy {numpy_version()}: {draws} draws in {seconds:.3f} s; "
          f"first candidate first in {acceptability[0, 0]:.4f}")


def numpy_version():
    return np.__version__


if __name__ == "__main__":
    main()
