"""What a recorded dose that does not name its product was, when its date settles it (resources/unnamed_products.json).

CDC's CDSi logic must assume the worst of an unnamed product: a PCV dose with no product may have been PCV7, so a
fifth dose stays due. On a provider's record the date often rules that out (no PCV7 has been given since 2010).
This is not part of CDC's logic: immudesk.states applies it to the provider's records and says what it assumed;
`immudesk evaluate` and immudesk.acip.evaluate never do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..resources import load_json


@dataclass(frozen=True)
class Inference:
    """Doses of `group` recorded as one of `recorded_as` and given from `given_from` on are `read_as_cvx`."""
    group: str
    recorded_as: tuple[tuple[str | None, str | None, str], ...]   # (CVX, product key, how it was recorded); None: any
    given_from: date
    read_as_cvx: str
    read_as: str
    because: str
    source: str


def product_key(text: str | None) -> str:
    """A product name as a comparison key: case, spaces and punctuation do not matter ("PREVNAR." = "Prevnar")."""
    return re.sub(r"[^0-9a-z]", "", (text or "").casefold())


@lru_cache(maxsize=1)
def inferences() -> tuple[Inference, ...]:
    data = load_json("unnamed_products.json")
    return tuple(Inference(rule["group"],
                           tuple((entry.get("cvx"), product_key(entry["product"]) if "product" in entry else None,
                                  entry["why"]) for entry in rule["recorded_as"]),
                           date.fromisoformat(rule["given_from"]), rule["read_as_cvx"], rule["read_as"],
                           rule["because"], rule["source"])
                 for rule in data["inferences"])


def rule_for(group: str, cvx: str, product: str | None) -> tuple[Inference, str] | None:
    """The inference that may apply to a dose of `group` recorded as (cvx, product), with how it was recorded."""
    key = product_key(product)
    for rule in inferences():
        if rule.group != group:
            continue
        for recorded_cvx, recorded_product, why in rule.recorded_as:
            if recorded_cvx in (None, cvx) and recorded_product in (None, key):
                return rule, why
    return None


def assumption(rule: Inference, why: str):
    """The words the record shows next to an inferred dose, in the provider's language (the file's words are in
    the Spanish catalogue, resources/locale)."""
    from ..i18n import say, say_data

    return say("assumed {vaccine}: {why}, and {because}", vaccine=say_data(rule.read_as), why=say_data(why),
               because=say_data(rule.because))
