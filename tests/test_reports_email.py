""""Prepare email": the folder holds the report PDF, the counts CSV and an unsent .eml draft to the state's
reporting address, and nothing in it names a child or gives a birth date."""
from __future__ import annotations

import email
import email.policy

from test_reports_roster import nc_snapshot, nc_statuses, needs_poppler, pdf_text  # noqa: F401

from immudesk.reports.email_draft import prepare_email


def _personal_strings() -> set[str]:
    found = set()
    for status in nc_statuses():
        child = status.child
        found |= {child.first_name, child.last_name, child.name, child.birth_date.isoformat(),
                  f"{child.birth_date.month}/{child.birth_date.day}/{child.birth_date.year}", child.parent_phone}
        found |= {f"{child.birth_date:%B} {child.birth_date.day}, {child.birth_date.year}"}
    return found - {""}


def test_the_folder_holds_a_draft_to_the_state_with_both_attachments(nc_snapshot, tmp_path):
    package = prepare_email(nc_snapshot, tmp_path / "mail")
    assert sorted(p.name for p in package.folder.iterdir()) == [
        "2018-NC-immunization-report-counts.csv", "2018-NC-immunization-report.eml", "2018-NC-immunization-report.pdf"]
    message = email.message_from_bytes(package.draft.read_bytes(), policy=email.policy.default)
    assert message["To"] == "immunization.reports@dhhs.nc.gov"
    assert message["X-Unsent"] == "1"
    assert message["From"] == "dana@example.org"
    assert "2018" in message["Subject"] and "92000001" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "Children attending: 8" in body and "Not up to date: 2" in body
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {"2018-NC-immunization-report.pdf", "2018-NC-immunization-report-counts.csv"}
    assert attachments["2018-NC-immunization-report.pdf"].get_content()[:5] == b"%PDF-"
    assert "total" in attachments["2018-NC-immunization-report-counts.csv"].get_content()


@needs_poppler
def test_nothing_meant_for_email_names_a_child_or_a_birth_date(nc_snapshot, tmp_path):
    package = prepare_email(nc_snapshot, tmp_path / "mail")
    message = email.message_from_bytes(package.draft.read_bytes(), policy=email.policy.default)
    attached_pdf = tmp_path / "attached.pdf"
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    attached_pdf.write_bytes(attachments["2018-NC-immunization-report.pdf"])
    texts = {
        "pdf": pdf_text(package.report_pdf),
        "csv": package.counts_csv.read_text(encoding="utf-8-sig"),
        "eml headers": "".join(f"{k}: {v}\n" for k, v in message.items()),
        "eml body": message.get_body(("plain",)).get_content(),
        "eml attached csv": attachments["2018-NC-immunization-report-counts.csv"],
        "eml attached pdf": pdf_text(attached_pdf),
    }
    personal = _personal_strings()
    for where, text in texts.items():
        leaked = sorted(s for s in personal if s in text)
        assert leaked == [], f"{where} carries {leaked}"
    assert "8" in texts["csv"]            # but the counts are there
