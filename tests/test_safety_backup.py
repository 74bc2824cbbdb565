"""Backups and restores: verified copies, taken before migrations and imports and once a day, rotated, private,
restorable while the window has the database open; a damaged database detected at open and brought back."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.errors import DatabaseError, UserError
from immudesk.model import Child, Dose
from immudesk.roster_csv import COLUMNS
from immudesk.store import backup, changelog, integrity, migrations, open_store
from immudesk.store.backup import daily_backup, list_backups, make_backup, rotate
from immudesk.store.backup import newest_good_backup
from immudesk.store.integrity import check_file
from immudesk.store.paths import backups_dir

HEADER = ",".join(COLUMNS)


def add_children(store, count: int, prefix: str = "Child") -> None:
    with store.transaction():
        for number in range(count):
            store.add_child(Child(f"{prefix}{number}", "Test", date(2023, 1, 1), date(2023, 6, 1),
                                  notes="x" * 200, doses=[Dose("HepB", date(2023, 1, 1)), Dose("DTaP", date(2023, 3, 1))]))


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT first_name FROM children ORDER BY id")]


def test_a_backup_is_a_verified_private_copy_of_everything(store, db_path):
    add_children(store, 3)
    copy = make_backup(db_path)
    assert copy.parent == backups_dir(db_path)
    assert check_file(copy) == []
    assert names(copy) == names(db_path) == ["Child0", "Child1", "Child2"]
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    # One self-contained file: no write-ahead log or temporary file left beside it.
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_a_backup_taken_while_the_window_is_writing_is_a_consistent_snapshot(store, db_path):
    add_children(store, 50)
    store.conn.execute("BEGIN IMMEDIATE")  # the window is half-way through a change
    store.add_child(Child("Uncommitted", "Test", date(2023, 1, 1), date(2023, 6, 1)))
    copy = make_backup(db_path)
    store.conn.execute("COMMIT")
    assert len(names(copy)) == 50 and "Uncommitted" not in names(copy)


def test_the_backup_command_writes_where_asked_and_never_overwrites(store, db_path, tmp_path, capsys):
    add_children(store, 2)
    out = tmp_path / "usb" / "copy.sqlite3"
    out.parent.mkdir()
    assert main(["backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert names(out) == ["Child0", "Child1"]
    before = out.read_bytes()
    assert main(["backup", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["backup"]) == 0
    assert [b.reason for b in list_backups(db_path)] == ["manual"]


def test_an_import_backs_up_first_and_is_logged(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-21")
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\nKim,Lee,2024-01-02,2024-06-01\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text(f"{HEADER}\nAva,Green,2024-01-02,2024-06-01\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nAva,Green,2024-02-30,2024-06-01\n", encoding="utf-8")
    assert main(["import-roster", str(first)]) == 0
    assert main(["import-roster", str(second)]) == 0
    assert main(["import-roster", str(bad)]) == 2
    imports = [b for b in list_backups(db_path) if b.reason == "before-import"]
    # A file with problems imports nothing, so it needs no backup; each good import got one, taken before it.
    assert len(imports) == 2
    assert names(imports[0].path) == ["Kim"]
    with open_store(db_path) as store:
        assert [e.detail for e in changelog.entries(store) if e.event == "import"] == [
            "1 added, 0 updated from first.csv", "1 added, 0 updated from second.csv"]


def test_a_migration_backs_up_the_old_database_first(tmp_path, monkeypatch):
    from immudesk.store import database

    path = tmp_path / "old.db"
    with open_store(path) as store:
        add_children(store, 2)
    steps = [*migrations.MIGRATIONS, "CREATE TABLE step_three (x INTEGER);"]
    monkeypatch.setattr(database, "MIGRATIONS", steps)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(steps))
    open_store(path).close()
    [taken] = list_backups(path)
    assert taken.reason == "before-migration"
    with sqlite3.connect(taken.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)
        assert conn.execute("SELECT count(*) FROM children").fetchone()[0] == 2
    open_store(path).close()  # already migrated: no second backup
    assert len(list_backups(path)) == 1


def test_the_daily_backup_happens_once_a_day(store, db_path):
    first = daily_backup(db_path)
    assert first is not None and daily_backup(db_path) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert daily_backup(db_path, today=tomorrow) is not None  # (named with today's clock, but for "tomorrow")


def test_rotation_keeps_7_daily_10_event_and_every_manual_backup(store, db_path):
    folder = backups_dir(db_path)
    folder.mkdir(mode=0o700, parents=True)
    source = make_backup(db_path, "manual")
    start = dt.datetime(2026, 1, 1, 8, 0, 0)
    for day in range(12):
        for reason in ("daily", "before-import", "before-migration", "before-restore"):
            when = start + dt.timedelta(days=day, minutes=["daily", "before-import", "before-migration",
                                                           "before-restore"].index(reason))
            (folder / f"immudesk-{when:%Y-%m-%d_%H%M%S}_000-{reason}.sqlite3").write_bytes(source.read_bytes())
    (folder / "my notes.txt").write_text("not a backup")
    stale, fresh = folder / ".immudesk-old.sqlite3.part", folder / ".immudesk-now.sqlite3.part"
    stale.write_bytes(b"half a backup")
    fresh.write_bytes(b"a backup being written")
    os.utime(stale, (0, 0))
    deleted = rotate(db_path)
    kept = list_backups(db_path)
    by_reason = {r: [b for b in kept if b.reason == r] for r in backup.REASONS}
    assert len(by_reason["daily"]) == 7 and by_reason["daily"][-1].taken_at.day == 6
    assert len(by_reason["before-import"]) + len(by_reason["before-migration"]) == 10
    assert len(by_reason["before-restore"]) == 12 and len(by_reason["manual"]) == 1
    assert len(deleted) == 5 + 14 + 1 and stale in deleted
    assert (folder / "my notes.txt").exists() and fresh.exists()


def test_restore_while_the_window_is_open_replaces_the_records_and_keeps_the_old_ones(store, db_path, capsys):
    add_children(store, 2, "Before")
    saved = make_backup(db_path)
    add_children(store, 3, "After")
    window = open_store(db_path)  # a second connection, like the open window
    try:
        assert window.count_children() == 5
        assert main(["restore", str(saved)]) == 0
        out = capsys.readouterr().out
        assert "Restored" in out and "before-restore" in out
        # The open window's connection sees the restored records and goes on working.
        assert [c.first_name for c in window.children()] == ["Before0", "Before1"]
        window.add_child(Child("New", "Child", date(2024, 1, 1), date(2024, 2, 1)))
        assert window.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count_children() == 3
    finally:
        window.close()
    kept = [b for b in list_backups(db_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and len(names(kept[0].path)) == 5
    with open_store(db_path) as again:
        log = changelog.entries(again)
        assert log[-2].event == "restore" and saved.name in log[-2].detail and kept[0].path.name in log[-2].detail
        assert log[-1].event == "child added"


def test_restore_refuses_a_bad_copy_and_changes_nothing(store, db_path, tmp_path, capsys):
    add_children(store, 2)
    before = names(db_path)
    not_db = tmp_path / "holiday.jpg"
    not_db.write_bytes(b"\xff\xd8\xff" + os.urandom(5000))
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    for source, message in ((not_db, "cannot be restored"), (other, "not an immudesk database"),
                            (tmp_path / "missing.sqlite3", "does not exist")):
        assert main(["restore", str(source)]) != 0
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    assert names(db_path) == before
    assert list_backups(db_path) == []


def corrupt_middle(path: Path) -> None:
    """Overwrite a stretch of bytes in the middle of the file, as a failing disk or a bad copy would."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size // 2 - 2048)
        file.write(b"\x5a" * 4096)


