"""The store: the only code that talks to SQLite (schema, migrations, records)."""
from .database import Store, connect, migrate, open_store
from .paths import backups_dir, default_data_dir, resolve_db_path

__all__ = ["Store", "open_store", "connect", "migrate", "resolve_db_path", "default_data_dir", "backups_dir"]
