"""`immudesk evaluate` on a batch: the worker pool, its fallbacks and the reader give byte-for-byte the answers of
the plain one-line-at-a-time loop, in input order, and a caller talking line by line still gets each answer."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_acip import synthetic_children  # noqa: E402

from immudesk.commands import evaluate as command  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BAD = ["{not json", json.dumps(["a", "list"]), json.dumps({"id": "x", "birth_date": "2025-02-30",
                                                          "assessment_date": "2025-11-10", "doses": []})]


def _lines(n: int) -> str:
    out = []
    for i, (birth, doses, on) in enumerate(synthetic_children(n, seed=7)):
        out.append(json.dumps({"id": str(i), "birth_date": birth.isoformat(), "assessment_date": on.isoformat(),
                               "doses": [{"date": d.date.isoformat(), "cvx": d.cvx} for d in doses]}))
        if i % 97 == 0:
            out.append(BAD[i % len(BAD)])
    return "\n".join(out) + "\n  "          # blanks after the last newline are not a line


def _plain(text: str) -> str:
    return "".join(command.answer(line) for line in io.StringIO(text))


def _run(text: str, workers: str) -> str:
    env = {**os.environ, "IMMUDESK_EVALUATE_WORKERS": workers}
    done = subprocess.run([sys.executable, "-m", "immudesk", "evaluate"], input=text, capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=300, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def batch() -> str:
    return _lines(700)


def test_the_pool_answers_exactly_as_the_plain_loop(batch, db_path):
    expected = _plain(batch)
    assert len(expected.splitlines()) == len(batch.splitlines()) - 1
    assert _run(batch, "2") == expected
    assert _run(batch, "1") == expected


def test_without_a_pool_the_batched_reader_answers_in_process(batch, monkeypatch):
    monkeypatch.setattr(command, "_start_pool", lambda workers: None)
    out = io.StringIO()
    command._run_batched(io.StringIO(batch), out, 2)
    assert out.getvalue() == _plain(batch)


class _DeadPool:
    """A pool whose workers have died: every chunk must be answered by the main process instead."""

    def submit(self, function, lines):
        future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def test_a_broken_pool_falls_back_to_the_main_process(batch, monkeypatch):
    monkeypatch.setattr(command, "_start_pool", lambda workers: _DeadPool())
    out = io.StringIO()
    command._run_batched(io.StringIO(batch), out, 2)
    assert out.getvalue() == _plain(batch)


def test_a_caller_talking_line_by_line_gets_each_answer_before_sending_the_next(db_path):
    lines = _lines(5).splitlines()[:5]
    env = {**os.environ, "IMMUDESK_EVALUATE_WORKERS": "2"}
    child = subprocess.Popen([sys.executable, "-m", "immudesk", "evaluate"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
    watchdog = threading.Timer(120, child.kill)     # an answer held back would hang the test, not the suite
    watchdog.start()
    try:
        for line in lines:
            child.stdin.write(line + "\n")
            child.stdin.flush()
            assert child.stdout.readline() == command.answer(line + "\n")
    finally:
        watchdog.cancel()
        child.stdin.close()
        child.wait(timeout=60)
    assert child.returncode == 0


class _UnstartablePool(_DeadPool):
    """A pool whose workers cannot be started: submitting fails outright."""

    def submit(self, function, lines):
        raise OSError("no processes here")


def test_a_pool_that_cannot_start_workers_falls_back_to_the_main_process(batch, monkeypatch):
    monkeypatch.setattr(command, "_start_pool", lambda workers: _UnstartablePool())
    out = io.StringIO()
    command._run_batched(io.StringIO(batch), out, 2)
    assert out.getvalue() == _plain(batch)
