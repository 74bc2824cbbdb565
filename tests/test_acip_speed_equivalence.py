"""The ACIP engine's memos (age dates shared by children born the same day, "date + interval" sums) never leak
one child's answer into another's: a roster evaluated warm, in any order, answers exactly as each child alone
with every memo emptied first."""
from __future__ import annotations

import random

from immudesk.acip import engine, evaluate
from test_acip_shortcuts import random_children


def _cold(child):
    engine._AFTER.clear()
    engine._AGES.clear()
    return evaluate(*child)


def test_memos_shared_between_children_change_no_answer():
    children = list(random_children(300, seed=11))
    rng = random.Random(5)
    # Many children born the same day, at different ages and with different histories.
    twins = [(children[rng.randrange(10)][0], doses, assessment) for _, doses, assessment in children[::2]]
    twins = [(birth, doses, max(assessment, birth)) for birth, doses, assessment in twins
             if all(d.date >= birth for d in doses)]
    roster = children + twins
    alone = [_cold(child) for child in roster]
    order = list(range(len(roster)))
    rng.shuffle(order)
    warm = {i: evaluate(*roster[i]) for i in order}
    for i, child in enumerate(roster):
        assert warm[i] == alone[i], child


def test_shortcuts_change_no_answer_on_realistic_rosters(monkeypatch):
    """The shortcuts that matter most on real records (a group settled by its complete default series, the lone
    series, complete series picked by count) meet full child-care histories far more often than random ones."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from bench_acip import synthetic_children

    children = synthetic_children(800, seed=3)
    fast = [evaluate(*child) for child in children]
    monkeypatch.setattr(engine, "SHORTCUTS", False)
    plain = [evaluate(*child) for child in children]
    for child, quick, slow in zip(children, fast, plain):
        assert quick == slow, child
