"""No record lost, corrupted or exposed (issue 14, the store's part): a damaged write-ahead log, backups of the
wrong database, the change log across a restore, a full disk and a busy file, a damaged header, crash logs,
refused imports and interrupted exports. Each test drives the command line (or the store) as a provider would.
"""
from __future__ import annotations

import os
import re
import resource
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.roster_csv import COLUMNS

REPO = Path(__file__).resolve().parents[1]


def roster_csv(path: Path, names: list[str]) -> Path:
    rows = [f"{name},Test,2023-01-01,2023-06-01" + "," * (len(COLUMNS) - 4) for name in names]
    path.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def children(db: Path) -> set[str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT first_name FROM children")}
    finally:
        conn.close()


def log_events(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT event, child FROM change_log ORDER BY id").fetchall()
    finally:
        conn.close()


def run(*args: str, env: dict, limit: int | None = None) -> subprocess.CompletedProcess:
    """The command line in its own process; limit caps the size of any file it writes (a full disk without
    needing a small filesystem)."""
    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([sys.executable, "-m", "immudesk", *args], env=env, capture_output=True, text=True,
                          timeout=120, preexec_fn=cap if limit else None)


@pytest.fixture
def env(db_path, tmp_path):
    return {**os.environ, "PYTHONPATH": str(REPO), "IMMUDESK_DB": str(db_path),
            "XDG_STATE_HOME": str(tmp_path / "xdg-state"), "XDG_DATA_HOME": str(tmp_path / "xdg-data")}


@pytest.fixture
def roster(db_path, tmp_path, capsys):
    """A database with three children and one backup of them."""
    assert main(["import-roster", str(roster_csv(tmp_path / "r.csv", ["Ana", "Ben", "Cy"]))]) == 0
    assert main(["backup"]) == 0
    capsys.readouterr()
    return db_path


# -- 2: a damaged write-ahead log -----------------------------------------------------------------------
KILLED_WRITER = r'''
import os, sys
from datetime import date
from immudesk.model import Child
from immudesk.store import open_store
store = open_store(sys.argv[1])
store.conn.execute("PRAGMA wal_autocheckpoint = %s")
for n in range(5):
    store.add_child(Child(f"Late{n}", "Test", date(2023, 1, 1), date(2023, 6, 1), notes="x" * 3000))
os._exit(0)   # the laptop dies: the write-ahead log stays behind
'''


def write_then_die(db_path: Path, env: dict, autocheckpoint: int) -> bytes:
    result = subprocess.run([sys.executable, "-c", KILLED_WRITER % autocheckpoint, str(db_path)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    wal = Path(str(db_path) + "-wal")
    data = bytearray(wal.read_bytes())
    assert len(data) > 32 + 2 * (24 + 4096)
    data[32 + 24 + 200] ^= 0xFF   # one flipped bit... byte, inside the first frame's page
    wal.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_write_ahead_log_is_said_with_the_backup_to_use_not_passed_silently(roster, env, capsys):
    write_then_die(roster, env, autocheckpoint=0)   # the saves live only in the log, as with a reader open
    result = run("check", env=env)
    assert result.returncode == 1
    assert "write-ahead log is damaged" in result.stderr and "immudesk restore" in result.stderr
    result = run("status", env=env)
    assert result.returncode == 1 and "write-ahead log is damaged" in result.stderr
    assert "backups" in result.stderr and "Traceback" not in result.stderr
    # The damaged files are kept as they were for whoever tries to get the changes back.
    kept = sorted((roster.parent / "backups").rglob("*-damaged.sqlite3-wal"))
    assert kept, "the damaged log was not kept"


def test_a_damaged_log_whose_saves_are_already_in_the_file_loses_nothing_and_opens(roster, env):
    write_then_die(roster, env, autocheckpoint=1)   # immudesk's own setting: each save reaches the file
    assert children(roster) >= {f"Late{n}" for n in range(5)}
    result = run("check", env=env)
    assert result.returncode == 0, result.stderr


# -- 4: each database's own backups ---------------------------------------------------------------------
def test_a_damaged_database_is_offered_its_own_backup_not_its_neighbours(tmp_path, env, capsys):
    home, demo = tmp_path / "data" / "home.sqlite3", tmp_path / "data" / "demo.sqlite3"
    assert main(["--db", str(home), "import-roster", str(roster_csv(tmp_path / "h.csv", ["Home"]))]) == 0
    assert main(["--db", str(home), "backup"]) == 0
    assert main(["--db", str(demo), "import-roster", str(roster_csv(tmp_path / "d.csv", ["Demo"]))]) == 0
    assert main(["--db", str(demo), "backup"]) == 0   # the newest backup in the folder is the demo's
    capsys.readouterr()
    data = bytearray(home.read_bytes())
    data[len(data) // 2:len(data) // 2 + 2000] = b"\x00" * 2000 if data[len(data) // 2] else b"\xff" * 2000
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 8:page * 4096 + 100] = os.urandom(92)
    home.write_bytes(bytes(data))
    assert main(["--db", str(home), "status"]) == 1
    message = capsys.readouterr().err
    assert "is damaged" in message
    offered = Path(re.search(r'immudesk restore "(.+?)"', message).group(1))
    assert children(offered) == {"Home"}, "the damaged database was offered another database's backup"
    assert main(["--db", str(home), "restore", str(offered)]) == 0
    assert children(home) == {"Home"}


def test_restore_refuses_a_backup_of_another_database(tmp_path, capsys):
    home, demo = tmp_path / "data" / "home.sqlite3", tmp_path / "data" / "demo.sqlite3"
    assert main(["--db", str(home), "import-roster", str(roster_csv(tmp_path / "h.csv", ["Home"] * 1))]) == 0
    assert main(["--db", str(demo), "import-roster", str(roster_csv(tmp_path / "d.csv", ["D1", "D2"]))]) == 0
    out = tmp_path / "demo-copy.sqlite3"
    assert main(["--db", str(demo), "backup", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", str(home), "restore", str(out)]) == 2
    assert "another database" in capsys.readouterr().err
    assert children(home) == {"Home"}


def test_backups_from_before_per_database_folders_stay_findable(roster, tmp_path, capsys):
    from immudesk.store.backup import list_backups, older_backups

    ours = list_backups(roster)[0]
    shared = roster.parent / "backups"
    old = shared / "immudesk-2025-01-01_120000_000-daily.sqlite3"
    old.write_bytes(ours.path.read_bytes())
    # The only database in its folder: the old backup can only be its own, and moves into its folder.
    assert [b.path.name for b in list_backups(roster)][-1] == old.name
    assert not old.exists()
    # With a second database beside it an old backup could be either's: it stays, and is listed apart.
    other = shared / "immudesk-2025-01-02_120000_000-daily.sqlite3"
    other.write_bytes(ours.path.read_bytes())
    assert main(["--db", str(roster.parent / "demo.sqlite3"), "demo"]) in (0, 2)
    assert other.name not in [b.path.name for b in list_backups(roster)]
    assert [b.path for b in older_backups(roster)] == [other]
    capsys.readouterr()
    assert main(["backup", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "Older backups" in listing and other.name in listing


# -- 5: the change log survives a restore ---------------------------------------------------------------
def test_the_change_log_survives_a_restore(roster, tmp_path, capsys):
    from immudesk.store.backup import list_backups

    copy = next(b for b in list_backups(roster) if b.reason == "manual")
    assert main(["import-roster", str(roster_csv(tmp_path / "late.csv", ["Dee"]))]) == 0
    assert main(["restore", str(copy.path)]) == 0
    assert children(roster) == {"Ana", "Ben", "Cy"}
    events = log_events(roster)
    assert ("child added", "Dee Test") in events, "the log was rewound by the restore"
    assert [e for e, _ in events].count("child added") == 4
    assert events[-1][0] == "restore"


# -- 12: a full disk, a busy file -----------------------------------------------------------------------
def test_a_full_disk_during_an_import_is_said_and_changes_nothing(roster, env, tmp_path):
    before = children(roster)
    big = roster_csv(tmp_path / "big.csv", [f"Kid{n}" for n in range(400)])
    result = run("import-roster", str(big), env=env, limit=roster.stat().st_size + 8192)
    assert result.returncode == 2, result.stderr
    assert "disk" in result.stderr and "Nothing was lost" in result.stderr
    assert "damaged" not in result.stderr and "something went wrong" not in result.stderr
    assert children(roster) == before
    assert run("check", env=env).returncode == 0


def test_a_healthy_database_on_a_full_disk_is_not_called_damaged(roster, env):
    for suffix in ("-wal", "-shm"):
        Path(str(roster) + suffix).unlink(missing_ok=True)
    result = run("status", env=env, limit=1024)   # not even the shared-memory file fits
    assert result.returncode == 2, result.stderr
    assert "disk" in result.stderr and "damaged" not in result.stderr and "restore" not in result.stderr
    assert not [p for p in (roster.parent / "backups").rglob("*damaged*")]


def test_the_disk_is_full_is_said_in_those_words(store, tmp_path):
    from immudesk.errors import UserError
    from immudesk.store.backup import list_backups
    from immudesk.store.operations import import_roster_with_backup

    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")   # the file cannot grow: SQLite's "disk is full"
    with pytest.raises(UserError, match="the disk is full: free some space") as caught:
        import_roster_with_backup(store, roster_csv(tmp_path / "x.csv", [f"K{n}" for n in range(200)]))
    assert caught.value.exit_status == 2
    assert store.count_children() == 0 and list_backups(store.path) == []


def test_records_kept_busy_by_another_program_are_said_and_change_nothing(roster, tmp_path, monkeypatch, capsys):
    from immudesk.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    other = sqlite3.connect(roster, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        status = main(["import-roster", str(roster_csv(tmp_path / "b.csv", ["Busy"]))])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 2
    assert "another program is using the records: close it" in capsys.readouterr().err
    assert children(roster) == {"Ana", "Ben", "Cy"}


# -- 13: a damaged header, a wrong passphrase -----------------------------------------------------------
def test_a_damaged_header_is_called_damaged_not_encrypted(roster, capsys):
    with open(roster, "r+b") as file:
        file.write(b"\x13\x37" * 8)   # the "SQLite format 3" magic is gone; the rest is plain
    assert main(["status"]) == 1
    message = capsys.readouterr().err
    assert "is damaged" in message and "passphrase" not in message and "immudesk restore" in message


def test_a_wrong_passphrase_prints_only_immudesk_s_message(roster, env):
    env = {**env, "IMMUDESK_NEW_PASSPHRASE": "correct horse battery"}
    assert run("encrypt", env=env).returncode == 0
    result = run("status", env={**env, "IMMUDESK_PASSPHRASE": "wrong passphrase!"})
    assert result.returncode == 1
    assert "The passphrase does not open" in result.stderr
    assert "hmac" not in result.stderr.lower() and "sqlcipher" not in result.stderr.lower()


# -- 15 and 9: crash logs, refused imports, interrupted exports, private files ------------------------------
def test_two_crashes_in_one_second_keep_two_logs(db_path):
    from immudesk.cli import write_crash_log

    first, second = write_crash_log("first"), write_crash_log("second")
    assert first != second
    assert "first" in first.read_text() and "second" in second.read_text()


def test_a_refused_import_takes_no_backup_and_rotates_none_away(roster, tmp_path, capsys):
    from immudesk.store.backup import list_backups

    for n in range(10):
        assert main(["import-roster", str(roster_csv(tmp_path / f"{n}.csv", [f"New{n}"]))]) == 0
    kept = [b.path for b in list_backups(roster)]
    capsys.readouterr()
    assert main(["import-roster", str(roster_csv(tmp_path / "again.csv", ["Ana"]))]) == 2   # already there
    assert "already on the roster" in capsys.readouterr().err
    assert [b.path for b in list_backups(roster)] == kept


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("command", ["export-roster", "changelog --out"])
def test_exports_are_private_even_under_a_permissive_umask(roster, tmp_path, command, env):
    out = tmp_path / "out.csv"
    result = subprocess.run(["sh", "-c", f'umask 000; exec "$0" -m immudesk {command} "$1"', sys.executable, str(out)],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Ana" in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("command", ["export-roster", "changelog --out"])
def test_an_interrupted_export_leaves_no_part_file(roster, tmp_path, env, command):
    for n in range(4):
        assert main(["import-roster", str(roster_csv(tmp_path / f"{n}.csv", [f"M{n}x{i}" for i in range(80)]))]) == 0
    out = tmp_path / "exports" / "out.csv"
    out.parent.mkdir()
    result = run(*command.split(), str(out), env=env, limit=2048)   # the disk fills half-way through
    assert result.returncode == 2, result.stderr
    assert list(out.parent.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_window_screenshot_is_private_even_under_a_permissive_umask(roster, tmp_path, env):
    shot = tmp_path / "window.png"
    result = subprocess.run(["sh", "-c", 'umask 000; exec "$0" -c "from ui.launcher import main; main()" gui '
                             '--screenshot "$1"', sys.executable, str(shot)],
                            env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(shot.stat().st_mode) == 0o600
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
