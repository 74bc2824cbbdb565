"""The demo home (resources/demo/home.json): a realistic roster a newcomer can explore at once.

Its dates are stored relative to the day it is loaded, so "enrolled 12 days ago, 18 days left" stays true.
The demo lives in its own practice file beside the provider's records (practice_path), never in them.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from . import vaccines
from .dates import add, add_duration, parse_duration
from .errors import UserError
from .model import ALL_GROUPS, Child, DiseaseHistory, Dose, Exemption, InProcessPeriod
from .resources import load_json


def _minus(as_of: date, text: str) -> date:
    """The birth date of a child whose age on as_of is `text` (e.g. "7 months + 10 days")."""
    age = parse_duration(text)
    return add(as_of, -age.years, -age.months, -age.weeks, -age.days)


def demo_children(as_of: date) -> list[Child]:
    children = []
    for spec in load_json("demo", "home.json")["children"]:
        birth = _minus(as_of, spec["age"])
        doses = []
        for group, entries in spec.get("doses", {}).items():
            for entry in entries:
                age_text, _, product_text = entry.partition(":")
                given = add_duration(birth, parse_duration(age_text))
                product, cvx = vaccines.resolve_product(product_text, group) if product_text else (None, None)
                doses.append(Dose(group, given, product, cvx, "demo"))
        exemptions = []
        if spec.get("medical_exemption"):
            exemptions.append(Exemption("medical", tuple(spec["medical_exemption"])))
        if spec.get("religious_exemption"):
            exemptions.append(Exemption("religious", (ALL_GROUPS,)))
        history = []
        if spec.get("varicella_disease_age"):
            history.append(DiseaseHistory("Varicella", add_duration(birth, parse_duration(spec["varicella_disease_age"])).isoformat()))
        in_process = []
        if "in_process_until_days" in spec:
            in_process.append(InProcessPeriod(as_of + timedelta(days=spec["in_process_until_days"]), as_of))
        withdrawn = as_of - timedelta(days=spec["withdrawn_days_ago"]) if "withdrawn_days_ago" in spec else None
        children.append(Child(
            spec["first_name"], spec["last_name"], birth, as_of - timedelta(days=spec["enrolled_days_ago"]),
            spec.get("attendance", "regular"), withdrawn, spec.get("parent_name", ""), spec.get("parent_email", ""),
            spec.get("parent_phone", ""), spec.get("language", "en"), spec.get("situation", ""),
            doses=doses, exemptions=exemptions, disease_history=history, in_process=in_process))
    return children


PRACTICE_SUFFIX = "-demo"   # immudesk.sqlite3 -> immudesk-demo.sqlite3


def is_practice_path(path) -> bool:
    """True for the demo's practice file (its name ends in "-demo")."""
    return Path(path).stem.endswith(PRACTICE_SUFFIX)


def practice_path(records_path) -> Path:
    """The practice file that goes with a records file: beside it, named "<name>-demo" (itself if it is one)."""
    path = Path(records_path)
    if is_practice_path(path):
        return path
    return path.with_name(f"{path.stem}{PRACTICE_SUFFIX}{path.suffix or '.sqlite3'}")


def records_path(practice) -> Path:
    """The provider's own records file that a practice file goes with (the way back from the demo)."""
    path = Path(practice)
    if not is_practice_path(path):
        return path
    return path.with_name(path.stem[:-len(PRACTICE_SUFFIX)] + path.suffix)


def open_practice(records, as_of: date, fresh: bool = False):
    """Open the practice file beside `records` (a path), filling it with the demo home when it is new or empty.
    Returns (store, children added: 0 when the demo was already there). The provider's records are not opened.
    fresh: start the demo over (the practice file is replaced; only a file named as a practice file is)."""
    from .store import open_store

    practice = practice_path(records)
    if fresh:
        for leftover in (practice, practice.with_name(practice.name + "-wal"),
                         practice.with_name(practice.name + "-shm")):
            leftover.unlink(missing_ok=True)
    store = open_store(practice)
    try:
        added = 0 if store.count_children() else load_demo(store, as_of)
    except BaseException:
        store.close()
        raise
    return store, added


def load_demo(store, as_of: date) -> int:
    """Fill an empty database with the demo home; returns the number of children added."""
    if store.count_children():
        raise UserError(f"the roster in {store.path} already has children; the demo goes into its own practice "
                        "file (`immudesk demo`)")
    with store.transaction():
        store.update_facility(**load_json("demo", "home.json")["facility"])
        children = demo_children(as_of)
        for child in children:
            store.add_child(child)
    return len(children)
