"""Benchmark rows for the printed documents: age worksheets, the annual report and parent letters for a
synthetic 1,000-child NC roster (the worksheets' goal: under 3 s). Evaluation time is shown apart, since
it belongs to immudesk.states, not to the documents."""
from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from synthetic import synthetic_children

from immudesk import states
from immudesk.model import Facility
from immudesk.reports import annual, letters, worksheets
from immudesk.reports.roster import RosterSnapshot

AS_OF = date(2026, 11, 1)
CHILDREN = 1_000    # a home has a dozen; a thousand is the stress case the goal is set for


def rows(n: int) -> list[tuple[str, float, str]]:
    count = min(n, CHILDREN)
    children = synthetic_children(count, as_of=AS_OF)
    for index, child in enumerate(children):
        child.id = index + 1
    start = time.perf_counter()
    period = states.report_period("NC", AS_OF)
    statuses = states.evaluate_roster(children, "NC", AS_OF, period.year)
    evaluate_seconds = time.perf_counter() - start
    snapshot = RosterSnapshot(Facility(name="Benchmark Home", facility_id="90000000", county="Wake"), AS_OF,
                              period, statuses)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        start = time.perf_counter()
        worksheets.write_pdf(snapshot, str(out / "worksheets.pdf"))
        worksheet_seconds = time.perf_counter() - start
        start = time.perf_counter()
        annual.write_pdf(annual.annual_report(snapshot), str(out / "report.pdf"))
        report_seconds = time.perf_counter() - start
        due = letters.letters_for(snapshot)
        start = time.perf_counter()
        if due:
            letters.write_pdf(due, snapshot, str(out / "letters.pdf"))
        letter_seconds = time.perf_counter() - start
        size_kb = (out / "worksheets.pdf").stat().st_size / 1024
    counted = len(snapshot.counted())
    return [
        (f"evaluate {count:,} children for the report (immudesk.states)", evaluate_seconds, "input to the rows below"),
        (f"age worksheets PDF, {counted:,} counted children", worksheet_seconds,
         f"goal < 3 s for 1,000; {size_kb:,.0f} KB"),
        ("annual report PDF (2900A + answer sheet)", report_seconds, ""),
        (f"parent letters PDF, {len(due):,} letters", letter_seconds, f"{len(due) / max(letter_seconds, 1e-9):,.0f} letters/s"),
    ]
