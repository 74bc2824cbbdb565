"""Finds the files under resources/ (rule tables, state files, letters, fonts, icons, demo home).

One function for every way immudesk runs: from a source checkout, from an installed wheel (where the files
are packaged as immudesk/resources) and from a PyInstaller bundle (where they sit under sys._MEIPASS).
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")          # installed wheel
    candidates.append(_PACKAGE_DIR.parent / "resources")   # source checkout (and editable install)
    for candidate in candidates:
        if (candidate / "vaccines.json").is_file():
            return candidate
    raise FileNotFoundError(
        "immudesk cannot find its resources folder (looked in: " + ", ".join(map(str, candidates)) + "); "
        "reinstall immudesk")


def resource_path(*parts: str) -> Path:
    """The path of a file under resources/, e.g. resource_path("states", "NC.json")."""
    return resources_dir().joinpath(*parts)


def load_json(*parts: str):
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
