"""Two immudesk processes on one records file: the window (holding the file open, saving, backing up, checking
its lock) and the command line (importing) at the same time. No commit may be lost and the file stays whole.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from immudesk.roster_csv import COLUMNS

REPO = Path(__file__).resolve().parents[1]

# What the window's process does with the records: it keeps them open, saves children, takes "Back up now"
# backups and asks (through the idle lock) whether the file is encrypted. It prints each save once committed.
WINDOW = r'''
import sys
from datetime import date
from immudesk.model import Child
from immudesk.store import crypto, open_store
from immudesk.store.backup import make_backup

db, count = sys.argv[1], int(sys.argv[2])
store = open_store(db)
print("ready", flush=True)
for n in range(count):
    store.add_child(Child(f"W{n}", "Window", date(2023, 1, 1), date(2023, 6, 1)))
    print("saved", n, flush=True)
    if n % 5 == 0:
        make_backup(store.path, "manual")      # File > Back up now
    crypto.is_encrypted(store.path)            # the idle lock and the lock settings ask this
    if n % 5 == 2:
        sys.stdin.readline()                    # let the command line run in between
store.close()
'''


def run_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "immudesk", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_window_and_the_command_line_on_one_file_lose_no_commit(tmp_path):
    db = tmp_path / "data" / "home.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO), "IMMUDESK_DB": str(db), "XDG_STATE_HOME": str(tmp_path / "s")}
    assert run_cli("facility", "--name", "Two processes", env=env).returncode in (0, 2)
    rounds = 6
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(db), str(rounds * 5)], env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    saved = set()
    imported = set()
    assert window.stdout.readline().strip() == "ready"
    for round_ in range(rounds):
        # The window saves a few children, then the command line imports while the window keeps the file open.
        while True:
            line = window.stdout.readline().split()
            assert line, window.stderr.read()
            if line[0] == "saved":
                saved.add(f"W{line[1]}")
                if int(line[1]) % 5 == 2:
                    break
        csv = tmp_path / f"import-{round_}.csv"
        rows = [f"C{round_}x{i},Cli,2023-01-01,2023-06-01" + "," * (len(COLUMNS) - 4) for i in range(3)]
        csv.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
        result = run_cli("import-roster", str(csv), env=env)
        assert result.returncode == 0, result.stderr
        imported.update(f"C{round_}x{i}" for i in range(3))
        window.stdin.write("\n")
        window.stdin.flush()
    for line in window.stdout:
        if line.startswith("saved"):
            saved.add(f"W{line.split()[1]}")
    assert window.wait(60) == 0, window.stderr.read()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {row[0] for row in conn.execute("SELECT first_name FROM children")}
    finally:
        conn.close()
    assert saved == {f"W{n}" for n in range(rounds * 5)}
    assert saved - present == set(), "saves the window reported were lost"
    assert imported - present == set(), "imports the command line reported were lost"


@pytest.mark.qt_log_ignore("This plugin does not support")   # offscreen: raise() and size hints are no-ops
def test_starting_immudesk_again_brings_the_open_window_to_the_front(qtbot, store, db_path, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import bring_to_front_on_request, claim_window
    from ui.main_window import MainWindow

    window = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    server = claim_window(db_path)
    assert server is not None
    bring_to_front_on_request(server, lambda: window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    env = {**os.environ, "PYTHONPATH": str(REPO), "IMMUDESK_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen([sys.executable, "-c", "from ui.launcher import main; main()", "gui"], env=env,
                              stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert "already open" in out
    qtbot.waitUntil(lambda: not window.isMinimized())
    QApplication.processEvents()
    assert window.isVisible()
    # The second start opened no window of its own and wrote nothing: no backup was taken by it.
    assert not (db_path.parent / "backups").exists()
    server.close()


OTHER_PROGRAM = r'''
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0.2)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
try:
    conn.execute("BEGIN EXCLUSIVE")
    print("alone")
except sqlite3.OperationalError:
    print("shared")
'''


def another_process_sees(db: Path) -> str:
    return subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(db)], capture_output=True, text=True,
                          timeout=30).stdout.strip()


def test_looking_at_the_open_file_never_drops_sqlite_s_locks(store, db_path):
    """What the window does beside its open Store (the idle lock asks whether the file is encrypted; restoring
    over a damaged file keeps a plain copy of it) must leave SQLite's locks in place: otherwise the next
    process believes it is alone and deletes the write-ahead log under the window."""
    from immudesk.store import crypto
    from immudesk.store.backup import keep_damaged

    store.conn.execute("SELECT count(*) FROM children").fetchone()
    assert another_process_sees(db_path) == "shared"
    assert crypto.is_encrypted(db_path) is False
    assert another_process_sees(db_path) == "shared"
    kept = keep_damaged(db_path)
    assert kept.read_bytes()[:16] == b"SQLite format 3\x00"
    assert another_process_sees(db_path) == "shared"
    store.close()
    assert another_process_sees(db_path) == "alone"
