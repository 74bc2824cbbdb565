"""Shared material for the report tests: a small NC home as ChildStatus objects (the contract of
immudesk.states.status), a PDF-to-text reader, and the tests of the roster snapshot itself."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from immudesk.model import Child, Dose, Exemption, Facility
from immudesk.reports.roster import RosterSnapshot
from immudesk.states.status import ChildStatus, DoseVerdict, GroupCompliance

AS_OF = date(2018, 4, 15)
WORKSHEET_GROUPS = ("DTaP", "HepB", "Hib", "MMR", "Polio", "PCV", "Varicella")


@dataclass
class Period:
    """Stands for immudesk.states' ReportPeriod: the 2018 period of the seed memo."""
    year: int = 2018
    cutoff: date = date(2018, 2, 1)
    due_date: date = date(2018, 5, 11)


FACILITY = Facility(state="NC", name="Sunny Days Family Child Care", facility_id="92000001", county="Wake",
                    care_type="Family Child Care Home", operator="Dana Whitfield", email="dana@example.org",
                    phone="919-555-0142", address="214 Maple Ridge Rd", mailing_address="PO Box 12",
                    city="Raleigh", zip="27603", reporter_name="Dana Whitfield", reporter_email="dana@example.org")


def status_of(first, last, birth, status, group, *, valid=None, required=None, language="en",
              enrolled=date(2018, 3, 20), days_left=None, last_allowed=None, must_exclude=False,
              excluded=None, exemptions=(), withdrawn=None, phone="919-555-0100", parent="A Parent",
              next_due=None, reasons=()):
    """A ChildStatus as immudesk.states would produce it: valid/required doses per group, a status."""
    valid = valid or {}
    required = required or {}
    child = Child(first, last, birth, enrolled, parent_name=parent, parent_phone=phone, language=language,
                  withdrawn_on=withdrawn, exemptions=list(exemptions))
    groups = {}
    for name in ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella", "HepA"):
        v, r = valid.get(name, 0), required.get(name, 0)
        doses = [DoseVerdict(name, birth + timedelta(days=60 * (i + 1)), None, True) for i in range(v)]
        exempt = next((e.kind for e in exemptions if e.covers(name)), None)
        child.doses += [Dose(name, d.given_on) for d in doses]
        groups[name] = GroupCompliance(name, r, v, v >= r, exempt, (next_due or {}).get(name), doses)
    missing = [g for g, c in groups.items() if not c.met]
    return ChildStatus(child, AS_OF, status, group, excluded, missing, days_left, None, list(reasons),
                       last_allowed, must_exclude, groups)


FULL_INFANT = {"DTaP": 3, "Polio": 2, "Hib": 3, "PCV": 3, "HepB": 2}
FULL_OLDER = {"DTaP": 4, "Polio": 3, "Hib": 4, "PCV": 4, "HepB": 3, "MMR": 1, "Varicella": 1}


def nc_statuses() -> list[ChildStatus]:
    return [
        status_of("Ava", "Green", date(2017, 6, 10), "up_to_date", "under_24_months",
                  valid=FULL_INFANT, required=FULL_INFANT),
        status_of("Sofía", "Hernández", date(2017, 8, 5), "in_process", "under_24_months", language="es",
                  valid={"DTaP": 2, "Polio": 2, "Hib": 2, "PCV": 2, "HepB": 2}, required=FULL_INFANT,
                  enrolled=date(2018, 4, 3), days_left=18, last_allowed=date(2018, 5, 3)),
        status_of("Noah", "Patel", date(2016, 8, 15), "not_up_to_date", "under_24_months",
                  valid={**FULL_OLDER, "MMR": 0}, required=FULL_OLDER, enrolled=date(2018, 3, 1),
                  last_allowed=date(2018, 3, 31), must_exclude=True),
        status_of("Elijah", "Brooks", date(2015, 2, 10), "up_to_date", "24_months_and_older",
                  valid=FULL_OLDER, required=FULL_OLDER),
        status_of("Lucas", "Rivera", date(2015, 10, 2), "medical_exemption", "24_months_and_older", language="es",
                  valid={**FULL_OLDER, "MMR": 0, "Varicella": 0}, required=FULL_OLDER,
                  exemptions=[Exemption("medical", ("MMR", "Varicella"))]),
        status_of("Emma", "Wilson", date(2015, 4, 1), "religious_exemption", "24_months_and_older",
                  required=FULL_OLDER, exemptions=[Exemption("religious")]),
        status_of("James", "Miller", date(2015, 7, 20), "in_process", "24_months_and_older",
                  valid={"DTaP": 2, "Polio": 2, "Hib": 1, "PCV": 1, "HepB": 2, "MMR": 1, "Varicella": 1},
                  required=FULL_OLDER, days_left=40, last_allowed=date(2018, 5, 25)),
        status_of("Zoe", "Kim", date(2014, 9, 9), "not_up_to_date", "24_months_and_older",
                  valid={"DTaP": 3, "Polio": 3, "HepB": 3, "Hib": 4, "PCV": 4, "MMR": 1}, required=FULL_OLDER,
                  last_allowed=date(2018, 4, 19), days_left=None),
        # Not counted: born after the cutoff, withdrawn, before/after school only.
        status_of("Baby", "Newborn", date(2018, 3, 1), "not_up_to_date", None, excluded="born after the report cutoff",
                  required={"HepB": 1}, last_allowed=date(2018, 4, 19)),
        status_of("Gone", "Away", date(2016, 1, 1), "up_to_date", None, excluded="withdrawn",
                  withdrawn=date(2018, 1, 31), valid=FULL_OLDER, required=FULL_OLDER),
        status_of("Rowan", "Bellamy", date(2013, 1, 1), "up_to_date", None, excluded="before or after school only",
                  valid=FULL_OLDER, required=FULL_OLDER),
    ]


def tally(statuses) -> dict:
    """Expected report table, added up by hand from the statuses above."""
    columns = ("attending", "up_to_date", "in_process", "medical_exemption", "religious_exemption", "not_up_to_date")
    table = {g: dict.fromkeys(columns, 0) for g in ("under_24_months", "24_months_and_older", "total")}
    for s in statuses:
        if s.report_group:
            for g in (s.report_group, "total"):
                table[g]["attending"] += 1
                table[g][s.status] += 1
    return table


@pytest.fixture
def nc_snapshot() -> RosterSnapshot:
    return RosterSnapshot(FACILITY, AS_OF, Period(), nc_statuses())


def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> list[str]:
    return pdf_text(path, layout=True).split("\f")[:-1]


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def test_the_snapshot_counts_only_children_with_a_report_group(nc_snapshot):
    counted = [s.child.first_name for s in nc_snapshot.counted()]
    assert "Baby" not in counted and "Gone" not in counted and "Rowan" not in counted
    assert len(counted) == 8


def test_letters_and_outbreaks_ignore_withdrawn_children_only(nc_snapshot):
    attending = [s.child.first_name for s in nc_snapshot.attending()]
    assert "Gone" not in attending
    assert "Baby" in attending and "Rowan" in attending
