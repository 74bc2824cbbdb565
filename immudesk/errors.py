"""Errors a provider can act on, kept apart from our own bugs (those get a log file and an apology)."""
from __future__ import annotations


class UserError(Exception):
    """Something the provider or their environment can fix: the message says what. Exit status 2 at the CLI."""

    exit_status = 2


class InputProblems(UserError):
    """Every problem found in a file or a form at once, so the provider can fix them all in one go."""

    def __init__(self, problems: list[str], already_on_roster: bool = False):
        self.problems = problems
        # The children are on the roster already (and only that): importing again with --update replaces them.
        self.already_on_roster = already_on_roster
        super().__init__("\n".join(problems))


class DatabaseError(UserError):
    """The database cannot be used as it is (newer than this app, damaged, locked)."""

    exit_status = 1


class DamagedDatabase(DatabaseError):
    """The database failed its check: the message says what is wrong and names the newest good backup."""
