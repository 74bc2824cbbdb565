"""The CLI's commands, one module each. Add a module here to add a command (see immudesk/cli.py)."""
from . import (
    backup,
    demo,
    email,
    evaluate,
    facility,
    gui,
    letters,
    outbreak,
    record,
    records_due,
    report,
    roster,
    status,
    worksheets,
)

COMMAND_MODULES = [roster, facility, demo, gui, status, backup, report, worksheets, letters, outbreak, record, records_due,
                   email, evaluate]
