"""Where the database lives: --db, else IMMUDESK_DB, else the platform's user data folder (INTERFACES.md)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "immudesk"
DB_FILENAME = "immudesk.sqlite3"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    if db:
        return Path(db).expanduser()
    env = os.environ.get("IMMUDESK_DB")
    if env:
        return Path(env).expanduser()
    return default_data_dir() / DB_FILENAME


def backups_dir(db_path: Path) -> Path:
    """Backups sit in a folder beside the database."""
    return db_path.parent / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create a folder (and its parents) that only the user can read; tighten it if it already exists
    and we created it. Children's health records must not be readable by other accounts on the laptop."""
    existed = path.exists()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not existed and os.name == "posix":
        os.chmod(path, 0o700)
