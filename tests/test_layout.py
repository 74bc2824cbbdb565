"""The house rules that keep the core usable without a window, and the resources findable everywhere."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from immudesk.resources import resource_path, resources_dir

REPO = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value).split(".")[0])
    return names


def test_core_never_imports_qt_or_ui():
    offenders = {str(path.relative_to(REPO)): sorted(_imports(path) & {"PySide6", "shiboken6", "ui", "immudesk_ui"})
                 for path in (REPO / "immudesk").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt():
    code = ("import sys, pkgutil, importlib, immudesk\n"
            "for m in pkgutil.walk_packages(immudesk.__path__, 'immudesk.'):\n"
            "    if m.name != 'immudesk.__main__': importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'ui', 'immudesk_ui'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_resources_are_found_from_the_checkout():
    assert resources_dir() == REPO / "resources"
    assert resource_path("vaccines.json").is_file()
    assert resource_path("demo", "home.json").is_file()


def test_resources_are_found_in_a_frozen_bundle(tmp_path, monkeypatch):
    import immudesk.resources as res

    bundle = tmp_path / "bundle"
    shutil.copytree(REPO / "resources", bundle / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    res.resources_dir.cache_clear()
    try:
        assert res.resources_dir() == bundle / "resources"
    finally:
        res.resources_dir.cache_clear()


# What a wheel is built from (pyproject.toml names the rest of its inputs here).
WHEEL_SOURCES = ("pyproject.toml", "README.md", "requirements", "immudesk", "ui", "resources")


def test_pyproject_lists_every_resources_folder_as_a_package():
    """A folder of package data that is not a listed package makes setuptools warn at every build, and a folder
    missing from the list would be left out of the wheel in a later setuptools."""
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert config["package-dir"] == {"immudesk.resources": "resources", "immudesk_ui": "ui"}
    folders = {"immudesk.resources." + ".".join(p.relative_to(REPO / "resources").parts)
               for p in (REPO / "resources").rglob("*") if p.is_dir() and p.name != "__pycache__"}
    assert folders | {"immudesk.resources"} <= set(config["packages"])


@pytest.fixture(scope="module")
def wheel_build(tmp_path_factory):
    """Build the wheel from a copy of the sources (a build writes build/ and *.egg-info beside them) and install
    it into a fresh folder (no dependencies needed: the environment's own are used). Gives (pip's output, the
    wheel, the install folder)."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "source"
    for name in WHEEL_SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
                            "-w", str(tmp_path / "wheel"), str(source)], capture_output=True, text=True)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    wheel = next((tmp_path / "wheel").glob("immudesk-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    return output, wheel, target


@pytest.mark.slow
def test_the_wheel_builds_quietly_and_the_installed_wheel_carries_every_resource(wheel_build, tmp_path):
    """No warning from the build; the installed immudesk says where its resources are."""
    output, wheel, target = wheel_build
    assert [line for line in output.splitlines() if "warn" in line.lower()] == [], output
    packaged = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("immudesk/resources/")}
    expected = {"immudesk/resources/" + p.relative_to(REPO / "resources").as_posix()
                for p in (REPO / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert expected <= packaged
    # The compiled Spanish catalogue (built by bootstrap.sh / the test session, not in git) goes into the wheel.
    assert "immudesk/resources/locale/es/LC_MESSAGES/immudesk.mo" in packaged
    metadata = zipfile.ZipFile(wheel).read(f"immudesk-{wheel.name.split('-')[1]}.dist-info/METADATA").decode()
    for requirement in ("pyside6-essentials", "reportlab", "platformdirs"):
        assert f"Requires-Dist: {requirement}" in metadata   # read from requirements/run.txt
    assert 'Requires-Dist: pytest>=7; extra == "test"' in metadata
    code = ("import immudesk.resources as r, immudesk.vaccines as v; print(r.resources_dir()); "
            "print(v.groups_for_cvx('120'))")
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    folder, groups = out.stdout.strip().splitlines()
    assert Path(folder) == target / "immudesk" / "resources"
    assert groups == "['DTaP', 'Polio', 'Hib']"


@pytest.mark.slow
def test_the_wheel_installs_no_top_level_ui_and_its_program_starts_beside_another_projects_ui(wheel_build,
                                                                                               tmp_path):
    """The window's package is installed as immudesk_ui, a name of immudesk's own: a `ui` in site-packages would
    collide with any other project's `ui`. The `immudesk` program of the wheel starts its window code (the
    smoke test loads the window module) with another project's `ui` first on the path."""
    _, wheel, target = wheel_build
    top_level = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist() if "/" in name}
    assert "ui" not in top_level
    assert "immudesk_ui" in top_level
    entry_points = next(target.glob("immudesk-*.dist-info")).joinpath("entry_points.txt").read_text()
    script = next(line.split("=", 1)[1].strip() for line in entry_points.splitlines()
                  if line.split("=")[0].strip() == "immudesk")
    module, function = script.split(":")
    other = tmp_path / "other-project"
    (other / "ui").mkdir(parents=True)
    (other / "ui" / "__init__.py").write_text("raise ImportError('another project\'s ui was imported')\n")
    code = (f"import sys; sys.path[:0] = [{str(other)!r}, {str(target)!r}]; "
            f"import {module} as m; m.{function}(['--smoke-test'])")
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "window module loaded" in out.stdout
    assert str(target) in subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path[:0] = [{str(other)!r}, {str(target)!r}]; "
                                     f"import {module}; print({module}.__file__)"],
        capture_output=True, text=True, check=True, cwd=tmp_path).stdout
