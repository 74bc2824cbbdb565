"""One key for comparing people's names: accent-, case- and punctuation-blind, so "Sofía Hernández",
"sofia hernandez" and "SOFIA  HERNANDEZ" are the same child for the duplicate check and the roster search."""
from __future__ import annotations

import unicodedata


def fold_name(text: str) -> str:
    """The comparison key of a name: letters and digits without accents, lower case, words single-spaced.

    Hyphens, apostrophes and dots are dropped ("O'Brien" = "OBrien", "Mary-Jo" = "MaryJo"); spaces stay word
    breaks. Letters with no decomposition (ø, ł) fold by casefold() only."""
    decomposed = unicodedata.normalize("NFKD", text or "").casefold()
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and (ch.isalnum() or ch.isspace()))
    return " ".join(kept.split())
