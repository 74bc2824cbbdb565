"""`immudesk letters [CHILD] [--as-of DATE] [--out PATH]`: the parent letters due today (NC notification of
non-compliance or of exclusion, MN reminder), in each child's language, one per page, as one PDF to print."""
from __future__ import annotations

import sys
from collections import Counter

from ..i18n import _, format_date, ngettext
from .report import save, snapshot_for


def register(subparsers) -> None:
    parser = subparsers.add_parser("letters",
                                   help=_("parent letters for every child not up to date, or for one child"))
    parser.add_argument("child", nargs="?", metavar="CHILD",
                        help=_("a child's name or id (default: every child who needs one)"))
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the letters are dated (default: today)"))
    parser.add_argument("--out", metavar="PATH", help=_("the PDF to write"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports import letters  # reportlab loads only when a document is made
    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    due = letters.letters_for(snapshot, args.child)
    if not due:
        who = args.child or _("any child")
        print(_("No letter is needed for {who} on {date}: up to date or exempt.").format(
            who=who, date=format_date(snapshot.as_of)), file=sys.stderr)
        return 0
    path = save(args.out or f"parent-letters-{snapshot.as_of.isoformat()}.pdf",
                lambda target: letters.write_pdf(due, snapshot, target))
    kinds = Counter(letter.kind.replace("_", "-") for letter in due)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(ngettext("Wrote {n} letter ({kinds}) to {path}.", "Wrote {n} letters ({kinds}) to {path}.",
                   len(due)).format(n=len(due), kinds=summary, path=path), file=sys.stderr)
    return 0
