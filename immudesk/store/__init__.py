"""The store: the only code that talks to SQLite (schema, migrations, records). Read it bottom-up: paths, crypto,
database, integrity, backup, encryption, operations (database.py's docstring says what each is for)."""
from .database import Store, connect, migrate
from .operations import open_store
from .paths import backups_dir, default_data_dir, resolve_db_path

__all__ = ["Store", "open_store", "connect", "migrate", "resolve_db_path", "default_data_dir", "backups_dir"]
