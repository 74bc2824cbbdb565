"""Who is susceptible in an outbreak (DOMAIN.md "Outbreaks"): among the children attending today, those with no
valid dose for their age, too young to have one, or exempt. The health department decides exclusion; the
provider needs this list at once."""
from __future__ import annotations

from ..acip import engine as _engine
from ..i18n import N_, say, say_data, say_n
from .acip_bridge import evaluate_record
from .status import ChildStatus

DISEASES = {"measles": "MMR", "varicella": "Varicella", "pertussis": "DTaP"}
# The everyday names a provider (and the README, and the window) uses for the same diseases.
PLAIN_NAMES = {"chickenpox": "varicella", "whooping cough": "pertussis"}
# And as a Spanish-speaking provider writes them (with or without the accent).
SPANISH_NAMES = {"sarampión": "measles", "sarampion": "measles", "varicela": "varicella", "tos ferina": "pertussis"}
EXEMPTION_WORDS = {"medical": N_("medical exemption"), "religious": N_("religious exemption"),
                   "conscientious": N_("conscientious exemption")}


class UnknownDisease(ValueError):
    pass


def _exemption(status: ChildStatus, group: str) -> str | None:
    compliance = status.groups.get(group)
    if compliance is not None and compliance.exempt:
        return compliance.exempt
    # A group the state does not assess (none today) can still be exempt on the record.
    for exemption in status.child.exemptions:
        if exemption.covers(group):
            return exemption.kind
    return None


def disease_key(disease: str) -> str:
    """The key of DISEASES for a disease's name, plain or medical, any case: 'Whooping cough' -> 'pertussis'."""
    words = " ".join(disease.replace("-", " ").replace("_", " ").split()).lower()
    key = PLAIN_NAMES.get(words) or SPANISH_NAMES.get(words, words)
    if key not in DISEASES:
        raise UnknownDisease(f"{disease!r}: outbreak lists are made for {', '.join(DISEASES)}")
    return key


def susceptible(statuses: list[ChildStatus], disease: str) -> list[tuple[ChildStatus, str]]:
    """(status, plain reason) for each attending child who is susceptible to `disease`, in roster order (the
    reason an i18n.Text: the language of the moment, .english for a file)."""
    key = disease_key(disease)
    group = DISEASES[key]
    found = []
    for status in statuses:
        child = status.child
        if child.unreadable and not child.is_withdrawn(status.as_of):
            # Its dates cannot be trusted either way: listed, so the provider checks this child by hand.
            found.append((status, say("the record has a damaged date: check this child's immunizations by hand")))
            continue
        if child.is_withdrawn(status.as_of) or child.enrolled_on > status.as_of:
            continue
        exempt = _exemption(status, group)
        if exempt:
            found.append((status, say("{exemption} from {group} on file",
                                      exemption=say(EXEMPTION_WORDS.get(exempt, exempt)), group=say_data(group))))
            continue
        result = evaluate_record(child, max(status.as_of, child.birth_date)).results[group]
        valid = [d for d in result.doses if d.evaluation == _engine.VALID]
        if result.series_status in (_engine.IMMUNE,):
            continue
        if key == "pertussis":
            compliance = status.groups.get(group)
            behind = compliance is not None and not compliance.met
            forecast = result.forecast
            past_due = forecast is not None and forecast.past_due is not None and forecast.past_due <= status.as_of
            if not valid:
                found.append((status, say("no valid DTaP dose (too young for one yet)")
                              if forecast and forecast.earliest > status.as_of else say("no valid DTaP dose")))
            elif behind or past_due:
                found.append((status, say_n("behind on DTaP for their age ({n} valid dose)",
                                            "behind on DTaP for their age ({n} valid doses)", len(valid))))
            continue
        if valid:
            continue
        forecast = result.forecast
        if forecast is not None and forecast.earliest > status.as_of:
            found.append((status, say("too young for {group} (first dose from {date})", group=say_data(group),
                                      date=forecast.earliest)))
        elif result.doses:
            found.append((status, say("no valid {group} dose (the one on record does not count)", group=say_data(group))))
        else:
            found.append((status, say("no {group} dose on record", group=say_data(group))))
    return found
