"""Encryption at rest and the app-lock PIN: without the passphrase neither the database nor its backups open,
and no child's name can be read in the files; with it everything works as before."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from immudesk.cli import main
from immudesk.errors import DatabaseError, UserError
from immudesk.model import Child, Dose
from immudesk.store import changelog, crypto, open_store
from immudesk.store.backup import list_backups, make_backup
from immudesk.store.integrity import check_file

PASSPHRASE = "correct horse battery"
NAME = "Zephyrine"


needs_sqlcipher = pytest.mark.skipif(__import__("importlib").util.find_spec("sqlcipher3") is None,
                                     reason="encryption needs sqlcipher3 (the 'encryption' extra)")


@pytest.fixture(autouse=True)
def no_remembered_passphrases():
    crypto._remembered.clear()
    yield
    crypto._remembered.clear()


def files_of(db_path):
    folder = db_path.parent
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.fixture
def encrypted(db_path, monkeypatch, capsys):
    pytest.importorskip("sqlcipher3")
    with open_store(db_path) as store:
        store.add_child(Child(NAME, "Quartermaine", date(2023, 1, 1), date(2023, 6, 1),
                              doses=[Dose("HepB", date(2023, 1, 1))]))
    make_backup(db_path, "daily")
    monkeypatch.setenv("IMMUDESK_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["encrypt"]) == 0
    assert "Encrypted 2 files" in capsys.readouterr().out
    monkeypatch.delenv("IMMUDESK_NEW_PASSPHRASE")
    crypto._remembered.clear()
    return db_path


def test_without_the_passphrase_nothing_opens_and_no_name_can_be_read(encrypted, monkeypatch, capsys):
    db_path = encrypted
    for path in files_of(db_path):
        assert NAME.encode() not in path.read_bytes(), f"{path.name} shows a child's name"
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()
    with pytest.raises(crypto.PassphraseNeeded):
        open_store(db_path)
    with pytest.raises(crypto.WrongPassphrase):
        open_store(db_path, passphrase="not the passphrase")
    assert main(["export-roster", str(db_path.parent.parent / "out.csv")]) == 1
    err = capsys.readouterr().err
    assert "IMMUDESK_PASSPHRASE" in err and "Traceback" not in err
    [backup] = list_backups(db_path)
    assert check_file(backup.path) != [] and check_file(backup.path, "wrong passphrase") != []


def test_the_window_s_early_check_leaves_an_encrypted_file_to_the_passphrase(encrypted):
    from immudesk.store import integrity

    integrity.start_check_at_open(encrypted)   # it cannot be read without the passphrase: no early answer
    assert integrity._early_checks == {}
    with open_store(encrypted, passphrase=PASSPHRASE) as store:
        assert store.count_children() == 1


def test_with_the_passphrase_the_database_and_its_backups_open(encrypted, monkeypatch, capsys):
    db_path = encrypted
    with open_store(db_path, passphrase=PASSPHRASE) as store:
        assert [c.first_name for c in store.children()] == [NAME]
        assert [e.event for e in changelog.entries(store)] == ["child added", "dose added", "encryption turned on"]
    [old_backup] = list_backups(db_path)
    assert check_file(old_backup.path, PASSPHRASE) == []
    monkeypatch.setenv("IMMUDESK_PASSPHRASE", PASSPHRASE)
    assert main(["backup"]) == 0
    capsys.readouterr()
    new_backup = list_backups(db_path)[0]
    assert NAME.encode() not in new_backup.path.read_bytes()
    assert check_file(new_backup.path, PASSPHRASE) == []
    # Restoring an encrypted backup into the encrypted database works, and the kept copy is encrypted too.
    with open_store(db_path) as store:
        store.add_child(Child("Later", "Child", date(2024, 1, 1), date(2024, 2, 1)))
    assert main(["restore", str(new_backup.path)]) == 0
    with open_store(db_path) as store:
        assert store.count_children() == 1
    for path in files_of(db_path):
        assert NAME.encode() not in path.read_bytes()


def test_the_passphrase_can_be_changed_for_the_database_and_its_backups(encrypted, monkeypatch, capsys):
    db_path = encrypted
    monkeypatch.setenv("IMMUDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IMMUDESK_NEW_PASSPHRASE", "a different passphrase")
    assert main(["encrypt"]) == 0
    crypto._remembered.clear()
    for path in [db_path] + [b.path for b in list_backups(db_path)]:
        assert not crypto.check_passphrase(path, PASSPHRASE)
        assert crypto.check_passphrase(path, "a different passphrase")


@needs_sqlcipher
@needs_sqlcipher
def test_encrypt_is_refused_while_the_window_has_the_records_open(store, db_path, monkeypatch, capsys):
    # `store` stays open, as the window holds it: replacing the file under it would lose what it writes next.
    store.add_child(Child(NAME, "Quartermaine", date(2023, 1, 1), date(2023, 6, 1)))
    monkeypatch.setenv("IMMUDESK_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["encrypt"]) == 2
    err = capsys.readouterr().err
    assert "is open in another program, most likely the immudesk window" in err and "Traceback" not in err
    assert not crypto.is_encrypted(db_path)
    store.add_child(Child("Still", "Here", date(2023, 1, 1), date(2023, 6, 1)))   # the open store goes on working
    store.close()
    assert main(["encrypt"]) == 0                                                   # closed: it goes ahead
    crypto._remembered.clear()
    with open_store(db_path, passphrase=PASSPHRASE) as reopened:
        assert reopened.count_children() == 2


def test_changing_the_passphrase_is_refused_while_the_records_are_open(encrypted, monkeypatch, capsys):
    with open_store(encrypted, passphrase=PASSPHRASE):
        monkeypatch.setenv("IMMUDESK_PASSPHRASE", PASSPHRASE)
        monkeypatch.setenv("IMMUDESK_NEW_PASSPHRASE", "another long passphrase")
        assert main(["encrypt"]) == 2
        assert "most likely the immudesk window" in capsys.readouterr().err
    assert crypto.check_passphrase(encrypted, PASSPHRASE)   # nothing changed


def test_a_short_passphrase_is_refused_and_nothing_changes(store, db_path, monkeypatch, capsys):
    monkeypatch.setenv("IMMUDESK_NEW_PASSPHRASE", "short")
    assert main(["encrypt"]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    assert not crypto.is_encrypted(db_path)


def test_without_a_terminal_or_variable_encrypt_explains_how(store, db_path, monkeypatch, capsys):
    monkeypatch.delenv("IMMUDESK_NEW_PASSPHRASE", raising=False)
    assert main(["encrypt"]) == 2
    assert "IMMUDESK_NEW_PASSPHRASE" in capsys.readouterr().err


def test_the_pin_is_kept_only_as_a_salted_hash(store):
    assert not crypto.has_pin(store)
    crypto.set_pin(store, "4821")
    stored = store.conn.execute("SELECT value FROM settings WHERE key = 'app_lock_pin'").fetchone()[0]
    assert "4821" not in stored and stored.startswith("scrypt$")
    assert crypto.check_pin(store, "4821") and not crypto.check_pin(store, "4822")
    crypto.set_pin(store, "4821")
    again = store.conn.execute("SELECT value FROM settings WHERE key = 'app_lock_pin'").fetchone()[0]
    assert again != stored  # a new salt each time: equal PINs do not give equal hashes
    with pytest.raises(UserError):
        crypto.set_pin(store, "12")
    crypto.set_pin(store, None)
    assert not crypto.has_pin(store) and not crypto.check_pin(store, "4821")


@needs_sqlcipher
def test_a_garbage_file_named_as_the_database_is_not_mistaken_for_an_encrypted_one_silently(tmp_path):
    path = tmp_path / "immudesk.sqlite3"
    path.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(DatabaseError, match="not a readable immudesk database"):
        open_store(path)
    with pytest.raises(DatabaseError):
        open_store(path, passphrase="whatever it is")


def test_a_deleted_child_leaves_no_readable_trace_in_the_database_file(db_path):
    with open_store(db_path) as store:
        keep = store.add_child(Child("Keeper", "Stays", date(2023, 1, 1), date(2023, 6, 1)))
        gone = store.add_child(Child("Vanishing", "Quillfeather", date(2023, 1, 1), date(2023, 6, 1),
                                     notes="allergic to penicillin"))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.delete_child(gone)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert store.child(keep).first_name == "Keeper"
    data = db_path.read_bytes()
    assert b"Keeper" in data
    assert b"allergic to penicillin" not in data


def test_an_encrypted_database_is_backed_up_encrypted_before_a_migration(encrypted, monkeypatch):
    from immudesk.store import database, migrations

    steps = [*migrations.MIGRATIONS, "CREATE TABLE step_three (x INTEGER);"]
    monkeypatch.setattr(database, "MIGRATIONS", steps)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(steps))
    open_store(encrypted, passphrase=PASSPHRASE).close()  # given once, used for the backup too
    taken = [b for b in list_backups(encrypted) if b.reason == "before-migration"]
    assert len(taken) == 1 and crypto.is_encrypted(taken[0].path)
    assert check_file(taken[0].path, PASSPHRASE) == [] and NAME.encode() not in taken[0].path.read_bytes()
