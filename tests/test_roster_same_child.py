"""The roster import's duplicate check (store.find_child) knows a child by name and birth date the way the
window does (immudesk.names.fold_name): "Sofia Hernandez" typed without accents is "Sofía Hernández"."""
from __future__ import annotations

import json

from test_safety_dates import run

from immudesk.roster_csv import COLUMNS


def roster(path, first: str, last: str, phone: str):
    cells = {"first_name": first, "last_name": last, "birth_date": "2023-06-14", "enrolled_on": "2024-01-08",
             "parent_phone": phone}
    path.write_text(",".join(COLUMNS) + "\n" + ",".join(cells.get(name, "") for name in COLUMNS) + "\n",
                    encoding="utf-8")
    return str(path)


def test_the_same_child_without_accents_is_found_refused_without_update_and_updated_with_it(db_path, tmp_path):
    assert run("import-roster", roster(tmp_path / "first.csv", "Sofía", "Hernández", "919-555-0100"))[0] == 0
    again = roster(tmp_path / "again.csv", "SOFIA", "Hernandez", "919-555-0199")
    status, _, err = run("import-roster", again)
    assert status == 2
    assert "SOFIA Hernandez (born 2023-06-14) is already on the roster" in err and "--update" in err
    status, out, err = run("import-roster", again, "--update")
    assert status == 0, err
    assert "Imported 0 children, updated 1" in out
    children = json.loads(run("status", "--json")[1])
    assert len(children) == 1
    assert run("export-roster", str(tmp_path / "out.csv"))[0] == 0
    assert "919-555-0199" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_another_child_with_the_same_birth_date_is_added(db_path, tmp_path):
    assert run("import-roster", roster(tmp_path / "first.csv", "Sofía", "Hernández", "919-555-0100"))[0] == 0
    status, out, err = run("import-roster", roster(tmp_path / "other.csv", "Sofía", "Hernándes", "919-555-0101"))
    assert status == 0, err
    assert len(json.loads(run("status", "--json")[1])) == 2
