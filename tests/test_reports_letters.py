"""Parent letters: who gets which letter, in which language, one page each, with the doses still needed and
the exact last day taken from ChildStatus.last_allowed_day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from test_reports_roster import (  # noqa: F401
    AS_OF,
    FACILITY,
    Period,
    nc_snapshot,
    nc_statuses,
    needs_poppler,
    pdf_pages,
)

from immudesk.errors import UserError
from immudesk.reports import letters
from immudesk.reports.roster import RosterSnapshot


def test_every_child_not_up_to_date_or_in_process_gets_the_right_letter(nc_snapshot):
    due = {(l.status.child.name, l.kind, l.language) for l in letters.letters_for(nc_snapshot)}
    assert due == {("Sofía Hernández", "non_compliance", "es"), ("Noah Patel", "exclusion", "en"),
                   ("James Miller", "non_compliance", "en"), ("Zoe Kim", "non_compliance", "en"),
                   ("Baby Newborn", "non_compliance", "en")}


def test_a_letter_for_one_child_by_name_and_a_clear_error_for_nobody(nc_snapshot):
    assert [l.status.child.name for l in letters.letters_for(nc_snapshot, "noah patel")] == ["Noah Patel"]
    assert letters.letters_for(nc_snapshot, "Ava Green") == []            # up to date: no letter
    with pytest.raises(UserError, match="no child"):
        letters.letters_for(nc_snapshot, "Nobody Here")


@needs_poppler
def test_letters_print_one_per_page_with_doses_and_the_last_day(nc_snapshot, tmp_path):
    due = letters.letters_for(nc_snapshot)
    path = tmp_path / "letters.pdf"
    letters.write_pdf(due, nc_snapshot, str(path))
    pages = [" ".join(p.split()) for p in pdf_pages(path)]
    assert len(pages) == len(due) == 5
    by_child = {next(n for n in ("Sofía", "Noah", "James", "Zoe", "Baby") if n in p): p for p in pages}
    james = by_child["James"]
    assert "G.S. 130A-155" in james and "May 25, 2018" in james and "March 20, 2018" in james
    assert "DTaP (diphtheria, tetanus, pertussis): 2 more doses needed" in james
    assert "exemption" in james and "Signature" in james and "919-555-0142" in james
    assert "Sunny Days Family Child Care" in james and "Dana Whitfield" in james
    sofia = by_child["Sofía"]
    assert "3 de mayo de 2018" in sofia and "Sofía Hernández" in sofia
    assert "PCV (neumococo conjugada): falta 1 dosis" in sofia and "Atentamente" in sofia
    noah = by_child["Noah"]
    assert "may not attend" in noah and "March 31, 2018" in noah
    assert "from April 15, 2018" in noah                      # the period is over: from today
    assert "physician's certification" in noah and "updated immunization record" in noah
    assert "MMR (measles, mumps, rubella): 1 more dose needed" in noah


@needs_poppler
def test_minnesota_reminder_names_next_doses_and_the_18_month_deadline(tmp_path):
    statuses = nc_statuses()
    zoe = next(s for s in statuses if s.child.first_name == "Zoe")
    zoe.groups["Varicella"].next_due = date(2018, 5, 1)
    zoe = replace(zoe, last_allowed_day=date(2019, 9, 20), must_exclude=False)
    snapshot = RosterSnapshot(replace(FACILITY, state="MN"), AS_OF, Period(), [zoe])
    due = letters.letters_for(snapshot)
    assert [(l.kind, l.language) for l in due] == [("reminder", "en")]
    path = tmp_path / "mn.pdf"
    letters.write_pdf(due, snapshot, str(path))
    page = " ".join(pdf_pages(path)[0].split())
    assert "Minn. Stat. 121A.15" in page and "18 months" in page and "September 20, 2019" in page
    assert "Varicella (chickenpox): next dose due by May 1, 2018" in page


def test_no_letter_is_an_error_the_provider_can_read(nc_snapshot, tmp_path):
    with pytest.raises(UserError, match="no child needs a letter"):
        letters.write_pdf([], nc_snapshot, str(tmp_path / "none.pdf"))


def test_letter_texts_exist_for_every_kind_and_language():
    from immudesk.states import state_codes
    for state in state_codes():
        kinds = letters.letter_kinds(state)
        assert kinds, state
        for kind in kinds:
            for language in ("en", "es"):
                text = letters.wording(state)[kind][language]
                assert text["title"] and "{doses}" in text["paragraphs"]
