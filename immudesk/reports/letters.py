"""Parent letters, one per page, in the child's language: NC's notification of non-compliance and of
exclusion, Minnesota's reminder. The wording lives in resources/letters/*.json; this module only picks who
gets which letter (from ChildStatus) and fills in the child's facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, TableStyle

from .. import vaccines
from ..errors import UserError
from ..i18n import english
from ..model import Facility
from ..resources import load_json
from ..states.rules import load_state
from ..states.status import ChildStatus
from . import pdf, plain
from .roster import RosterSnapshot

# A reminder lists the doses missing now and those coming due within this many days: a parent can act on
# those, while a dose due years ahead (the 4-year DTaP) would only bury them.
REMINDER_HORIZON_DAYS = 60
# The letters a state's file may define: the one for a child who may not attend, and the one for a child who
# may still attend but lacks doses (NC's notice of non-compliance, MN's reminder).
EXCLUSION = "exclusion"
BLANK = "______________"
NOTICES = ("non_compliance", "reminder")


@cache
def wording(state: str) -> dict:
    return load_json("letters", f"{state}.json")


@lru_cache(maxsize=1)
def common() -> dict:
    return load_json("letters", "common.json")


def letter_kinds(state: str) -> tuple[str, ...]:
    """The letters resources/letters/STATE.json defines (none when the state has no letters file)."""
    try:
        data = wording(state)
    except (OSError, LookupError, ValueError):
        return ()
    return tuple(kind for kind in (*NOTICES, EXCLUSION) if kind in data)


def language_of(status: ChildStatus) -> str:
    return status.child.language if status.child.language in common() else "en"


def spelled_date(day: date | None, language: str) -> str:
    if day is None:
        return ""
    words = common()[language]
    return words["date"].format(month=words["months"][day.month - 1], day=day.day, year=day.year)


@dataclass
class Letter:
    status: ChildStatus
    kind: str           # non_compliance | exclusion | reminder
    language: str


def uncovered(status: ChildStatus) -> list[str]:
    """The vaccine groups a child lacks that no exemption covers: what a letter asks the parent for."""
    return [g for g in status.missing if status.groups.get(g) is None or not status.groups[g].exempt]


def letter_kind(status: ChildStatus, state: str) -> str | None:
    """Which letter a child needs today, or None.

    Whatever the child's status column: a child who must be excluded gets the exclusion letter (an exemption for
    one vaccine does not cover another), and a child who lacks doses no exemption covers gets the notice. A child whose
    record has a damaged date gets none until the date is corrected.
    """
    if status.child.unreadable:   # a damaged stored date: nothing can be said until it is corrected
        return None
    if status.status == "up_to_date" or not uncovered(status):
        return None
    kinds = letter_kinds(state)
    if status.must_exclude and EXCLUSION in kinds:
        return EXCLUSION
    return next((kind for kind in NOTICES if kind in kinds), None)


def letters_for(snapshot: RosterSnapshot, child: str | None = None) -> list[Letter]:
    """Every letter due today (children still attending), or the one for a child given by name or id."""
    state = snapshot.state
    if not letter_kinds(state):
        raise UserError(f"immudesk has no parent letters for {state} yet")
    statuses = snapshot.attending()
    if child is not None:
        statuses = find_children(statuses, child)
    letters = []
    for status in statuses:
        kind = letter_kind(status, state)
        if kind:
            letters.append(Letter(status, kind, language_of(status)))
    return letters


def find_children(statuses: list[ChildStatus], wanted: str) -> list[ChildStatus]:
    """The child named (any case, first and last name) or with that id; a clear error when none or several."""
    key = wanted.strip().casefold()
    found = [s for s in statuses if str(s.child.id) == key or s.child.name.casefold() == key]
    if not found:
        found = [s for s in statuses if key in s.child.name.casefold()]
    if not found:
        raise UserError(f"no child on the roster matches {wanted!r}; `immudesk status --json` lists them")
    if len(found) > 1:
        names = ", ".join(f"{s.child.name} (id {s.child.id}, born {s.child.birth_date})" for s in found)
        raise UserError(f"several children match {wanted!r}: {names}; give the id or the full name")
    return found


def _label(name: str, language: str) -> str:
    group = vaccines.group(name)
    return group.label_es if language == "es" else group.label


# Spanish for the rules layer's reasons (written in English): a parent reads the kind of reason in plain words.
_WHY_ES = (("live vaccine", "live"), ("grace period", "grace"), ("after the previous", "too_soon"),
           ("too soon", "too_soon"), ("before", "too_young"), ("too young", "too_young"))


def why_not_counted(reason: str | None, language: str) -> str:
    words = common()[language]
    if language == "en" or "why" not in words:
        why = plain.why_not_counted(reason)
        return ("it was " + why) if why.startswith("given") else why
    kind = next((key for text, key in _WHY_ES if text in (reason or "")), "other")
    return words["why"][kind]


def not_counted_lines(status: ChildStatus, name: str, language: str) -> list[str]:
    """One sentence per dose on the card that does not count for a group the child still lacks."""
    words = common()[language]
    compliance = status.groups.get(name)
    lines = []
    for dose in compliance.doses if compliance else []:
        if dose.valid:
            continue
        why = why_not_counted(english(dose.reason), language)   # the rules' English, whatever the provider's
        template = words["not_counted"] if why else words["not_counted_no_reason"]
        lines.append(template.format(date=spelled_date(dose.given_on, language), why=why))
    return lines


def _count_words(words: dict, key: str, count: int) -> str:
    return words[key][0 if count == 1 else 1].format(count=count)


def dose_lines(status: ChildStatus, language: str, kind: str) -> list[str]:
    words = common()[language]
    lines = []
    if kind == "reminder":
        horizon = status.as_of + timedelta(days=REMINDER_HORIZON_DAYS)
        for name, compliance in status.groups.items():
            if compliance.exempt:
                continue
            label = _label(name, language)
            due = compliance.next_due
            if name in status.missing and (due is None or due <= status.as_of):
                lines.append(" ".join([words["due_now"].format(label=label),
                                       *not_counted_lines(status, name, language)]))
            elif due is not None and due <= horizon:
                lines.append(words["next_due"].format(label=label, date=spelled_date(due, language)))
        return lines
    for name in uncovered(status):
        label = _label(name, language)
        compliance = status.groups.get(name)
        if compliance is None:
            lines.append(words["dose_needed_unknown"].format(label=label))
            continue
        count = max(compliance.required - compliance.valid, 1)
        line = words["dose_needed"].format(label=label, needed=_count_words(words, "needed", count),
                                           valid=_count_words(words, "valid", compliance.valid),
                                           required=_count_words(words, "required", compliance.required))
        lines.append(" ".join([line, *not_counted_lines(status, name, language)]))
    return lines


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill {placeholders} (escaped for the PDF) and turn **bold** into <b>bold</b>."""
    escaped = pdf.escape(text)
    filled = re.sub(r"\{(\w+)\}", lambda m: pdf.escape(values.get(m.group(1), m.group(0))), escaped)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", filled)


