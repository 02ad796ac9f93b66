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
  totals    total = sum of global weight x score (x the leaf's cap factor, plus any
            total-cap lines); rank = 1 + the number of eligible candidates whose total
            is more than 1e-9 higher; ranking: the eligible, by rank, then
            candidates-file order.
  groups    panel.groups[].ranking: the eligible candidates ranked on their totals under
            the group's own weights (the mean of its members' at the nodes it weighed, the
            panel's elsewhere), with the caps that fired applied again in the same order.
  moderation  evaluators' max - min > the scale's moderation_threshold with no
            consensus.
  costs     (issue 6) year t = 0..term: one-off lines at t = 0; annual lines x (1 +
            uplift)^(t-1), per-user lines x users x (1 + user_growth)^(t-1) x (1 +
            uplift)^(t-1) for t >= 1; periodic lines (no uplift) when every_years divides
            t >= 1; exit lines (no uplift) at t = term. Whole-life = the years' sum;
            present value = sum of cost_t / (1 + r)^t (r 0.035 unless set); maintenance
            share = (support + maintenance + hosting) / whole-life; annual mean =
            whole-life / term. cost.whole_life etc. are readable as evidence and in rules.
  price     with [price] share > 0, root -> quality (1 - share), price (share); the
            framework's top level under quality; judgements on root weigh quality's
            children. Price is scored on present value against the lowest in the price
            pool (candidates with costs failing no gate, require, exclusion, minimum or
            budget that does not read the total or score("price"), nor the outcome of
            one that does, nor a score such a cap changes): lowest-relative, linear,
            deduct-per-percent, log, clamped to [0, 100]. The built-in gate `budget`
            (after the minimums) fails a whole-life cost above `budget`. Ties on total
            are broken by the declared tie_break (quality higher, price = present value
            lower, criterion:ID higher after caps); quality = the score of `quality`
            after caps (without price: the leaves' contributions). Flags: no-maintenance
            (support + maintenance 0 in every year 2..term, term >= 2) and
            abnormally-low (present value below (1 - abnormally_low) x the mean of the
            other eligible bids with costs, at least two of them). Price per quality
            point = present value / quality (None when quality is 0). The winner's
            nearest switching shares, from s x price + (1 - s) x quality; and for each
            losing bid in the pool, the others' ranking had it not been made.
  rules     (issue 3) run after measuring, per candidate: the built-in `exclusion`
            (fails for a candidate with [candidate.exclusion]) and `minimum:<id>`
            (fails when the judgement's value on the evaluators' scale is below the
            criterion's `minimum`, or nobody scored it), then the framework's rules and
            the procurement's, in declaration order moved only as dependencies demand:
            a rule after every rule whose outcome it reads (passed), after every cap
            that changes a score it reads (a cap on T changes score(T), the scores of
            T's ancestors and of everything under T) or the total, and caps on
            overlapping targets (the same, one under the other, or a later cap on the
            total) in declaration order. gate: fails unless pass_if holds. require:
            fails when a named evidence key is absent. cap: when `when` holds, outcome
            "cap", and the target's score (a branch's = the weighted mean of its
            children by local weights, after earlier caps) is limited to max by scaling
            every leaf under it by max / score; on "total", a line {criterion "total",
            score null, weight null, contribution max - total}. flag: "flag" when
            `when` holds. Otherwise "pass". A missing value (absent evidence or
            procurement value, division by zero) makes a comparison, arithmetic or
            `not` missing; `and`/`or` are decided by a known side (false and ... =
            false; true or ... = true). missing = "fail" (default for gates): a missing
            condition counts as the unfavourable case (gate fails, cap applies, flag
            raised); "skip" (default for caps and flags): outcome "not-applicable".
            A failed gate, require, exclusion or minimum makes the candidate
            ineligible: rank null, left out of ranking, total still computed.
            passed(id) is true only for outcome "pass". values: each name read, as
            written, with its value (dates as YYYY-MM-DD, missing as null), in the
            order first read; a side skipped by and/or is not read. An exclusion's
            values are its ground and reason; a minimum's, score (on the scale) and
            minimum; a cap that applied adds "score before the cap".

Usage: reference_model.py PROCUREMENT_FOLDER   (prints JSON, the contract's subset)
Python 3.11 standard library only.
"""
import datetime
import copy
import json
import math
import re
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


def group_weights(node, kids, panel, group, panel_local):
    """A group's local weights on `node`: the mean of its members' normalised judgements
    there, or the panel's weights when none of its members weighed the node."""
    if len(kids) == 1:
        return {kids[0]: 1.0}
    group_of = {m["id"]: m["group"] for m in panel.get("member", [])}
    judged = []
    for j in panel.get("judgement", []):
        if j["parent"] != node or group_of[j["member"]] != group:
            continue
        values = j["points"] if j["method"] == "points" else j["weights"]
        total = sum(values.values())
        judged.append({k: values.get(k, 0) / total for k in kids})
    if not judged:
        return {k: panel_local[k] for k in kids}
    return {k: sum(m[k] for m in judged) / len(judged) for k in kids}


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


# ---------------------------------------------------------------------------------------
# Rules: the expression language (issue 3), read from the description.
#
#   or  <  and  <  not  <  comparison (== != < <= > >= in, not in, contains; one per
#   level, not chained)  <  + -  <  * /  <  unary -  <  literal, name, call, ( ... )
#
# An expression becomes a tree of tuples; evaluating it gives True, False, a number, a
# text, a list of texts, a date, or MISSING.


class _Missing:
    def __repr__(self):
        return "MISSING"


MISSING = _Missing()

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>[0-9]+(?:\.[0-9]+)?)
  | (?P<text>"(?:[^"\\]|\\.)*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,|\.)
