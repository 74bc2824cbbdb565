"""The annual report's count table keeps each column heading's words whole, for every state immudesk ships: a
heading wraps between words, never inside one ("Non-medica-l", "Conditio-nal"). Read back with pdftotext's word
boxes: the words printed in the table's heading row are exactly the headings' words."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from test_reports_roster import needs_poppler, pdf_text

from immudesk import vaccines
from immudesk.cli import main
from immudesk.demo import practice_path
from immudesk.reports.annual import annual_report, column_headings
from immudesk.reports.roster import take_snapshot
from immudesk.resources import resource_path
from immudesk.store import open_store

STATES = sorted(path.stem for path in resource_path("states").glob("*.json"))
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def first_page_words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), w.replace("&amp;", "&")) for a, b, c, d, w in WORD.findall(out)]


def heading_row_words(words) -> list[str]:
    """The words of the count columns' headings: right of the 'Age Group' cell, below the last line above the
    table (text starting at the left margin) and above the first row ('Less than 24 months of age')."""
    index = next(i for i, w in enumerate(words) if w[4] == "Age" and words[i + 1][4] == "Group")
    age, group = words[index], words[index + 1]
    less = next(w for w in words if w[4] == "Less")
    top = max(w[3] for w in words if w[0] <= age[0] + 1 and w[3] < age[1])
    return [w[4] for w in words if w[0] > group[2] and w[1] > top and w[3] < less[1]]


@pytest.fixture(params=STATES)
def state_report(request, tmp_path, monkeypatch) -> tuple[Path, list[str]]:
    """The demo home's annual report PDF under one state's law, and its count table's headings."""
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-21")
    db = tmp_path / "home.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0   # the demo's practice file beside db
    assert main(["--db", str(db), "--demo", "facility", "--state", request.param]) == 0
    assert main(["--db", str(db), "--demo", "report", "--out", str(tmp_path / "report.pdf")]) == 0
    with open_store(practice_path(db)) as store:
        headings = column_headings(annual_report(take_snapshot(store, date(2026, 11, 21))))
    return tmp_path / "report.pdf", headings


@needs_poppler
def test_each_states_report_keeps_its_column_headings_words_whole(state_report):
    pdf, headings = state_report
    expected = Counter(word for heading in headings for word in heading.split())
    assert Counter(heading_row_words(first_page_words(pdf))) == expected


@needs_poppler
def test_no_report_prints_a_table_without_rows(state_report):
    """The table by vaccine is Minnesota's (immudesk.reports.annual.vaccine_tally); another state's report had its
    heading and column heads with nothing under them."""
    text = " ".join(pdf_text(state_report[0]).split())
    if "Children by vaccine" in text:
        assert vaccines.group("MMR").label in text.split("Children by vaccine", 1)[1]
