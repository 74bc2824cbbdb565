"""`immudesk backup`, `restore`, `check`, `changelog` and `encrypt`: the data-safety commands (INTERFACES.md)."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..errors import DamagedDatabase, DatabaseError, UserError
from ..i18n import _, ngettext
from ..store import crypto
from ..store.integrity import check_file, unreadable_records, wal_problems
from ..store.paths import backups_dir, resolve_db_path


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help=_("write a verified copy of the database"))
    parser.add_argument("--out", metavar="PATH",
                        help=_("where to write it (default: the backups folder beside it)"))
    parser.add_argument("--list", action="store_true", help=_("list the backups in the backups folder instead"))
    parser.set_defaults(run=run_backup)

    parser = subparsers.add_parser("restore", help=_("replace the database with a backup, after checking it"))
    parser.add_argument("path", metavar="PATH", nargs="?",
                        help=_("the backup to restore (without it: name the newest good backup)"))
    parser.set_defaults(run=run_restore)

    parser = subparsers.add_parser("check", help=_("run the full integrity check of the database and its backups"))
    parser.set_defaults(run=run_check)

    parser = subparsers.add_parser("changelog", help=_("show every change to the records, when it happened"))
    parser.add_argument("--out", metavar="FILE.csv", help=_("write it as CSV (for an inspector) instead"))
    parser.set_defaults(run=run_changelog)

    parser = subparsers.add_parser(
        "encrypt", help=_("encrypt the database and its backups with a passphrase (or change the passphrase)"),
        description=_("Encrypts the database and every backup. The new passphrase comes from "
                      "IMMUDESK_NEW_PASSPHRASE or is asked twice; the current one (to change it) from "
                      "IMMUDESK_PASSPHRASE or asked. Close the window first. A lost passphrase cannot be "
                      "recovered."))
    parser.set_defaults(run=run_encrypt)


def _db(context) -> Path:
    return resolve_db_path(context.db)


# store.backup and store.changelog are imported by the commands that use them: every command, the window
# included, starts by building the parser from this module.
def run_backup(args, context) -> int:
    from ..store import backup as backups

    db_path = _db(context)
    if args.list:
        print(backups.backup_summary(db_path))
        return 0
    with context.open_store():
        pass  # the same checks and passphrase as every command: a damaged database is not copied as good
    target = backups.make_backup(db_path, "manual", Path(args.out) if args.out else None)
    print(_("Backed up {database} to {target} (checked: every table copied whole).").format(database=db_path,
                                                                                         target=target))
    return 0


def run_restore(args, context) -> int:
    from ..store import backup as backups

    from ..store.operations import restore

    db_path = _db(context)
    if not args.path:
        good = backups.newest_good_backup(db_path)
        if good is None:
            raise UserError(_("no backup that passes its check was found in {folder}").format(
                folder=backups_dir(db_path)))
        print(_("The newest good backup is {backup}. To restore it, run:").format(backup=good)
              + f"\n  immudesk restore \"{good}\"")
        return 0
    result = restore(db_path, Path(args.path))
    print(_("Restored {database} from {backup}.").format(database=db_path, backup=result.source)
          + (" " + _("The database it replaced is kept as {kept}.").format(kept=result.kept) if result.kept else ""))
    return 0


def run_check(args, context) -> int:
    from ..store import backup as backups

    db_path = _db(context)
    if not db_path.exists():
        raise UserError(_("there is no database at {database}").format(database=db_path))
    key = crypto.passphrase_for(db_path)
    if crypto.is_encrypted(db_path):   # without the right passphrase the file cannot be checked, nor called damaged
        if not key:
            raise crypto.PassphraseNeeded(f"{db_path} is encrypted: set IMMUDESK_PASSPHRASE to its passphrase to "
                                          "check it")
        if not crypto.check_passphrase(db_path, key):
            raise crypto.WrongPassphrase(f"the passphrase in IMMUDESK_PASSPHRASE does not open {db_path}, so it was "
                                         "not checked")
    # The log first: opening the file through SQLite would replay only its readable part.
    problems = wal_problems(db_path) or check_file(db_path, key)
    if problems:
        # The same message as at open: what is wrong, and the newest good backup to go back to.
        raise DamagedDatabase(backups.damaged_message(db_path, problems))
    with context.open_store() as store:
        unreadable = unreadable_records(store.children())
    if unreadable:
        raise DatabaseError(
            f"{db_path} is whole, but {len(unreadable)} child record{'s hold' if len(unreadable) > 1 else ' holds'} "
            "a value that cannot be read, so immudesk does not judge "
            + ("them" if len(unreadable) > 1 else "it") + ":\n  " + "\n  ".join(unreadable)
            + "\nCorrect each: open the child in the window, type the right date (from the child's certificate) "
            "and save. A backup from before the damage holds the value as it was (`immudesk backup --list`).")
    print(_("{database} passes the full integrity check.").format(database=db_path))
    for entry in backups.list_backups(db_path):
        if entry.reason == "damaged":
            print(f"  {entry.path.name}: " + _("a damaged database kept when it was replaced (not a backup to "
                                               "restore)"))
            continue
        found = check_file(entry.path, key)
        print("  " + (_("backup {name}: good") if not found else _("backup {name}: DAMAGED ({problem})")).format(
            name=entry.path.name, problem=found[0] if found else ""))
    return 0


def run_changelog(args, context) -> int:
    from ..store import changelog

    with context.open_store() as store:
        if args.out:
            try:
                count = changelog.export_csv(store, args.out)
            except OSError as error:
                raise UserError(_("cannot write {path}: {problem}").format(path=args.out,
                                                                           problem=error.strerror or error)) from None
            print(ngettext("Wrote {n} change to {path}.", "Wrote {n} changes to {path}.", count).format(
                n=count, path=args.out))
            return 0
        log = changelog.entries(store)
    if not log:
        print(_("No changes recorded yet."))
    for entry in log:
        print(f"{entry.changed_at}  {entry.event:<26} {entry.child:<30} {entry.detail}")
    return 0


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(_("no passphrase given: set IMMUDESK_NEW_PASSPHRASE (and IMMUDESK_PASSPHRASE to change "
                          "an existing one), or run this in a terminal to be asked"))
    return getpass.getpass(prompt)


def run_encrypt(args, context) -> int:
    db_path = _db(context)
    old = None
    if crypto.is_encrypted(db_path):
        old = crypto.passphrase_for(db_path) or _ask(_("Current passphrase: "))
        if not crypto.check_passphrase(db_path, old):
            raise crypto.WrongPassphrase(_("that is not the passphrase of {database}; nothing was changed").format(
                database=db_path))
    else:
        with context.open_store():
            pass  # migrated and checked before it is copied
    new = os.environ.get("IMMUDESK_NEW_PASSPHRASE")
    if not new:
        new = _ask(_("New passphrase: "))
        if _ask(_("The same passphrase again: ")) != new:
            raise UserError(_("the two passphrases differ; nothing was changed"))
    from ..store import encryption

    # The change-log entry is written inside the encrypted database itself (encryption.encrypt_file).
    rewritten = encryption.encrypt_database(db_path, new, old)
    print(ngettext("Encrypted {n} file (the database and its backups).",
                   "Encrypted {n} files (the database and its backups).", len(rewritten)).format(n=len(rewritten))
          + " " + _("Keep the passphrase somewhere safe: without it nobody can open these records, immudesk "
                    "included."))
    left = encryption.older_backups_left(db_path)
    if left:
        print(ngettext(
            "{n} older backup in {folder} may belong to another database in this folder and was left as it is "
            "(not encrypted): move it off this computer or delete it if it is this database's.",
            "{n} older backups in {folder} may belong to another database in this folder and were left as they are "
            "(not encrypted): move them off this computer or delete them if they are this database's.",
            len(left)).format(n=len(left), folder=left[0].parent))
    return 0
