"""Names compared the way a provider means them: accents, case and punctuation do not make another child."""
import pytest

from immudesk.names import fold_name


@pytest.mark.parametrize("one, other", [
    ("Sofía Hernández", "Sofia Hernandez"), ("SOFIA  HERNANDEZ", "sofia hernandez"), ("O'Brien", "obrien"),
    ("Zoë", "Zoe"), ("Ñúñez", "nunez"), ("  José  ", "jose"), ("François", "FRANCOIS"),
])
def test_the_same_name_folds_to_the_same_key(one, other):
    assert fold_name(one) == fold_name(other)


@pytest.mark.parametrize("one, other", [("Ana Ruiz", "Ana Ruis"), ("Mia Lee", "Mia Leen"), ("Ana Mae", "Anamae")])
def test_different_names_stay_different(one, other):
    assert fold_name(one) != fold_name(other)


def test_accents_case_and_punctuation_fold_away():
    assert fold_name("Sofía Hernández") == fold_name("sofia HERNANDEZ") == "sofia hernandez"
    assert fold_name("O'Brien") == fold_name("O’Brien") == "obrien"
    assert fold_name("Smith-Jones") == fold_name("Smith  Jones") == "smith jones"
    assert fold_name("  Zoë\tÅberg ") == "zoe aberg"


def test_letters_of_every_script_are_kept():
    assert fold_name("Nguyễn Văn") == "nguyen van"
    assert fold_name("王 小明") == "王 小明"


def test_near_names_and_empty_text():
    assert fold_name("Ana") != fold_name("Anna")
    assert fold_name("") == ""
