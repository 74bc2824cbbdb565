"""The app opens no network connection: children's records stay on the laptop. Representative commands run
with every way Python reaches the network made to fail the test, in this process and in a fresh one (through a
sitecustomize on PYTHONPATH, which also covers the window's screenshot run)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from immudesk.cli import build_parser, main

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-21"

# Installed first thing in the child process: any attempt to resolve a name or open an internet socket is
# written to the report file and ends the process with status 99. Local (AF_UNIX) sockets are not network.
SITECUSTOMIZE = r'''
import os, socket, traceback
_report = os.environ["NO_NETWORK_REPORT"]
def _refuse(what):
    with open(_report, "a", encoding="utf-8") as f:
        f.write(what + "\n" + "".join(traceback.format_stack(limit=8)) + "\n")
    os._exit(99)
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6): _refuse(f"connect {address!r}")
    return _connect(self, address)
def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6): _refuse(f"connect_ex {address!r}")
    return _connect_ex(self, address)
socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.create_connection = lambda address, *a, **k: _refuse(f"create_connection {address!r}")
socket.getaddrinfo = lambda host, *a, **k: _refuse(f"getaddrinfo {host!r}")
socket.gethostbyname = lambda host: _refuse(f"gethostbyname {host!r}")
'''


def available(name: str) -> bool:
    return name in build_parser()._subparsers._group_actions[0].choices


def command_runs(tmp_path: Path) -> list[list[str]]:
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,birth_date,enrolled_on\nKim,Lee,2024-01-02,2024-06-01\n", encoding="utf-8")
    runs = [["demo"], ["import-roster", str(roster)], ["export-roster", str(tmp_path / "out.csv")],
            ["backup"], ["backup", "--out", str(tmp_path / "copy.sqlite3")], ["check"],
            ["changelog", "--out", str(tmp_path / "log.csv")], ["restore", str(tmp_path / "copy.sqlite3")]]
    # The demo is in its own practice file: the commands work on it, so they have children to work with.
    runs[1:] = [["--demo", *argv] for argv in runs[1:]]
    for optional in (["status", "--json"], ["report", "--format", "pdf", "--out", str(tmp_path / "report.pdf")],
                     ["letters", "--out", str(tmp_path / "letters.pdf")],
                     ["outbreak", "measles", "--out", str(tmp_path / "outbreak.pdf")],
                     ["worksheets", "--out", str(tmp_path / "worksheets.pdf")]):
        if available(optional[0]):
            runs.append(["--demo", *optional])
    return runs


@pytest.fixture
def attempts(monkeypatch):
    seen: list[str] = []

    def refuse(what):
        def patched(*args, **kwargs):
            seen.append(f"{what} {args[1:] if what.startswith('socket.') else args!r}")
            raise AssertionError(f"immudesk tried to use the network: {what}")
        return patched

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse("socket.connect")(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse("socket.connect_ex")(self, address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return seen


def test_the_guard_itself_catches_a_connection(attempts):
    with pytest.raises(AssertionError):
        socket.create_connection(("example.org", 80))
    with pytest.raises(AssertionError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    assert len(attempts) == 2


def test_commands_open_no_connection_in_process(db_path, tmp_path, attempts, monkeypatch, capsys):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY)
    for argv in command_runs(tmp_path):
        status = main(argv)
        err = capsys.readouterr().err
        assert status == 0, f"{argv}: {err}"
    assert attempts == []


def test_commands_and_the_window_open_no_connection_in_a_fresh_process(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    report = tmp_path / "network-attempts.txt"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), str(REPO)]), "NO_NETWORK_REPORT": str(report),
           "IMMUDESK_DB": str(tmp_path / "data" / "immudesk.sqlite3"), "IMMUDESK_TODAY": TODAY,
           "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state")}
    # The guard must really be active in the child, or this test would prove nothing.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 80)"], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert probe.returncode == 99 and "getaddrinfo 'example.org'" in report.read_text()
    report.unlink()
    runs = [[sys.executable, "-m", "immudesk", *argv] for argv in command_runs(tmp_path)]
    if (REPO / "ui" / "app.py").exists():
        runs.append([sys.executable, "-c", "from ui.launcher import main; main()", "--demo", "gui", "--screenshot",
                     str(tmp_path / "window.png")])
    for command in runs:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                              check=False)
        assert not report.exists(), f"{command[2:]} tried the network:\n{report.read_text()}"
        assert done.returncode == 0, f"{command[2:]}: {done.stderr}"
    if (REPO / "ui" / "app.py").exists():
        assert (tmp_path / "window.png").stat().st_size > 1000
