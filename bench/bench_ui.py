"""Benchmark rows for the window: first paint with a 2,000-child roster against a bare PySide6 window in the same
run (goal <= 2x), the time until the whole roster's statuses are on screen, and searching/filtering/sorting a
roster of N children (goal < 100 ms), all offscreen."""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView  # noqa: E402

from immudesk.states import evaluate_roster  # noqa: E402
from immudesk.store import open_store  # noqa: E402

from synthetic import synthetic_children  # noqa: E402

AS_OF = date(2026, 11, 1)
FIRST_PAINT_CHILDREN = 2_000
REPEATS = 5


class _FirstPaint(QObject):
    """Notes the moment a widget's first Paint event is delivered."""

    def __init__(self):
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def _until_painted(window, watch) -> float:
    """Show the window and process events until `watch` has painted; returns that moment."""
    spy = _FirstPaint()
    watch.installEventFilter(spy)
    window.resize(1280, 720)
    window.show()
    deadline = time.perf_counter() + 30
    while spy.at is None and time.perf_counter() < deadline:
        QApplication.processEvents()
    window.grab()   # offscreen platforms paint lazily; grabbing forces the same paint a screen would get
    if spy.at is None:
        spy.at = time.perf_counter()
    return spy.at


def _bare_window() -> float:
    start = time.perf_counter()
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    window.setWindowTitle("bare")
    painted = _until_painted(window, table.viewport())
    window.close()
    window.deleteLater()
    return painted - start


def _immudesk_window(store, settings) -> tuple[float, float]:
    """(seconds to first paint, seconds until every child's status is on screen)."""
    from ui.main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(store, as_of=AS_OF, settings=settings)
    painted = _until_painted(window, window.table.viewport())
    window.wait_for_statuses(timeout=600)
    window.table.viewport().repaint()
    complete = time.perf_counter()
    assert window.model.rowCount() == store.count_children()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return painted - start, complete - start


def _median_ms(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rows(n: int) -> list[tuple[str, float, str]]:
    app = QApplication.instance() or QApplication([])
    QLabel("warm-up").grab()   # load fonts and styles once, for both windows alike
    results = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        with open_store(db) as store:
            with store.transaction():
                store.update_facility(state="NC", name="Benchmark home")
                for child in synthetic_children(FIRST_PAINT_CHILDREN, as_of=AS_OF):
                    store.add_child(child)
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            # One unmeasured window of each kind first: fonts, styles and the status icons are loaded once per
            # process, and a provider's first window pays for them the same way a bare window does for its own.
            _bare_window()
            _immudesk_window(store, settings)
            bares, firsts, completes = [], [], []
            for _ in range(REPEATS):   # alternate, so both kinds see the same machine load
                bares.append(_bare_window())
                first, complete = _immudesk_window(store, settings)
                firsts.append(first)
                completes.append(complete)
            bare, first, complete = (statistics.median(v) for v in (bares, firsts, completes))
        results.append(("window: bare PySide6 window + empty table, first paint", bare,
                        f"baseline, same run (median of {REPEATS})"))
        results.append((f"window: {FIRST_PAINT_CHILDREN:,}-child roster, first paint (rows follow)", first,
                        f"{first / bare:.1f}x the bare window; goal <= 2x"))
        results.append((f"window: {FIRST_PAINT_CHILDREN:,}-child roster, every status on screen", complete,
                        "includes reading the database and the state rules' evaluation (worker thread)"))

    # Searching and filtering a large roster: the statuses are evaluated once, then only the proxy works.
    from ui.roster_model import NAME, NEEDS_ACTION, RosterFilter, RosterModel

    statuses = evaluate_roster(synthetic_children(n, as_of=AS_OF), "NC", AS_OF)
    model = RosterModel()
    reset = _median_ms(lambda: model.set_statuses(statuses), 3)
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1200, 600)
    searches = iter(["green", "ava", "919-555-01", "mmr", "zz-no-match"] * 4)
    search = _median_ms(lambda: proxy.set_search(next(searches)))
    proxy.set_search("")
    statuses_cycle = iter([NEEDS_ACTION, "up_to_date", None, "in_process", "not_up_to_date"] * 4)
    status = _median_ms(lambda: proxy.set_status(next(statuses_cycle)))
    proxy.set_status(None)
    toggles = iter([False, True] * 5)
    withdrawn = _median_ms(lambda: proxy.set_show_withdrawn(next(toggles)))
    orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 5)
    sort = _median_ms(lambda: proxy.sort(NAME, next(orders)))
    results += [
        (f"roster model: show {n:,} evaluated children (prepare rows)", reset, "once per as-of date or edit"),
        (f"roster filter: search box, {n:,} children", search, f"goal < 100 ms ({search * 1000:.1f} ms)"),
        (f"roster filter: status filter, {n:,} children", status, f"goal < 100 ms ({status * 1000:.1f} ms)"),
        (f"roster filter: hide/show withdrawn, {n:,} children", withdrawn,
         f"goal < 100 ms ({withdrawn * 1000:.1f} ms)"),
        (f"roster: sort by name, {n:,} children", sort, f"{sort * 1000:.1f} ms"),
    ]
    app.processEvents()
    return results