""", re.VERBOSE)
_KEY = re.compile(r'[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"')


def _unquote(text):
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def tokenize(text):
    """[(kind, value)]: kind is number, text, name, key or the operator itself."""
    tokens, at = [], 0
    while at < len(text):
        # After `evidence.`, `procurement.` or `cost.` comes a key, which may hold '-'.
        if (len(tokens) >= 2 and tokens[-1] == (".", ".")
                and tokens[-2] in (("name", "evidence"), ("name", "procurement"),
                                   ("name", "cost"))):
            m = _KEY.match(text, at)
            if not m:
                raise ValueError(f"expected a key at {at} in {text!r}")
            key = m.group()
            tokens.append(("key", _unquote(key) if key.startswith('"') else key))
            at = m.end()
            continue
        m = _TOKEN.match(text, at)
        if not m:
            raise ValueError(f"cannot read {text[at:]!r}")
        at = m.end()
        kind = m.lastgroup
        if kind == "space":
            continue
        if kind == "number":
            tokens.append(("number", float(m.group())))
        elif kind == "text":
            tokens.append(("text", _unquote(m.group())))
        elif kind == "name":
            tokens.append(("name", m.group()))
        else:
            tokens.append((m.group(), m.group()))
    tokens.append(("end", None))
    return tokens


class _Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.at = 0

    def peek(self, ahead=0):
        return self.tokens[min(self.at + ahead, len(self.tokens) - 1)]

    def take(self, kind=None, value=None):
        token = self.tokens[self.at]
        if (kind and token[0] != kind) or (value and token[1] != value):
            raise ValueError(f"expected {kind or value}, found {token}")
        self.at += 1
        return token

    def is_word(self, word, ahead=0):
        return self.peek(ahead) == ("name", word)

    def parse(self):
        tree = self.or_()
        self.take("end")
        return tree

    def or_(self):
        left = self.and_()
        while self.is_word("or"):
            self.take()
            left = ("or", left, self.and_())
        return left

    def and_(self):
        left = self.not_()
        while self.is_word("and"):
            self.take()
            left = ("and", left, self.not_())
        return left

    def not_(self):
        if self.is_word("not"):
            self.take()
            return ("not", self.not_())
        return self.comparison()

    def comparison(self):
        left = self.additive()
        kind, value = self.peek()
        if kind in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("compare", kind, left, self.additive())
        if self.is_word("in") or self.is_word("contains"):
            self.take()
            return (value, left, self.additive())
        if self.is_word("not") and self.is_word("in", 1):
            self.take()
            self.take()
            return ("not in", left, self.additive())
        return left

    def additive(self):
        left = self.multiplicative()
        while self.peek()[0] in ("+", "-"):
            op = self.take()[0]
            left = ("arith", op, left, self.multiplicative())
        return left

    def multiplicative(self):
        left = self.unary()
        while self.peek()[0] in ("*", "/"):
            op = self.take()[0]
            left = ("arith", op, left, self.unary())
        return left

    def unary(self):
        if self.peek()[0] == "-":
            self.take()
            return ("negate", self.unary())
        return self.primary()

    def quoted_argument(self):
        self.take("(")
        value = self.take("text")[1]
        self.take(")")
        return value

    def primary(self):
        kind, value = self.take()
        if kind in ("number", "text"):
            return ("literal", value)
        if kind == "[":
            items = []
            while self.peek()[0] != "]":
                items.append(self.take("text")[1])
                if self.peek()[0] == ",":
                    self.take()
            self.take("]")
            return ("literal", items)
        if kind == "(":
            inner = self.or_()
            self.take(")")
            return inner
        if kind != "name":
            raise ValueError(f"unexpected {value!r}")
        if value in ("true", "false"):
            return ("literal", value == "true")
        if value == "total":
            return ("total",)
        if value in ("evidence", "procurement"):
            self.take(".")
            return (value, self.take("key")[1])
        if value == "cost":  # a figure of the bid's costs, held as evidence "cost.<key>"
            self.take(".")
            return ("cost", self.take("key")[1])
        if value in ("score", "passed"):
            return (value, self.quoted_argument())
        if value == "date":
            return ("literal", datetime.date.fromisoformat(self.quoted_argument()))
        if value == "has":
            self.take("(")
            self.take("name", "evidence")
            self.take(".")
            key = self.take("key")[1]
            self.take(")")
            return ("has", key)
        if value in ("len", "lower"):
            self.take("(")
            argument = self.or_()
            self.take(")")
            return (value, argument)
        raise ValueError(f"unknown name {value!r}")


def parse_expression(text):
    return _Parser(text).parse()


def reads_of(tree, out=None):
    """What an expression reads, for ordering: {"rules": ids, "scores": ids, "total": bool}."""
    if out is None:
        out = {"rules": set(), "scores": set(), "total": False}
    if tree[0] == "passed":
        out["rules"].add(tree[1])
    elif tree[0] == "score":
        out["scores"].add(tree[1])
    elif tree[0] == "total":
        out["total"] = True
    for part in tree[1:]:
        if isinstance(part, tuple):
            reads_of(part, out)
    return out


def written_key(prefix, key):
    if _PLAIN_KEY.fullmatch(key):
        return f"{prefix}.{key}"
    return prefix + '."' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shown_value(value):
    """A value as the JSON `values` show it: dates as YYYY-MM-DD, missing as null."""
    if value is MISSING:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


class Reading:
    """What a condition may read for one candidate, recording each name first read."""

    def __init__(self, evidence, procurement, scores, outcomes):
        self.evidence = evidence        # key -> value
        self.procurement = procurement  # key -> value (absent: missing)
        self.scores = scores            # CappedScores
        self.outcomes = outcomes        # rule id -> outcome so far
        self.read = {}                  # name as written -> value, in order first read

    def note(self, name, value):
        if name not in self.read:
            self.read[name] = shown_value(value)
        return value

    def evaluate(self, tree):
        kind = tree[0]
        if kind == "literal":
            return tree[1]
        if kind == "evidence":
            return self.note(written_key("evidence", tree[1]), self.evidence.get(tree[1], MISSING))
        if kind == "procurement":
            return self.note(written_key("procurement", tree[1]),
                             self.procurement.get(tree[1], MISSING))
        if kind == "cost":
            return self.note("cost." + tree[1], self.evidence.get("cost." + tree[1], MISSING))
        if kind == "has":
            value = self.evidence.get(tree[1], MISSING)
            self.note(written_key("evidence", tree[1]), value)
            return value is not MISSING
        if kind == "score":
            return self.note(f'score("{tree[1]}")', self.scores.score(tree[1]))
        if kind == "total":
            return self.note("total", self.scores.total())
        if kind == "passed":
            return self.note(f'passed("{tree[1]}")', self.outcomes.get(tree[1]) == "pass")
        if kind == "and":
            left = self.evaluate(tree[1])
            if left is False:
                return False
            right = self.evaluate(tree[2])
            if right is False:
                return False
            return MISSING if MISSING in (left, right) else True
        if kind == "or":
            left = self.evaluate(tree[1])
            if left is True:
                return True
            right = self.evaluate(tree[2])
            if right is True:
                return True
            return MISSING if MISSING in (left, right) else False
        if kind in ("not", "negate", "len", "lower"):
            value = self.evaluate(tree[1])
            if value is MISSING:
                return MISSING
            if kind == "not":
                return not value
            if kind == "negate":
                return -value
            if kind == "len":
                return float(len(value))  # a list's items, or a text's characters
            return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)
        # Binary: both sides are read, whatever they hold.
        if kind in ("compare", "arith"):
            op, left, right = tree[1], self.evaluate(tree[2]), self.evaluate(tree[3])
        else:
            op, left, right = kind, self.evaluate(tree[1]), self.evaluate(tree[2])
        if left is MISSING or right is MISSING:
            return MISSING
        if op == "/":
            return MISSING if right == 0 else left / right
        return {
            "+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
            "==": lambda: left == right, "!=": lambda: left != right,
            "<": lambda: left < right, "<=": lambda: left <= right,
            ">": lambda: left > right, ">=": lambda: left >= right,
            "in": lambda: left in right, "not in": lambda: left not in right,
            "contains": lambda: right in left,
        }[op]()


class CappedScores:
    """One candidate's leaf scores as caps apply to them."""

    def __init__(self, children, local, global_weight, measured):
        self.children = children  # node -> its children (leaves have none)
        self.local = local
        self.global_weight = global_weight
        self.measured = measured  # leaf -> 0-100 as measured
        self.factor = {leaf: 1.0 for leaf in measured}
        self.total_lines = []     # (rule, negative amount)

    def leaves_under(self, node):
        if node not in self.children:
            return [node]
        return [leaf for child in self.children[node] for leaf in self.leaves_under(child)]

    def score(self, node):
        if node not in self.children:
            return self.measured[node] * self.factor[node]
        return sum(self.local[child] * self.score(child) for child in self.children[node])

    def total(self):
        return (sum(self.global_weight[leaf] * self.score(leaf) for leaf in self.measured)
                + sum(amount for _, amount in self.total_lines))

    def apply(self, target, most, rule):
        before = self.total() if target == "total" else self.score(target)
        if before > most:
            if target == "total":
                self.total_lines.append((rule, most - before))
            else:
                for leaf in self.leaves_under(target):
                    self.factor[leaf] *= most / before
        return before


