#!/usr/bin/env python3
"""compare.py ACTUAL.json EXPECTED.json

Checks that every key and value present in EXPECTED is present and equal in ACTUAL:
objects may carry extra keys in ACTUAL; arrays must have the same length and are
matched by position; numbers are equal within 1e-9, relative to the expected value
when it is above 1 in size (true/false are not numbers here): money runs to millions,
where a double's last bit is already worth about 1e-10. One exception: an object under the key "values" (what a rule read, in
candidates[].rules[]) must have exactly the expected keys, so that a name read when it
should not have been (the skipped side of `and`/`or`) is a mismatch too. Prints each
mismatch with its JSON path; exits 1 on any mismatch.
"""
import json
import sys

TOLERANCE = 1e-9


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


EXACT_KEYS = {"values"}


def compare(actual, expected, path, problems):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, got {json.dumps(actual)}")
            return
        if path.rsplit(".", 1)[-1] in EXACT_KEYS:
            for key in actual:
                if key not in expected:
                    problems.append(f"{path}.{key}: not expected (it is {json.dumps(actual[key])})")
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing (expected {json.dumps(value)})")
            else:
                compare(actual[key], value, f"{path}.{key}", problems)
    elif isinstance(expected, list):
        if not isinstance(actual, list):
            problems.append(f"{path}: expected an array, got {json.dumps(actual)}")
            return
        if len(actual) != len(expected):
            problems.append(f"{path}: expected {len(expected)} items, got {len(actual)}")
        for i, (a, e) in enumerate(zip(actual, expected)):
            compare(a, e, f"{path}[{i}]", problems)
    elif is_number(expected):
        if not is_number(actual) or abs(actual - expected) > TOLERANCE * max(1.0, abs(expected)):
            problems.append(f"{path}: expected {expected!r}, got {json.dumps(actual)}")
    elif actual != expected or type(actual) is not type(expected):
        problems.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare.py ACTUAL.json EXPECTED.json")
    with open(sys.argv[1]) as f:
        actual = json.load(f)
    with open(sys.argv[2]) as f:
        expected = json.load(f)
    problems = []
    compare(actual, expected, "$", problems)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} mismatch(es): {sys.argv[1]} against {sys.argv[2]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
