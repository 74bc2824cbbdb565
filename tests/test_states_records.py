"""How the state-law tests write a child's record (like a line of the seed's age worksheet), and checks that the
record helpers themselves do what the worksheets say: a combination vaccine is one shot, a routine record
follows the usual ages."""
from __future__ import annotations

from datetime import date

from immudesk import vaccines
from immudesk.dates import add, parse_date
from immudesk.model import (
    ALL_GROUPS,
    Child,
    DiseaseHistory,
    Dose,
    Exemption,
    InProcessPeriod,
)
from immudesk.states.acip_bridge import engine_history

# The usual ages (months) a record shows each dose at, through the 15-month DTaP; no HepA (NC does not ask it).
ROUTINE = {"HepB": [0, 1, 6], "DTaP": [2, 4, 6, 15], "Polio": [2, 4, 6], "Hib": [2, 4, 6, 12],
           "PCV": [2, 4, 6, 12], "MMR": [12], "Varicella": [12]}


def d(text: str) -> date:
    return parse_date(text)


def dose(group: str, when: str | date, product: str | None = None) -> Dose:
    given = when if isinstance(when, date) else d(when)
    if product:
        name, cvx = vaccines.resolve_product(product, group)
        return Dose(group, given, name, cvx)
    return Dose(group, given)


def routine(birth: str | date, as_of: str | date, skip: tuple[str, ...] = (), hib: str | None = None,
            hepa: bool = False, pcv: str | None = None) -> list[Dose]:
    """The doses a child following the usual schedule has by as_of (each on the exact month), minus `skip`."""
    birth = birth if isinstance(birth, date) else d(birth)
    as_of = as_of if isinstance(as_of, date) else d(as_of)
    schedule = dict(ROUTINE, **({"HepA": [12, 18]} if hepa else {}))
    doses = []
    for group, ages in schedule.items():
        if group in skip:
            continue
        for months in ages:
            given = add(birth, months=months)
            if given <= as_of:
                doses.append(dose(group, given, {"Hib": hib, "PCV": pcv}.get(group)))
    return doses


def child(name: str, birth: str, enrolled: str, doses=(), *, medical: tuple[str, ...] = (), religious=False,
          conscientious: tuple[str, ...] = (), certified_until: str | None = None, attendance="regular",
          withdrawn: str | None = None, chickenpox: str | None = None) -> Child:
    first, _, last = name.partition(" ")
    exemptions = []
    if medical:
        exemptions.append(Exemption("medical", tuple(medical)))
    if religious:
        exemptions.append(Exemption("religious", (ALL_GROUPS,)))
    if conscientious:
        exemptions.append(Exemption("conscientious", tuple(conscientious)))
    return Child(first, last, d(birth), d(enrolled), attendance, d(withdrawn) if withdrawn else None,
                 doses=list(doses), exemptions=exemptions,
                 disease_history=[DiseaseHistory("Varicella", chickenpox)] if chickenpox else [],
                 in_process=[InProcessPeriod(d(certified_until))] if certified_until else [])


def test_pentacel_filed_under_three_groups_is_one_shot_for_the_engine():
    # The certificate lists Pentacel on 2017-11-01 under DTaP, Polio and Hib; the child got one shot.
    ava = child("Ava Green", "2017-09-01", "2017-09-15",
                [dose("DTaP", "2017-11-01", "Pentacel"), dose("Polio", "2017-11-01", "Pentacel"),
                 dose("Hib", "2017-11-01", "Pentacel"), dose("HepB", "2017-09-01")])
    history, refused = engine_history(ava)
    assert history == ((d("2017-09-01"), "45"), (d("2017-11-01"), "120"))
    assert refused == ()


def test_a_dose_without_product_is_the_groups_unspecified_vaccine_and_a_dose_before_birth_is_refused():
    liam = child("Liam Carter", "2017-09-01", "2017-09-15",
                 [dose("DTaP", "2017-11-01"), dose("Polio", "2017-11-01"), dose("HepB", "2017-08-30")])
    history, refused = engine_history(liam)
    assert history == ((d("2017-11-01"), vaccines.group("DTaP").unspecified_cvx),
                       (d("2017-11-01"), vaccines.group("Polio").unspecified_cvx))
    assert [r[0].vaccine_group for r in refused] == ["HepB"]
    assert "before the birth date" in refused[0][1]


def test_routine_record_follows_the_usual_ages():
    doses = routine("2017-04-10", "2018-04-10")
    by_group = {g: [x.given_on.isoformat() for x in doses if x.vaccine_group == g] for g in ROUTINE}
    assert by_group["HepB"] == ["2017-04-10", "2017-05-10", "2017-10-10"]
    assert by_group["DTaP"] == ["2017-06-10", "2017-08-10", "2017-10-10"]
    assert by_group["MMR"] == ["2018-04-10"]
