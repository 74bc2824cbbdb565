"""Minnesota worked by hand: a child complies when no ACIP dose is past due for their age among the vaccines
Minnesota requires (Minn. R. 4604; ACIP = "medically acceptable standards"), with the 4-day grace, the 18 months
after enrolling to finish a started series, and the notarized conscientious exemption.

As of 2026-11-21. A dose is past due from the day before ACIP's latest recommended age or interval (CDSi:
"latest recommended" - 1 day); the ages quoted below are from resources/acip (e.g. DTaP dose 2: 5 months +
4 weeks; DTaP dose 4: 19 months + 4 weeks; MMR dose 1: 16 months + 4 weeks). PCV is named as Prevnar 20 in
these records; the tests at the end are about records that name no product (resources/unnamed_products.json).
"""
from __future__ import annotations

import pytest
from test_reports_roster import needs_poppler, pdf_text
from test_states_records import child, d, dose, routine

from immudesk import vaccines
from immudesk.acip import unnamed
from immudesk.dates import add
from immudesk.model import Dose
from immudesk.resources import load_json
from immudesk.states import evaluate_child, evaluate_roster, report_period, report_table
from immudesk.states.acip_bridge import dose_cvx, evaluate_record

AS_OF = "2026-11-21"
P20 = "Prevnar 20"


