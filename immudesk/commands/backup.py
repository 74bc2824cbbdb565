"""`immudesk backup`, `restore`, `check`, `changelog` and `encrypt`: the data-safety commands (INTERFACES.md)."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..errors import DatabaseError, UserError
from ..store import crypto
from ..store.integrity import check_file, unreadable_records, wal_problems
from ..store.paths import backups_dir, resolve_db_path


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="write a verified copy of the database")
    parser.add_argument("--out", metavar="PATH", help="where to write it (default: the backups folder beside it)")
    parser.add_argument("--list", action="store_true", help="list the backups in the backups folder instead")
    parser.set_defaults(run=run_backup)

    parser = subparsers.add_parser("restore", help="replace the database with a backup, after checking it")
    parser.add_argument("path", metavar="PATH", nargs="?",
                        help="the backup to restore (without it: name the newest good backup)")
    parser.set_defaults(run=run_restore)

    parser = subparsers.add_parser("check", help="run the full integrity check of the database and its backups")
    parser.set_defaults(run=run_check)

    parser = subparsers.add_parser("changelog", help="show every change to the records, when it happened")
    parser.add_argument("--out", metavar="FILE.csv", help="write it as CSV (for an inspector) instead")
    parser.set_defaults(run=run_changelog)

    parser = subparsers.add_parser(
        "encrypt", help="encrypt the database and its backups with a passphrase (or change the passphrase)",
        description="Encrypts the database and every backup. The new passphrase comes from "
                    "IMMUDESK_NEW_PASSPHRASE or is asked twice; the current one (to change it) from "
                    "IMMUDESK_PASSPHRASE or asked. Close the window first. A lost passphrase cannot be recovered.")
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
    print(f"Backed up {db_path} to {target} (checked: every table copied whole).")
    return 0


def run_restore(args, context) -> int:
    from ..store import backup as backups

    from ..store.operations import restore

    db_path = _db(context)
    if not args.path:
        good = backups.newest_good_backup(db_path)
        if good is None:
            raise UserError(f"no backup that passes its check was found in {backups_dir(db_path)}")
        print(f"The newest good backup is {good}. To restore it, run:\n  immudesk restore \"{good}\"")
        return 0
    result = restore(db_path, Path(args.path))
    print(f"Restored {db_path} from {result.source}."
          + (f" The database it replaced is kept as {result.kept}." if result.kept else ""))
    return 0


def run_check(args, context) -> int:
    from ..store import backup as backups

    db_path = _db(context)
    if not db_path.exists():
        raise UserError(f"there is no database at {db_path}")
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
        raise DatabaseError(backups.damaged_message(db_path, problems))
    with context.open_store() as store:
        unreadable = unreadable_records(store.children())
    if unreadable:
        raise DatabaseError(
            f"{db_path} is whole, but {len(unreadable)} child record{'s hold' if len(unreadable) > 1 else ' holds'} "
            "a value that cannot be read, so immudesk does not judge "
            + ("them" if len(unreadable) > 1 else "it") + ":\n  " + "\n  ".join(unreadable)
            + "\nCorrect each: open the child in the window, type the right date (from the child's certificate) "
            "and save. A backup from before the damage holds the value as it was (`immudesk backup --list`).")
    print(f"{db_path} passes the full integrity check.")
    for entry in backups.list_backups(db_path):
        if entry.reason == "damaged":
            print(f"  {entry.path.name}: a damaged database kept when it was replaced (not a backup to restore)")
            continue
        found = check_file(entry.path, key)
        print(f"  backup {entry.path.name}: " + ("good" if not found else "DAMAGED (" + found[0] + ")"))
    return 0


def run_changelog(args, context) -> int:
    from ..store import changelog

    with context.open_store() as store:
        if args.out:
            try:
                count = changelog.export_csv(store, args.out)
            except OSError as error:
                raise UserError(f"cannot write {args.out}: {error.strerror or error}") from None
            print(f"Wrote {count} change{'s' if count != 1 else ''} to {args.out}.")
            return 0
        log = changelog.entries(store)
    if not log:
        print("No changes recorded yet.")
    for entry in log:
        print(f"{entry.changed_at}  {entry.event:<26} {entry.child:<30} {entry.detail}")
    return 0


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UserError("no passphrase given: set IMMUDESK_NEW_PASSPHRASE (and IMMUDESK_PASSPHRASE to change "
                        "an existing one), or run this in a terminal to be asked")
    return getpass.getpass(prompt)


def run_encrypt(args, context) -> int:
    db_path = _db(context)
    old = None
    if crypto.is_encrypted(db_path):
        old = crypto.passphrase_for(db_path) or _ask("Current passphrase: ")
        if not crypto.check_passphrase(db_path, old):
            raise crypto.WrongPassphrase(f"that is not the passphrase of {db_path}; nothing was changed")
    else:
        with context.open_store():
            pass  # migrated and checked before it is copied
    new = os.environ.get("IMMUDESK_NEW_PASSPHRASE")
    if not new:
        new = _ask("New passphrase: ")
        if _ask("The same passphrase again: ") != new:
            raise UserError("the two passphrases differ; nothing was changed")
    from ..store import encryption

    # The change-log entry is written inside the encrypted database itself (encryption.encrypt_file).
    rewritten = encryption.encrypt_database(db_path, new, old)
    print(f"Encrypted {len(rewritten)} file{'s' if len(rewritten) != 1 else ''} (the database and its backups). "
          "Keep the passphrase somewhere safe: without it nobody can open these records, immudesk included.")
    left = encryption.older_backups_left(db_path)
    if left:
        print(f"{len(left)} older backup{'s' if len(left) != 1 else ''} in {left[0].parent} may belong to another "
              "database in this folder and were left as they are (not encrypted): move them off this computer "
              "or delete them if they are this database's.")
    return 0
