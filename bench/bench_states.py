"""Benchmark rows for state law: statuses for a synthetic roster under NC and MN, split into the ACIP engine's
share and the state layer's, plus the cached second pass (the window asks again on the same day).

Goal: 10,000 children under 5 seconds. `python bench/bench_states.py [N]` prints the rows on their own.
"""
from __future__ import annotations

import sys
import time
from datetime import date

from synthetic import synthetic_children

from immudesk.states import acip_bridge, evaluate_roster, report_table

AS_OF = date(2026, 11, 1)


_cpu: dict[int, float] = {}


def _timed(work):
    """Wall seconds (the row's number) and CPU seconds (in the note: the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    seconds = time.perf_counter() - start
    _cpu[id(result)] = time.process_time() - cpu
    return result, seconds


def _cpu_of(result) -> str:
    return f"CPU {_cpu.get(id(result), 0.0):.2f} s"


def rows(n: int) -> list[tuple[str, float, str]]:
    children = synthetic_children(n, as_of=AS_OF)
    evaluate_roster(children[:5], "NC", AS_OF)                  # load the rule tables once, outside the timing
    acip_bridge._cached_evaluate.cache_clear()

    # The engine alone: one run per child on the bridge's de-duplicated history.
    engine_runs, engine_seconds = _timed(lambda: [acip_bridge.evaluate_record(c, AS_OF) for c in children])
    acip_bridge._cached_evaluate.cache_clear()

    out = []
    for state in ("NC", "MN"):
        acip_bridge._cached_evaluate.cache_clear()
        statuses, seconds = _timed(lambda state=state: evaluate_roster(children, state, AS_OF))
        report_table(statuses)
        goal = "goal < 5 s for 10,000" if state == "NC" else ""
        out.append((f"{state} statuses, {n:,} children (cold: ACIP + state law)", seconds,
                    f"{n / seconds:,.0f} children/s; {_cpu_of(statuses)}; {goal}".rstrip("; ")))
    out.append((f"  of which the ACIP engine ({n:,} evaluations)", engine_seconds,
                f"{engine_seconds / n * 1000:.2f} ms per child; {_cpu_of(engine_runs)}"))
    # The cache holds the most recent 4,096 children: a home's roster is always warm; a 10,000 roster is not.
    small = children[:min(n, 4000)]
    evaluate_roster(small, "NC", AS_OF)
    again, warm = _timed(lambda: evaluate_roster(small, "NC", AS_OF))
    out.append((f"NC statuses again, same day, {len(small):,} children (engine cached)", warm,
                f"{len(small) / warm:,.0f} children/s, {_cpu_of(again)}: the state layer's own cost"))
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    for label, seconds, note in rows(count):
        print(f"{label:<62} {seconds:8.2f} s  {note}")
