"""Benchmark rows for the window: launch to first frame with a 2,000-child roster against a bare PySide6 program in the same
run (goal <= 2x), the time until the whole roster's statuses are on screen, and searching/filtering/sorting a
roster of N children (goal < 100 ms), all offscreen."""
from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from immudesk.states import evaluate_roster  # noqa: E402
from immudesk.store import open_store  # noqa: E402

from synthetic import synthetic_children  # noqa: E402

AS_OF = date(2026, 11, 1)
FIRST_PAINT_CHILDREN = 2_000
ROOT = Path(__file__).resolve().parent.parent
REPEATS = 15          # launches of each program: this VM's speed wanders, and one launch is ~0.1-0.3 s
COMPLETE_REPEATS = 3  # launches until every status is shown (~2 s each)


class _FirstPaint(QObject):
    """Notes the moment a widget's first Paint event is delivered."""

    def __init__(self):
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


# What runs in a fresh process for each measurement. Both programs force their first frame the same way
# (offscreen platforms paint lazily; grab() gives the frame a screen would get) and say "painted" at that moment.
_PAINT_SPY = """
import os, sys

def watch(window, viewport, then_wait=None):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstFrame(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                viewport.removeEventFilter(self)
                print("painted", flush=True)
                QTimer.singleShot(0, self.finish)   # after this paint has been delivered
            return False
        def finish(self):
            if then_wait is not None:
                then_wait()
                print("complete", flush=True)
            os._exit(0)

    spy = FirstFrame()
    viewport.installEventFilter(spy)
    window._first_frame_spy = spy
    for _ in range(20):
        QApplication.processEvents()
    window.grab()
"""

_BARE = _PAINT_SPY + """
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
window.resize(1280, 720)
window.show()
watch(window, table.viewport())
"""

# The real start-up path (`immudesk --db DB gui`: launcher, CLI, ui.app.run, safety's open, MainWindow), in its
# own order: nothing of Qt or ui/ is imported ahead of it. An import hook wraps MainWindow.show when ui.main_window
# loads, to notice the first frame and, after it, the moment every status is shown.
_IMMUDESK = _PAINT_SPY + """
import importlib.machinery

class WatchTheWindow:
    def find_spec(self, name, path=None, target=None):
        if name != "ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            shown = module.MainWindow.show
            def show_and_watch(self):
                shown(self)
                then_wait = None
                if sys.argv[2] == "complete":
                    then_wait = lambda: (self.wait_for_statuses(timeout=600), self.table.viewport().repaint())
                watch(self, self.table.viewport(), then_wait=then_wait)
            module.MainWindow.show = show_and_watch
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, WatchTheWindow())
from ui.launcher import main
main(["--db", sys.argv[1], "gui"])
"""


def _launch(program: str, *args: str) -> tuple[float, float | None]:
    """Seconds from starting the process to its first frame (and to 'complete', when it reports one)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", program, *args], stdout=subprocess.PIPE, text=True,
                               cwd=str(ROOT), env=env)
    painted = complete = None
    for line in process.stdout:
        if line.strip() == "painted":
            painted = time.perf_counter() - start
        elif line.strip() == "complete":
            complete = time.perf_counter() - start
    process.wait(timeout=120)
    if painted is None:
        raise RuntimeError("the window never painted")
    return painted, complete


def _median_ms(action, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rows(n: int) -> list[tuple[str, float, str]]:
    app = QApplication.instance() or QApplication([])
    results = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        with open_store(db) as store:
            with store.transaction():
                store.update_facility(state="NC", name="Benchmark home")
                for child in synthetic_children(FIRST_PAINT_CHILDREN, as_of=AS_OF):
                    store.add_child(child)
        # An installed immudesk starts from compiled bytecode (pip compiles at install; the bundles carry it).
        # A checkout may have none, and PYTHONDONTWRITEBYTECODE (set on these machines) keeps Python from
        # saving it, so every launch would compile ui/ and immudesk/ from source: compile them once here.
        for package in ("immudesk", "ui"):
            compileall.compile_dir(str(ROOT / package), quiet=1)
        # One unmeasured launch of each first (the OS file cache), then alternate so both see the same load.
        _launch(_BARE)
        _launch(_IMMUDESK, str(db), "first")
        bares, firsts = [], []
        for _ in range(REPEATS):
            bares.append(_launch(_BARE)[0])
            firsts.append(_launch(_IMMUDESK, str(db), "first")[0])
        completes = [_launch(_IMMUDESK, str(db), "complete")[1] for _ in range(COMPLETE_REPEATS)]
        bare, first, complete = (statistics.median(v) for v in (bares, firsts, completes))
    results.append(("window: bare PySide6 program, launch to first frame", bare,
                    f"baseline, same run (median of {REPEATS})"))
    results.append((f"window: immudesk gui, {FIRST_PAINT_CHILDREN:,} children, launch to first frame", first,
                    f"{first / bare:.2f}x the bare program; goal <= 2x"))
    results.append((f"window: immudesk gui, {FIRST_PAINT_CHILDREN:,} children, launch to every status shown",
                    complete, f"{complete / bare:.2f}x (median of {COMPLETE_REPEATS}); rows are evaluated on a worker "
                              "thread after the first frame"))

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
