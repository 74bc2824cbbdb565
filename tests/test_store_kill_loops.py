"""SIGKILL in the middle of `immudesk encrypt` and `immudesk restore`, again and again: afterwards (and after the
next run finishes what was interrupted) nothing under the data folder is readable without the passphrase, and
every change is in the change log exactly when it happened (issue 14, items 5 and 7).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.roster_csv import COLUMNS

REPO = Path(__file__).resolve().parents[1]
NEW = "correct horse battery"
KILLS = 12

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def roster_csv(path: Path, names: list[str]) -> Path:
    rows = [f"{name},Test,2023-01-01,2023-06-01" + "," * (len(COLUMNS) - 4) for name in names]
    path.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def environment(db: Path, tmp_path: Path, **extra: str) -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO), "IMMUDESK_DB": str(db), "XDG_STATE_HOME": str(tmp_path / "st"),
            **extra}


def start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "immudesk", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def kill_after(process: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    if process.poll() is None:
        process.kill()
    process.communicate()


def readable_files(folder: Path, names: list[bytes]) -> list[str]:
    """Files under folder that are a plain SQLite file or hold a child's name as plain text."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data.startswith(b"SQLite format 3") or any(name in data for name in names):
                found.append(str(path.relative_to(folder)))
    return found


@pytest.fixture
def template(tmp_path_factory) -> Path:
    """A data folder with 40 children, a write-ahead log, four backups and a plain leftover of a backup."""
    folder = tmp_path_factory.mktemp("template") / "data"
    db = folder / "home.sqlite3"
    assert main(["--db", str(db), "import-roster",
                 str(roster_csv(folder.parent / "r.csv", [f"Zelda{n}" for n in range(40)]))]) == 0
    for _ in range(3):
        assert main(["--db", str(db), "backup"]) == 0
    backups = backups_of(folder)
    leftover = backups / ".immudesk-2026-01-01_000000_000-manual.sqlite3.part"
    shutil.copyfile(next(backups.glob("*.sqlite3")), leftover)   # an interrupted backup
    return folder


def backups_of(folder: Path) -> Path:
    return next((folder / "backups").rglob("*manual.sqlite3")).parent


def time_of(args: list[str], env: dict) -> float:
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "immudesk", *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - began


@pytest.mark.slow   # about a minute: each run encrypts, is killed, resumes and is checked
def test_encrypt_killed_anywhere_leaves_nothing_readable_once_resumed(template, tmp_path):
    rng = random.Random(14)
    names = [b"Zelda"]
    probe = tmp_path / "probe"
    shutil.copytree(template, probe)
    env_of = lambda folder: environment(folder / "home.sqlite3", tmp_path, IMMUDESK_NEW_PASSPHRASE=NEW)  # noqa: E731
    whole = time_of(["encrypt"], env_of(probe))
    assert readable_files(probe, names) == []
    for kill in range(KILLS):
        folder = tmp_path / f"run{kill}"
        shutil.copytree(template, folder)
        db, env = folder / "home.sqlite3", env_of(folder)
        kill_after(start(["encrypt"], env), rng.uniform(0.05, whole))
        header = db.read_bytes()[:16]
        if header.startswith(b"SQLite format 3"):
            # Killed before the database was encrypted: it is as it was, with no log entry; run encrypt again.
            conn = sqlite3.connect(db)
            try:
                assert conn.execute("SELECT count(*) FROM change_log WHERE event = 'encryption turned on'"
                                    ).fetchone()[0] == 0
            finally:
                conn.close()
            result = subprocess.run([sys.executable, "-m", "immudesk", "encrypt"], env=env, capture_output=True,
                                    text=True)
            assert result.returncode == 0, result.stderr
        else:
            # Encrypted: the next open with the passphrase finishes the backups.
            result = subprocess.run([sys.executable, "-m", "immudesk", "changelog"], capture_output=True, text=True,
                                    env={**env, "IMMUDESK_PASSPHRASE": NEW})
            assert result.returncode == 0, result.stderr
            assert result.stdout.count("encryption turned on") == 1
        assert readable_files(folder, names) == [], f"readable after a kill at run {kill}"
        check = subprocess.run([sys.executable, "-m", "immudesk", "check"], capture_output=True, text=True,
                               env={**env, "IMMUDESK_PASSPHRASE": NEW})
        assert check.returncode == 0 and "DAMAGED" not in check.stdout, check.stdout + check.stderr


