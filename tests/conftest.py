"""Shared test set-up: Qt runs offscreen; every test gets its own database path and a pinned 'today'."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Without a display Qt would abort the whole run; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh database path; IMMUDESK_DB points at it so the CLI and the window use it by default."""
    path = tmp_path / "data" / "immudesk.sqlite3"
    monkeypatch.setenv("IMMUDESK_DB", str(path))
    # Keep crash logs and platform folders of the tests away from the real user's folders.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return path


@pytest.fixture
def store(db_path):
    from immudesk.store import open_store

    with open_store(db_path) as opened:
        yield opened


@pytest.fixture(autouse=True)
def close_dialogs_left_open():
    """A dialog opened with open() stays up after its test; close it so no later test (or a timer waiting for
    "the active modal dialog") meets it. Only when the test used Qt: the core's tests never load it."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication, QDialog

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)
