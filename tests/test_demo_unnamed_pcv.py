"""The demo home under Washington law: a child of 2 to 4 years whose four PCV doses were recorded without a
product is complete for PCV, never behind for a fifth dose CDSi keeps for a history that may all be PCV7 (the
PCV13 inference of resources/unnamed_products.json applies under every state's law, not only Minnesota's)."""
from __future__ import annotations

import json
from datetime import date

from test_safety_dates import run

from immudesk.dates import age_in_months
from immudesk.demo import practice_path
from immudesk.store import open_store

TODAY = date(2026, 11, 21)


def test_four_unnamed_pcv_doses_leave_no_fifth_dose_due_in_washington(db_path, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    assert run("demo")[0] == 0
    assert run("--demo", "facility", "--state", "WA")[0] == 0
    with open_store(practice_path(db_path)) as store:
        four_unnamed = {child.name for child in store.children()
                        if 24 <= age_in_months(child.birth_date, TODAY) < 60 and not child.withdrawn_on
                        and [d.product or d.cvx for d in child.doses_for("PCV")] == [None] * 4}
    assert four_unnamed, "the demo home has a child of 2-4 years with four PCV doses and no product"
    status, out, err = run("--demo", "status", "--json")
    assert status == 0, err
    children = {child["name"]: child for child in json.loads(out)}
    for name in four_unnamed:
        child = children[name]
        assert "PCV" not in child["missing"], child
        assert not any("PCV" in reason for reason in child["reasons"]), child["reasons"]
