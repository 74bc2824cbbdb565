"""Properties that must hold for any record, checked with hypothesis on generated children: a valid dose never
makes a child less compliant, and every counted child is in exactly one report column, so the columns add up to
the attending total."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from immudesk.dates import add
from immudesk.model import (
    ALL_GROUPS,
    ATTENDANCE_KINDS,
    Child,
    Dose,
    Exemption,
    InProcessPeriod,
)
from immudesk.states import evaluate_child, evaluate_roster, report_table
from immudesk.states.acip_bridge import evaluate_record

SCHEDULE = {"HepB": [0, 1, 6], "DTaP": [2, 4, 6, 15, 48], "Polio": [2, 4, 6, 48], "Hib": [2, 4, 6, 12],
            "PCV": [2, 4, 6, 12], "MMR": [12, 48], "Varicella": [12, 48], "HepA": [12, 18]}
PRODUCTS = {"Hib": [(None, None), ("ActHIB", "48"), ("PedvaxHIB", "49")], "PCV": [(None, None), ("Prevnar 20", "216")]}
RANK = {"not_up_to_date": 0, "in_process": 1, "medical_exemption": 1, "religious_exemption": 1,
        "conscientious_exemption": 1, "up_to_date": 2}


@st.composite
def children(draw, as_of: date):
    birth = as_of - timedelta(days=draw(st.integers(30, 6 * 365)))
    doses = []
    for group, ages in SCHEDULE.items():
        product, cvx = draw(st.sampled_from(PRODUCTS.get(group, [(None, None)])))
        stop = draw(st.integers(0, len(ages)))               # records stop early, or are complete
        for months in ages[:stop]:
            given = add(birth, months=months, days=draw(st.sampled_from([-10, -3, 0, 0, 5, 40])))
            if birth <= given <= as_of:
                doses.append(Dose(group, given, product, cvx))
    exemptions = []
    kind = draw(st.sampled_from([None, None, None, "medical", "religious", "conscientious"]))
    if kind:
        exemptions.append(Exemption(kind, draw(st.sampled_from([(ALL_GROUPS,), ("MMR",), ("DTaP", "Polio")]))))
    enrolled = min(as_of, birth + timedelta(days=draw(st.integers(0, 6 * 365))))
    withdrawn = draw(st.sampled_from([None, None, None, enrolled + timedelta(days=20)]))
    certified = draw(st.sampled_from([None, None, as_of + timedelta(days=30), as_of - timedelta(days=5)]))
    return Child("Kid", str(draw(st.integers(0, 10**6))), birth, enrolled,
                 draw(st.sampled_from(ATTENDANCE_KINDS + ("regular", "regular"))), withdrawn,
                 doses=doses, exemptions=exemptions,
                 in_process=[InProcessPeriod(certified)] if certified else [])


AS_OF_DAYS = st.dates(date(2018, 1, 1), date(2027, 12, 31))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data(), as_of=AS_OF_DAYS, state=st.sampled_from(["NC", "MN"]), group=st.sampled_from(list(SCHEDULE)))
def test_a_valid_dose_never_makes_a_child_less_compliant(data, as_of, state, group):
    kid = data.draw(children(as_of))
    before = evaluate_child(kid, state, as_of)
    # The new dose comes after every dose on record, so it cannot change how the earlier ones are judged
    # (a live vaccine given before an existing one could make that one not count: that is not "adding").
    last = max((x.given_on for x in kid.doses), default=kid.birth_date)
    given_on = last + timedelta(days=data.draw(st.integers(0, 200)))
    assume(given_on <= as_of)
    more = Child(kid.first_name, kid.last_name, kid.birth_date, kid.enrolled_on, kid.attendance, kid.withdrawn_on,
                 doses=kid.doses + [Dose(group, given_on)], exemptions=kid.exemptions, in_process=kid.in_process)
    new = evaluate_record(more, as_of).results[group].doses
    assume(any(r.date == given_on and r.evaluation == "valid" for r in new))
    after = evaluate_child(more, state, as_of)
    assert set(after.missing) <= set(before.missing), (before.reasons, after.reasons)
    assert RANK[after.status] >= RANK[before.status]
    assert after.must_exclude <= before.must_exclude


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), as_of=AS_OF_DAYS, state=st.sampled_from(["NC", "MN"]), size=st.integers(0, 14))
def test_every_counted_child_is_in_exactly_one_column_and_columns_add_up(data, as_of, state, size):
    roster = [data.draw(children(as_of)) for _ in range(size)]
    statuses = evaluate_roster(roster, state, as_of)
    table = report_table(statuses, state)
    counted = [s for s in statuses if s.report_group is not None]
    assert all((s.report_group is None) == (s.excluded_reason is not None) for s in statuses)
    for row in ("under_24_months", "24_months_and_older", "total"):
        columns = {k: v for k, v in table[row].items() if k != "attending"}
        assert sum(columns.values()) == table[row]["attending"]
    assert table["total"]["attending"] == len(counted)
    for key in table["total"]:
        assert table["total"][key] == table["under_24_months"][key] + table["24_months_and_older"][key]
    for status in counted:
        assert sum(1 for c in table["total"] if c == status.status) == 1
