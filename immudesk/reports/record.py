"""A child's immunization record printout: who the child is, every dose with whether it counts (and why
not, in plain words), what the law requires today per vaccine, and the child's status. For the parent,
the inspector or the child's file. In the provider's language (immudesk.i18n); the vaccine names as printed on
US certificates.
"""
from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer, TableStyle

from .. import vaccines
from ..errors import UserError
from ..i18n import N_, _, language, ngettext
from ..model import Facility
from ..states.status import ChildStatus
from . import pdf
from .plain import age_words, short_date, tidy, why_not_counted

STATUS_LABELS = {
    "up_to_date": N_("Up to date"),
    "in_process": N_("In process (doses still being given)"),
    "medical_exemption": N_("Medical exemption"),
    "religious_exemption": N_("Religious exemption"),
    "conscientious_exemption": N_("Non-medical (conscientious) exemption"),
    "not_up_to_date": N_("Not up to date"),
}
EXEMPTION_KINDS = {"medical": N_("medical"), "religious": N_("religious"), "conscientious": N_("conscientious")}


def age_text(status: ChildStatus) -> str:
    return age_words(status.child.birth_date, status.as_of)


def status_line(status: ChildStatus) -> str:
    text = _(STATUS_LABELS.get(status.status, status.status))
    if status.must_exclude:
        text += " — " + _("the grace period is over: the child may not attend until the record is complete")
    elif status.last_allowed_day and status.status in ("in_process", "not_up_to_date"):
        left = (" (" + ngettext("{n} day left", "{n} days left", status.days_left).format(n=status.days_left) + ")"
                if status.days_left is not None else "")
        text += " — " + _("may attend through {date}").format(date=short_date(status.last_allowed_day)) + left
    return text


