"""Synthetic rosters for the benchmark: N children aged 2 months to 5 years with realistic histories.

Doses follow the routine schedule with the jitter real records have (a few days to weeks late), some
children behind, some with combination vaccines, a few exemptions. Seeded, so every run measures the same data.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from immudesk.dates import add
from immudesk.model import Child, Dose, Exemption
from immudesk.roster_csv import COLUMNS, child_to_row

# Routine ages (months) per group, and the products a record may name.
SCHEDULE = {
    "HepB": [0, 1, 6], "DTaP": [2, 4, 6, 15, 48], "Polio": [2, 4, 6, 48], "Hib": [2, 4, 6, 12],
    "PCV": [2, 4, 6, 12], "MMR": [12, 48], "Varicella": [12, 48], "HepA": [12, 18],
}
PRODUCTS = {"Hib": [None, None, "ActHIB", "PedvaxHIB"], "PCV": [None, "Prevnar 20", "133"], "DTaP": [None, "Daptacel"]}
FIRST = ["Ava", "Liam", "Sofía", "Noah", "Mia", "Elijah", "Olivia", "Lucas", "Emma", "James", "Amelia", "Harper",
         "Benjamin", "Zoe", "Mateo", "Chloe", "Isaac", "Layla", "Jayden", "Nora"]
LAST = ["Green", "Carter", "Hernández", "Patel", "Johnson", "Brooks", "Nguyen", "Rivera", "Wilson", "Miller",
        "Davis", "Lee", "Scott", "Kim", "García", "Thompson", "Walker", "Young", "Allen", "King"]


def synthetic_children(n: int, as_of: date = date(2026, 11, 1), seed: int = 2026) -> list[Child]:
    rng = random.Random(seed)
    children = []
    for index in range(n):
        birth = as_of - timedelta(days=rng.randint(60, 5 * 365))
        behind = rng.random() < 0.15          # some records simply stop early
        doses = []
        for group, ages in SCHEDULE.items():
            for number, months in enumerate(ages):
                given = add(birth, months=months, days=rng.choice([0, 0, 2, 5, 14, 30]))
                if given > as_of or (behind and number >= 2):
                    break
                product = rng.choice(PRODUCTS.get(group, [None]))
                cvx = {"ActHIB": "48", "PedvaxHIB": "49", "Prevnar 20": "216", "133": "133", "Daptacel": "106"}.get(product)
                doses.append(Dose(group, given, product, cvx, "import"))
        exemptions = [Exemption("religious")] if rng.random() < 0.02 else []
        enrolled = min(as_of, birth + timedelta(days=rng.randint(42, 900)))
        children.append(Child(FIRST[index % len(FIRST)], f"{LAST[(index // len(FIRST)) % len(LAST)]}{index}", birth,
                              enrolled, parent_phone=f"919-555-{index % 10000:04d}", language=rng.choice(["en", "en", "es"]),
                              doses=doses, exemptions=exemptions))
    return children


def write_roster_csv(children: list[Child], path) -> None:
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for child in children:
            writer.writerow(child_to_row(child))
