"""What the "Vaccine or product" input reads: what certificates print, case and punctuation blind, and which
choice the letters mean for this record on that day (immudesk.dose_entry, immudesk.vaccines)."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from immudesk import dose_entry, vaccines
from immudesk.model import Dose


@pytest.mark.parametrize("typed, label, groups", [
    ("Pentacel", "Pentacel", ("DTaP", "Polio", "Hib")), ("dtap-ipv/hib", "Pentacel", ("DTaP", "Polio", "Hib")),
    ("DTaP-HepB-IPV", "Pediarix", ("DTaP", "Polio", "HepB")), ("DTaP IPV", "DTaP-IPV", ("DTaP", "Polio")),
    ("vaxelis", "Vaxelis", ("DTaP", "Polio", "Hib", "HepB")), ("KINRIX", "Kinrix", ("DTaP", "Polio")),
    ("Quadracel", "Quadracel", ("DTaP", "Polio")), ("MMRV", "ProQuad", ("MMR", "Varicella")),
    ("ProQuad", "ProQuad", ("MMR", "Varicella")), ("IPV", "IPOL", ("Polio",)), ("PCV13", "Prevnar 13", ("PCV",)),
    ("PCV 20", "Prevnar 20", ("PCV",)), ("prevnar-20", "Prevnar 20", ("PCV",)), ("Prevnar 13", "Prevnar 13", ("PCV",)),
    ("Vaxneuvance", "Vaxneuvance", ("PCV",)), ("Hib (PRP-OMP)", "PedvaxHIB", ("Hib",)), ("ActHIB", "ActHIB", ("Hib",)),
    ("Hep B", "HepB", ("HepB",)), ("HEPA", "HepA", ("HepA",)), ("Var", "Varicella", ("Varicella",)),
    ("M-M-R II", "M-M-R II", ("MMR",)), ("mmr ii", "M-M-R II", ("MMR",)), ("MMR", "MMR", ("MMR",)),
])
def test_what_certificates_print_is_read_case_and_punctuation_blind(typed, label, groups):
    best = dose_entry.rank(typed).best
    assert best is not None and (best.label, best.groups) == (label, groups)


def test_a_generic_name_files_the_vaccine_without_making_up_a_product():
    hep_b = dose_entry.rank("HepB").best
    assert (hep_b.product, hep_b.cvx) == (None, None)
    dtap_ipv = dose_entry.rank("DTaP-IPV").best   # Kinrix or Quadracel: the same CVX, so that is what is kept
    assert (dtap_ipv.product, dtap_ipv.cvx) == ("130", "130")
    assert vaccines.resolve_product(dtap_ipv.product, "Polio") == ("130", "130")   # the roster CSV reads it back


def test_letters_that_could_be_two_vaccines_decide_nothing():
    ranked = dose_entry.rank("hep")
    assert ranked.best is None and [c.label for c in ranked.choices] == ["HepB", "HepA"]
    assert dose_entry.rank("xyz").choices == [] and dose_entry.rank("  ").choices == []


def test_the_vaccine_due_that_day_decides_between_them():
    assert dose_entry.rank("hep", due=frozenset({"HepA"})).best.label == "HepA"
    assert dose_entry.rank("hep", due=frozenset({"HepB"})).best.label == "HepB"


def test_a_series_continues_with_the_product_the_record_already_uses():
    due = frozenset({"DTaP", "Polio", "Hib", "PCV"})
    assert dose_entry.rank("p", due, frozenset({"Pentacel", "Prevnar 20"})).best.label == "Pentacel"
    assert dose_entry.rank("p", frozenset({"PCV"}), frozenset({"Pentacel", "Prevnar 13"})).best.label == "Prevnar 13"


def test_due_groups_follow_the_acip_forecast_of_the_doses_before_that_day():
    birth = date(2025, 3, 14)
    assert dose_entry.due_groups(birth, [], birth) == {"HepB"}
    two_months = date(2025, 5, 15)
    doses = [Dose("HepB", birth), Dose("HepB", date(2025, 4, 16))]
    assert dose_entry.due_groups(birth, doses, two_months) == {"DTaP", "Polio", "Hib", "PCV"}
    doses.append(Dose("DTaP", two_months, "Pentacel", "120"))   # given that day: no longer due that day
    assert "DTaP" not in dose_entry.due_groups(birth, doses, two_months)


def test_every_name_in_the_catalogue_means_one_thing():
    seen = {}
    for choice in vaccines.product_choices():
        for name in choice.names:
            assert seen.setdefault(vaccines.fold_product(name), choice.label) == choice.label, name
    assert {"Prevnar 13", "Prevnar 20", "Pentacel", "HepB", "Varicella"} <= {c.label for c in vaccines.product_choices()}


@given(st.text(max_size=30))
def test_whatever_is_typed_gives_choices_or_none_never_a_crash(text):
    ranked = dose_entry.rank(text, frozenset({"HepB"}), frozenset({"Pentacel"}))
    assert ranked.best is None or ranked.best in ranked.choices