def _facts(status: ChildStatus) -> pdf.Table:
    s = pdf.styles()
    child = status.child
    exemptions = "; ".join(f"{_(EXEMPTION_KINDS.get(e.kind, e.kind))} ({', '.join(e.vaccine_groups)})"
                           for e in child.exemptions) or _("none")
    rows = [
        (_("Birth date"), _("{birth} (age {age} on {date})").format(birth=short_date(child.birth_date),
                                                                  age=age_text(status), date=short_date(status.as_of))),
        (_("First day of attendance"), short_date(child.enrolled_on)),
        (_("Parent or guardian"), " · ".join(x for x in (child.parent_name, child.parent_phone, child.parent_email)
                                             if x)),
        (_("Exemptions on file"), exemptions),
    ]
    if child.varicella_disease:
        rows.append((_("Chickenpox history"), _("documented {when}").format(when=tidy(str(child.varicella_disease)))))
    if child.in_process_until:
        rows.append((_("Physician certified in process until"), short_date(child.in_process_until)))
    if child.withdrawn_on:
        rows.append((_("Left the program"), short_date(child.withdrawn_on)))
    cells = [(label, pdf.escape(value)) for label, value in rows]
    cells.append((_("Status"), f"<b>{pdf.escape(status_line(status))}</b>"))
    table = pdf.Table([[Paragraph(label, s["cell_bold"]), Paragraph(value, s["body"])] for label, value in cells],
                  colWidths=[2.1 * 72, 5.1 * 72], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, pdf.SHADE),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _doses(status: ChildStatus) -> pdf.Table:
    s = pdf.styles()
    header = [Paragraph(f"<b>{x}</b>", s["cell"])
              for x in (_("Vaccine"), _("Required now"), _("Valid"), _("Doses on record"))]
    rows = [header]
    short_rows = []
    for name in vaccines.GROUP_NAMES:
        compliance = status.groups.get(name)
        if compliance is None:
            continue
        lines = []
        for dose in compliance.doses:
            product = f" ({pdf.escape(dose.product)})" if dose.product else ""
            if dose.valid:
                verdict = _("counts")
            else:
                why = why_not_counted(dose.reason)
                verdict = f"<b>{_('does not count')}</b>" + (f": {pdf.escape(tidy(why))}" if why else "")
            # What the rules assumed for a dose recorded without its product (PCV13 or later after 2010).
            assumed = f" ({pdf.escape(dose.assumed)})" if dose.assumed else ""
            lines.append(f"{short_date(dose.given_on)}{product} — {verdict}{assumed}")
        if compliance.exempt:
            lines.append("<i>" + _("{kind} exemption on file").format(
                kind=_(EXEMPTION_KINDS.get(compliance.exempt, compliance.exempt))) + "</i>")
        if compliance.note:
            lines.append(f"<i>{pdf.escape(tidy(compliance.note))}</i>")
        # An exempt vaccine has no next dose to chase; a date already past is overdue, not "due by".
        if compliance.next_due and not compliance.exempt:
            if compliance.next_due <= status.as_of:
                lines.append("<b>" + _("overdue since {date}").format(date=short_date(compliance.next_due)) + "</b>")
            else:
                lines.append(_("next dose due by {date}").format(date=short_date(compliance.next_due)))
        short = not compliance.met and not compliance.exempt
        group = vaccines.group(name)
        rows.append([Paragraph(pdf.escape(group.label_es if language() == "es" else group.label), s["cell"]),
                     str(compliance.required), f"{compliance.valid}{pdf.SHORT_MARK if short else ''}",
                     Paragraph("<br/>".join(lines) or _("none"), s["cell"])])
        if short:
            short_rows.append(len(rows) - 1)
    # The count columns fit their headings in Spanish too ("Requeridas ahora", "Válidas") without a broken word.
    table = pdf.Table(rows, colWidths=[1.7 * 72, 0.95 * 72, 0.75 * 72, 3.8 * 72], repeatRows=1, hAlign="LEFT")
    style = [("GRID", (0, 0), (-1, -1), 0.5, pdf.GRID), ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
             ("FONT", (1, 1), (2, -1), pdf.FONT_BOLD, 9), ("ALIGN", (1, 1), (2, -1), "CENTER"),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("BACKGROUND", (1, row), (2, row), pdf.SHORT) for row in short_rows]
    table.setStyle(TableStyle(style))
    return table


def record_story(status: ChildStatus, facility: Facility) -> list:
    s = pdf.styles()
    story = [
        Paragraph(f"{pdf.escape(facility.name)} · " + _("immunization record"), s["agency"]),
        Paragraph(pdf.escape(status.child.name), s["title"]),
        Paragraph(pdf.escape(_("As evaluated on {date} under {state} law").format(
            date=short_date(status.as_of), state=facility.state)), s["subtitle"]),
        _facts(status), Spacer(1, 10), _doses(status),
    ]
    if status.reasons:
        story += [Paragraph(_("What this means"), s["heading"])]
        story += [Paragraph("• " + pdf.escape(tidy(reason)), s["body"]) for reason in status.reasons]
    story += [Spacer(1, 8), Paragraph(f"{pdf.SHORT_MARK} " + pdf.escape(_(
        "(and shading): a count short of what the child's age requires. A dose that does not count was given too "
        "early or too close to the one before; it may need to be repeated. Confidential: show only to the parent, "
        "licensing or public health.")), s["small"])]
    return story


def write_pdf(status: ChildStatus, facility: Facility, target) -> None:
    if status.child.unreadable:
        # A printed record with a stand-in date would look authoritative; say what to correct instead.
        raise UserError(_("{name}'s record has a damaged date ({problem}); open the record, correct it and save, "
                          "then print it").format(name=status.child.name, problem=status.child.unreadable[0]))
    pdf.build(target, record_story(status, facility), page_label=_("Page {n} of {total}"),
              title=_("Immunization record · {name}").format(name=status.child.name),
              footer_left=_("Immunization record of {name} · {facility} · confidential").format(
                  name=status.child.name, facility=facility.name))
