"""Who is susceptible in an outbreak (DOMAIN.md "Outbreaks"): among the children attending today, those with no
valid dose for their age, too young to have one, or exempt. The health department decides exclusion; the
provider needs this list at once."""
from __future__ import annotations

from ..acip import engine as _engine
from .acip_bridge import evaluate_record
from .status import ChildStatus

DISEASES = {"measles": "MMR", "varicella": "Varicella", "pertussis": "DTaP"}
# The everyday names a provider (and the README, and the window) uses for the same diseases.
PLAIN_NAMES = {"chickenpox": "varicella", "whooping cough": "pertussis"}
EXEMPTION_WORDS = {"medical": "medical exemption", "religious": "religious exemption",
                   "conscientious": "conscientious exemption"}


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
    key = PLAIN_NAMES.get(words, words)
    if key not in DISEASES:
        raise UnknownDisease(f"{disease!r}: outbreak lists are made for {', '.join(DISEASES)}")
    return key


def susceptible(statuses: list[ChildStatus], disease: str) -> list[tuple[ChildStatus, str]]:
    """(status, plain reason) for each attending child who is susceptible to `disease`, in roster order."""
    key = disease_key(disease)
    group = DISEASES[key]
    found = []
    for status in statuses:
        child = status.child
        if child.unreadable and not child.is_withdrawn(status.as_of):
            # Its dates cannot be trusted either way: listed, so the provider checks this child by hand.
            found.append((status, "the record has a damaged date: check this child's immunizations by hand"))
            continue
        if child.is_withdrawn(status.as_of) or child.enrolled_on > status.as_of:
            continue
        exempt = _exemption(status, group)
        if exempt:
            found.append((status, f"{EXEMPTION_WORDS.get(exempt, exempt)} from {group} on file"))
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
                found.append((status, "no valid DTaP dose" + (" (too young for one yet)"
                                                              if forecast and forecast.earliest > status.as_of else "")))
            elif behind or past_due:
                plural = "s" if len(valid) != 1 else ""
                found.append((status, f"behind on DTaP for their age ({len(valid)} valid dose{plural})"))
            continue
        if valid:
            continue
        forecast = result.forecast
        if forecast is not None and forecast.earliest > status.as_of:
            found.append((status, f"too young for {group} (first dose from {forecast.earliest.isoformat()})"))
        elif result.doses:
            found.append((status, f"no valid {group} dose (the one on record does not count)"))
        else:
            found.append((status, f"no {group} dose on record"))
    return found
