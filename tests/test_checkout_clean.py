"""The guard in conftest.py that fails a test run which leaves files in the checkout: it sees a new file, a changed
one, a new ignored one (build/, *.egg-info), and leaves Python's own caches alone."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import checkout_state

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "checkout"
    root.mkdir()
    git(root, "init", "-q")
    (root / ".gitignore").write_text("/build/\n*.egg-info/\n__pycache__/\n.venv\n", encoding="utf-8")
    (root / "code.py").write_text("x = 1\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start")
    return root


def test_an_untouched_checkout_reads_the_same_twice(checkout):
    (checkout / ".venv" / "lib").mkdir(parents=True)   # an environment inside the checkout, as in CI
    (checkout / ".venv" / "lib" / "x.py").write_text("", encoding="utf-8")
    assert checkout_state(checkout) == checkout_state(checkout) == {"!! .venv/"}


@pytest.mark.parametrize("change", ["outbreak-measles-2026-11-21.pdf", "build/lib/immudesk/x.py",
                                    "immudesk.egg-info/PKG-INFO", "code.py"])
def test_a_new_or_changed_file_is_seen(checkout, change):
    before = checkout_state(checkout)
    path = checkout / change
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("changed\n", encoding="utf-8")
    after = checkout_state(checkout)
    assert after != before and any(change.split("/")[0] in line for line in after - before)


def test_python_caches_are_not_changes(checkout):
    before = checkout_state(checkout)
    (checkout / "__pycache__").mkdir()
    (checkout / "__pycache__" / "code.cpython-311.pyc").write_bytes(b"")
    (checkout / ".pytest_cache").mkdir()
    assert checkout_state(checkout) == before


def test_without_git_there_is_nothing_to_compare(tmp_path):
    assert checkout_state(tmp_path) is None