def rule_order(rules, parent_of):
    """The rules in running order: declaration order, moved only as dependencies demand."""
    def ancestors(node):
        out = []
        while node in parent_of:
            node = parent_of[node]
            out.append(node)
        return out

    def related(a, b):  # does a cap on a change score(b)? (one is the other or under it)
        return a != "total" and b != "total" and (a == b or b in ancestors(a) or a in ancestors(b))

    n = len(rules)
    after = {i: set() for i in range(n)}  # i -> the rules it must run after
    for i, later in enumerate(rules):
        reads = later["reads"]
        for j, earlier in enumerate(rules):
            if i == j:
                continue
            if earlier["id"] in reads["rules"]:
                after[i].add(j)
            if earlier["kind"] != "cap":
                continue
            if reads["total"] or any(related(earlier["target"], s) for s in reads["scores"]):
                after[i].add(j)
            if later["kind"] == "cap" and j < i and (
                    later["target"] == "total" or related(earlier["target"], later["target"])):
                after[i].add(j)
    order, done = [], set()
    while len(order) < n:
        ready = [i for i in range(n) if i not in done and after[i] <= done]
        if not ready:
            raise ValueError("rules depend on each other in a loop")
        order.append(ready[0])
        done.add(ready[0])
    return [rules[i] for i in order]


