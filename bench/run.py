"""The benchmark: `python bench/run.py [--children N]` prints a table of timings on synthetic rosters.

Each capability adds a module bench/bench_<area>.py with `rows(n) -> [(label, seconds, note)]`; this script
runs them in order. Not part of the test suite: timings belong here, not in tests.
"""
from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AREAS = ["foundation", "acip", "states", "reports", "ui"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=10_000, help="roster size for the roster-wide rows")
    parser.add_argument("--only", nargs="*", choices=AREAS, help="run only these areas")
    args = parser.parse_args()
    print(f"immudesk benchmark: {args.children:,} children; Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}\n")
    print(f"| {'what':<62} | {'seconds':>8} | note")
    print(f"|{'-' * 64}|{'-' * 10}|------")
    for area in args.only or AREAS:
        try:
            module = importlib.import_module(f"bench_{area}")
        except ModuleNotFoundError as error:
            if error.name == f"bench_{area}":
                continue  # that capability has no benchmark yet
            raise
        for label, seconds, note in module.rows(args.children):
            print(f"| {label:<62} | {seconds:>8.3f} | {note}", flush=True)


if __name__ == "__main__":
    main()
