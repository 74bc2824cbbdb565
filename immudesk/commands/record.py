"""`immudesk record CHILD [--as-of DATE] [--out PATH]`: one child's immunization record printout (every dose,
whether it counts and why not, what the law requires today, the child's status)."""
from __future__ import annotations

import re
import sys

from ..i18n import _
from .report import save, snapshot_for


def register(subparsers) -> None:
    parser = subparsers.add_parser("record", help=_("print one child's immunization record (PDF)"))
    parser.add_argument("child", metavar="CHILD", help=_("the child's name or id"))
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the record is judged (default: today)"))
    parser.add_argument("--out", metavar="PATH", help=_("the PDF to write"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports import record  # reportlab loads only when a document is made
    from ..reports.letters import find_children
    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    status = find_children(snapshot.statuses, args.child)[0]
    slug = re.sub(r"[^\w]+", "-", status.child.name).strip("-").lower() or "child"
    path = save(args.out or f"record-{slug}.pdf", lambda target: record.write_pdf(status, snapshot.facility, target))
    print(_("Wrote the record of {name} to {path}.").format(name=status.child.name, path=path), file=sys.stderr)
    return 0
