"""The vaccine catalogue: the eight child-care vaccine groups, which CVX codes cover them, and product names.

Facts come from resources/vaccines.json (groups, antigens, trade names) and resources/acip/cvx.csv
(CVX -> antigen, derived from CDC CDSi supporting data). Import, the window and the ACIP engine all ask here.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .i18n import _
from .resources import load_json, resource_path

GROUP_NAMES = ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella", "HepA")


class UnknownProduct(ValueError):
    """A CVX code or product name we do not know, or one that does not cover the vaccine group it was filed under."""


@dataclass(frozen=True)
class VaccineGroup:
    name: str
    cdsi_name: str
    antigens: tuple[str, ...]
    unspecified_cvx: str
    label: str
    label_es: str


@dataclass(frozen=True)
class CvxAntigen:
    cvx: str
    description: str
    antigen: str
    begin_age: str
    end_age: str


@dataclass(frozen=True)
class ProductChoice:
    """What a provider can type in the window's "Vaccine or product" input, and what a dose filed with it stores.

    label: the name shown ("Pentacel", "HepB"); product/cvx: what the doses keep (None, None when only the
    vaccine is known); groups: every vaccine group it is filed under; names: the label and its other names."""
    label: str
    product: str | None
    cvx: str | None
    groups: tuple[str, ...]
    names: tuple[str, ...]


def fold_product(text: str) -> str:
    """Case-, space- and punctuation-blind ("DTaP-IPV/Hib" = "dtap ipv hib")."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


@lru_cache(maxsize=1)
def product_choices() -> tuple[ProductChoice, ...]:
    """Every name the window takes for a dose: trade names in catalogue order, then the generic names."""
    data = load_json("vaccines.json")
    names = data.get("names", {})
    aliases = names.get("aliases", {})
    choices = []
    for name, cvx in _catalogue()[2].values():
        choices.append(ProductChoice(name, name, cvx, tuple(groups_for_cvx(cvx)), (name, *aliases.get(name, ()))))
    for entry in names.get("generic", []):
        cvx = entry.get("cvx")
        covered = tuple(groups_for_cvx(cvx)) if cvx else (entry["group"],)
        choices.append(ProductChoice(entry["name"], cvx, cvx, covered, (entry["name"], *entry.get("aliases", ()))))
    unknown = sorted(set(aliases) - set(product_names()))
    if unknown:
        raise ValueError(f"resources/vaccines.json: aliases for products it does not list: {', '.join(unknown)}")
    owner: dict[str, str] = {}
    for choice in choices:   # one name, one meaning: typed in full, it must not name two choices
        for name in choice.names:
            if owner.setdefault(fold_product(name), choice.label) != choice.label:
                raise ValueError(f"resources/vaccines.json: {name!r} names both {owner[fold_product(name)]} "
                                 f"and {choice.label}")
    return tuple(choices)


def find_products(text: str) -> list[ProductChoice]:
    """The choices whose name (or another name) starts with what was typed, case and punctuation blind.

    A name typed in full comes first ("HepB" is the vaccine, not a product starting with "hepb"); the rest
    keep catalogue order. Nothing for text without a letter or digit."""
    typed = fold_product(text)
    if not typed:
        return []
    exact = [c for c in product_choices() if any(fold_product(n) == typed for n in c.names)]
    started = [c for c in product_choices()
               if c not in exact and any(fold_product(n).startswith(typed) for n in c.names)]
    return exact + started


