"""Names compared as a person reads them: "Sofía Hernández" and "sofia hernandez" are the same name."""
from __future__ import annotations

import unicodedata

_DASHES_AND_SPACES = ("Pd", "Zs")   # "Smith-Jones" reads as "Smith Jones"


def fold_name(text: str) -> str:
    """A comparison key for a name: accents, case and punctuation folded away, spaces collapsed.

    NFKD splits "í" into "i" plus a combining accent, which is dropped; dashes count as spaces and other
    punctuation is dropped ("O'Brien" is "obrien").
    """
    kept = []
    for character in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(character)
        if category.startswith("M"):
            continue
        if category in _DASHES_AND_SPACES or character.isspace():
            kept.append(" ")
        elif not category.startswith(("P", "S")):
            kept.append(character)
    return " ".join("".join(kept).casefold().split())
