"""Benchmark rows for the foundation: importing a roster CSV, opening the database and loading the roster."""
from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from immudesk.roster_csv import import_roster
from immudesk.store import open_store

from synthetic import synthetic_children, write_roster_csv


def rows(n: int) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "roster.csv"
        write_roster_csv(synthetic_children(n), csv_path)
        db_path = Path(folder) / "bench.sqlite3"
        start = time.perf_counter()
        with open_store(db_path) as store:
            added, _ = import_roster(store, csv_path, today=date(2026, 11, 1))
        import_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with open_store(db_path) as store:
            loaded = store.children()
        load_seconds = time.perf_counter() - start
        dose_count = sum(len(c.doses) for c in loaded)
    return [
        (f"import-roster, {n:,}-child CSV", import_seconds, f"{added / import_seconds:,.0f} children/s; goal < 5 s for 10,000"),
        (f"open database + load roster ({n:,} children, {dose_count:,} doses)", load_seconds, ""),
    ]
