"""The store: where the file lives, who can read it, migrations all-or-nothing, newer databases refused."""
from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date

import pytest

from immudesk.errors import DatabaseError
from immudesk.model import Child, DiseaseHistory, Dose, Exemption, InProcessPeriod
from immudesk.store import open_store, resolve_db_path
from immudesk.store import migrations
from immudesk.store.database import migrate


def test_db_location_follows_flag_then_environment_then_platform(monkeypatch, tmp_path):
    monkeypatch.setenv("IMMUDESK_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(str(tmp_path / "flag.db")) == tmp_path / "flag.db"
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("IMMUDESK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db_path(None) == tmp_path / "xdg" / "immudesk" / "immudesk.sqlite3"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_and_folder_are_private(db_path):
    with open_store(db_path) as store:
        store.add_child(Child("Ava", "Green", date(2017, 6, 10), date(2018, 1, 2)))
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_wal_and_foreign_keys_are_on(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_child_and_all_their_records_survive_a_round_trip(store):
    child = Child("Sofía", "Hernández", date(2024, 3, 1), date(2024, 9, 1), "regular", None, "Lucía", "l@example.org",
                  "919-555-0103", "es", "allergic to eggs",
                  doses=[Dose("Hib", date(2024, 5, 1), "PedvaxHIB", "49", "import"),
                         Dose("DTaP", date(2024, 5, 1), "120", "120")],
                  exemptions=[Exemption("medical", ("MMR", "Varicella"), date(2024, 9, 1), None, "DHHS 3987")],
                  disease_history=[DiseaseHistory("Varicella", "2025")],
                  in_process=[InProcessPeriod(date(2024, 11, 1), date(2024, 9, 2), "catch-up")])
    child_id = store.add_child(child)
    loaded = store.child(child_id)
    assert loaded == child


def test_saving_a_child_replaces_their_records_in_one_go(store):
    child_id = store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1),
                                     doses=[Dose("HepB", date(2023, 1, 1))]))
    child = store.child(child_id)
    child.doses.append(Dose("HepB", date(2023, 2, 1)))
    child.parent_phone = "555"
    store.save_child(child)
    again = store.child(child_id)
    assert [d.given_on for d in again.doses] == [date(2023, 1, 1), date(2023, 2, 1)]
    assert again.parent_phone == "555"


def test_deleting_a_child_deletes_their_doses(store):
    child_id = store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1),
                                     doses=[Dose("HepB", date(2023, 1, 1))]))
    store.delete_child(child_id)
    assert store.conn.execute("SELECT count(*) FROM doses").fetchone()[0] == 0


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1)))
            raise RuntimeError("power cut")
    assert store.count_children() == 0


def test_a_database_from_a_newer_immudesk_is_refused_untouched(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of immudesk"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_a_failing_migration_rolls_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    open_store(path).close()
    broken = "CREATE TABLE added_by_step_two (x INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        import immudesk.store.database as database
        monkeypatch.setattr(database, "MIGRATIONS", migrations.MIGRATIONS)
        monkeypatch.setattr(database, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
        migrate(conn, path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "added_by_step_two" not in tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS) - 1


def test_a_backup_hook_runs_before_an_existing_database_is_migrated(tmp_path, monkeypatch):
    import immudesk.store.database as database

    path = tmp_path / "old.db"
    open_store(path).close()
    steps = [*migrations.MIGRATIONS, "CREATE TABLE step_two (x INTEGER);"]
    monkeypatch.setattr(database, "MIGRATIONS", steps)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(steps))
    calls = []
    open_store(path, before_migrating=lambda p, v: calls.append((p, v))).close()
    assert calls == [(path, len(steps) - 1)]


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list: milk, eggs\n" * 100)
    with pytest.raises(DatabaseError, match="not a readable immudesk database"):
        open_store(path)
