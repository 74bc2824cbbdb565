"""The records a provider keeps: the facility, each child, their doses, exemptions, disease history and
physician-certified in-process periods. Plain data; the store reads and writes them, the rules read them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NewType

ChildId = NewType("ChildId", int)

ATTENDANCE_KINDS = ("regular", "occasional", "before_after_school", "school_full_time")
LANGUAGES = ("en", "es")
EXEMPTION_KINDS = ("medical", "religious", "conscientious")
DOSE_SOURCES = ("entered", "import", "demo", "registry")
ALL_GROUPS = "all"


@dataclass
class Facility:
    state: str = "NC"
    name: str = ""
    facility_id: str = ""
    county: str = ""
    care_type: str = "Family Child Care Home"
    operator: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    mailing_address: str = ""
    city: str = ""
    zip: str = ""
    reporter_name: str = ""
    reporter_email: str = ""


FACILITY_FIELDS = tuple(Facility.__dataclass_fields__)


@dataclass
class Dose:
    """One dose as the record shows it, filed under one vaccine group.

    A combination vaccine (Pentacel, Pediarix ...) is filed once under each group it covers, as the paper
    certificate lists it; the ACIP engine sees it once (see immudesk.evaluation).
    """
    vaccine_group: str
    given_on: date
    product: str | None = None   # CVX code or product name as the provider recorded it
    cvx: str | None = None       # resolved CVX code, when the product is known
    source: str = "entered"
    id: int | None = field(default=None, compare=False)  # the row's id once stored


@dataclass
class Exemption:
    kind: str                               # medical | religious | conscientious
    vaccine_groups: tuple[str, ...] = (ALL_GROUPS,)
    granted_on: date | None = None
    expires_on: date | None = None
    notes: str = ""
    id: int | None = field(default=None, compare=False)  # the row's id once stored

    def covers(self, group: str) -> bool:
        return ALL_GROUPS in self.vaccine_groups or group in self.vaccine_groups


@dataclass
class DiseaseHistory:
    disease: str          # "Varicella" (documented chickenpox)
    documented: str       # YYYY-MM-DD, or YYYY when only the year is known
    notes: str = ""
    id: int | None = field(default=None, compare=False)  # the row's id once stored


@dataclass
class InProcessPeriod:
    """A physician's certification that a series is under way and needs until this date (NC "in process")."""
    certified_until: date
    certified_on: date | None = None
    notes: str = ""
    id: int | None = field(default=None, compare=False)  # the row's id once stored


@dataclass
class Child:
    first_name: str
    last_name: str
    birth_date: date
    enrolled_on: date
    attendance: str = "regular"
    withdrawn_on: date | None = None
    parent_name: str = ""
    parent_email: str = ""
    parent_phone: str = ""
    language: str = "en"
    notes: str = ""
    doses: list[Dose] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)
    disease_history: list[DiseaseHistory] = field(default_factory=list)
    in_process: list[InProcessPeriod] = field(default_factory=list)
    id: ChildId | None = None
    # What the store found damaged in this child's stored record (a date that is not a date, or out of range),
    # in plain words. The rules do not judge such a record; it is shown as needing attention instead.
    unreadable: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def doses_for(self, group: str) -> list[Dose]:
        return sorted((d for d in self.doses if d.vaccine_group == group), key=lambda d: d.given_on)

    def exemptions_of(self, kind: str) -> list[Exemption]:
        return [e for e in self.exemptions if e.kind == kind]

    @property
    def varicella_disease(self) -> str | None:
        for history in self.disease_history:
            if history.disease == "Varicella":
                return history.documented
        return None

    @property
    def in_process_until(self) -> date | None:
        """The latest date a physician certified; None when there is no certification."""
        return max((p.certified_until for p in self.in_process), default=None)

    def is_withdrawn(self, on: date) -> bool:
        return self.withdrawn_on is not None and self.withdrawn_on <= on