def test_a_damaged_database_is_refused_at_open_and_restored_from_the_newest_good_backup(db_path, capsys):
    with open_store(db_path) as store:
        add_children(store, 300)
        make_backup(db_path, "daily")
        add_children(store, 1, "Latest")
    good = make_backup(db_path, "manual")
    assert names(good)[-1] == "Latest0"
    # A newer backup that is itself damaged must not be offered.
    bad_copy = backups_dir(db_path) / "immudesk-2999-01-01_000000_000-manual.sqlite3"
    bad_copy.write_bytes(good.read_bytes())
    corrupt_middle(bad_copy)
    corrupt_middle(db_path)
    damaged = db_path.read_bytes()

    with pytest.raises(DatabaseError) as caught:
        open_store(db_path)
    message = str(caught.value)
    assert "is damaged" in message and f'immudesk restore "{good}"' in message
    assert newest_good_backup(db_path) == good
    assert db_path.read_bytes() == damaged  # nothing overwritten or discarded
    assert main(["export-roster", str(db_path.parent / "x.csv")]) == 1
    assert "is damaged" in capsys.readouterr().err

    assert main(["restore"]) == 0  # without a path: names the way back, changes nothing
    assert f'immudesk restore "{good}"' in capsys.readouterr().out
    assert db_path.read_bytes() == damaged
    assert main(["restore", str(good)]) == 0
    with open_store(db_path) as store:
        assert store.count_children() == 301
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The damaged file is kept, byte for byte.
    kept = [b for b in list_backups(db_path) if b.reason == "damaged"]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged


