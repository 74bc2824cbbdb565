"""Two immudesk processes on one records file: the window (holding the file open, saving, backing up, checking
its lock) and the command line (importing) at the same time. No commit may be lost and the file stays whole.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

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
