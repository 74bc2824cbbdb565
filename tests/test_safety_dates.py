"""One out-of-range or damaged date never breaks immudesk (issue 14, item 10): refused at every way in (import,
the CLI's --as-of, the store's writes), and a damaged date already stored shows that one child as needing
attention, with what to correct, while every other child is judged as usual."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from immudesk.cli import main
from immudesk.demo import load_demo
from immudesk.errors import UserError
from immudesk.model import Child
from immudesk.roster_csv import COLUMNS
from immudesk.store import open_store

TODAY = date(2026, 11, 21)
HEADER = ",".join(COLUMNS)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:      # argparse refusing an option, as at the command line
            status = exit_.code
    return status, out.getvalue(), err.getvalue()


def _row(**cells: str) -> str:
    values = {"first_name": "Ava", "last_name": "Green", "birth_date": "2024-01-02", "enrolled_on": "2024-06-01",
              **cells}
    return ",".join(values.get(name, "") for name in COLUMNS)


@pytest.mark.parametrize("cells", [{"enrolled_on": "9999-12-31"}, {"withdrawn_on": "9999-12-31"},
                                   {"in_process_until": "12/31/9999"}, {"birth_date": "0001-01-01"},
                                   {"DTaP": "1899-12-31"}])
def test_import_refuses_a_date_out_of_range(cells, tmp_path, db_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(f"{HEADER}\n{_row(**cells)}\n", encoding="utf-8")
    status, _, err = run("import-roster", str(roster))
    assert status == 2
    assert "line 2, column" in err and "outside the years 1900 to 2199" in err
    assert run("status", "--json")[1].strip() in ("[]", "")


@pytest.mark.parametrize("command", [["status"], ["report", "--format", "json"], ["worksheets", "--format", "csv"],
                                     ["letters"], ["outbreak", "measles", "--format", "csv"], ["demo"]])
def test_an_as_of_date_out_of_range_is_a_message(command, db_path):
    status, _, err = run(*command, "--as-of", "9999-12-31")
    assert status == 2, err
    assert "9999-12-31" in err and "check the year" in err and "went wrong" not in err


@pytest.mark.parametrize("command", [["status"], ["report", "--format", "json"], ["worksheets", "--format", "csv"],
                                     ["prepare-email"]])
@pytest.mark.parametrize("year", ["99999", "10000", "-5", "twenty"])
def test_a_report_year_out_of_range_is_a_message(command, year, db_path):
    status, _, err = run(*command, "--report-year", year)
    assert status == 2, err
    assert "--report-year" in err and "went wrong" not in err and "Traceback" not in err


def test_the_store_refuses_to_write_a_date_out_of_range(store):
    with pytest.raises(UserError, match="9999-12-31"):
        store.add_child(Child("Ava", "Green", date(2024, 1, 2), date(9999, 12, 31)))
    assert store.count_children() == 0


def _damage(db: Path, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(sql)


@pytest.fixture
def demo_db(store, db_path):
    load_demo(store, TODAY)
    store.close()
    return db_path


@pytest.mark.parametrize("damage", [
    "UPDATE children SET enrolled_on = '9999-12-31' WHERE id = 1",
    "UPDATE children SET birth_date = '2023-04-33' WHERE id = 1",
    "UPDATE doses SET given_on = '2023-0\u00b44-01' WHERE id = (SELECT min(id) FROM doses WHERE child_id = 1)",
])
def test_one_damaged_stored_date_breaks_no_command(damage, demo_db, tmp_path):
    before = {c["name"]: c for c in json.loads(run("status", "--json")[1])}
    _damage(demo_db, damage)
    status, out, err = run("status", "--json")
    assert status == 0, err
    after = {c["name"]: c for c in json.loads(out)}
    damaged = [name for name, c in after.items() if c["excluded_reason"] == "the record has a damaged date"]
    assert len(damaged) == 1 and set(after) == set(before)
    assert any("correct the date" in reason for reason in after[damaged[0]]["reasons"])
    assert {n: c for n, c in after.items() if n not in damaged} == {n: c for n, c in before.items()
                                                                  if n not in damaged}
    for command in (["report", "--format", "json"], ["worksheets", "--out", str(tmp_path / "w.pdf")],
                    ["letters", "--out", str(tmp_path / "l.pdf")], ["outbreak", "measles", "--format", "csv"],
                    ["prepare-email", "--out", str(tmp_path / "mail")], ["status"]):
        status, _, err = run(*command)
        assert status == 0, (command, err)
    status, _, err = run("record", damaged[0], "--out", str(tmp_path / "r.pdf"))
    assert status == 2 and "damaged date" in err
    status, _, err = run("export-roster", str(tmp_path / "roster.csv"))
    assert status == 2 and damaged[0] in err and not (tmp_path / "roster.csv").exists()


_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """The demo home in a database, made once; each example damages its own copy."""
    if "db" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="immudesk-dates-"))
        with open_store(folder / "demo.sqlite3") as store:
            load_demo(store, TODAY)
        _TEMPLATE["db"] = folder / "demo.sqlite3"
    return _TEMPLATE["db"]


COLUMNS_WITH_DATES = [("children", "birth_date"), ("children", "enrolled_on"), ("children", "withdrawn_on"),
                      ("doses", "given_on"), ("exemptions", "granted_on"), ("exemptions", "expires_on"),
                      ("in_process", "certified_until"), ("in_process", "certified_on"),
                      ("disease_history", "documented")]


def stored_dates():
    """What a flipped bit, an old import or another program may have left in a date column."""
    return st.one_of(
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
        st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 99),
                  st.integers(0, 99)),
        st.text(max_size=12), st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.binary(max_size=8))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(COLUMNS_WITH_DATES), value=stored_dates(), pick=st.integers(0, 50))
def test_any_stored_date_leaves_every_other_child_judged(where, value, pick):
    from immudesk.states import evaluate_roster

    table, column = where
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "damaged.sqlite3"
        shutil.copy(_template(), db)
        with contextlib.closing(sqlite3.connect(db)) as conn, conn:
            ids = [row[0] for row in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
            if not ids:
                return
            target = ids[pick % len(ids)]
            # NOT NULL columns refuse NULL: a damaged value is never "nothing" there.
            conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? WHERE id = ?", (value, target))
        with open_store(db) as store:
            children = store.children()
            statuses = evaluate_roster(children, "NC", TODAY)
        assert len(statuses) == len(children) == 13
        event("damaged" if any(child.unreadable for child in children) else "read as a date")
        for child, status in zip(children, statuses):
            if child.unreadable:
                assert status.excluded_reason == "the record has a damaged date"
                assert all(reason.endswith(".") for reason in status.reasons)
            else:
                assert status.excluded_reason != "the record has a damaged date"


def test_the_window_shows_every_child_and_says_which_record_to_correct(qtbot, demo_db, tmp_path):
    from PySide6.QtCore import QSettings, Qt

    from ui.main_window import MainWindow
    from ui.roster_model import NAME, STATUS

    _damage(demo_db, "UPDATE children SET birth_date = '2023-04-33' WHERE first_name = 'Ava'")
    with open_store(demo_db) as store:
        window = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        assert window.wait_for_statuses()
        rows = {window.proxy.index(r, NAME).data(): r for r in range(window.proxy.rowCount())}
        assert len(rows) == 13 and not window.banner.isVisible()
        tip = window.proxy.index(rows["Ava Green"], STATUS).data(Qt.ItemDataRole.ToolTipRole)
        assert "birth date is stored as '2023-04-33'" in tip and "correct the date" in tip
        others = [window.proxy.index(r, STATUS).data(Qt.ItemDataRole.ToolTipRole) for n, r in rows.items()
                  if n != "Ava Green"]
        assert not any("damaged" in text for text in others)