def load_rules(framework, procurement, parent_of):
    rules = []
    for r in framework.get("rule", []) + procurement.get("rule", []):
        kind = r["kind"]
        condition = r.get("pass_if" if kind == "gate" else "when")
        tree = parse_expression(condition) if condition is not None else None
        rules.append({
            "id": r["id"], "kind": kind, "tree": tree,
            "reads": reads_of(tree) if tree else {"rules": set(), "scores": set(), "total": False},
            "evidence": r.get("evidence", []), "target": r.get("target"), "max": r.get("max"),
            "missing": r.get("missing", "fail" if kind == "gate" else "skip"),
        })
    return rule_order(rules, parent_of)


def run_rules(rules, cand, minimums, scale_values, procurement_values, scores):
    """Every outcome for one candidate, built-ins first; applies caps to `scores`."""
    outcomes, out, caps = {}, [], []

    def record(rule, kind, outcome, values):
        outcomes[rule] = outcome
        out.append({"rule": rule, "kind": kind, "outcome": outcome, "values": values})

    exclusion = cand.get("exclusion")
    record("exclusion", "gate", "fail" if exclusion else "pass",
           {"ground": exclusion["ground"], "reason": exclusion["reason"]} if exclusion else {})
    for criterion, minimum in minimums:
        v = scale_values.get(criterion)
        record(f"minimum:{criterion}", "gate", "fail" if v is None or v < minimum else "pass",
               {"score": v, "minimum": float(minimum)})
    if "budget" in procurement_values:
        record("budget", "gate", *budget_rule(cand, procurement_values))
    evidence = cand.get("evidence", {})
    for rule in rules:
        if rule["kind"] == "require":
            values = {written_key("evidence", k): shown_value(evidence.get(k, MISSING))
                      for k in rule["evidence"]}
            absent = any(k not in evidence for k in rule["evidence"])
            record(rule["id"], "require", "fail" if absent else "pass", values)
            continue
        reading = Reading(evidence, procurement_values, scores, outcomes)
        truth = reading.evaluate(rule["tree"])
        values = dict(reading.read)
        if truth is MISSING and rule["missing"] == "skip":
            outcome = "not-applicable"
        else:
            holds = truth is True or truth is MISSING  # missing = "fail": the unfavourable case
            if rule["kind"] == "gate":
                outcome = "pass" if truth is True else "fail"
            elif not holds:
                outcome = "pass"
            elif rule["kind"] == "flag":
                outcome = "flag"
            else:
                outcome = "cap"
                before = scores.apply(rule["target"], rule["max"], rule["id"])
                caps.append({"rule": rule["id"], "target": rule["target"],
                             "max": float(rule["max"]), "before": before,
                             "lowered": before > rule["max"]})
                values["score before the cap"] = before
        record(rule["id"], rule["kind"], outcome, values)
    return out, caps


