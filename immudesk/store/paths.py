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
    """Each database's backups sit in their own folder, named after the database file, in the "backups" folder
    beside it: backups/home.sqlite3/. Two databases in one folder never share (nor restore) a backup."""
    db_path = Path(db_path)
    return shared_backups_dir(db_path) / db_path.name


def shared_backups_dir(db_path: Path) -> Path:
    """The "backups" folder beside the database. Until per-database folders (CHANGELOG.md) every database in a
    folder put its backups straight in here (see backup.adopt_older_backups)."""
    return Path(db_path).parent / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create a folder (and any missing parents) that only the user can read; a folder that already existed is
    left as it is. Children's health records must not be readable by other accounts on the laptop."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        for folder in missing:
            os.chmod(folder, 0o700)


def write_private(path: str | os.PathLike, data: bytes) -> None:
    """Write a file that holds children's data: readable by the user only (0600, whatever the umask), written
    beside the target under a temporary name and renamed into place, so an interruption leaves neither half a
    file nor an empty temporary one behind."""
    target = Path(path)
    temporary = target.with_name("." + target.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    if os.name == "posix":
        os.chmod(target, 0o600)
