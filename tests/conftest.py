"""Shared test set-up: Qt runs offscreen; every test gets its own database path and a pinned 'today'."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Without a display Qt would abort the whole run; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English sentences: whatever language this computer speaks, the suite runs in English (the
# Spanish tests set their own language; immudesk.i18n reads these once per process).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# What Python and the test tools themselves keep in a checkout: compiled modules and their caches.
TOOL_CACHES = ("__pycache__", ".pytest_cache", ".hypothesis")


def checkout_state(root: Path = REPO) -> set[str] | None:
    """Every file git sees as new, changed or ignored in the checkout (one `git status` line each), or None when
    this is not a git checkout. Ignored folders are listed once (`--ignored=matching`), not walked: .venv may
    sit inside the checkout (CI) and holds thousands of files."""
    if shutil.which("git") is None or not (root / ".git").exists():
        return None
    done = subprocess.run(["git", "status", "--porcelain", "--ignored=matching", "--untracked-files=all"],
                          cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    return {line for line in done.stdout.splitlines() if not any(part in TOOL_CACHES for part in line[3:].split("/"))}


def load_tool(name: str):
    """A script of tools/ as a module (tools/ is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_sessionstart(session):
    """The compiled translations (ignored by git) as scripts/bootstrap.sh builds them, so the suite runs in Spanish
    too; before the checkout guard below looks, and a no-op when they are current."""
    load_tool("build_catalogues").build()


@pytest.fixture(scope="session", autouse=True)
def checkout_stays_unchanged():
    """Tests write only to temporary folders: the run fails (an error after the last test) when the checkout has
    a file more, less or changed than before it."""
    before = checkout_state()
    yield
    after = checkout_state()
    if before is not None and after is not None and after != before:
        changes = [f"  {line}" for line in sorted(after - before)] + [f"  gone: {line}" for line in sorted(before - after)]
        pytest.fail("the tests changed the checkout (tests must write only to tmp_path):\n" + "\n".join(changes),
                    pytrace=False)


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