# ---- Whole-life cost and price (issue 6), from the text ----------------------

CATEGORIES = ["licence", "support", "maintenance", "hosting", "hardware", "training",
              "implementation", "migration", "other"]
UPKEEP = ("support", "maintenance", "hosting")


def whole_life_cost(costs, settings, term):
    """Year t = 0..term: one-off lines in year 0; annual lines x (1 + uplift)^(t-1) and
    per-user lines x users x (1 + user_growth)^(t-1) x (1 + uplift)^(t-1) for t >= 1;
    periodic lines (no uplift) in each t >= 1 divisible by every_years; exit lines (no
    uplift) in year term. Whole-life cost = the years added up; present value = sum of
    cost_t / (1 + r)^t; maintenance share = (support + maintenance + hosting) / whole-life
    cost (None when that is 0); annual mean = whole-life cost / term."""
    r = settings.get("discount_rate", 0.035)
    uplift = settings.get("uplift", 0)
    users, growth = settings.get("users", 0), settings.get("user_growth", 0)
    used = set(costs.get("one_off", {})) | set(costs.get("annual", {})) \
        | set(costs.get("per_user_annual", {})) | set(costs.get("exit", {})) \
        | {line["category"] for line in costs.get("periodic", [])}
    years = []
    for t in range(term + 1):
        amounts = {c: 0.0 for c in CATEGORIES if c in used}
        if t == 0:
            for c, a in costs.get("one_off", {}).items():
                amounts[c] += a
        else:
            for c, a in costs.get("annual", {}).items():
                amounts[c] += a * (1 + uplift) ** (t - 1)
            for c, a in costs.get("per_user_annual", {}).items():
                amounts[c] += a * users * (1 + growth) ** (t - 1) * (1 + uplift) ** (t - 1)
            for line in costs.get("periodic", []):
                if t % line["every_years"] == 0:
                    amounts[line["category"]] += line["amount"]
            if t == term:
                for c, a in costs.get("exit", {}).items():
                    amounts[c] += a
        total = sum(amounts.values())
        years.append({"year": t, "undiscounted": total, "present_value": total / (1 + r) ** t,
                      "by_category": amounts})
    whole = sum(y["undiscounted"] for y in years)
    upkeep = sum(y["by_category"].get(c, 0) for y in years for c in UPKEEP)
    return {"whole_life": whole, "present_value": sum(y["present_value"] for y in years),
            "maintenance_share": upkeep / whole if whole > 0 else None,
            "annual_mean": whole / term, "by_year": years}


def with_cost_facts(cand, cost):
    """The candidate with its cost figures readable as evidence "cost.<figure>"."""
    if cost is None:
        return cand
    facts = {"cost.whole_life": cost["whole_life"], "cost.present_value": cost["present_value"],
             "cost.annual_mean": cost["annual_mean"]}
    if cost["maintenance_share"] is not None:
        facts["cost.maintenance_share"] = cost["maintenance_share"]
    return dict(cand, evidence={**cand.get("evidence", {}), **facts})