def period_start(status: ChildStatus) -> tuple[str, date | None]:
    """What the child's time to bring the record counts from: ("attendance" | "new_requirement" | "physician",
    the day it starts). Read back from the last allowed day the rules layer computed (immudesk.states)."""
    last_day = status.last_allowed_day
    child = status.child
    if last_day is None:
        return "attendance", child.enrolled_on
    rules = load_state(status.state or "NC")
    if rules.grace.physician_extension and child.in_process_until == last_day:
        return "physician", None
    if rules.grace.kind == "days_from_attendance":
        start = last_day - timedelta(days=rules.grace.days)
        if start > child.enrolled_on:
            return "new_requirement", start
    return "attendance", child.enrolled_on


def letter_values(letter: Letter, facility: Facility) -> dict[str, str]:
    status, language = letter.status, letter.language
    child = status.child
    last_day = status.last_allowed_day
    # Excluded from the day after the period ended (not from the day the letter is printed); a child who never had
    # a period (a series never started, in Minnesota) from the letter's date.
    exclusion_from = last_day + timedelta(days=1) if last_day else status.as_of
    basis, start = period_start(status)
    values = {
        "child": child.name,
        "birth_date": spelled_date(child.birth_date, language),
        "first_day": spelled_date(child.enrolled_on, language),
        "last_day": spelled_date(last_day, language) if last_day else "",
        "grace_start": spelled_date(start, language),
        "exclusion_from": spelled_date(exclusion_from, language),
        "today": spelled_date(status.as_of, language),
        "provider": facility.name,
        "operator": facility.operator,
        # A blank to write on rather than a broken sentence ("contact me at  or .") when the field is empty.
        "phone": facility.phone or BLANK,
        "email": facility.email or BLANK,
    }
    bases = wording(status.state or "NC").get(letter.kind, {}).get(language, {}).get("period_basis", {})
    # Filled as plain text: the paragraph it goes into is escaped once, when the letter is laid out.
    values["period_basis"] = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)),
                                    bases.get(basis, ""))
    return values


