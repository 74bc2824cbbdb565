"""Minnesota's record updates (Minn. R. 9502.0405 subp. 4): the provider asks for updated immunization dates every
6 months for an infant, every year for a toddler, every 18 months for a preschooler, every 3 years for a school-age
child. Worked by hand as of 2026-11-21; a child is listed when the update is due within 30 days or overdue."""
from __future__ import annotations

from test_reports_cli import demo_db  # noqa: F401 - a fixture: the demo home (North Carolina) on 2026-11-21
from test_states_records import child, d, dose

from immudesk.cli import main
from immudesk.states.record_updates import records_to_request

AS_OF = d("2026-11-21")


def roster():
    return [
        # Ina, 8 months (infant): last dose 2026-05-01 -> update due 2026-11-01, overdue.
        child("Ina Ash", "2026-03-01", "2026-04-15", [dose("HepB", "2026-03-01"), dose("DTaP", "2026-05-01")]),
        # Ivo, 6 months (infant): last dose 2026-06-10 -> due 2026-12-10, within 30 days: listed.
        child("Ivo Bay", "2026-05-15", "2026-06-01", [dose("HepB", "2026-06-10")]),
        # Ned, 7 months (infant): last dose 2026-09-01 -> due 2027-03-01: not yet.
        child("Ned Cox", "2026-04-01", "2026-05-01", [dose("DTaP", "2026-09-01")]),
        # Tia, 17 months (toddler): last dose 2025-12-01 -> due 2026-12-01 (every year): listed.
        child("Tia Dee", "2025-06-01", "2025-09-01", [dose("DTaP", "2025-12-01")]),
        # Pia, 3 years 5 months (preschooler): enrolled 2025-01-10, no later dose -> due 2026-07-10: overdue.
        child("Pia Eck", "2023-06-01", "2025-01-10", [dose("MMR", "2024-06-01")]),
        # Sam, 6 years (school-age): enrolled 2024-01-02 -> due 2027-01-02 (every 3 years): not yet.
        child("Sam Fry", "2020-09-01", "2024-01-02", [dose("MMR", "2021-09-01")]),
        # Wes, preschooler, withdrawn: not listed whatever his record.
        child("Wes Gum", "2023-01-01", "2024-01-01", withdrawn="2026-06-30"),
    ]


def test_who_must_be_asked_for_an_updated_record_and_by_when():
    found = [(r.child.name, r.band, r.every_months, r.due, r.overdue(AS_OF))
             for r in records_to_request(roster(), "MN", AS_OF)]
    assert found == [
        ("Pia Eck", "preschooler", 18, d("2026-07-10"), True),
        ("Ina Ash", "infant", 6, d("2026-11-01"), True),
        ("Tia Dee", "toddler", 12, d("2026-12-01"), False),
        ("Ivo Bay", "infant", 6, d("2026-12-10"), False),
    ]


def test_a_state_without_a_schedule_lists_no_one():
    assert records_to_request(roster(), "NC", AS_OF) == []


def test_records_due_command_lists_and_writes_request_letters(demo_db, capsys, tmp_path):
    assert main(["facility", "--state", "MN"]) == 0
    capsys.readouterr()
    assert main(["records-due", "--letters", "requests.pdf"]) == 0
    out = capsys.readouterr()
    assert "preschooler" in out.out and "OVERDUE" in out.out
    assert "request letter" in out.err and (tmp_path / "requests.pdf").read_bytes()[:5] == b"%PDF-"


def test_records_due_says_when_a_state_sets_no_schedule(demo_db, capsys):
    assert main(["records-due"]) == 0     # the demo home is in North Carolina
    assert "set no schedule" in capsys.readouterr().out