def price_branch(criteria, panel):
    """root -> quality (the framework's top level) and price; the panel's judgements on
    root weigh quality's children."""
    moved = [dict(c, parent=c.get("parent", "root")) for c in criteria]
    for c in moved:
        if c["parent"] == "root":
            c["parent"] = "quality"
    tree = [{"id": "quality", "title": "Quality"}] + moved + [{"id": "price", "assess": "price"}]
    judgements = [dict(j, parent="quality") if j["parent"] == "root" else j
                  for j in panel.get("judgement", [])]
    return tree, dict(panel, judgement=judgements)


def price_score(cfg, own, lowest):
    method = cfg.get("method", "lowest-relative")
    if method == "lowest-relative":
        s = lowest / own * 100
    elif method == "linear":
        zero_at = cfg.get("zero_at_ratio", 2.0) * lowest
        s = 100 * (zero_at - own) / (zero_at - lowest)
    elif method == "deduct-per-percent":
        s = 100 - cfg.get("points_per_percent", 1) * (own - lowest) / lowest * 100
    else:  # log
        s = 100 * (1 - math.log(own / lowest) / math.log(cfg.get("log_zero_at", 2.0)))
    return min(100.0, max(0.0, s))


def price_dependent(rules, parent_of):
    """Rules whose outcome may depend on price: reading the total or score("price"), the
    outcome of such a rule, or a score such a cap changes."""
    def line(node):
        out = [node]
        while node in parent_of:
            node = parent_of[node]
            out.append(node)
        return out
    dependent, grew = set(), True
    while grew:
        grew = False
        for r in rules:
            if r["id"] in dependent or r["tree"] is None:
                continue
            reads = r["reads"]
            hit = reads["total"] or "price" in reads["scores"] or bool(reads["rules"] & dependent)
            for cap in rules:
                if cap["kind"] == "cap" and cap["id"] in dependent:
                    for s in reads["scores"]:
                        hit = hit or cap["target"] == "total" or s in line(cap["target"]) \
                            or cap["target"] in line(s)
            if hit:
                dependent.add(r["id"])
                grew = True
    return dependent


def budget_rule(cand, procurement_values):
    whole = cand.get("evidence", {}).get("cost.whole_life")
    budget = procurement_values["budget"]
    outcome = "pass" if whole is not None and whole <= budget else "fail"
    return outcome, {"cost.whole_life": whole, "budget": budget}


def tie_ahead(a, b, steps):
    """True when the declared tie-break puts `a` ahead of `b` (both result dicts)."""
    for step in steps:
        if step == "quality":
            x, y = a["quality"], b["quality"]
        elif step == "price":
            x, y = -a["cost"]["present_value"], -b["cost"]["present_value"]
            if abs(x - y) <= TIE * max(1, abs(x), abs(y)):
                continue
            return x > y
        else:
            x, y = a["tie_scores"][step], b["tie_scores"][step]
        if abs(x - y) > TIE:
            return x > y
    return False


def rank_with_tie_break(results, steps):
    """rank = 1 + eligible totals more than TIE higher + tied ones the tie-break puts ahead;
    the ties: eligible candidates sharing a rank before the tie-break."""
    eligible = [r for r in results if r["eligible"]]
    before = {r["id"]: 1 + sum(1 for o in eligible if o["total"] > r["total"] + TIE)
              for r in eligible}
    for r in results:
        r["rank"] = None if not r["eligible"] else before[r["id"]] + sum(
            1 for o in eligible if o is not r and abs(o["total"] - r["total"]) <= TIE
            and tie_ahead(o, r, steps))
    ranking = [r["id"] for r in sorted(eligible, key=lambda r: r["rank"])]
    ties = []
    for rank in sorted(set(before.values())):
        group = [r for r in eligible if before[r["id"]] == rank]
        if len(group) < 2:
            continue
        used = set()
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                for step in steps:
                    if tie_ahead(a, b, [step]) or tie_ahead(b, a, [step]):
                        used.add(step)
                        break
        order = []
        for r in sorted(group, key=lambda r: r["rank"]):
            if order and order[-1][0]["rank"] == r["rank"]:
                order[-1].append(r)
            else:
                order.append([r])
        ties.append({"candidates": [r["id"] for r in group],
                     "decided_by": [s for s in steps if s in used],
                     "order": [[r["id"] for r in g] for g in order]})
    return ranking, ties


