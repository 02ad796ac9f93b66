#!/usr/bin/env python3
"""check_totals.py REPORT.md REFERENCE.json

Checks the ranking table of a Markdown report against the reference model's
result (tests/reference/reference_model.py) for the same folder: the table has one
row per candidate, each total is the reference total rounded to 0.1, and a row
showing rank r belongs to a candidate the reference model ranks r with that total.
Exits 1 on any mismatch, naming it.
"""
import json
import sys


def ranking_rows(report):
    lines = report.splitlines()
    start = lines.index("## Ranking")
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        if not line.startswith("|") or line.startswith("| Rank") or line.startswith("| -"):
            continue
        if set(line) <= set("|-: "):
            continue
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        rows.append((cells[0], cells[3]))
    return rows


def main():
    report = open(sys.argv[1], encoding="utf-8").read()
    reference = json.load(open(sys.argv[2], encoding="utf-8"))
    candidates = reference["candidates"]
    rows = ranking_rows(report)
    problems = []
    if len(rows) != len(candidates):
        problems.append(f"{len(rows)} rows in the ranking table, {len(candidates)} candidates")
    expected = sorted(f"{c['total']:.1f}" for c in candidates)
    if sorted(total for _, total in rows) != expected:
        problems.append(f"totals {sorted(t for _, t in rows)}, the reference gives {expected}")
    for rank, total in rows:
        number = rank.split(" ")[0]
        if not number.isdigit():
            continue
        if not any(c.get("rank") == int(number) and f"{c['total']:.1f}" == total
                   for c in candidates):
            problems.append(f"no candidate ranked {number} with total {total} in the reference")
    for p in problems:
        print("FAIL: " + p)
    if not problems:
        print(f"{len(rows)} totals agree with the reference model")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