def test_an_encryption_interrupted_before_the_backups_is_finished_at_the_next_open(template, tmp_path):
    db = template / "home.sqlite3"
    plain = {path.name: path.read_bytes() for path in backups_of(template).glob("*.sqlite3")}
    env = environment(db, tmp_path, IMMUDESK_NEW_PASSPHRASE=NEW, IMMUDESK_PASSPHRASE=NEW)
    assert subprocess.run([sys.executable, "-m", "immudesk", "encrypt"], env=env).returncode == 0
    for name, data in plain.items():   # as a kill after the database but before its backups leaves them
        (backups_of(template) / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "immudesk", "status"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert readable_files(template, [b"Zelda"]) == []


def test_encrypt_removes_a_plain_leftover_of_an_interrupted_backup(template, tmp_path):
    db = template / "home.sqlite3"
    result = subprocess.run([sys.executable, "-m", "immudesk", "encrypt"], capture_output=True, text=True,
                            env=environment(db, tmp_path, IMMUDESK_NEW_PASSPHRASE=NEW))
    assert result.returncode == 0, result.stderr
    assert readable_files(template, [b"Zelda"]) == []


def test_a_damaged_backup_stops_encrypt_before_anything_changes(template, tmp_path):
    db = template / "home.sqlite3"
    backup = sorted(backups_of(template).glob("*.sqlite3"))[0]
    data = bytearray(backup.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    backup.write_bytes(bytes(data))
    result = subprocess.run([sys.executable, "-m", "immudesk", "encrypt"], capture_output=True, text=True,
                            env=environment(db, tmp_path, IMMUDESK_NEW_PASSPHRASE=NEW))
    assert result.returncode == 2, result.stderr
    assert backup.name in result.stderr and "Nothing was changed" in result.stderr
    assert db.read_bytes().startswith(b"SQLite format 3")


def test_restore_killed_anywhere_is_whole_and_logged_or_not_started(template, tmp_path):
    rng = random.Random(5)
    db0 = template / "home.sqlite3"
    backup = sorted(backups_of(template).glob("*manual.sqlite3"))[0]
    assert main(["--db", str(db0), "import-roster", str(roster_csv(tmp_path / "late.csv", ["Late"]))]) == 0
    whole = time_of(["restore", str(backup)], environment(tmp_path / "x" / "home.sqlite3", tmp_path)) * 1.5
    outcomes = {"restored": 0, "not restored": 0}
    for kill in range(KILLS):
        folder = tmp_path / f"run{kill}"
        shutil.copytree(template, folder)
        db = folder / "home.sqlite3"
        copy = backups_of(folder) / backup.name
        kill_after(start(["restore", str(copy)], environment(db, tmp_path)), rng.uniform(0.05, whole))
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            names = {row[0] for row in conn.execute("SELECT first_name FROM children")}
            events = [row[0] for row in conn.execute("SELECT event FROM change_log")]
            late_logged = conn.execute("SELECT count(*) FROM change_log WHERE child = 'Late Test'").fetchone()[0]
        finally:
            conn.close()
        assert late_logged == 1, "the change log lost an entry"
        if "Late" in names:
            assert "restore" not in events    # not restored: no entry
            outcomes["not restored"] += 1
        else:
            assert events[-1] == "restore"    # restored: with its entry, in the same transaction
            outcomes["restored"] += 1
    print(f"{KILLS} kills during restore: {outcomes}")
    assert all(outcomes.values()), "the kills never fell on both sides of the restore"