def cost_flags(results, price_cfg, term):
    for r in results:
        cost = r["cost"]
        if cost is None:
            continue
        cost["price_per_quality_point"] = (cost["present_value"] / r["quality"]
                                           if r["quality"] > 0 else None)
        flags = []
        if term >= 2 and all(y["by_category"].get("support", 0) + y["by_category"].get(
                "maintenance", 0) == 0 for y in cost["by_year"] if y["year"] >= 2):
            flags.append({"flag": "no-maintenance"})
        others = [o["cost"]["present_value"] for o in results
                  if o is not r and o["eligible"] and o["cost"] is not None]
        if len(others) >= 2:
            mean = sum(others) / len(others)
            if cost["present_value"] < (1 - price_cfg.get("abnormally_low", 0.30)) * mean:
                flags.append({"flag": "abnormally-low"})
        cost["flags"] = flags


def winner_switches(results, share):
    """The sole winner and the nearest shares below and above `share` at which another
    eligible candidate's s x price + (1 - s) x quality would overtake it."""
    first = [r for r in results if r["rank"] == 1]
    out = {"winner": None, "winner_changes_below": None, "winner_changes_above": None}
    if len(first) != 1:
        return out
    w = first[0]
    out["winner"] = w["id"]
    price = {r["id"]: next(x["score"] for x in r["criteria"] if x["criterion"] == "price")
             for r in results}
    below, above = None, None
    for c in results:
        if c is w or not c["eligible"]:
            continue
        dq, dp = c["quality"] - w["quality"], price[c["id"]] - price[w["id"]]
        if abs(dq - dp) <= TIE:
            continue
        meet = dq / (dq - dp)
        if dq > TIE and 0 <= meet <= share + TIE and (below is None or meet > below[0]):
            below = (meet, c["id"])
        if dp > TIE and share - TIE <= meet <= 1 and (above is None or meet < above[0]):
            above = (meet, c["id"])
    if below:
        out["winner_changes_below"] = {"share": below[0], "winner": below[1]}
    if above:
        out["winner_changes_above"] = {"share": above[0], "winner": above[1]}
    return out


def groups_of(ranked, leave_out):
    out = []
    for r in sorted((r for r in ranked if r["eligible"] and r["id"] != leave_out),
                    key=lambda r: r["rank"]):
        if out and out[-1][0] == r["rank"]:
            out[-1][1].append(r["id"])
        else:
            out.append((r["rank"], [r["id"]]))
    return [ids for _, ids in out]