@lru_cache(maxsize=1)
def _catalogue():
    data = load_json("vaccines.json")
    groups = {g["name"]: VaccineGroup(g["name"], g["cdsi_name"], tuple(g["antigens"]), g["unspecified_cvx"],
                                      g["label"], g["label_es"]) for g in data["groups"]}
    if tuple(groups) != GROUP_NAMES:
        raise ValueError("resources/vaccines.json must list the groups " + ", ".join(GROUP_NAMES))
    with resource_path("acip", "cvx.csv").open(encoding="utf-8") as handle:
        rows = [CvxAntigen(**row) for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    by_cvx: dict[str, list[CvxAntigen]] = {}
    for row in rows:
        by_cvx.setdefault(row.cvx, []).append(row)
    products = {p["name"].casefold(): (p["name"], p["cvx"]) for p in data["products"]}
    for name, cvx in products.values():
        if cvx not in by_cvx:
            raise ValueError(f"resources/vaccines.json: product {name} names CVX {cvx}, which cvx.csv lacks")
    antigen_group = {antigen: g.name for g in groups.values() for antigen in g.antigens}
    return groups, by_cvx, products, antigen_group


def groups() -> dict[str, VaccineGroup]:
    return _catalogue()[0]


def group(name: str) -> VaccineGroup:
    return _catalogue()[0][name]


def normalize_group(text: str) -> str | None:
    """The group's canonical name for any capitalisation ("dtap" -> "DTaP"), or None."""
    for name in GROUP_NAMES:
        if name.casefold() == text.strip().casefold():
            return name
    return None


def cvx_antigens(cvx: str) -> list[CvxAntigen]:
    """The antigens a CVX code covers (with the ages the association holds); [] when unknown."""
    return _catalogue()[1].get(normalize_cvx(cvx), [])


def antigen_group(antigen: str) -> str:
    return _catalogue()[3][antigen]


def groups_for_cvx(cvx: str) -> list[str]:
    """Vaccine groups a CVX code covers, in catalogue order (Pentacel 120 -> DTaP, Polio, Hib)."""
    covered = {antigen_group(row.antigen) for row in cvx_antigens(cvx)}
    return [name for name in GROUP_NAMES if name in covered]


def cvx_description(cvx: str) -> str:
    rows = cvx_antigens(cvx)
    return rows[0].description if rows else ""


def normalize_cvx(text: str) -> str:
    """CVX codes are strings with at least two digits ("3" -> "03"), as CDC writes them."""
    text = text.strip()
    return text.zfill(2) if text.isdigit() else text


def product_names() -> list[str]:
    return [name for name, _ in _catalogue()[2].values()]


def products_for_group(group_name: str) -> list[tuple[str, str]]:
    """(product name, CVX) pairs a provider can pick for a group, e.g. Hib -> PedvaxHIB, ActHIB, ..."""
    return [(name, cvx) for name, cvx in _catalogue()[2].values() if group_name in groups_for_cvx(cvx)]


def resolve_product(text: str, group_name: str) -> tuple[str, str]:
    """Read what a record says about the product of a dose filed under a group.

    Returns (product as it will be stored and exported, CVX). The product is a CVX code ("49") or a
    product name in its catalogue spelling ("PedvaxHIB"). Raises UnknownProduct with a message a provider
    can act on.
    """
    token = text.strip()
    if token.isdigit():
        cvx = normalize_cvx(token)
        if not cvx_antigens(cvx):
            raise UnknownProduct(_("CVX code {code} is not a vaccine immudesk knows for child care").format(code=token))
        product = cvx
    else:
        found = _catalogue()[2].get(token.casefold()) or _other_name(token)
        if found == (None, None):   # a generic name that says only the vaccine ("Hep B"): no product recorded
            if group_name not in next(c.groups for c in find_products(token)):
                raise UnknownProduct(_("{name!r} is not a {group} vaccine").format(name=token, group=group_name))
            return None, None
        if not found:
            raise UnknownProduct(_("{name!r} is not a product immudesk knows; use a CVX code or one of: {products}")
                                 .format(name=token, products=", ".join(sorted(product_names()))))
        product, cvx = found
    covered = groups_for_cvx(cvx)
    if group_name not in covered:
        raise UnknownProduct((_("{product} ({description}) does not protect against {group}; it covers {groups}")
                              if covered else
                              _("{product} ({description}) does not protect against {group}; it covers none of "
                                "the child-care vaccines")).format(product=product, description=cvx_description(cvx),
                                                                  group=group_name, groups=", ".join(covered)))
    return product, cvx


@lru_cache(maxsize=1)
def _stored_before() -> dict[str, tuple[str, str]]:
    """Names an earlier immudesk stored a product under, with their CVX (vaccines.json, names.stored_before)."""
    return {name.casefold(): (name, cvx) for name, cvx in load_json("vaccines.json").get("names", {})
            .get("stored_before", {}).items() if not name.startswith("_")}


def _other_name(token: str) -> tuple[str | None, str | None] | None:
    """What a certificate's other name for a product means on import: an abbreviation or generic name the window
    also takes ("DTaP-IPV/Hib" is Pentacel), or a name an earlier immudesk stored ("Prevnar", kept as it was)."""
    before = _stored_before()
    if token.casefold() in before:
        return before[token.casefold()]
    exact = [c for c in product_choices() if any(fold_product(n) == fold_product(token) for n in c.names)]
    return (exact[0].product, exact[0].cvx) if exact else None
