"""`immudesk evaluate`: ACIP evaluation and forecast for children given as JSON Lines on stdin (INTERFACES.md).

One JSON line out per input line, in order, so a script can zip its input with our output. A line we cannot
read (bad JSON, a missing field, an impossible date, an unknown CVX, a dose before birth) gets
{"id": ..., "error": "..."} and the run goes on: one bad child must not cost the other rows their answers.
No database is opened; this is the engine alone. A large batch is spread over worker processes (see CHUNK below);
the answers are the same bytes in the same order.
"""
from __future__ import annotations

import collections
import json
import os
import queue
import sys
import threading
from typing import TYPE_CHECKING

from .. import dates
from ..i18n import _

if TYPE_CHECKING:
    from ..acip import GroupResult


_from_iso = dates.Date.fromisoformat


class _BadLine(ValueError):
    """A line that does not describe a child the way INTERFACES.md says; the message says what is wrong."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help=_("ACIP dose evaluation and forecast for JSON Lines on stdin (one result line per input line)"),
        description=_('Reads lines like {"id": "a", "birth_date": "2025-09-06", "assessment_date": "2025-11-10", '
                      '"doses": [{"date": "2025-10-15", "cvx": "107"}]} and writes one result line for each. '
                      'An optional "immunity" list names antigens with evidence of immunity (e.g. ["Varicella"]).'))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    if hasattr(sys.stdin, "reconfigure"):
        # A line that is not UTF-8 gets its error object (see answer) instead of ending the batch.
        sys.stdin.reconfigure(errors="surrogateescape")
    workers = _worker_count()
    if workers < 2 or sys.stdin.isatty():
        # Typed by hand, or one core: the plain loop.
        for line in sys.stdin:
            sys.stdout.write(answer(line))
            sys.stdout.flush()        # a caller reading line by line gets each answer as soon as it is ready
        return 0
    _run_batched(sys.stdin, sys.stdout, workers)
    return 0


def answer(line: str) -> str:
    """The output line (with its newline) for one input line; "" for blanks after the last newline."""
    if not line.endswith("\n") and not line.strip():
        return ""                     # only blanks after the last newline: not a line of input
    result = evaluate_line(line)
    try:
        # The encode: a lone surrogate (\\ud800 in the input) cannot be written as UTF-8; the output line must be.
        text = json.dumps(result, ensure_ascii=False, allow_nan=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps({"id": None, "error": "the line holds text that is not valid Unicode (a lone "
                           "surrogate); write it in UTF-8"})
    except RecursionError:            # an id nested almost as deep as the reader allows, echoed from a deeper call
        text = json.dumps({"id": None, "error": "not a JSON object: nested too deeply"})
    return text + "\n"


def answer_chunk(lines: list[str]) -> str:
    """The answers to consecutive input lines, in order (what a worker process is given to do)."""
    return "".join(answer(line) for line in lines)


# A batch run (a roster exported by a script: thousands of lines on a pipe or a file) is spread over a pool of
# worker processes once input is arriving faster than one process answers it; each worker gets CHUNK lines at a
# time (few, large messages: pickling a chunk of text costs far less than evaluating it) and the answers are
# written in input order. Lines that are already read are answered in the main process until the pool is up,
# and a caller that writes one line and waits for its answer never waits for a pool: nothing is held back to
# fill a chunk, every answer is written and flushed as soon as it is the next one due. Workers are spawned, not
# forked (the reader thread runs), so a frozen build needs multiprocessing.freeze_support() (ui/launcher.py).
# IMMUDESK_EVALUATE_WORKERS=1 turns the pool off; if the workers cannot start or die, the main process answers.
CHUNK = 100
POOL_BACKLOG = 2 * CHUNK          # lines waiting to be answered before a pool is worth starting
_READ_AHEAD = 64 * CHUNK          # lines read ahead of the answers at most, to bound memory on huge inputs
_END = object()


def _worker_count() -> int:
    setting = os.environ.get("IMMUDESK_EVALUATE_WORKERS", "").strip()
    if setting.isdigit():
        return int(setting)
    return os.cpu_count() or 1


def _run_batched(stdin, stdout, workers: int) -> None:
    pending: queue.SimpleQueue = queue.SimpleQueue()
    room = threading.Semaphore(_READ_AHEAD)
    failure: list[BaseException] = []

    def read() -> None:
        try:
            for line in stdin:
                room.acquire()
                pending.put(line)
        except BaseException as error:      # e.g. undecodable input: raised again in the main thread
            failure.append(error)
        finally:
            pending.put(_END)

    threading.Thread(target=read, name="immudesk-evaluate-reader", daemon=True).start()
    pool = None
    pool_tried = False
    in_flight: collections.deque = collections.deque()      # (future, lines), oldest first
    ended = False
    try:
        while not ended or in_flight:
            chunk = []
            while not ended and len(chunk) < CHUNK:
                try:
                    # Block for input only when there is nothing else to do.
                    line = pending.get(block=not chunk and not in_flight)
                except queue.Empty:
                    break
                if line is _END:
                    ended = True
                    if failure:
                        raise failure[0]
                    break
                room.release()
                chunk.append(line)
            if chunk and pool is None and not pool_tried and pending.qsize() >= POOL_BACKLOG:
                pool_tried = True
                pool = _start_pool(workers)
            if chunk and pool is not None:
                try:
                    in_flight.append((pool.submit(answer_chunk, chunk), chunk))
                    chunk = []
                except (OSError, RuntimeError):     # the workers could not be started (BrokenProcessPool too)
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
            if chunk:
                _write_answers(in_flight, stdout)           # keep the order: earlier chunks first
                for line in chunk:
                    stdout.write(answer(line))
                    stdout.flush()
            # Write every answer that is ready; wait for the oldest when the workers have enough to do or there
            # is no new input to hand them.
            while in_flight and (in_flight[0][0].done() or len(in_flight) >= 2 * workers
                                 or ended or pending.empty()):
                pool = _write_oldest(in_flight, stdout, pool)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _start_pool(workers: int):
    try:
        import multiprocessing  # here, not at the top: every command and the window start would pay for it
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ImportError, ValueError, RuntimeError, NotImplementedError):
        return None                   # no processes here (a sandbox, a platform without them): answer in-process


def _write_oldest(in_flight, stdout, pool):
    """Write the oldest chunk's answers (waiting for them); answer it here if the pool broke. The pool, or None."""
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    future, lines = in_flight.popleft()
    try:
        text = future.result()
    except (BrokenProcessPool, CancelledError, OSError):
        text = answer_chunk(lines)    # a worker died or could not start: same answers, computed here
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        pool = None
    stdout.write(text)
    stdout.flush()
    return pool


