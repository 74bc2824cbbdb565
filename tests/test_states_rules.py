"""The state files: every one loads, a broken one is refused with a message that names the file and the place,
a new state needs only a data file, and the report period for any day is the right one (projected when the
state has not announced it yet)."""
from __future__ import annotations

import copy
import json

import pytest
from test_states_records import child, d, dose, routine

from immudesk.resources import resource_path
from immudesk.states import evaluate_child, report_period, state_codes
from immudesk.states.rules import StateRulesError, load_state, parse_state


def nc_data() -> dict:
    return json.loads(resource_path("states", "NC.json").read_text(encoding="utf-8"))


def test_every_state_file_loads_and_knows_its_own_code():
    assert state_codes() == ["CA", "GA", "IL", "MN", "NC", "NY", "OH", "PA", "VA", "WA"]
    for code in state_codes():
        assert load_state(code).code == code


def test_unknown_state_is_refused_with_the_known_ones():
    with pytest.raises(StateRulesError, match="no rules for the state 'ZZ'; it knows CA, GA, IL, MN, NC, NY, OH, PA, VA, WA"):
        load_state("ZZ")


@pytest.mark.parametrize("break_it, message", [
    (lambda s: s.update(policy="vibes"), "policy: 'vibes' is not a policy immudesk knows"),
    (lambda s: s["requirements"]["by_age"][2]["doses"].update(Flu=1), "'Flu' is not a vaccine group"),
    (lambda s: s["requirements"]["by_age"][3].update(from_age="6 months"), "rows must be in increasing age order"),
    (lambda s: s["requirements"]["by_age"][5]["doses"].update(DTaP=2), "a requirement never shrinks with age"),
    (lambda s: s["requirements"]["by_age"][0].update(from_age="3 moons"), "'3 moons' is not an age"),
    (lambda s: s["requirements"]["product_counts"][0].update(cvx=["08"]), "CVX 08 does not cover Hib"),
    (lambda s: s["report"]["periods"][2].update(due_date="2018-02-30"), "'2018-02-30' is not a YYYY-MM-DD date"),
    (lambda s: s["report"]["periods"].reverse(), "periods must be listed oldest first"),
    (lambda s: s["report"].update(columns=["up_to_date", "not_up_to_date"]), "every status must have exactly one"),
    (lambda s: s["exemptions"].update(philosophical={}), "'philosophical' is not an exemption kind"),
    (lambda s: s["grace"].update(days=0), "needs a number of days above 0"),
    (lambda s: s["report"]["excludes"]["attendance"].update(regular="x"), "regular attendance is what the report"),
])
def test_a_broken_state_file_is_refused_naming_the_place(break_it, message):
    data = nc_data()
    break_it(data)
    with pytest.raises(StateRulesError) as caught:
        parse_state(data, "resources/states/NC.json")
    assert str(caught.value).startswith("resources/states/NC.json: ")
    assert message in str(caught.value)


def test_a_new_state_with_the_same_shape_needs_only_data(monkeypatch):
    # "South Example": NC's shape with a 60-day clock and no Hib product rule; evaluated without new code.
    data = copy.deepcopy(nc_data())
    data.update(code="SX", name="South Example")
    data["grace"]["days"] = 60
    data["requirements"]["product_counts"] = []
    rules = parse_state(data, "SX.json")
    from immudesk.states import assessment
    from immudesk.states import rules as rules_module
    monkeypatch.setattr(assessment, "load_state", lambda code: rules)
    monkeypatch.setattr(rules_module, "load_state", lambda code: rules)
    # Two PedvaxHIB doses at 7 months: enough in NC, not here (3 needed); 60 days from 2018-04-01.
    kid = child("Uma Lee", "2017-09-05", "2018-04-01",
                routine("2017-09-05", "2018-04-15", skip=("Hib",))
                + [dose("Hib", "2017-11-05", "PedvaxHIB"), dose("Hib", "2018-01-05", "PedvaxHIB")])
    status = evaluate_child(kid, "SX", d("2018-04-15"), 2018)
    assert (status.status, status.missing, status.state) == ("in_process", ["Hib"], "SX")
    assert status.last_allowed_day == d("2018-05-31")


@pytest.mark.parametrize("as_of, year, due, projected", [
    ("2018-04-15", 2018, "2018-05-11", False),
    ("2018-05-11", 2018, "2018-05-11", False),     # the due date itself still belongs to that period
    ("2018-05-12", 2019, "2019-05-11", True),      # between known years: projected from the year before
    ("2017-01-10", 2017, "2017-03-17", False),
    ("2015-11-01", 2015, "2015-12-31", False),
    ("2025-10-20", 2025, "2025-11-15", False),
    ("2026-11-21", 2027, "2027-11-15", True),      # today: after every known due date
])
def test_nc_report_period_for_a_day(as_of, year, due, projected):
    period = report_period("NC", d(as_of))
    assert (period.year, period.due_date, period.projected) == (year, d(due), projected)
    assert (period.to_verify is not None) == (projected or year in (2015, 2017))


def test_a_projected_period_is_marked_to_verify_and_keeps_the_latest_cutoff_day():
    period = report_period("NC", d("2026-11-21"))
    assert period.exclude_born_after == d("2027-09-30")
    assert "to verify" in period.label() and "projected from the 2025 period" in period.to_verify


def test_an_explicit_report_year():
    assert report_period("NC", d("2026-11-21"), 2018).due_date == d("2018-05-11")
    assert report_period("NC", d("2026-11-21"), 2026).due_date == d("2026-11-15")
    with pytest.raises(StateRulesError, match="no North Carolina report period for 2010"):
        report_period("NC", d("2026-11-21"), 2010)


def test_2018_period_says_what_the_seed_says():
    period = report_period("NC", d("2018-04-15"))
    assert (period.exclude_born_after, period.age_measured_on, period.late_reports) == (
        d("2018-02-01"), d("2018-02-01"), False)
