"""What can be checked here of the Windows and macOS builds, which only their own systems can run: the PyInstaller
spec resolves every data file and hidden import, and the Inno Setup script, the build scripts and the release
workflow name files that exist and the names the spec gives its programs. (The Linux build itself runs in
tests/test_installer.py.)"""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[1]
INSTALLERS = REPO / "installers"


def evaluate_spec(tmp_path, platform: str) -> dict:
    """Run installers/immudesk.spec as PyInstaller would, with its build steps (Analysis, EXE, ...) recorded instead
    of run; `platform` is the sys.platform the spec believes it is on."""
    calls: dict[str, list] = {}

    def record(name):
        def step(*args, **kwargs):
            calls.setdefault(name, []).append(SimpleNamespace(args=args, kwargs=kwargs))
            if name == "Analysis":
                return SimpleNamespace(datas=list(kwargs["datas"]), binaries=[], pure=[], scripts=[])
            return SimpleNamespace(name=kwargs.get("name"))
        return step

    spec = INSTALLERS / "immudesk.spec"
    namespace = {"__file__": str(spec), "SPECPATH": str(INSTALLERS), "workpath": str(tmp_path / "work"),
                 **{name: record(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}}
    real_platform = sys.platform
    saved_path = list(sys.path)
    try:
        sys.platform = platform
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    finally:
        sys.platform = real_platform
        sys.path[:] = saved_path
    namespace["calls"] = calls
    return namespace


@pytest.fixture(scope="module")
def linux_spec(tmp_path_factory):
    return evaluate_spec(tmp_path_factory.mktemp("spec"), "linux")


def test_the_spec_bundles_every_resource_and_only_files_that_exist(linux_spec):
    analysis = linux_spec["calls"]["Analysis"][0].kwargs
    sources = {Path(source) for source, _ in analysis["datas"]}
    assert all(path.is_file() for path in sources)
    resources = {p for p in (REPO / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert resources <= sources
    for source, destination in analysis["datas"]:
        if Path(source).is_relative_to(REPO / "resources"):
            assert Path(destination) == Path("resources", *Path(source).relative_to(REPO / "resources").parts[:-1])
    assert [Path(script) for script in linux_spec["calls"]["Analysis"][0].args[0]] == [INSTALLERS / "immudesk_main.py"]


def test_the_spec_ships_the_compiled_translations(linux_spec):
    """The spec compiles the catalogues before it collects resources/ (they are not in git), so every bundle
    speaks Spanish; the .po sources go along too, harmlessly."""
    datas = {(Path(source), Path(destination)) for source, destination in
             linux_spec["calls"]["Analysis"][0].kwargs["datas"]}
    for po in (REPO / "resources" / "locale").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        assert (mo, Path("resources", *po.relative_to(REPO / "resources").parts[:-1])) in datas
        assert mo.stat().st_mtime >= po.stat().st_mtime


def test_the_spec_keeps_only_the_date_words_immudesk_says(linux_spec, tmp_path):
    """Babel's hook would bring CLDR data for 1,100 locales (35 MB); the bundle keeps US English and US Spanish
    and what they inherit, and those are enough to say a date in each."""
    import babel

    data = Path(babel.__file__).parent / "locale-data"
    toc = [(f"babel/locale-data/{p.name}", str(p), "DATA") for p in data.glob("*.dat")] + [("resources/x", "x", "DATA")]
    kept = linux_spec["keep_babel_locales"](toc)
    assert ("resources/x", "x", "DATA") in kept
    names = {Path(dest).stem for dest, _, _ in kept if dest.startswith("babel/")}
    assert names == set(linux_spec["BABEL_LOCALES"])
    code = ("import babel.localedata as data, sys; data._dirname = sys.argv[1]; from datetime import date; "
            "from babel.dates import format_date as f; "
            "print(f(date(2026, 9, 14), 'medium', locale='es_US'), '|', f(date(2026, 9, 14), 'medium', locale='en_US'))")
    for name in names:
        shutil.copy2(data / f"{name}.dat", tmp_path / f"{name}.dat")
    said = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert said.stdout.strip() == "14 sep 2026 | Sep 14, 2026"


def test_every_hidden_import_of_the_spec_resolves(linux_spec):
    hidden = linux_spec["calls"]["Analysis"][0].kwargs["hiddenimports"]
    every_module = {".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
                    for package in ("immudesk", "ui") for p in (REPO / package).rglob("*.py")
                    if "__pycache__" not in p.parts and p.stem != "__main__"}
    assert set(hidden) == every_module
    missing = [name for name in hidden if importlib.util.find_spec(name) is None]
    assert missing == []


@pytest.mark.parametrize("platform, programs", [("win32", ["immudesk", "immudesk-cli"]), ("darwin", ["immudesk"]),
                                                ("linux", ["immudesk"])])
def test_the_spec_names_its_programs_and_icons_on_each_system(tmp_path, platform, programs):
    spec = evaluate_spec(tmp_path, platform)
    made = spec["calls"]["EXE"]
    assert [call.kwargs["name"] for call in made] == programs
    for call in made:
        if "icon" in call.kwargs:
            assert Path(call.kwargs["icon"]).is_file()
        if "version" in call.kwargs:   # the Windows version resource the spec writes for PyInstaller
            assert "FileVersion" in Path(call.kwargs["version"]).read_text(encoding="utf-8")
    assert spec["calls"]["COLLECT"][0].kwargs["name"] == "immudesk"
    if platform == "darwin":
        bundle = spec["calls"]["BUNDLE"][0].kwargs
        assert bundle["name"] == "immudesk.app" and Path(bundle["icon"]).is_file()


def test_the_inno_setup_script_names_files_that_exist_and_the_specs_programs():
    script = INSTALLERS / "windows" / "immudesk.iss"
    text = script.read_text(encoding="utf-8")
    here = script.parent

    def local(windows_path: str) -> Path:
        return (here / windows_path.replace("\\", "/")).resolve()

    assert local(re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE).group(1).strip()).is_file()
    # What it packs is the spec's output folder dist\immudesk\ (built first by build-windows.ps1).
    sources = re.findall(r'^Source: "([^"]+)"', text, re.MULTILINE)
    assert sources and all(local(source).parent == REPO / "dist" / "immudesk" for source in sources)
    assert local(re.search(r"^OutputDir=(.+)$", text, re.MULTILINE).group(1).strip()) == REPO / "dist"
    # The shortcuts and the uninstaller's icon start the window program the spec makes on Windows.
    started = set(re.findall(r"\{app\}\\([\w.-]+\.exe)", text))
    assert started == {"immudesk.exe"}


def test_the_build_scripts_name_files_that_exist():
    windows = (INSTALLERS / "windows" / "build-windows.ps1").read_text(encoding="utf-8")
    macos = (INSTALLERS / "macos" / "build-macos.sh").read_text(encoding="utf-8")
    linux = (INSTALLERS / "build-linux.sh").read_text(encoding="utf-8")
    named = set()
    for text in (windows, macos, linux):
        named |= {path.replace("\\", "/") for path in re.findall(r"(?:installers|requirements)[\\/][\w./\\-]+", text)}
    named = {path.rstrip(".") for path in named}
    assert named and all((REPO / path).exists() for path in named), sorted(p for p in named if not (REPO / p).exists())
    assert {"installers/immudesk.spec", "installers/windows/immudesk.iss"} <= named
    # Each installs what running needs plus PyInstaller from the requirement lists, and smoke-tests its build.
    for text in (windows, macos, linux):
        assert "requirements" in text and "installer.txt" in text and "--smoke-test" in text
    assert "dist\\immudesk\\immudesk-cli.exe" in windows and "dist/immudesk.app" in macos


def test_the_release_workflow_runs_the_scripts_here_on_each_system():
    workflow = (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert f"runs-on: {runner}" in workflow or runner in workflow
    for script in ("installers/build-linux.sh", "installers\\windows\\build-windows.ps1",
                   "installers/macos/build-macos.sh", "installers/smoke-test.sh"):
        assert script in workflow
        assert (REPO / script.replace("\\", "/")).is_file()
    assert "\t" not in workflow   # YAML refuses tabs
    assert (INSTALLERS / "smoke-test.sh").stat().st_mode & 0o111, "smoke-test.sh must be executable"