def _write_answers(in_flight, stdout) -> None:
    while in_flight:
        _write_oldest(in_flight, stdout, None)


def evaluate_line(line: str) -> dict:
    """The output object for one input line (never raises for bad input)."""
    try:
        request = json.loads(line, parse_constant=_not_json, parse_float=_finite, parse_int=_whole)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not a JSON object: {error.msg} (column {error.colno})"}
    except RecursionError:
        return {"id": None, "error": "not a JSON object: nested too deeply"}
    except ValueError as error:       # NaN, Infinity, 1e999, a number of thousands of digits
        return {"id": None, "error": f"not a line immudesk can read: {error}"}
    if not isinstance(request, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    # The engine and its tables load with the first line, not whenever the CLI starts (every command and the
    # window's first frame would pay for them).
    from ..acip import EvaluationError, evaluate

    child_id = request.get("id")
    try:
        birth_date, doses, assessment_date, immunity = _read_request(request)
        results = evaluate(birth_date, doses, assessment_date, immunity)
    except (_BadLine, EvaluationError) as error:
        return {"id": child_id, "error": str(error)}
    except (ArithmeticError, RecursionError, ValueError) as error:
        # Our bug, not the line's: that line gets an error object and the batch goes on.
        return {"id": child_id, "error": f"immudesk could not evaluate this line ({type(error).__name__}); "
                                         "please report it with the line"}
    return {"id": child_id, "groups": {name: _group_json(result) for name, result in results.items()}}


def _not_json(constant: str):
    raise ValueError(f"{constant} is not a JSON value")


def _whole(text: str) -> int:
    if len(text) > 100:               # Python refuses past 4,300 digits anyway, with advice meant for programmers
        raise ValueError(f"a number of {len(text.lstrip('-'))} digits is too long")
    return int(text)


def _finite(text: str) -> float:
    # Python reads 1e999 as inf, which it would echo as the non-JSON word Infinity.
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is too large a number")
    return value


def _read_date(value, what: str):
    if not isinstance(value, str):
        raise _BadLine(f"{what} must be a date written as YYYY-MM-DD")
    # The form scripts write (YYYY-MM-DD, ASCII digits) read without dates.parse_date's regular expressions: a
    # batch has some twenty dates a line. Anything else, or an impossible date, takes the full reader and its
    # message.
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:
            parsed = _from_iso(value)
        except ValueError:
            pass
        else:
            if dates.EARLIEST <= parsed <= dates.LATEST:
                return parsed
    try:
        return dates.check_in_range(dates.parse_date(value))
    except dates.DateError as error:
        raise _BadLine(f"{what}: {error}") from None


def _read_request(request: dict):
    from ..acip import AdministeredDose

    for field in ("birth_date", "assessment_date", "doses"):
        if field not in request:
            raise _BadLine(f'the field "{field}" is missing')
    birth_date = _read_date(request["birth_date"], "birth_date")
    assessment_date = _read_date(request["assessment_date"], "assessment_date")
    if not isinstance(request["doses"], list):
        raise _BadLine('"doses" must be a list of {"date": ..., "cvx": ...}')
    doses = []
    for number, dose in enumerate(request["doses"], 1):
        if not isinstance(dose, dict) or "date" not in dose or "cvx" not in dose:
            raise _BadLine(f'dose {number} must be an object with "date" and "cvx"')
        cvx = dose["cvx"]
        if isinstance(cvx, bool) or not isinstance(cvx, (str, int)) or not str(cvx).strip():
            raise _BadLine(f'dose {number}: "cvx" must be a CVX code such as "03" or "107"')
        doses.append(AdministeredDose(_read_date(dose["date"], f"dose {number} date"), str(cvx).strip()))
    immunity = request.get("immunity", [])
    if not isinstance(immunity, list) or not all(isinstance(a, str) for a in immunity):
        raise _BadLine('"immunity" must be a list of antigen names such as ["Varicella"]')
    return birth_date, doses, assessment_date, frozenset(immunity)


def _group_json(result: GroupResult) -> dict:
    forecast = result.forecast
    return {
        "series_status": result.series_status,
        # INTERFACES.md promises "reason": null for a valid dose (its example's first dose is valid by the 4-day
        # grace period and shows null), as CDC's test cases do; the Python API keeps "Grace period" for the window.
        "doses": [{"date": d.date.isoformat(), "cvx": d.cvx, "evaluation": d.evaluation,
                   "reason": d.reason if d.evaluation != "valid" else None}
                  for d in result.doses],
        "forecast": None if forecast is None else {
            "dose_number": forecast.dose_number, "earliest": forecast.earliest.isoformat(),
            "recommended": forecast.recommended.isoformat(),
            "past_due": forecast.past_due.isoformat() if forecast.past_due else None},
    }
