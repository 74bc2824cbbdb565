""""Prepare email": a folder holding the annual report PDF, the CSV of counts and a ready .eml draft, which any
mail program opens as an unsent message. The draft is never the filing: NC takes the report only through its
online form, so the draft is a question to the state's questions address with the counts attached, and
`filing_note` says so in the words the command and the window print.

immudesk never sends anything itself (it stays offline); the provider reviews the draft and sends it.
Everything in the folder carries counts only, never a child's name or birth date: mail leaves the laptop.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path

from . import annual
from .letters import wording
from .roster import RosterSnapshot


@dataclass
class EmailPackage:
    folder: Path
    report_pdf: Path
    counts_csv: Path
    draft: Path
    to: str
    filing_note: str = ""      # "this is not the filing; file at ..." (from resources/letters/STATE.json)


def _file_stem(report: annual.AnnualReport) -> str:
    return f"{report.report_year}-{report.state}-immunization-report"


def _values(report: annual.AnnualReport) -> defaultdict:
    f = report.facility
    text = wording(report.state)["report_email"]
    return defaultdict(lambda: "0", {
        "online_form": text.get("online_form", ""),
        "year": str(report.report_year), "facility": f.name, "facility_id": f.facility_id, "county": f.county,
        "as_of": annual.long_date(report.as_of), "operator": f.reporter_name or f.operator, "phone": f.phone,
        **{column: str(count) for column, count in report.groups.get("total", {}).items()},
    })


def filing_note(report: annual.AnnualReport) -> str:
    """What the provider must know before sending: the draft is not the filing, and where the filing goes."""
    return wording(report.state)["report_email"].get("filing_note", "").format_map(_values(report))


def draft_message(report: annual.AnnualReport, attachments: list[Path]) -> EmailMessage:
    text = wording(report.state)["report_email"]
    f = report.facility
    values = _values(report)
    message = EmailMessage(policy=SMTP)
    if text["to"]:
        message["To"] = text["to"]
    sender = f.reporter_email or f.email
    if sender:
        message["From"] = sender
    message["Subject"] = text["subject"].format_map(values)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="immudesk.local")
    # Mail programs (Thunderbird, Outlook, Apple Mail) open a message with this header as a draft to send.
    message["X-Unsent"] = "1"
    message.set_content(text["body"].format_map(values))
    for path in attachments:
        maintype, subtype = ("application", "pdf") if path.suffix == ".pdf" else ("text", "csv")
        data = path.read_bytes()
        if maintype == "text":
            message.add_attachment(data.decode("utf-8-sig"), subtype=subtype, filename=path.name)
        else:
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return message


def prepare_email(snapshot: RosterSnapshot, folder: Path) -> EmailPackage:
    """Write the report PDF, the counts CSV and the draft into `folder` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    report = annual.annual_report(snapshot)
    stem = _file_stem(report)
    report_pdf = folder / f"{stem}.pdf"
    counts_csv = folder / f"{stem}-counts.csv"
    annual.write_pdf(report, str(report_pdf))
    annual.write_csv(report, counts_csv)
    draft = folder / f"{stem}.eml"
    message = draft_message(report, [report_pdf, counts_csv])
    draft.write_bytes(message.as_bytes())
    return EmailPackage(folder, report_pdf, counts_csv, draft, message.get("To", ""), filing_note(report))
