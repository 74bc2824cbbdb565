"""The outbreak list: every attending child who is susceptible to one disease (no valid dose, too young, or
exempt), with why and the parent's phone number, as a one-page PDF to phone down and a CSV. Who is
susceptible is decided by immudesk.states.outbreak; this module only prints it, in the provider's language
(the CSV's column names stay as they are, for spreadsheets).
"""
from __future__ import annotations

import csv
import io
from datetime import date

from reportlab.platypus import Paragraph, Spacer, TableStyle

from ..csv_safety import safe_record
from ..errors import UserError
from ..i18n import N_, _, ngettext
from . import pdf
from .plain import short_date, tidy
from .record import age_text
from .roster import RosterSnapshot

CSV_COLUMNS = ("name", "birth_date", "age", "reason", "parent_name", "parent_phone", "parent_email")
# The diseases as the list's title names them (a provider may type any of these).
DISEASE_WORDS = (N_("measles"), N_("varicella"), N_("chickenpox"), N_("pertussis"), N_("whooping cough"))


def disease_named(disease: str) -> str:
    """The disease as the provider typed it, in the provider's language when immudesk knows the word."""
    word = " ".join(disease.split()).lower()
    return _(word) if word in DISEASE_WORDS and _(word) != word else disease


def susceptible_children(snapshot: RosterSnapshot, disease: str) -> list[tuple]:
    from ..states import outbreak

    try:
        return outbreak.susceptible(snapshot.attending(), disease)
    except outbreak.UnknownDisease:
        raise UserError(_("immudesk makes outbreak lists for {diseases}, not {disease!r}").format(
            diseases=", ".join(_(d) for d in outbreak.DISEASES), disease=disease)) from None


def outbreak_rows(snapshot: RosterSnapshot, disease: str) -> list[dict]:
    rows = []
    for status, reason in susceptible_children(snapshot, disease):
        child = status.child
        rows.append({"name": child.name, "birth_date": child.birth_date.isoformat(), "age": age_text(status),
                     "reason": tidy(reason), "parent_name": child.parent_name, "parent_phone": child.parent_phone,
                     "parent_email": child.parent_email})
    return rows


def outbreak_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_record(row) for row in rows)
    return out.getvalue()


def write_pdf(snapshot: RosterSnapshot, disease: str, rows: list[dict], target) -> None:
    """Landscape, one row per child: who, why susceptible, how to reach the parent (phone and e-mail), and a box
    to tick once the parent has been called or notified."""
    s = pdf.styles()
    attending = len(snapshot.attending())
    named = disease_named(disease)
    story = [
        Paragraph(f"{pdf.escape(snapshot.facility.name)} · " + _("outbreak list"), s["agency"]),
        Paragraph(pdf.escape(_("Children susceptible to {disease}").format(disease=named)), s["title"]),
        Paragraph(pdf.escape(ngettext(
            "{count} of {n} child attending, from the records as of {date}. The health department decides who "
            "must stay home.",
            "{count} of {n} children attending, from the records as of {date}. The health department decides who "
            "must stay home.", attending).format(count=len(rows), n=attending, date=short_date(snapshot.as_of))),
            s["subtitle"]),
    ]
    header = [Paragraph(f"<b>{x}</b>", s["cell"]) for x in (
        _("Child"), _("Born"), _("Age"), _("Why susceptible"), _("Parent"), _("Phone"), _("E-mail"),
        _("Called / notified"))]
    body = [[Paragraph(pdf.escape(r["name"]), s["cell_bold"]),
             Paragraph(short_date(date.fromisoformat(r["birth_date"])), s["cell"]), Paragraph(r["age"], s["cell"]),
             Paragraph(pdf.escape(r["reason"]), s["cell"]), Paragraph(pdf.escape(r["parent_name"]), s["cell"]),
             Paragraph(f"<b>{pdf.escape(r['parent_phone'])}</b>", s["cell"]),
             Paragraph(pdf.escape(r["parent_email"]), s["cell"]), "☐"] for r in rows]
    if not body:
        body = [["", "", "", Paragraph(_("No attending child is susceptible on the records."), s["cell"]),
                 "", "", "", ""]]
    widths = [1.5, 0.85, 0.9, 2.15, 1.15, 1.05, 1.5, 0.9]
    table = pdf.Table([header, *body], colWidths=[w * 72 for w in widths], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, pdf.GRID), ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
                               ("FONT", (0, 1), (-1, -1), pdf.FONT, 8), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONT", (-1, 1), (-1, -1), pdf.FONT, 14), ("ALIGN", (-1, 1), (-1, -1), "CENTER")]))
    story += [table, Spacer(1, 8),
              Paragraph(_("Confidential: names children and parents' numbers. Share only with the health "
                          "department."), s["small"])]
    pdf.build(target, story, title=_("Outbreak list: {disease}").format(disease=named), pagesize=pdf.LANDSCAPE,
              margins=0.5 * 72, page_label=_("Page {n} of {total}"),
              footer_left=_("Outbreak list ({disease}) · {facility} · confidential").format(
                  disease=named, facility=snapshot.facility.name))