def evaluate(folder):
    folder = Path(folder)
    procurement = read(folder / "procurement.toml")
    framework = load_framework(folder, procurement["procurement"]["framework"])
    candidates = load_candidates(folder)
    panel = read(folder / "panel.toml")
    scores = read(folder / "scores.toml") if (folder / "scores.toml").exists() else {}

    criteria = framework.get("criterion", []) + procurement.get("criterion", [])
    price_cfg, costs_cfg = procurement.get("price", {}), procurement.get("costs", {})
    share = price_cfg.get("share", 0)
    if share > 0:
        criteria, panel = price_branch(criteria, panel)
    by_id = {c["id"]: c for c in criteria}
    children, order = tree_order(criteria)
    leaves = [c for c in order if c not in children]

    local = {}
    for node in ["root"] + [c for c in order if c in children]:
        local.update(panel_weights(node, children[node], panel))
    if share > 0:  # set by the procurement, never by the panel
        local.update({"quality": 1 - share, "price": share})
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

    info = procurement["procurement"]
    procurement_values = {k: info.get(k, "") for k in
                          ("id", "title", "authority", "reference", "currency")}
    if "term_years" in info:
        procurement_values["term_years"] = float(info["term_years"])
    if "budget" in info:
        procurement_values["budget"] = float(info["budget"])
    parent_of = {c: by_id[c]["parent"] for c in order if by_id[c].get("parent", "root") != "root"}
    minimums = [(c, by_id[c]["minimum"]) for c in order if "minimum" in by_id[c]]
    rules = load_rules(framework, procurement, parent_of)

    term = info.get("term_years", 0)
    costs = {c["id"]: whole_life_cost(c["costs"], costs_cfg, term)
             for c in candidates if "costs" in c}
    candidates = [with_cost_facts(c, costs.get(c["id"])) for c in candidates]
    tie_break = info.get("tie_break", [])

    def score_all(price_of):
        results, moderation = [], []
        for cand in candidates:
            evidence = cand.get("evidence", {})
            rows, missing, complete, scale_values = [], [], True, {}
            for leaf in leaves:
                c = by_id[leaf]
                key = (cand["id"], leaf)
                if c.get("assess") == "price":
                    score = price_of.get(cand["id"], 0.0)
                elif c["assess"] == "judgement":
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
                    scale_values[leaf] = v
                    score = 0.0 if v is None else (v - lo) / (hi - lo) * 100
                elif c["evidence"] in evidence:
                    score = evidence_score(c["value"], evidence[c["evidence"]])
                else:
                    score = 0.0
                    missing.append(leaf)
                rows.append({"criterion": leaf, "score": score, "weight": global_weight[leaf]})
            capped = CappedScores(children, local, global_weight,
                                  {r["criterion"]: r["score"] for r in rows})
            outcomes, caps = run_rules(rules, cand, minimums, scale_values, procurement_values, capped)
            for r in rows:
                r["contribution"] = r["weight"] * capped.score(r["criterion"])
            for _, amount in capped.total_lines:
                rows.append({"criterion": "total", "score": None, "weight": None,
                             "contribution": amount})
            results.append({"id": cand["id"], "total": sum(r["contribution"] for r in rows),
                            "eligible": all(o["outcome"] != "fail" for o in outcomes),
                            "complete": complete, "criteria": rows, "missing_evidence": missing,
                            "rules": outcomes, "caps": caps,
                            "quality": (capped.score("quality") if share > 0 else sum(
                                r["contribution"] for r in rows if r["criterion"] != "total")),
                            "cost": copy.deepcopy(costs.get(cand["id"])),
                            "tie_scores": {s: capped.score(s[len("criterion:"):])
                                           for s in tie_break if s.startswith("criterion:")}})

        return results, moderation

    def pool_prices(pool):
        if not pool:
            return {}, None
        lowest = min(costs[i]["present_value"] for i in pool)
        return {i: price_score(price_cfg, c["present_value"], lowest)
                for i, c in costs.items()}, lowest

    price_of, pool, lowest = {}, [], None
    if share > 0:
        # The price pool: bids failing no gate, require, exclusion, minimum or budget
        # that does not read the total or price (found with price left at 0).
        dependent = price_dependent(rules, parent_of)
        first, _ = score_all({})
        pool = [r["id"] for r in first if r["cost"] is not None and all(
            o["outcome"] != "fail" or o["rule"] in dependent for o in r["rules"])]
        price_of, lowest = pool_prices(pool)
    results, moderation = score_all(price_of)

    eligible = [r for r in results if r["eligible"]]
    ranking, ties = rank_with_tie_break(results, tie_break)  # stable: file order
    cost_flags(results, price_cfg, term)
    price = None
    if share > 0:
        price = {"share": share, "method": price_cfg.get("method", "lowest-relative"),
                 "scored": lowest is not None, "pool": pool, "lowest_present_value": lowest,
                 "without_one_bid": []}
        for gone in (pool if lowest is not None else []):
            if next(r for r in results if r["id"] == gone)["rank"] == 1:
                continue
            again, _ = score_all(pool_prices([i for i in pool if i != gone])[0])
            for r in again:
                r["eligible"] = r["eligible"] and r["id"] != gone
            others, _ = rank_with_tie_break(again, tie_break)
            price["without_one_bid"].append({
                "removed": gone, "ranking": others,
                "changes_order": groups_of(results, gone) != groups_of(again, None)})
        if lowest is not None:
            price.update(winner_switches(results, share))
    for r in results:
        del r["tie_scores"]

    # Each group's ranking: the eligible candidates' totals under the group's weights, with
    # the caps that fired for each candidate applied again in the same order.
    groups = []
    for g in panel.get("group", []):
        g_local = {}
        for node in ["root"] + [c for c in order if c in children]:
            g_local.update(group_weights(node, children[node], panel, g["id"], local))
        if share > 0:
            g_local.update({"quality": 1 - share, "price": share})
        g_global = {}
        for c in order:
            g_global[c] = g_local[c] * g_global.get(by_id[c].get("parent", "root"), 1.0)
        totals = {}
        for r in eligible:
            measured = {row["criterion"]: row["score"] for row in r["criteria"]
                        if row["criterion"] != "total"}
            again = CappedScores(children, g_local, g_global, measured)
            for cap in r["caps"]:
                again.apply(cap["target"], cap["max"], cap["rule"])
            totals[r["id"]] = again.total()
        rank = {i: 1 + sum(1 for o in totals.values() if o > t + TIE) for i, t in totals.items()}
        groups.append({"id": g["id"],
                       "ranking": [i for i in sorted(totals, key=lambda i: rank[i])]})
    return {"weights": weights, "candidates": results, "ranking": ranking, "ties": ties,
            "price": price, "panel": {"groups": groups}, "moderation": moderation}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: reference_model.py PROCUREMENT_FOLDER")
    print(json.dumps(evaluate(sys.argv[1]), indent=2))
