"""`immudesk evaluate` against hostile lines: every input line gets exactly one output line, each a valid JSON
object with either "groups" or "error", and one bad line never costs the others their answers (issue 14, item 11)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from immudesk.commands import evaluate as command

REPO = Path(__file__).resolve().parents[1]
GOOD = {"id": "ok", "birth_date": "2025-01-01", "assessment_date": "2025-11-10",
        "doses": [{"date": "2025-03-01", "cvx": "20"}]}
HOSTILE = [
    "[" * 100_000 + "]" * 100_000,                                         # nesting 100,000 deep
    '{"id": ' + "9" * 5000 + ', "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}',
    json.dumps({**GOOD, "id": "far", "birth_date": "9999-12-31", "assessment_date": "9999-12-31"}),
    json.dumps({**GOOD, "id": "late", "birth_date": "9999-12-30", "assessment_date": "9999-12-31"}),
    json.dumps({**GOOD, "id": "dose", "doses": [{"date": "9999-12-31", "cvx": "20"}]}),
    '{"id": "\\ud800", "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}',
    '{"id": NaN, "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}',
    '{"id": 1e999, "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}',
    '{"id": -Infinity, "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}',
]


def _strict_json(text: str):
    """json.loads as a strict reader does it: NaN and Infinity are not JSON."""
    def refuse(constant):
        raise ValueError(f"{constant} in the output")
    return json.loads(text, parse_constant=refuse)


def _check_answers(lines: list[str], output: str) -> list[dict]:
    assert output.endswith("\n")
    # JSON Lines end at "\n" only: an id may hold U+2028 or U+0085, which str.splitlines would also split at.
    answers = [_strict_json(text) for text in output[:-1].split("\n")]
    assert len(answers) == len(lines)
    for answer in answers:
        assert isinstance(answer, dict) and ("groups" in answer) != ("error" in answer)
    output.encode("utf-8")                  # a lone surrogate would make this fail
    return answers


def _run(lines: list[str], workers: str = "1") -> subprocess.CompletedProcess:
    env = {**os.environ, "IMMUDESK_EVALUATE_WORKERS": workers, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "immudesk", "evaluate"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, timeout=300)


def test_each_hostile_line_gets_an_error_and_the_good_lines_their_answers(db_path):
    lines = [json.dumps(GOOD), *HOSTILE, json.dumps(GOOD)]
    done = _run(lines)
    assert done.returncode == 0, done.stderr
    answers = _check_answers(lines, done.stdout)
    assert "groups" in answers[0] and "groups" in answers[-1]
    assert all("error" in answer for answer in answers[1:-1])
    assert "9999-12-31" in answers[3]["error"] and answers[3]["id"] == "far"
    assert "9999" in answers[5]["error"] and answers[5]["id"] == "dose"


def test_bytes_that_are_not_utf8_get_an_error_line(db_path):
    env = {**os.environ, "IMMUDESK_EVALUATE_WORKERS": "1", "PYTHONPATH": str(REPO)}
    data = b'{"id": "caf\xe9", "birth_date": "2025-01-01", "assessment_date": "2025-11-10", "doses": []}\n' \
        + json.dumps(GOOD).encode() + b"\n"
    done = subprocess.run([sys.executable, "-m", "immudesk", "evaluate"], input=data, capture_output=True,
                          cwd=REPO, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    first, second = _check_answers(["one", "two"], done.stdout.decode("utf-8"))
    assert "not valid Unicode" in first["error"] and "groups" in second


def test_the_worker_pool_answers_hostile_lines_the_same(db_path):
    lines = [json.dumps({**GOOD, "id": str(i)}) if i % 50 else HOSTILE[(i // 50) % len(HOSTILE)]
             for i in range(600)]
    pooled, plain = _run(lines, "2"), _run(lines, "1")
    assert pooled.returncode == plain.returncode == 0
    assert pooled.stdout == plain.stdout
    _check_answers(lines, pooled.stdout)


def _json_values():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
                        st.sampled_from(["2025-01-01", "9999-12-31", "0001-01-01", "2023-04-33", "1/2/2024", "20"]))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                        max_leaves=12)


def _requests():
    date = st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(["9999-12-31", "2023-04-33", ""]),
                     _json_values())
    dose = st.one_of(st.fixed_dictionaries({"date": date, "cvx": st.one_of(st.sampled_from(["20", "03", "107",
                                                                                            "999"]), _json_values())}),
                     _json_values())
    return st.fixed_dictionaries({"id": _json_values(), "birth_date": date, "assessment_date": date,
                                  "doses": st.one_of(st.lists(dose, max_size=5), _json_values())},
                                 optional={"immunity": st.one_of(st.lists(st.text(max_size=10)), _json_values())})


def _line():
    """A line as a script or a damaged file may write it: well-formed requests with wrong values, raw text, and
    JSON with the words Python's json accepts but JSON does not."""
    return st.one_of(
        _requests().map(lambda r: json.dumps(r, allow_nan=True)),
        _json_values().map(lambda v: json.dumps(v, allow_nan=True)),
        st.text(st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=60),
        st.sampled_from(HOSTILE))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=_line())
def test_any_line_gets_one_json_object(line):
    output = command.answer(line + "\n")
    [answer] = _check_answers([line], output)
    if "groups" in answer:
        request = json.loads(line)
        assert answer["id"] == request.get("id")
