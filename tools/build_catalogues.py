"""Compiles immudesk's translations where they are used: every gettext catalogue resources/locale/**/*.po to the
.mo beside it (Babel), and every Qt catalogue resources/translations/*.ts to the .qm beside it (pyside6-lrelease).

The sources are in git; the compiled files are not (.gitignore): scripts/bootstrap.sh, the installer builds and
the test suite run this. A compiled file newer than its source is left alone, so a second run does nothing.

    python tools/build_catalogues.py [--force] [--resources DIR]
    python tools/build_catalogues.py --update      after changing a sentence: brings every .po up to date with the
                                                   sentences the code marks and the words the data files lend them
                                                   (new ones untranslated, until someone translates them)

Exit status 0, or 1 with a message naming the catalogue that could not be compiled.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
# How the core marks a sentence for the catalogue (immudesk.i18n): the message, or its singular and plural.
KEYWORDS = {"_": None, "N_": None, "say": None, "say_data": None, "ngettext": (1, 2), "say_n": (1, 2)}


class CatalogueError(Exception):
    """A catalogue that could not be compiled; the message names it and why."""


def compiled_name(source: Path) -> Path:
    return source.with_suffix(".mo" if source.suffix == ".po" else ".qm")


def sources(resources: Path) -> list[Path]:
    """Every catalogue source under resources/: gettext .po files and Qt .ts files (the latter may be absent)."""
    return sorted((resources / "locale").glob("*/LC_MESSAGES/*.po")) + \
        sorted((resources / "translations").glob("*.ts"))


def stale(source: Path) -> bool:
    target = compiled_name(source)
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def placeholders(text: str) -> set[str]:
    """The {placeholders} immudesk fills in a message ("{n}", "{product!r}" -> "product")."""
    return set(re.findall(r"\{(\w*)(?:![rsa])?(?::[^{}]*)?\}", text))


def placeholder_problems(catalogue) -> list[str]:
    """A translation whose placeholders differ from its message's would fail (or lose a value) when it is filled."""
    problems = []
    for message in catalogue:
        if not message.id or message.fuzzy:      # a fuzzy guess is not compiled (use_fuzzy=False)
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set().union(*map(placeholders, ids))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings):
            if placeholders(text) != expected:
                problems.append(f"line {message.lineno}: {text!r} has the placeholders {sorted(placeholders(text))}, "
                                f"the message {sorted(expected)}")
    return problems


def compile_po(source: Path, target: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        try:
            catalogue = read_po(handle, locale=source.parents[1].name, domain=source.stem, abort_invalid=True)
        except Exception as error:   # Babel's PoFileError, or a value it could not read
            raise CatalogueError(f"{source}: {error}") from None
    problems = [f"line {m.lineno}: {error}" for m, errors in catalogue.check() for error in errors]
    problems += placeholder_problems(catalogue)
    if problems:
        raise CatalogueError(f"{source}: " + "; ".join(problems))
    _write_atomically(target, lambda handle: write_mo(handle, catalogue, use_fuzzy=False))


def lrelease() -> str:
    """pyside6-lrelease: beside the running Python (a virtual environment's bin/ or Scripts\\), else on PATH."""
    here = Path(sys.executable).parent
    found = shutil.which("pyside6-lrelease", path=os.pathsep.join([str(here), os.environ.get("PATH", "")]))
    if found is None:
        raise CatalogueError("pyside6-lrelease was not found (it comes with pyside6-essentials: install "
                             "requirements/run.txt)")
    return found


def compile_ts(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    done = subprocess.run([lrelease(), "-silent", str(source), "-qm", str(partial)], capture_output=True, text=True)
    if done.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        raise CatalogueError(f"{source}: pyside6-lrelease failed: {(done.stderr or done.stdout).strip()}")
    os.replace(partial, target)


def _write_atomically(target: Path, write) -> None:
    """A half-written catalogue is never left where immudesk reads it (an interrupted build)."""
    partial = target.with_name(target.name + ".part")
    with partial.open("wb") as handle:
        write(handle)
    os.replace(partial, target)


def marked_messages(code: Path = ROOT / "immudesk") -> dict:
    """Every sentence the core marks: message (or (singular, plural)) -> [(file, line), ...]."""
    from babel.messages.extract import extract_from_dir

    found: dict = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            code, method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.setdefault(message, []).append((f"{code.name}/{filename}", line))
    return found


def data_words(resources: Path = RESOURCES) -> dict[str, str]:
    """The words data files lend to the core's sentences (word -> the file), translated where they are shown: each
    state's name, status and exemption words, reasons a child is left out of the report and age bands for record
    updates; the vaccine groups' names; what is assumed of a dose recorded without its product."""
    words: dict[str, str] = {}
    for path in sorted((resources / "states").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        excludes = data["report"]["excludes"]
        labels = [spec.get("label", kind) for kind, spec in data["exemptions"].items()]
        bands = [band["label"] for band in data.get("record_updates", {}).get("by_age", [])]
        for word in [data["name"], *data.get("status_labels", {}).values(), *labels, *bands,
                     *(label.lower() for label in labels), *excludes["attendance"].values(),
                     *(excludes[key] for key in ("withdrawn", "not_started", "born_after_cutoff"))]:
            words.setdefault(word, f"resources/states/{path.name}")
    for group in json.loads((resources / "vaccines.json").read_text(encoding="utf-8"))["groups"]:
        words.setdefault(group["name"], "resources/vaccines.json")
    for rule in json.loads((resources / "unnamed_products.json").read_text(encoding="utf-8"))["inferences"]:
        for word in (rule["read_as"], rule["because"], *(entry["why"] for entry in rule["recorded_as"])):
            words.setdefault(word, "resources/unnamed_products.json")
    return words


def update(resources: Path = RESOURCES) -> list[Path]:
    """Bring every .po up to date with the marked sentences and the data words; their translations are kept."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = Catalog(domain="immudesk")
    for message, places in marked_messages().items():
        template.add(message, locations=places)
    for word, source in data_words(resources).items():
        if word not in template:
            template.add(word, auto_comments=[source])
    updated = []
    for source in sorted((resources / "locale").glob("*/LC_MESSAGES/*.po")):
        with source.open("rb") as handle:
            catalogue = read_po(handle, locale=source.parents[1].name, domain=source.stem)
        template.creation_date = catalogue.creation_date     # no date churn in the file's header
        catalogue.update(template, update_header_comment=False)
        catalogue.obsolete.clear()          # a sentence gone from the code goes from the catalogue too
        _write_atomically(source, lambda handle: write_po(handle, catalogue, width=116, omit_header=False,
                                                          include_previous=False))
        updated.append(source)
    return updated


def build(resources: Path = RESOURCES, force: bool = False) -> list[Path]:
    """Compile every stale catalogue under `resources`; the compiled files written."""
    written = []
    for source in sources(resources):
        if force or stale(source):
            target = compiled_name(source)
            (compile_po if source.suffix == ".po" else compile_ts)(source, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="compile every catalogue, even up-to-date ones")
    parser.add_argument("--resources", type=Path, default=RESOURCES, metavar="DIR",
                        help="the resources folder (default: the checkout's)")
    parser.add_argument("--update", action="store_true",
                        help="first bring each .po up to date with the sentences the code marks")
    args = parser.parse_args(argv)
    try:
        if args.update:
            for source in update(args.resources):
                print(f"updated {source}")
        written = build(args.resources, args.force)
    except (CatalogueError, OSError) as error:
        print(f"build_catalogues: {error}", file=sys.stderr)
        return 1
    for target in written:
        print(f"compiled {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
