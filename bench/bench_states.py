"""Benchmark rows for state law: statuses for a synthetic roster under NC and MN, split into the ACIP engine's
share and the state layer's, plus the cached second pass (the window asks again on the same day).

Goal: 10,000 children under 5 seconds. `python bench/bench_states.py [N]` prints the rows on their own.
Each note gives CPU seconds too: on a shared machine the wall-clock seconds include other processes' turns.
"""
from __future__ import annotations

import sys
import time
from datetime import date

from synthetic import synthetic_children

from immudesk.states import acip_bridge, evaluate_roster, report_table

AS_OF = date(2026, 11, 1)


def _timed(work):
    """(result, wall seconds, CPU seconds) of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - start, time.process_time() - cpu


def rows(n: int) -> list[tuple[str, float, str]]:
    children = synthetic_children(n, as_of=AS_OF)
    evaluate_roster(children[:5], "NC", AS_OF)                  # load the rule tables once, outside the timing
    out = []
    for state in ("NC", "MN"):
        acip_bridge._cached_evaluate.cache_clear()              # cold: every child goes through the engine
        statuses, wall, cpu = _timed(lambda state=state: evaluate_roster(children, state, AS_OF))
        counted = report_table(statuses)["total"]["attending"]
        del statuses                                            # keep each row's memory to itself
        goal = "; goal < 5 s for 10,000" if state == "NC" else ""
        out.append((f"{state} statuses, {n:,} children (cold: ACIP + state law)", wall,
                    f"{n / wall:,.0f} children/s; CPU {cpu:.2f} s; {counted:,} counted{goal}"))

    # The engine alone, on the bridge's de-duplicated histories.
    acip_bridge._cached_evaluate.cache_clear()
    runs, wall, cpu = _timed(lambda: [acip_bridge.evaluate_record(c, AS_OF) for c in children])
    del runs
    out.append((f"  of which the ACIP engine ({n:,} evaluations)", wall,
                f"{wall / n * 1000:.2f} ms per child; CPU {cpu:.2f} s"))

    # The bridge caches the latest 4,096 evaluations: a home's roster is always warm, a 10,000 roster is not.
    small = children[:min(n, 4000)]
    evaluate_roster(small, "NC", AS_OF)
    again, wall, cpu = _timed(lambda: evaluate_roster(small, "NC", AS_OF))
    del again
    out.append((f"NC statuses again, same day, {len(small):,} children (engine cached)", wall,
                f"{len(small) / wall:,.0f} children/s; CPU {cpu:.2f} s: the state layer's own cost"))
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    for label, seconds, note in rows(count):
        print(f"{label:<62} {seconds:8.2f} s  {note}")