def test_the_window_s_early_check_refuses_a_damaged_file_just_as_the_check_at_open_does(db_path):
    # The window starts the open-time check while Qt loads (integrity.start_check_at_open); its answer must
    # refuse the same file with the same message, and leave the file alone.
    with open_store(db_path) as store:
        add_children(store, 300)
    corrupt_middle(db_path)
    damaged = db_path.read_bytes()
    integrity.start_check_at_open(db_path)
    with pytest.raises(DatabaseError, match="is damaged"):
        open_store(db_path)
    assert db_path.read_bytes() == damaged
    assert integrity._early_checks == {}   # an answer is used once


def test_the_early_check_s_answer_is_what_open_store_uses(db_path, monkeypatch):
    with open_store(db_path) as store:
        add_children(store, 3)
    integrity.start_check_at_open(db_path)
    integrity._early_checks[db_path.resolve()].join()
    checked_again = []
    monkeypatch.setattr(integrity, "check_connection", lambda conn, **_: checked_again.append(conn) or [])
    with open_store(db_path) as store:
        assert store.count_children() == 3
    assert checked_again == []            # not checked twice
    with open_store(db_path):
        pass
    assert len(checked_again) == 1         # the next open checks on its own connection again


def test_no_early_check_for_a_missing_file(tmp_path):
    integrity.start_check_at_open(tmp_path / "none.sqlite3")
    assert integrity._early_checks == {} and not (tmp_path / "none.sqlite3").exists()


def test_check_command_runs_the_full_check(store, db_path, capsys):
    add_children(store, 2)
    assert main(["check"]) == 0
    assert "passes" in capsys.readouterr().out
    good = make_backup(db_path)
    # An index out of step with its table: quick_check (at open) does not look, the full check does.
    store.conn.execute("PRAGMA writable_schema = ON")
    store.conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'lower(first_name)', 'lower(last_name)')"
                       " WHERE name = 'children_identity'")
    store.conn.execute("PRAGMA writable_schema = OFF")
    store.close()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and f'immudesk restore "{good}"' in err


def test_the_backups_command_lists_them(store, db_path, capsys):
    make_backup(db_path)
    assert main(["backup", "--list"]) == 0
    assert "manual" in capsys.readouterr().out


def test_a_backup_of_a_missing_database_is_a_clear_message(tmp_path):
    with pytest.raises(UserError, match="no database"):
        make_backup(tmp_path / "none.sqlite3")


def test_a_backup_restores_onto_a_new_laptop(store, db_path, tmp_path, capsys):
    add_children(store, 2)
    usb = tmp_path / "usb.sqlite3"
    assert main(["backup", "--out", str(usb)]) == 0
    new_home = tmp_path / "new laptop" / "immudesk" / "immudesk.sqlite3"
    assert main(["--db", str(new_home), "restore", str(usb)]) == 0
    assert "kept" not in capsys.readouterr().out.split("Restored")[-1]  # nothing was there to keep
    assert names(new_home) == ["Child0", "Child1"]
    if os.name == "posix":
        assert stat.S_IMODE(new_home.stat().st_mode) == 0o600
        assert stat.S_IMODE(new_home.parent.stat().st_mode) == 0o700