def _bullets(lines: list[str], style) -> pdf.Table:
    table = pdf.Table([["•", Paragraph(line, style)] for line in lines], colWidths=[14, 6.4 * 72], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (0, -1), pdf.FONT, 10.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 18 if lines else 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def letterhead(facility: Facility) -> Paragraph:
    """The provider's name, full address (street, city, state and ZIP code), phone and e-mail."""
    place = " ".join(x for x in (facility.state, facility.zip) if x)
    address = ", ".join(x for x in (facility.address, facility.city, place) if x)
    lines = [f"<b>{pdf.escape(facility.name)}</b>"]
    if address:
        lines.append(pdf.escape(address))
    contact = " · ".join(x for x in (facility.phone, facility.email) if x)
    if contact:
        lines.append(pdf.escape(contact))
    return Paragraph("<br/>".join(lines), pdf.styles()["body"])


def letter_story(letter: Letter, facility: Facility, state: str) -> list:
    s = pdf.styles()
    words = common()[letter.language]
    text = wording(state)[letter.kind][letter.language]
    values = letter_values(letter, facility)
    story = [pdf.DocumentStart(page_label=words.get("page", "Page {n} of {total}")),
             letterhead(facility), Spacer(1, 10),
             Paragraph(values["today"], s["body"]), Spacer(1, 10),
             Paragraph(_fill(words["to"], values), s["letter"]), Spacer(1, 4),
             Paragraph(_fill(text["title"], values), s["heading"]), Spacer(1, 4)]
    for paragraph in text["paragraphs"]:
        if paragraph == "{doses}":
            story += [_bullets([pdf.escape(line) for line in dose_lines(letter.status, letter.language, letter.kind)],
                               s["letter"]), Spacer(1, 8)]
        elif paragraph == "{proof}":
            story += [_bullets([_fill(line, values) for line in text["proof"]], s["letter"]), Spacer(1, 8)]
        else:
            if "{last_day}" in paragraph and not values["last_day"]:
                # No time window applies (a series never started): the letter asks for the record at once.
                paragraph = text.get("without_last_day", paragraph)
            story.append(Paragraph(_fill(paragraph, values), s["letter"]))
    signature = pdf.Table([
        [Paragraph(words["sincerely"], s["letter"]), ""],
        ["", ""],
        [Paragraph(f"{words['signature']}: ______________________________", s["body"]),
         Paragraph(f"{words['signature_date']}: ______________", s["body"])],
        [Paragraph(pdf.escape(facility.operator) + "<br/>" + pdf.escape(facility.name), s["body"]), ""],
    ], colWidths=[4.3 * 72, 2.5 * 72], rowHeights=[None, 18, None, None], hAlign="LEFT")
    signature.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    received = Paragraph(f"{words['received']}: ______________________________ &nbsp; "
                         f"{words['signature_date']}: ______________", s["small"])
    story += [Spacer(1, 4), KeepTogether([signature, Spacer(1, 16), received])]
    return story


def write_pdf(letters: list[Letter], snapshot: RosterSnapshot, target) -> None:
    """One PDF, each letter starting on a new page and numbered on its own ("Page 1 of 2" of that letter)."""
    if not letters:
        raise UserError("no child needs a letter today: every child attending is up to date or has an exemption")
    story: list = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += letter_story(letter, snapshot.facility, snapshot.state)
    pdf.build(target, story, title=f"Parent letters · {snapshot.facility.name}", margins=0.75 * 72,
              footer_left=" · ".join(common()[lang]["confidential"] for lang in ("en", "es")))
