"""immudesk.names.fold_name: the key that makes search and the duplicate check accent-, case- and
punctuation-blind."""
from immudesk.names import fold_name


def test_accents_case_and_punctuation_fold_away():
    assert fold_name("Sofía Hernández") == fold_name("sofia HERNANDEZ") == "sofia hernandez"
    assert fold_name("O'Brien") == fold_name("O’Brien") == "obrien"
    assert fold_name("Smith-Jones") == fold_name("Smith  Jones") == "smith jones"
    assert fold_name("  Zoë\tÅberg ") == "zoe aberg"


def test_letters_of_every_script_are_kept():
    assert fold_name("Nguyễn Văn") == "nguyen van"
    assert fold_name("王 小明") == "王 小明"


def test_different_names_stay_different():
    assert fold_name("Ana") != fold_name("Anna")
    assert fold_name("") == ""
