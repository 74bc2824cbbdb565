"""The demo lives in its own practice file beside the provider's records, never in them (issue 16 item 1):
`immudesk demo` makes it and says where, `immudesk --demo COMMAND` works on it."""
from __future__ import annotations

from immudesk.cli import main
from immudesk.demo import is_practice_path, practice_path, records_path
from immudesk.store import open_store


def test_practice_file_is_named_beside_the_records_and_back():
    assert practice_path("/data/immudesk.sqlite3").name == "immudesk-demo.sqlite3"
    assert practice_path("/data/immudesk-demo.sqlite3").name == "immudesk-demo.sqlite3"   # already one
    assert records_path("/data/immudesk-demo.sqlite3").name == "immudesk.sqlite3"
    assert is_practice_path("/x/home-demo.sqlite3") and not is_practice_path("/x/demo.sqlite3")


def test_demo_command_fills_the_practice_file_and_leaves_the_records_alone(db_path, capsys, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-02")
    with open_store(db_path) as records:
        records.update_facility(name="Little Acorns")
    assert main(["demo"]) == 0
    said = capsys.readouterr().out
    practice = practice_path(db_path)
    assert str(practice) in said and str(db_path) in said and "immudesk --demo" in said
    with open_store(db_path) as records:
        assert records.count_children() == 0 and records.facility().name == "Little Acorns"
    with open_store(practice) as demo:
        assert demo.count_children() == 13
    assert main(["demo"]) == 0                           # a second time: already there, said so
    assert "already" in capsys.readouterr().out
    assert main(["--demo", "status", "--json"]) == 0     # commands reach the demo with --demo
    assert "Noah Patel" in capsys.readouterr().out
    assert main(["status", "--json"]) == 0               # and the records without it
    assert "Noah Patel" not in capsys.readouterr().out


def test_a_fresh_demo_starts_over(db_path, capsys, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-02")
    assert main(["demo"]) == 0
    with open_store(practice_path(db_path)) as demo:
        demo.delete_child(demo.children()[0].id)
    assert main(["demo", "--fresh"]) == 0
    with open_store(practice_path(db_path)) as demo:
        assert demo.count_children() == 13
