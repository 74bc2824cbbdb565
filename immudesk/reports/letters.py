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
from ..model import Facility
from ..resources import load_json
from ..states.status import ChildStatus
from . import pdf
from .roster import RosterSnapshot

NEEDS_LETTER = ("in_process", "not_up_to_date")
# A reminder lists the doses missing now and those coming due within this many days: a parent can act on
# those, while a dose due years ahead (the 4-year DTaP) would only bury them.
REMINDER_HORIZON_DAYS = 60
LETTER_KINDS = {"NC": ("non_compliance", "exclusion"), "MN": ("reminder",)}


@cache
def wording(state: str) -> dict:
    return load_json("letters", f"{state}.json")


@lru_cache(maxsize=1)
def common() -> dict:
    return load_json("letters", "common.json")


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


def letter_kind(status: ChildStatus, state: str) -> str | None:
    """Which letter a child needs today, or None: only children not up to date or in process get one (not a
    child whose record has a damaged date: it cannot say what is missing until the date is corrected)."""
    if status.status not in NEEDS_LETTER or status.child.unreadable:
        return None
    if state == "NC":
        return "exclusion" if status.must_exclude else "non_compliance"
    if state == "MN":
        return "reminder"
    return None


def letters_for(snapshot: RosterSnapshot, child: str | None = None) -> list[Letter]:
    """Every letter due today (children still attending), or the one for a child given by name or id."""
    state = snapshot.state
    if state not in LETTER_KINDS:
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


def dose_lines(status: ChildStatus, language: str, kind: str) -> list[str]:
    words = common()[language]
    lines = []
    if kind == "reminder":
        horizon = status.as_of + timedelta(days=REMINDER_HORIZON_DAYS)
        for name, compliance in status.groups.items():
            if compliance.exempt:
                continue
            label = vaccines.group(name).label_es if language == "es" else vaccines.group(name).label
            due = compliance.next_due
            if name in status.missing and (due is None or due <= status.as_of):
                lines.append(words["due_now"].format(label=label))
            elif due is not None and due <= horizon:
                lines.append(words["next_due"].format(label=label, date=spelled_date(due, language)))
        return lines
    for name in status.missing:
        label = vaccines.group(name).label_es if language == "es" else vaccines.group(name).label
        compliance = status.groups.get(name)
        if compliance is None or compliance.exempt:
            if compliance is None:
                lines.append(words["dose_needed_unknown"].format(label=label))
            continue
        count = max(compliance.required - compliance.valid, 1)
        needed = words["needed"][0 if count == 1 else 1].format(count=count)
        lines.append(words["dose_needed"].format(label=label, needed=needed, valid=compliance.valid,
                                                 required=compliance.required))
    return lines


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill {placeholders} (escaped for the PDF) and turn **bold** into <b>bold</b>."""
    escaped = pdf.escape(text)
    filled = re.sub(r"\{(\w+)\}", lambda m: pdf.escape(values.get(m.group(1), m.group(0))), escaped)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", filled)


def letter_values(letter: Letter, facility: Facility) -> dict[str, str]:
    status, language = letter.status, letter.language
    child = status.child
    last_day = status.last_allowed_day
    exclusion_from = max(last_day + timedelta(days=1), status.as_of) if last_day else status.as_of
    return {
        "child": child.name,
        "birth_date": spelled_date(child.birth_date, language),
        "first_day": spelled_date(child.enrolled_on, language),
        "last_day": spelled_date(last_day, language) if last_day else "",
        "exclusion_from": spelled_date(exclusion_from, language),
        "today": spelled_date(status.as_of, language),
        "provider": facility.name,
        "operator": facility.operator,
        "phone": facility.phone,
        "email": facility.email,
    }


def _bullets(lines: list[str], style) -> pdf.Table:
    table = pdf.Table([["•", Paragraph(line, style)] for line in lines], colWidths=[14, 6.4 * 72], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (0, -1), pdf.FONT, 10.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 18 if lines else 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def letter_story(letter: Letter, facility: Facility, state: str) -> list:
    s = pdf.styles()
    words = common()[letter.language]
    text = wording(state)[letter.kind][letter.language]
    values = letter_values(letter, facility)
    letterhead = [f"<b>{pdf.escape(facility.name)}</b>"]
    address = ", ".join(x for x in (facility.address, facility.city, facility.zip) if x)
    if address:
        letterhead.append(pdf.escape(address))
    letterhead.append(pdf.escape(" · ".join(x for x in (facility.phone, facility.email) if x)))
    story = [Paragraph("<br/>".join(letterhead), s["body"]), Spacer(1, 10),
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
    if not letters:
        raise UserError("no child needs a letter today: every child attending is up to date or has an exemption")
    story: list = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += letter_story(letter, snapshot.facility, snapshot.state)
    pdf.build(target, story, title=f"Parent letters · {snapshot.facility.name}", margins=0.75 * 72,
              footer_left=" · ".join(common()[lang]["confidential"] for lang in ("en", "es")), page_label="{n} / {total}")
