#!/usr/bin/env python3
"""Reference computation for weighbridge's end-to-end tests.

A second, deliberately simple implementation of the methods in the architecture
page, written from their description and not from the C++ engine, so that the
hand-worked expected values, this script and the engine must all agree:

  weights   each member's `points` / `direct` judgement on a node is normalised to
            sum 1 (a child left out gets 0); a group's weights on a node are the
            mean over its members who judged that node; the panel's are the mean
            of those groups' weights, weighted by group weight (1 unless set); a
            group with no judgement on a node takes no part; a node nobody judged
            gives its children equal weights; an only child gets 1; a node's
            global weight is the product of local weights down its path.
  scores    0-100. Judgement: (v - min) / (max - min) * 100, v the consensus value
            if recorded, else the mean of the evaluators' scores (nobody scored:
            0 and the candidate is incomplete). Evidence: boolean, linear
            {worst, best} clamped, piecewise {points} flat beyond the ends, levels
            {map}; missing evidence scores 0 and is listed in missing_evidence.
  totals    total = sum of global weight x score; rank = 1 + the number of
            candidates whose total is more than 1e-9 higher; ranking by rank, then
            candidates-file order.
  moderation  evaluators' max - min > the scale's moderation_threshold with no
            consensus.

Usage: reference_model.py PROCUREMENT_FOLDER   (prints JSON, the contract's subset)
Python 3.11 standard library only.
"""
import json
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIE = 1e-9


def read(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def load_framework(folder, name):
    if "/" in name or name.endswith(".toml"):
        return read(folder / name)
    return read(REPO / "criteria" / f"{name}.toml")


def load_candidates(folder):
    if (folder / "candidates.toml").exists():
        return read(folder / "candidates.toml").get("candidate", [])
    out = []
    for path in sorted((folder / "candidates").glob("*.toml")):
        out += read(path).get("candidate", [])
    return out


def tree_order(criteria):
    """Every criterion depth-first from the root, siblings in declaration order."""
    children = {}
    for c in criteria:
        children.setdefault(c.get("parent", "root"), []).append(c["id"])
    order = []

    def visit(node):
        for child in children.get(node, []):
            order.append(child)
            visit(child)
    visit("root")
    return children, order


def panel_weights(node, kids, panel):
    """Local weights of `kids` (the children of `node`) from the panel's judgements."""
    if len(kids) == 1:
        return {kids[0]: 1.0}
    group_of = {m["id"]: m["group"] for m in panel.get("member", [])}
    by_group = {}  # group -> list of each member's normalised weights
    for j in panel.get("judgement", []):
        if j["parent"] != node:
            continue
        values = j["points"] if j["method"] == "points" else j["weights"]
        total = sum(values.values())
        by_group.setdefault(group_of[j["member"]], []).append(
            {k: values.get(k, 0) / total for k in kids})
    if not by_group:
        return {k: 1.0 / len(kids) for k in kids}
    group_weight = {g["id"]: g.get("weight", 1) for g in panel.get("group", [])}
    share = sum(group_weight[g] for g in by_group)
    out = {k: 0.0 for k in kids}
    for g, members in by_group.items():
        for k in kids:
            mean = sum(m[k] for m in members) / len(members)
            out[k] += group_weight[g] / share * mean
    return out


def evidence_score(value_function, x):
    kind = value_function["type"]
    if kind == "boolean":
        return 100.0 if x else 0.0
    if kind == "levels":
        return float(value_function["map"][x])
    if kind == "linear":
        worst, best = value_function["worst"], value_function["best"]
        return min(100.0, max(0.0, (x - worst) / (best - worst) * 100))
    points = value_function["points"]  # piecewise
    if x <= points[0][0]:
        return float(points[0][1])
    for (x0, v0), (x1, v1) in zip(points, points[1:]):
        if x <= x1:
            return v0 + (v1 - v0) * (x - x0) / (x1 - x0)
    return float(points[-1][1])


def evaluate(folder):
    folder = Path(folder)
    procurement = read(folder / "procurement.toml")
    framework = load_framework(folder, procurement["procurement"]["framework"])
    candidates = load_candidates(folder)
    panel = read(folder / "panel.toml")
    scores = read(folder / "scores.toml") if (folder / "scores.toml").exists() else {}

    criteria = framework.get("criterion", []) + procurement.get("criterion", [])
    by_id = {c["id"]: c for c in criteria}
    children, order = tree_order(criteria)
    leaves = [c for c in order if c not in children]

    local = {}
    for node in ["root"] + [c for c in order if c in children]:
        local.update(panel_weights(node, children[node], panel))
    weights, global_weight = [], {}
    for c in order:  # parents come first, so the parent's global is known
        parent = by_id[c].get("parent", "root")
        global_weight[c] = local[c] * global_weight.get(parent, 1.0)
        weights.append({"criterion": c, "parent": parent,
                        "local": local[c], "global": global_weight[c]})

    scale = framework.get("scale", {})
    lo, hi = scale.get("min", 0), scale.get("max", 5)
    threshold = scale.get("moderation_threshold", 2)
    consensus = {(c["candidate"], c["criterion"]): c["value"] for c in scores.get("consensus", [])}
    marks = {}
    for s in scores.get("score", []):
        marks.setdefault((s["candidate"], s["criterion"]), []).append(s["value"])

    results, moderation = [], []
    for cand in candidates:
        evidence = cand.get("evidence", {})
        rows, missing, complete = [], [], True
        for leaf in leaves:
            c = by_id[leaf]
            key = (cand["id"], leaf)
            if c["assess"] == "judgement":
                given = marks.get(key, [])
                if key in consensus:
                    v = consensus[key]
                elif given:
                    v = sum(given) / len(given)
                    if max(given) - min(given) > threshold:
                        moderation.append({"candidate": cand["id"], "criterion": leaf,
                                           "spread": max(given) - min(given)})
                else:
                    v, complete = None, False
                score = 0.0 if v is None else (v - lo) / (hi - lo) * 100
            elif c["evidence"] in evidence:
                score = evidence_score(c["value"], evidence[c["evidence"]])
            else:
                score = 0.0
                missing.append(leaf)
            w = global_weight[leaf]
            rows.append({"criterion": leaf, "score": score, "weight": w,
                         "contribution": w * score})
        results.append({"id": cand["id"], "total": sum(r["contribution"] for r in rows),
                        "complete": complete, "criteria": rows, "missing_evidence": missing})

    for r in results:
        r["rank"] = 1 + sum(1 for o in results if o["total"] > r["total"] + TIE)
    ranking = [r["id"] for r in sorted(results, key=lambda r: r["rank"])]  # stable: file order
    return {"weights": weights, "candidates": results, "ranking": ranking,
            "moderation": moderation}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: reference_model.py PROCUREMENT_FOLDER")
    print(json.dumps(evaluate(sys.argv[1]), indent=2))
