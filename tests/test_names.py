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
