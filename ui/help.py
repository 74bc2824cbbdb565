"""The offline help page and the About box: what the window shows, what the statuses mean, the keyboard
shortcuts, and where the records live. No network: everything is in this file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from immudesk import __version__

translate = QCoreApplication.translate

# The help page in sections, each one message of the catalogue (translated whole, HTML and all).
HELP_SECTIONS = (
    QT_TRANSLATE_NOOP("Help", """<h2>immudesk help</h2>
<p>immudesk keeps your children's immunization records and tells you, for any day, who complies with your
state's child care immunization law. Everything stays on this computer.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>The roster</h3>
<p>One row per child. The <b>Status</b> column always shows an icon, a colour and words:</p>
<ul>
<li><b>✓ circle, green: Up to date</b>: every dose the law requires at this age is on record and counts.</li>
<li><b>clock, orange: In process</b>: doses are missing but the child is within the grace period
(North Carolina: 30 calendar days from the first day of attendance, or a date a physician certified).
The <b>Deadline</b> column counts the days left.</li>
<li><b>shield, blue: Medical / religious / conscientious exemption</b>: an exemption is on file. An exemption does
not make a child up to date.</li>
<li><b>diamond with !, vermillion: Not up to date</b>: doses are missing and no grace period applies.</li>
<li><b>octagon, dark red: May not attend</b>: the grace period is over; the child may not attend until the record
is brought up to date, a physician certifies the series is in process, or an exemption is on file.</li>
</ul>
<p><b>Deadline</b> says "12 days left", "due in 5 days" (a new requirement starts at a birthday) or "excluded
since …". <b>Next dose due</b> is the earliest date a further dose is due. <b>Missing vaccines</b> lists the
vaccine groups whose required doses are not all on record. Hover over a row to read the reasons.</p>
<p>Children who have left are shown in grey; untick <b>Withdrawn children</b> to hide them. When a child leaves,
use <b>Roster → Withdraw child</b> (or right-click the row): the record stays for the inspector.</p>
<p>The search box finds names however they are typed: "hernandez" finds Hernández.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Undo</h3>
<p><b>Ctrl+Z</b> takes back the last save or delete of a child's record, until you close immudesk. Changing the
facility's state first tells you how many children would change status, and asks.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>The demo home</h3>
<p><b>File → Try the demo home</b> opens invented children in a practice file of its own; the title bar says
DEMO. Nothing you do there reaches your records. <b>File → Back to my own records</b> leaves it.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Looking ahead</h3>
<p>Change the <b>Compliance on</b> date (or press <b>In 30 days</b>) to see who will be out of compliance then,
for example next month. <b>Today</b> brings you back.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>A child's record</h3>
<p>Press <b>Ctrl+N</b> for a new child, or Enter on a row to open a record. Dates are typed month first, as
certificates print them: 3/14/2025, 031425 or Mar 14 2025; the field says beside it what it read ("Fri, Mar 14,
2025"), and refuses what is not a date. A two-digit year means 20YY, except where the date cannot be in the future
(a birth, a dose): there it means 19YY when 20YY would be after today. Alt+Down opens a calendar.</p>
<p>On the <b>Vaccines</b> tab, type each line of the certificate: the date given, the vaccine or product as printed
(Pentacel, DTaP-IPV/Hib, PCV20, Hep B, MMR II …), Enter. The window shows what Enter will file; the date stays for
the next shot of the same day. For Hib the product matters (PedvaxHIB needs fewer doses). A combination vaccine
such as Pentacel is typed once and filed under every vaccine it covers. F2 on a dose corrects its date or product.
Each dose is marked <b>✓ counts</b> or <b>✗ does not count</b>, with the reason. Enter never saves: nothing is
saved until you press <b>Ctrl+S</b> or <b>Save</b>, and then the whole record is saved at once.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Outbreaks</h3>
<p><b>Roster → Outbreak</b> (Ctrl+Shift+O) lists the children susceptible to measles, chickenpox or whooping
cough (no valid dose for their age, too young, or exempt) with the parent's phone number.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Records to request</h3>
<p>Some states ask you to collect an updated record on a schedule (Minnesota: every 6 months for infants, every
year for toddlers, every 18 months for preschoolers; Washington: every year; Ohio: every 13 months; Illinois:
every 2 years).
<b>Roster → Records to request</b> (Ctrl+Shift+R) lists the children due now or within 30 days.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Spreadsheets</h3>
<p><b>File → Import roster CSV</b> adds the children in a spreadsheet saved as CSV. If anything in the file is
wrong, every problem is listed with its line and column and nothing is imported. <b>Export roster CSV</b> writes
the whole roster in the same format.</p>
"""),
    QT_TRANSLATE_NOOP("Help", """<h3>Keyboard</h3>
<table cellpadding="3">
<tr><td>Ctrl+N</td><td>new child</td></tr>
<tr><td>Enter / Ctrl+O</td><td>open the selected child's record</td></tr>
<tr><td>Ctrl+S</td><td>save the record (in the record window)</td></tr>
<tr><td>Ctrl+F</td><td>search</td></tr>
<tr><td>Ctrl+D / Ctrl+T</td><td>choose the as-of date / back to today</td></tr>
<tr><td>Ctrl+1 / Ctrl+0</td><td>show children who need action / show everyone</td></tr>
<tr><td>Ctrl+I / Ctrl+E</td><td>import / export the roster CSV</td></tr>
<tr><td>Ctrl+Z</td><td>undo the last save or delete</td></tr>
<tr><td>Ctrl+P</td><td>print (a report, the letters, a record, an outbreak list or the roster)</td></tr>
<tr><td>Ctrl+B</td><td>back up now</td></tr>
<tr><td>Ctrl+Shift+O</td><td>outbreak list</td></tr>
<tr><td>F1</td><td>this help</td></tr>
<tr><td>Ctrl+Q</td><td>quit</td></tr>
</table>
<p>Tab moves between fields; the underlined letter of a label (Alt+letter) jumps to its field.</p>
"""),
)


def help_html() -> str:
    """The help page in the window's language."""
    return "".join(QCoreApplication.translate("Help", section) for section in HELP_SECTIONS)


def states_html() -> str:
    """Each state immudesk knows: what its rules were checked against and what is still to verify."""
    from html import escape

    from immudesk.states import state_codes
    from immudesk.states.about import about_state

    parts = [translate("Help", "<h3>State rules</h3><p>Each state's law is one data file; here is what it was "
                               "checked against and which values are still to verify. The sources are named as "
                               "they are written, in English.</p>")]
    checked, to_verify = translate("Help", "Checked against:"), translate("Help", "To verify:")
    for code in state_codes():
        about = about_state(code)
        parts.append(f"<h4>{escape(about.name)} ({code})</h4><p>{checked}</p><ul>"
                     + "".join(f"<li>{escape(s)}</li>" for s in about.sources) + "</ul>")
        if about.to_verify:
            parts.append(f"<p>{to_verify}</p><ul>"
                         + "".join(f"<li>{escape(n)}</li>" for n in about.to_verify) + "</ul>")
        parts.append(f"<p>{escape(about.report)}</p>")
    return "".join(parts)


def about_text(db_path: Path) -> str:
    return f"immudesk {__version__}\n\n" + translate(
        "Help", "Immunization records and compliance for family child care homes.\n\nYour records are kept on this "
                "computer in:\n{file}\n\nNothing is sent over the internet. Backups are kept in the 'backups' "
                "folder beside it.").format(file=db_path)


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "immudesk help"))
        self.setAccessibleName("Help")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html() + states_html())
        self.browser.setAccessibleName("Help text")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(700, 640)
