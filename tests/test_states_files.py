"""Every state file: it loads, names the sources it was checked against, and is internally consistent (table
ages ascending, dose counts never decreasing with age, every group and status it names known, every exemption
kind with its status, report columns = statuses). Loading checks much of this; these tests say it for each
file by name, so a new state cannot skip it."""
from __future__ import annotations

import json

import pytest

from immudesk import vaccines
from immudesk.dates import parse_duration
from immudesk.resources import resource_path
from immudesk.states import state_codes
from immudesk.states.rules import load_state
from immudesk.states.status import STATUSES


def months(text: str) -> float:
    age = parse_duration(text)
    return age.years * 12 + age.months + (age.weeks * 7 + age.days) / 30.5


@pytest.mark.parametrize("code", state_codes())
def test_state_file_loads_and_names_its_sources(code):
    rules = load_state(code)
    assert rules.code == code and rules.name
    assert rules.sources and all(len(source) > 10 for source in rules.sources)


@pytest.mark.parametrize("code", state_codes())
def test_state_file_is_consistent(code):
    data = json.loads(resource_path("states", f"{code}.json").read_text(encoding="utf-8"))
    req = data["requirements"]
    groups = req["groups"]
    assert all(g in vaccines.GROUP_NAMES for g in groups)
    if data["policy"] == "count_by_age":
        rows = req["by_age"]
        ages = [months(row["from_age"]) for row in rows]
        assert ages == sorted(ages) and len(set(ages)) == len(ages)
        for younger, older in zip(rows, rows[1:]):
            for group, count in younger["doses"].items():
                if isinstance(count, int) and isinstance(older["doses"].get(group, 0), int):
                    assert older["doses"].get(group, 0) >= count, (code, group, older["from_age"])
        assert all(g in groups for row in rows for g in row["doses"])
    else:
        for window in groups.values():
            if "until_age" in window:
                assert months(window["until_age"]) > months(window["from_age"])
    assert set(data["statuses"]) <= set(STATUSES)
    assert set(data["report"]["columns"]) == set(data["statuses"])
    for kind in data["exemptions"]:
        assert f"{kind}_exemption" in data["statuses"]
    assert set(data.get("status_labels", {})) <= set(data["statuses"])


@pytest.mark.parametrize("code", state_codes())
def test_every_state_has_parent_letters_in_english_and_spanish(code):
    letters = json.loads(resource_path("letters", f"{code}.json").read_text(encoding="utf-8"))
    kinds = [k for k in ("non_compliance", "exclusion", "reminder") if k in letters]
    assert kinds
    for kind in kinds:
        assert set(letters[kind]) >= {"en", "es"}
        for language in ("en", "es"):
            assert "{doses}" in letters[kind][language]["paragraphs"]


def test_values_to_verify_are_listed_for_the_new_states():
    # A state whose sources leave gaps says so; the window and Help show these lines.
    for code in ("CA", "WA", "PA", "OH", "VA", "NY", "IL", "GA"):
        assert load_state(code).to_verify, code


def _wa() -> dict:
    return json.loads(resource_path("states", "WA.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("break_it, message", [
    (lambda s: s["requirements"].update(late_from="whenever"), "requirements.late_from: 'whenever'"),
    (lambda s: s["grace"].update(counted_from="birth"), "grace.counted_from: 'birth'"),
    (lambda s: s["grace"].update(days=0), "needs a number of days above 0"),
    (lambda s: s["status_labels"].update(medical="Exempt"), "status_labels: 'medical' is not one of"),
    (lambda s: s["exemptions"]["conscientious"].update(not_for=["Measles"]), "'Measles' is not a vaccine group"),
    (lambda s: s["report"]["family_homes"].update(files="maybe"), "report.family_homes.files: 'maybe'"),
    (lambda s: s["report"]["family_homes"].pop("note"), "say what a family home should know"),
    (lambda s: s.update(sources=[]), "name at least one source"),
    (lambda s: s["record_updates"]["by_age"][0].update(from_age="soon"), "'soon' is not an age"),
])
def test_a_broken_new_field_is_refused_with_a_message_naming_it(break_it, message):
    from immudesk.states.rules import StateRulesError, parse_state
    data = _wa()
    break_it(data)
    with pytest.raises(StateRulesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_state(data, "resources/states/WA.json")
