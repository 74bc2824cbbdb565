"""`immudesk check` reads the records too: a file SQLite finds whole can still hold a stored value immudesk cannot
read (a birth date '2023-04-33' from a flipped bit); check names each such child, the value, and what to correct,
and exits 1."""
from __future__ import annotations

import contextlib
import sqlite3
from datetime import date

import pytest
from test_safety_dates import run
from test_safety_encryption import PASSPHRASE, encrypted  # noqa: F401 - a fixture

from immudesk.demo import load_demo

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def demo_db(store, db_path):
    load_demo(store, TODAY)
    store.close()
    return db_path


def _names(db_path) -> dict[int, str]:
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        return {cid: f"{first} {last}" for cid, first, last in conn.execute(
            "SELECT id, first_name, last_name FROM children")}


def test_check_passes_whole_records(demo_db):
    status, out, err = run("check")
    assert status == 0, err
    assert "passes the full integrity check" in out


def test_check_lists_each_child_whose_stored_date_cannot_be_read_and_what_to_correct(demo_db):
    names = _names(demo_db)
    with contextlib.closing(sqlite3.connect(demo_db)) as conn, conn:
        conn.execute("UPDATE children SET birth_date = '2023-04-33' WHERE id = 1")
        conn.execute("UPDATE doses SET given_on = '2024-1x-05' WHERE id = (SELECT min(id) FROM doses "
                     "WHERE child_id = 2)")
    status, out, err = run("check")
    assert status == 1
    assert "passes" not in out
    first, second = (err.index(names[1]), err.index(names[2]))
    assert "the birth date is stored as '2023-04-33'" in err[first:]
    assert "dose's date is stored as '2024-1x-05'" in err[second:]
    assert "correct each" in err.lower() and "in the window" in err      # what to do
    others = [name for cid, name in names.items() if cid not in (1, 2)]
    assert others and not any(name in err for name in others)
    assert "Traceback" not in err


def test_check_of_an_encrypted_file_asks_for_its_passphrase_instead_of_calling_it_damaged(encrypted, monkeypatch):
    status, out, err = run("check")
    assert status == 1 and "IMMUDESK_PASSPHRASE" in err and "encrypted" in err
    assert "damaged" not in err and "ask for help" not in err
    monkeypatch.setenv("IMMUDESK_PASSPHRASE", "not the passphrase at all")
    status, out, err = run("check")
    assert status == 1 and "does not open" in err and "IMMUDESK_PASSPHRASE" in err
    monkeypatch.setenv("IMMUDESK_PASSPHRASE", PASSPHRASE)
    status, out, err = run("check")
    assert status == 0, err
    assert "passes the full integrity check" in out and "backup" in out and "good" in out
