"""A laptop that dies mid-write: a writer process is killed with SIGKILL 100 times in the middle of adds, saves,
deletes, imports, backups and restores. After every kill the database must pass integrity_check, hold every change the writer
reported as committed, and nothing it had not started; the one change in flight is there whole or not at all.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from immudesk.store.backup import list_backups
from immudesk.store.integrity import check_file

KILLS = 100

# The writer: reports each change on stdout *before* it starts ("begin" + what it will do) and after its
# transaction has committed ("done"), so the test knows exactly which changes must be in the database.
WRITER = r'''
import json, random, sys
from datetime import date, timedelta
from immudesk.model import Child, Dose
from immudesk.roster_csv import COLUMNS
from immudesk.store import open_store
from immudesk.store.backup import make_backup
from immudesk.store.operations import import_roster_with_backup, restore

db, seed, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
def say(*words):
    sys.stdout.write(" ".join(words) + "\n"); sys.stdout.flush()
def doses(k):
    return [Dose("HepB", date(2023, 1, 1) + timedelta(days=7 * i)) for i in range(k)]
store = open_store(db)
snapshot = None
def state():
    return {name: [notes, doses] for name, notes, doses in store.conn.execute(
        "SELECT first_name, notes, (SELECT count(*) FROM doses WHERE child_id = children.id) FROM children")}
names = list(state())  # kept up to date below, so little time passes between one change and the next
say("ready")
n = first
while True:
    n += 1
    op = rng.choice(["add"] * 3 + ["save"] * 3 + ["delete"] * 2 + ["import", "backup"]
                    + (["restore"] if snapshot else [])) if names else "add"
    if op == "add":
        k = rng.randint(0, 6)
        say("begin", json.dumps({"op": "add", "children": {f"A{n}": [f"n{n}", k]}}))
        store.add_child(Child(f"A{n}", "Test", date(2023, 1, 1), date(2023, 6, 1), notes=f"n{n}", doses=doses(k)))
        names.append(f"A{n}")
    elif op == "save":
        name = rng.choice(names)
        k = rng.randint(0, 6)
        say("begin", json.dumps({"op": "save", "children": {name: [f"s{n}", k]}}))
        child = store.child(store.find_child(name, "Test", date(2023, 1, 1)))
        child.notes, child.doses = f"s{n}", doses(k)
        store.save_child(child)
    elif op == "delete":
        name = rng.choice(names)
        say("begin", json.dumps({"op": "delete", "children": {name: None}}))
        store.delete_child(store.find_child(name, "Test", date(2023, 1, 1)))
        names.remove(name)
    elif op == "backup":
        say("begin", json.dumps({"op": "backup", "children": {}}))
        copy = make_backup(store.path, "manual")
        snapshot = (copy, state())  # this writer is the only one, so the copy holds exactly this state
    elif op == "restore":
        copy, children = snapshot
        say("begin", json.dumps({"op": "restore", "replace": children}))
        restore(store.path, copy)
        names = list(children)
    else:
        count = rng.randint(5, 60)
        path = f"{db}.import-{n}.csv"
        with open(path, "w", encoding="utf-8") as f:
            f.write(",".join(COLUMNS) + "\n")
            for i in range(count):
                f.write(f"I{n}x{i},Test,2023-01-01,2023-06-01,,,,,,,,,,,2023-01-01;2023-02-01,,,,,,,,,i{n}\n")
        say("begin", json.dumps({"op": "import", "children": {f"I{n}x{i}": [f"i{n}", 2] for i in range(count)}}))
        import_roster_with_backup(store, path, today=date(2026, 1, 1))
        names.extend(f"I{n}x{i}" for i in range(count))
    say("done", str(n))
'''


def database_state(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {name: [notes, doses] for name, notes, doses in conn.execute(
            "SELECT first_name, notes, (SELECT count(*) FROM doses WHERE child_id = children.id) FROM children")}
    finally:
        conn.close()


def applied(model: dict, change: dict) -> dict:
    if "replace" in change:  # a restore: the records become exactly the backup's
        return dict(change["replace"])
    after = dict(model)
    for name, value in change["children"].items():
        if value is None:
            after.pop(name, None)
        else:
            after[name] = value
    return after


@pytest.mark.slow   # 100 kills: about 40 s; CI runs it (./test.sh), the fast set does not
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_in_the_middle_of_writes_never_loses_a_commit_or_keeps_half_a_change(tmp_path, capsys):
    db = tmp_path / "data" / "immudesk.sqlite3"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo), "IMMUDESK_TODAY": "2026-01-01"}
    rng = random.Random(20261121)
    model: dict[str, list] = {}
    counter = 0
    in_flight_kinds: dict[str, int] = {}
    started = time.monotonic()
    for kill in range(KILLS):
        writer = subprocess.Popen([sys.executable, str(script), str(db), str(kill), str(counter)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = writer.stdout.readline()
        assert first_line == "ready\n", f"the writer could not open the database: {writer.stderr.read()}"
        # Read while the writer works, so it never waits on a full pipe (a restore announces thousands of
        # children) and the kill lands in its writes, not in a blocked print.
        chunks: list[str] = []
        reader = threading.Thread(target=lambda out=writer.stdout, into=chunks: into.extend(
            iter(lambda: out.read(65536), "")))
        reader.start()
        time.sleep(rng.uniform(0.005, 0.25))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        reader.join()
        said = "".join(chunks)
        # A line cut short by the kill was never fully said: the change it announces had not started.
        lines = said.split("\n")[:-1]
        writer.stdout.close()
        writer.stderr.close()
        pending = None
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "begin":
                pending = json.loads(rest)
            elif word == "done":
                model = applied(model, pending)  # reported committed: must be there
                counter = int(rest)
                pending = None
        state = database_state(db)
        if pending is None:
            assert state == model, f"kill {kill}: the database differs from what was committed"
        else:
            with_change = applied(model, pending)
            assert state in (model, with_change), (
                f"kill {kill}: the {pending['op']} in flight is half there")
            if state == with_change:
                model = with_change  # committed just before the kill, not yet reported
            in_flight_kinds[pending["op"]] = in_flight_kinds.get(pending["op"], 0) + 1
            counter += 1  # the next writer must not reuse its names
    elapsed = time.monotonic() - started
    # Kills during the backup an import takes first never leave a named backup that is not whole.
    backups = list_backups(db)
    assert backups and all(check_file(b.path) == [] for b in backups)
    with capsys.disabled():
        print(f"\n{KILLS} SIGKILLs in {elapsed:.1f} s; a change was in flight at {sum(in_flight_kinds.values())} "
              f"of them ({in_flight_kinds}); {len(model)} children at the end; every check passed")
    # The kills must really land mid-write, across the kinds of change, for the test to mean anything.
    # (On a busy machine more kills land in the short gaps between changes, hence not 100 %.)
    assert sum(in_flight_kinds.values()) >= KILLS * 0.6
    # (Which kinds were in flight depends on timing; the slow ones are hit most, so ask for a spread, not all.)
    assert len(in_flight_kinds) >= 4 and "import" in in_flight_kinds
    assert len(model) > 0