def roster():
    a = AS_OF
    return [
        # Anna, 14 months: every routine dose through 12 months, HepA at 12 months. Nothing past due: the next
        # is DTaP dose 4, past due from 19 months + 4 weeks - 1 day = 2027-05-16. Up to date.
        child("Anna Berg", "2025-09-19", "2026-01-05", routine("2025-09-19", a, hepa=True, pcv=P20)),
        # Ben, 5 months 20 days: only the 2-month doses; the 4-month doses are late but not yet past due:
        # DTaP dose 2 is past due from 2026-06-01 + 5 months + 4 weeks - 1 day = 2026-11-28. Up to date today.
        child("Ben Carl", "2026-06-01", "2026-08-01",
              [dose("HepB", "2026-06-01"), dose("HepB", "2026-07-01"), dose("DTaP", "2026-08-01"),
               dose("Polio", "2026-08-01"), dose("Hib", "2026-08-01", "ActHIB"), dose("PCV", "2026-08-01", P20)]),
        # Cara, 20 months: no MMR; past due from 2025-03-10 + 16 months + 4 weeks - 1 day = 2026-08-06. MMR
        # was never started, so the 18-month window does not apply. Not up to date.
        child("Cara Dahl", "2025-03-10", "2025-06-01",
              routine("2025-03-10", a, skip=("MMR",), hepa=True, pcv=P20)),
        # Dev, 2 years 6 months: started everything on 2026-09-01, his first day. DTaP, polio and HepB dose 2
        # are past due from 4 weeks later (2026-09-29), but he has 18 months from enrolling: until
        # 2028-03-01, 466 days left. In process. PCV is not required after 24 months; one Hib dose after 15
        # months completes Hib.
        child("Dev Ek", "2024-05-01", "2026-09-01",
              [dose(g, "2026-09-01") for g in ("DTaP", "Polio", "HepB", "MMR", "Varicella", "HepA")]
              + [dose("Hib", "2026-09-01", "ActHIB")]),
        # Eve, 3 years 6 months: a notarized conscientious exemption for all vaccines, no doses.
        child("Eve Falk", "2023-05-01", "2026-01-10", conscientious=("all",)),
        # Finn, 2 years 8 months: medical exemption from MMR and varicella, everything else on schedule.
        child("Finn Gage", "2024-03-01", "2024-06-01",
              routine("2024-03-01", a, skip=("MMR", "Varicella"), hepa=True, pcv=P20), medical=("MMR", "Varicella")),
        # Gwen, 15 months: chickenpox documented on 2026-06-01 instead of the varicella vaccine. Up to date.
        child("Gwen Hart", "2025-08-15", "2025-11-01",
              routine("2025-08-15", a, skip=("Varicella",), hepa=True, pcv=P20), chickenpox="2026-06-01"),
        # Hal, 5 years 2 months: no Hib or PCV on record, and neither is required at his age; the school-entry
        # doses (DTaP 5 ...) are not past due until 7 years. Up to date.
        child("Hal Ince", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"), hepa=True)),
        # Ida, 22 months: 3 DTaP; dose 4 past due from 2025-01-01 + 19 months + 4 weeks - 1 day = 2026-08-28.
        # She enrolled 2025-02-01: the 18 months ended 2026-08-01. Not up to date.
        child("Ida Jay", "2025-01-01", "2025-02-01",
              routine("2025-01-01", a, skip=("DTaP",), hepa=True, pcv=P20)
              + [dose("DTaP", x) for x in ("2025-03-01", "2025-05-01", "2025-07-01")]),
        # Kim, 4 months 20 days: HepB dose 2 given 26 days after dose 1 (4 weeks - 2 days): it counts under the
        # 4-day grace. Up to date.
        child("Kim Lund", "2026-07-01", "2026-08-20",
              [dose("HepB", "2026-07-01"), dose("HepB", "2026-07-27"), dose("DTaP", "2026-09-01"),
               dose("Polio", "2026-09-01"), dose("Hib", "2026-09-01", "ActHIB"), dose("PCV", "2026-09-01", P20)]),
        # Lars left on 2026-11-01: kept on file, not in the report.
        child("Lars Moe", "2024-01-10", "2024-03-01", routine("2024-01-10", a, hepa=True, pcv=P20),
              withdrawn="2026-11-01"),
    ]


EXPECTED = {   # status, report group or exclusion, days_left, missing
    "Anna Berg": ("up_to_date", "under_24_months", None, []),
    "Ben Carl": ("up_to_date", "under_24_months", None, []),
    "Cara Dahl": ("not_up_to_date", "under_24_months", None, ["MMR"]),
    "Dev Ek": ("in_process", "24_months_and_older", 466, ["DTaP", "Polio", "HepB"]),
    "Eve Falk": ("conscientious_exemption", "24_months_and_older", None,
                 ["DTaP", "Polio", "Hib", "HepB", "HepA", "MMR", "Varicella"]),
    "Finn Gage": ("medical_exemption", "24_months_and_older", None, ["MMR", "Varicella"]),
    "Gwen Hart": ("up_to_date", "under_24_months", None, []),
    "Hal Ince": ("up_to_date", "24_months_and_older", None, []),
    "Ida Jay": ("not_up_to_date", "under_24_months", None, ["DTaP"]),
    "Kim Lund": ("up_to_date", "under_24_months", None, []),
    "Lars Moe": ("up_to_date", "withdrawn", None, []),
}


@pytest.fixture(scope="module")
def statuses():
    return {s.child.name: s for s in evaluate_roster(roster(), "MN", d(AS_OF))}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_minnesota_child(statuses, name):
    status, where, days_left, missing = EXPECTED[name]
    got = statuses[name]
    assert got.status == status
    assert (got.report_group or got.excluded_reason) == where
    assert got.days_left == days_left
    assert got.missing == missing


def test_past_due_dates_are_acip_latest_recommended_minus_one_day(statuses):
    assert statuses["Ben Carl"].due_date == d("2026-11-28")
    assert statuses["Cara Dahl"].due_date == d("2026-08-06")
    assert statuses["Ida Jay"].due_date == d("2026-08-28")
    assert statuses["Anna Berg"].due_date == d("2027-05-16")
    assert statuses["Ida Jay"].last_allowed_day == d("2026-08-01") and statuses["Ida Jay"].must_exclude


def test_ben_turns_not_up_to_date_the_day_his_doses_are_past_due():
    ben = roster()[1]
    (on_time,) = evaluate_roster([ben], "MN", d("2026-11-27"))
    (late,) = evaluate_roster([ben], "MN", d("2026-11-28"))
    assert on_time.status == "up_to_date"
    # Every 2-month series was started, and he enrolled 2026-08-01: 18 months to finish, until 2028-02-01.
    assert (late.status, late.missing) == ("in_process", ["DTaP", "Polio", "Hib", "PCV"])
    assert late.last_allowed_day == d("2028-02-01")


def test_required_groups_follow_minnesotas_age_windows(statuses):
    dev, hal, anna = statuses["Dev Ek"], statuses["Hal Ince"], statuses["Anna Berg"]
    assert dev.groups["PCV"].met and dev.groups["PCV"].note == "no longer required at this age"
    assert hal.groups["Hib"].met and hal.groups["PCV"].met
    # Varicella is required from 15 months; Anna (14 months) already had hers, HepA from 12 months.
    assert anna.groups["HepA"].valid == 1 and anna.groups["HepA"].met
    assert statuses["Gwen Hart"].groups["Varicella"].note == "immune: documented disease history"


def test_grace_dose_counts_in_minnesota(statuses):
    kim = statuses["Kim Lund"]
    second = kim.groups["HepB"].doses[1]
    assert second.valid and second.reason == "given up to 4 days early; it counts under the 4-day grace period"


def test_minnesota_report_table_by_hand(statuses):
    # Under 24 months today: Anna, Ben, Gwen, Kim up to date; Cara and Ida not. 24 months and older: Hal up
    # to date, Dev in process, Finn medical, Eve conscientious. Lars withdrawn: not counted.
    assert report_table(list(statuses.values())) == {
        "under_24_months": {"attending": 6, "up_to_date": 4, "in_process": 0, "medical_exemption": 0,
                            "conscientious_exemption": 0, "not_up_to_date": 2},
        "24_months_and_older": {"attending": 4, "up_to_date": 1, "in_process": 1, "medical_exemption": 1,
                                "conscientious_exemption": 1, "not_up_to_date": 0},
        "total": {"attending": 10, "up_to_date": 5, "in_process": 1, "medical_exemption": 1,
                  "conscientious_exemption": 1, "not_up_to_date": 2},
    }


def test_minnesota_report_is_due_december_first_every_year():
    period = report_period("MN", d(AS_OF))
    assert (period.year, period.due_date, period.projected, period.to_verify) == (2026, d("2026-12-01"), True, None)
    assert report_period("MN", d("2026-12-02")).due_date == d("2027-12-01")


def test_a_religious_exemption_is_not_recognized_in_minnesota():
    eve = child("Eve Falk", "2023-05-01", "2026-01-10", religious=True)
    (status,) = evaluate_roster([eve], "MN", d(AS_OF))
    assert status.status == "not_up_to_date"
    assert any("Minnesota does not recognize it" in reason for reason in status.reasons)


def test_status_command_applies_minnesota_law_when_the_facility_is_in_minnesota(store, db_path, capsys):
    import json

    from immudesk.cli import main

    store.update_facility(state="MN")
    for kid in roster()[:3]:
        store.add_child(kid)
    store.close()
    assert main(["--db", str(db_path), "status", "--as-of", AS_OF, "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["Cara Dahl"]["status"] == "not_up_to_date" and rows["Cara Dahl"]["due_date"] == "2026-08-06"
    assert rows["Ben Carl"]["status"] == "up_to_date"
    assert main(["--db", str(db_path), "status", "--as-of", AS_OF]) == 0
    assert capsys.readouterr().out.startswith("MN law as of Nov 21, 2026; 2026 report, due Dec 1, 2026 (the state's standing date)")


# ---------------------------------------------------------------------------------------------------------------
# Doses whose record names no product (resources/unnamed_products.json). CDSi must assume an unnamed PCV dose may
# be the old PCV7 and then forecasts a fifth dose; PCV7 was not given after 2010, so immudesk reads such a dose
# given from 2011-01-01 as PCV13 or later and says so on the record.

def _pcv_record(birth: str, product: str | None, cvx: str | None, as_of: str):
    """A child on the routine schedule whose four PCV doses (2, 4, 6, 12 months) are recorded as (product, cvx)."""
    doses = [x for x in routine(birth, as_of, hepa=True) if x.vaccine_group != "PCV"]
    doses += [Dose("PCV", add(d(birth), months=m), product, cvx) for m in (2, 4, 6, 12)]
    return child("Nora Olsen", birth, birth, doses)


@pytest.mark.parametrize("product, cvx", [(None, None), ("Prevnar", "100"), ("PREVNAR.", "100"), ("Prevnar", None),
                                          ("152", "152")],
                         ids=["no product", "Prevnar as CVX 100", "PREVNAR.", "Prevnar without a code", "CVX 152"])
def test_four_unnamed_pcv_doses_complete_pcv_for_a_21_month_old(product, cvx):
    # Born 2025-02-21, 21 months on 2026-11-21: four ordinary PCV doses, the last at 12 months. Before the
    # inference CDSi kept a fifth dose due (past due since 2026-04-18): MN showed her not up to date, "Required
    # now 5" on her record.
    nora = _pcv_record("2025-02-21", product, cvx, AS_OF)
    status = evaluate_child(nora, "MN", d(AS_OF))
    assert status.status == "up_to_date", status.reasons
    assert "PCV" not in status.missing
    pcv = status.groups["PCV"]
    assert pcv.next_due is None and pcv.valid == pcv.required == 4
    assert all(v.valid and v.assumed.startswith("assumed PCV13 or later") for v in pcv.doses)
    assert "PCV7 was not given after 2010" in pcv.doses[0].assumed
    assert ("which valency" in pcv.doses[0].assumed) == bool(product and "prevnar" in product.casefold())
    # The engine's own answer for the same child, as the window's "next due" reads it: nothing more to give.
    assert evaluate_record(nora, d(AS_OF)).results["PCV"].series_status == "complete"


def test_a_2009_prevnar_dose_may_still_have_been_pcv7():
    # Born 2008-10-01: "Prevnar" at 2, 4, 6 and 12 months (2008-12 to 2009-10), looked at on 2010-03-01. In 2009
    # Prevnar was PCV7, so CDC's reading stands: the PCV7-only history needs the PCV13 dose (dose 5), and nothing
    # is marked as assumed.
    for product, cvx in (("Prevnar", "100"), (None, None)):
        old = _pcv_record("2008-10-01", product, cvx, "2010-03-01")
        result = evaluate_record(old, d("2010-03-01"))
        assert result.results["PCV"].series_status == "not_complete"
        assert result.results["PCV"].forecast.dose_number == 5
        assert result.assumed == {}


def test_the_inference_starts_on_the_first_day_pcv7_could_no_longer_have_been_given():
    rule = unnamed.inferences()[0]
    assert rule.group == "PCV" and rule.given_from == d("2011-01-01") and "MMWR 2010" in rule.source
    on, before = Dose("PCV", d("2011-01-01")), Dose("PCV", d("2010-12-31"))
    assert dose_cvx(on) == "133" and dose_cvx(before) == "152"
    # A product the provider named is never second-guessed: the 7-valent chosen by name, or by its CVX code.
    assert dose_cvx(Dose("PCV", d("2025-01-01"), "Prevnar (7-valent, before 2010)", "100")) == "100"
    assert dose_cvx(Dose("PCV", d("2025-01-01"), "100", "100")) == "100"
    assert dose_cvx(Dose("PCV", d("2025-01-01"), "Prevnar 13", "133")) == "133"


def test_the_product_list_names_the_7_valent_prevnar_plainly():
    names = [name for name, _ in vaccines.products_for_group("PCV")]
    assert "Prevnar (7-valent, before 2010)" in names and "Prevnar" not in names


@needs_poppler
def test_the_record_pdf_says_what_was_assumed(tmp_path):
    from immudesk.model import Facility
    from immudesk.reports import record

    nora = _pcv_record("2025-02-21", None, None, AS_OF)
    out = tmp_path / "record.pdf"
    record.write_pdf(evaluate_child(nora, "MN", d(AS_OF)), Facility(state="MN"), str(out))
    text = " ".join(pdf_text(out).split())
    assert text.count("assumed PCV13 or later: no product recorded") == 4


# Groups where an unnamed product changes the answer but its date cannot settle it: CDC's behaviour is kept
# (resources/unnamed_products.json, "kept_as_cdc", says why for each). These tests pin that choice.

def _kept(group: str) -> str:
    return next(k["why"] for k in load_json("unnamed_products.json")["kept_as_cdc"] if k["group"] == group)


def test_unnamed_hib_doses_keep_the_3_dose_primary_series():
    # 9 months old with Hib at 2 and 4 months. PedvaxHIB (PRP-OMP) needs only the booster at 12 months; an
    # unnamed product may have been ActHIB or Pentacel, which need a third primary dose now. ACIP: when the
    # products are uncertain, give the third primary dose. So an unnamed pair leaves dose 3 due; nothing assumed.
    assert "third primary dose" in _kept("Hib")
    birth, as_of = "2026-01-10", "2026-10-10"
    unnamed_hib = child("Ole Park", birth, birth, [dose("Hib", "2026-03-10"), dose("Hib", "2026-05-10")])
    pedvax = child("Ole Park", birth, birth, [dose("Hib", "2026-03-10", "PedvaxHIB"),
                                              dose("Hib", "2026-05-10", "PedvaxHIB")])
    unnamed_result = evaluate_record(unnamed_hib, d(as_of))
    assert unnamed_result.results["Hib"].forecast.earliest < d("2027-01-10")     # a primary dose, before 12 months
    assert unnamed_result.assumed == {}
    assert evaluate_record(pedvax, d(as_of)).results["Hib"].forecast.earliest == d("2027-01-10")   # the booster


def test_unnamed_hepb_doses_keep_the_3_dose_series_for_an_adolescent():
    # 12 years old with HepB at 11 years and 11 years 5 months. Only the adult Recombivax HB (CVX 43) makes that a
    # complete 2-dose adolescent series; an unnamed product cannot be assumed to be it.
    assert "Recombivax HB" in _kept("HepB")
    birth, as_of = "2014-01-15", "2026-06-15"
    shots = ("2025-01-20", "2025-06-20")
    unnamed_hepb = child("Pia Quist", birth, birth, [dose("HepB", x) for x in shots])
    adult_recombivax = child("Pia Quist", birth, birth, [Dose("HepB", d(x), "43", "43") for x in shots])
    assert evaluate_record(unnamed_hepb, d(as_of)).results["HepB"].series_status == "not_complete"
    assert evaluate_record(adult_recombivax, d(as_of)).results["HepB"].series_status == "complete"


def test_an_mmrv_recorded_without_its_product_is_judged_as_mmrv():
    # ProQuad at 12 months and 4 years, recorded by name, against the same shots recorded under MMR and
    # varicella with no product (CVX 03 + 21 on the same day): CDSi gives a child the same answer either way.
    assert "CVX 03" in _kept("MMR")
    birth, as_of = "2021-03-01", "2026-11-21"
    named = child("Rut Sand", birth, birth, [dose(g, x, "ProQuad") for x in ("2022-03-01", "2025-03-03")
                                             for g in ("MMR", "Varicella")])
    plain = child("Rut Sand", birth, birth, [dose(g, x) for x in ("2022-03-01", "2025-03-03")
                                             for g in ("MMR", "Varicella")])
    for group in ("MMR", "Varicella"):
        a, b = evaluate_record(named, d(as_of)).results[group], evaluate_record(plain, d(as_of)).results[group]
        assert (a.series_status, [x.evaluation for x in a.doses], a.forecast) == \
               (b.series_status, [x.evaluation for x in b.doses], b.forecast)
        assert a.series_status == "complete"
