"""scripts/bootstrap.sh as ./run.sh and ./test.sh use it, on a copy of the scripts with a stand-in Python that
records what it is asked to do: an already set-up checkout runs no program at all; a changed requirement list
is installed again, alone; ./run.sh asks only for what running needs, ./test.sh adds the test tools, and
PyInstaller unless the slow tests are left out. No package is installed and no network is used."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Records every call, answers the one question bootstrap.sh asks it (where site-packages is), and "runs" pytest.
STAND_IN_PYTHON = """#!/bin/bash
echo "python $*" >> "$CALLS"
case "$*" in
  *sysconfig*) echo "$SITE" ;;
esac
exit 0
"""


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "checkout"
    for name in ("scripts", "requirements"):
        shutil.copytree(REPO / name, root / name)
    for name in ("run.sh", "test.sh"):
        shutil.copy2(REPO / name, root / name)
    venv_bin = root / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "python").write_text(STAND_IN_PYTHON, encoding="utf-8")
    (venv_bin / "python").chmod(0o755)
    site = tmp_path / "site-packages"
    site.mkdir()
    # Only what the scripts need on PATH: no dpkg-query (so no apt step) and no real python3.
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("bash", "dirname", "find", "touch", "chmod", "cat"):
        found = shutil.which(tool)
        if found is None:
            pytest.skip(f"{tool} is not installed")
        (tools / tool).symlink_to(found)
    env = {"PATH": str(tools), "CALLS": str(tmp_path / "calls.txt"), "SITE": str(site), "HOME": str(tmp_path),
           "PYTHON": str(venv_bin / "python")}
    return root, env, tmp_path / "calls.txt", site


def ready(root: Path, *lists: str) -> None:
    """Stamps for the lists, newer than the lists and the script, as a finished set-up leaves them."""
    later = time.time() + 5
    for name in lists:
        stamp = root / ".venv" / f".immudesk-{name}"
        stamp.touch()
        os.utime(stamp, (later, later))


def run(root: Path, env: dict, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", *command], cwd=root, env=env, capture_output=True, text=True, timeout=60)


def calls(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def installs(path: Path) -> list[str]:
    return [line for line in calls(path) if "pip install" in line]


def test_a_set_up_checkout_starts_without_running_anything(checkout):
    root, env, recorded, _ = checkout
    ready(root, "run", "encryption")
    (root / ".venv" / "bin" / "immudesk").write_text("#!/bin/bash\necho \"immudesk $*\" >> \"$CALLS\"\n")
    (root / ".venv" / "bin" / "immudesk").chmod(0o755)
    done = run(root, env, "run.sh", "status")
    assert done.returncode == 0, done.stderr
    assert calls(recorded) == ["immudesk status"]   # no pip, no python, no apt: straight to the program


def test_the_first_run_installs_what_running_needs_and_puts_the_checkout_on_the_path(checkout):
    root, env, recorded, site = checkout
    done = run(root, env, "-c", 'source scripts/bootstrap.sh encryption')
    assert done.returncode == 0, done.stderr
    assert installs(recorded) == [f"python -m pip install -q --disable-pip-version-check -r {root}/requirements/run.txt "
                        f"-r {root}/requirements/encryption.txt"]
    assert (site / "immudesk-checkout.pth").read_text(encoding="utf-8") == f"{root}\n"
    program = (root / ".venv" / "bin" / "immudesk").read_text(encoding="utf-8")
    assert program.startswith(f"#!{root}/.venv/bin/python\n") and "from ui.launcher import main" in program
    assert {p.name for p in (root / ".venv").glob(".immudesk-*")} == {".immudesk-run", ".immudesk-encryption"}
    assert not any(part in line for line in calls(recorded)
                   for part in (" -m pytest", "requirements/test.txt", "requirements/installer.txt"))


def test_a_changed_list_is_installed_again_alone(checkout):
    root, env, recorded, _ = checkout
    ready(root, "run", "encryption")
    later = time.time() + 10
    os.utime(root / "requirements" / "run.txt", (later, later))
    assert run(root, env, "-c", "source scripts/bootstrap.sh encryption").returncode == 0
    assert installs(recorded) == [
        f"python -m pip install -q --disable-pip-version-check -r {root}/requirements/run.txt"]


def test_the_fast_tests_add_the_test_tools_and_the_whole_suite_pyinstaller(checkout):
    root, env, recorded, _ = checkout
    ready(root, "run", "encryption")
    done = run(root, env, "test.sh", "-m", "not slow", "-q")
    assert done.returncode == 0, done.stderr
    assert installs(recorded) == [f"python -m pip install -q --disable-pip-version-check "
                                  f"-r {root}/requirements/test.txt"]
    assert calls(recorded)[-1] == "python -m pytest -m not slow -q"
    recorded.unlink()
    done = run(root, env, "test.sh")
    assert done.returncode == 0, done.stderr
    assert installs(recorded) == [f"python -m pip install -q --disable-pip-version-check "
                                  f"-r {root}/requirements/installer.txt"]
    assert calls(recorded)[-1] == "python -m pytest"


def test_the_translations_are_compiled_only_when_a_source_is_newer(checkout):
    """A catalogue source without its compiled file, or newer than it, is compiled (tools/build_catalogues.py);
    when every compiled file is current the set-up path still runs no program."""
    root, env, recorded, _ = checkout
    ready(root, "run", "encryption")
    folder = root / "resources" / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "immudesk.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert run(root, env, "-c", "source scripts/bootstrap.sh encryption").returncode == 0
    assert calls(recorded) == [f"python {root}/tools/build_catalogues.py"]

    recorded.unlink()
    compiled = folder / "immudesk.mo"
    compiled.write_bytes(b"")
    later = time.time() + 5
    os.utime(compiled, (later, later))
    assert run(root, env, "-c", "source scripts/bootstrap.sh encryption").returncode == 0
    assert calls(recorded) == []

    (root / "resources" / "translations").mkdir()
    (root / "resources" / "translations" / "immudesk_es.ts").write_text("<TS/>", encoding="utf-8")
    assert run(root, env, "-c", "source scripts/bootstrap.sh encryption").returncode == 0
    assert calls(recorded) == [f"python {root}/tools/build_catalogues.py"]
