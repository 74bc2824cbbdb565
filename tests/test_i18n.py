"""immudesk in Spanish, the core's half (issue 17): the language follows the locale variables as gettext reads them,
every sentence the core marks is in the Spanish catalogue with its placeholders and plural forms, the command line
(its `--help` and argparse's words too) and the record printout speak Spanish for an es* locale, and what is
machine-readable (`--json`) or for a parent in another language (letters) stays as it was."""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import REPO, load_tool

from immudesk import i18n
from immudesk.cli import build_parser, main
from immudesk.demo import load_demo
from immudesk.i18n import english, format_date, say_n, use_language
from immudesk.resources import load_json, resource_path
from immudesk.states import evaluate_roster, state_codes
from immudesk.store import open_store

PO = REPO / "resources" / "locale" / "es" / "LC_MESSAGES" / "immudesk.po"
TODAY = date(2026, 11, 21)
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def system_language():
    """Each test sets what it needs; the override, and the locale read from changed variables, are gone after it."""
    yield
    use_language(None)
    i18n.system_language.cache_clear()


def catalogue():
    with PO.open("rb") as handle:
        return read_po(handle, locale="es", domain="immudesk")


# --- The language -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variables, expected", [
    ({"LANG": "es_US.UTF-8"}, "es"),
    ({"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    ({"LC_MESSAGES": "es", "LANG": "en_US.UTF-8"}, "es"),
    ({"LANGUAGE": "en_US:es", "LANG": "es_US.UTF-8"}, "en"),       # LANGUAGE first, as gettext reads them
    ({"LANGUAGE": "fr:es_ES", "LANG": "en_US.UTF-8"}, "es"),       # its first English or Spanish entry
    ({"LANGUAGE": "", "LC_ALL": "", "LANG": "es_PR.UTF-8"}, "es"),   # an empty variable is not set
    ({"LC_ALL": "C", "LANG": "es_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_language_follows_the_locale_variables(monkeypatch, variables, expected):
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    i18n.system_language.cache_clear()
    assert i18n.language() == expected


def test_an_override_wins_until_it_is_taken_back(monkeypatch):
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    i18n.system_language.cache_clear()
    use_language("en")
    assert i18n.language() == "en" and i18n._("does not count") == "does not count"
    use_language(None)
    assert i18n.language() == "es" and i18n._("does not count") == "no cuenta"
    with pytest.raises(ValueError):
        use_language("fr")


def test_dates_in_words_in_each_language():
    use_language("en")
    assert format_date(date(2026, 3, 14)) == "Mar 14, 2026"
    use_language("es")
    assert format_date(date(2026, 3, 14)) == "14 mar 2026"
    assert format_date(date(2026, 9, 2)) == "2 sep 2026"


def test_plural_forms_in_spanish():
    use_language("es")
    assert i18n.ngettext("{n} day left", "{n} days left", 1).format(n=1) == "queda 1 día"
    assert i18n.ngettext("{n} day left", "{n} days left", 17).format(n=17) == "quedan 17 días"
    assert i18n.ngettext("{n} day left", "{n} days left", 0).format(n=0) == "quedan 0 días"
    needed = ("{vaccine}: {n} valid dose needed at this age, {valid} on record",
              "{vaccine}: {n} valid doses needed at this age, {valid} on record")
    assert say_n(*needed, 1, vaccine="MMR", valid=0) == "MMR: se necesita 1 dosis válida a esta edad, hay 0 en el registro"
    assert say_n(*needed, 2, vaccine="MMR", valid=0).startswith("MMR: se necesitan 2 dosis válidas")


def test_a_missing_compiled_catalogue_means_english_not_a_crash(tmp_path, monkeypatch):
    shutil.copytree(resource_path("locale"), tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    i18n.catalogue.cache_clear()
    try:
        use_language("es")
        assert i18n._("does not count") == "does not count"
        assert i18n.ngettext("{n} day left", "{n} days left", 2) == "{n} days left"
    finally:
        i18n.catalogue.cache_clear()


def test_a_damaged_compiled_catalogue_means_english_not_a_crash(tmp_path, monkeypatch):
    folder = tmp_path / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "immudesk.mo").write_bytes(b"\x95\x04\x12\xde" + b"\x00" * 7)   # gettext's magic, then nothing
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    i18n.catalogue.cache_clear()
    try:
        use_language("es")
        assert i18n._("does not count") == "does not count"
    finally:
        i18n.catalogue.cache_clear()


# --- The catalogue ----------------------------------------------------------------------------------------------

def test_every_message_is_translated_with_the_same_placeholders():
    found = catalogue()
    placeholders = load_tool("build_catalogues").placeholders
    assert found.num_plurals == 2 and found.plural_expr == "(n != 1)"
    messages = [m for m in found if m.id]
    assert len(messages) > 150
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(strings) == (2 if message.pluralizable else 1), message.id
        assert all(s.strip() for s in strings) and not message.fuzzy, f"not translated: {message.id!r}"
        for text in strings:
            assert placeholders(text) == placeholders(ids[0]) | placeholders(ids[-1]), (message.id, text)


def test_every_sentence_the_code_marks_is_in_the_catalogue():
    build = load_tool("build_catalogues")
    in_catalogue = {m.id for m in catalogue() if m.id}
    assert len(build.marked_messages()) > 150 and set(build.marked_messages()) - in_catalogue == set()


def test_every_data_files_word_shown_is_in_the_catalogue():
    """What the rules layer takes from a data file into a sentence: a state's name, its status and exemption words,
    why a child is left out of the report; the groups' names; what is assumed of an unnamed product."""
    words = load_tool("build_catalogues").data_words()
    assert {"North Carolina", "Conditional", "personal/philosophical exemption", "withdrawn", "Varicella",
            "PCV7 was not given after 2010"} <= set(words)
    assert set(words) - {m.id for m in catalogue() if m.id} == set()
    for code in state_codes():
        assert load_json("states", f"{code}.json")["name"] in words


def test_updating_the_catalogue_adds_a_new_sentence_untranslated_and_keeps_the_rest(tmp_path):
    build = load_tool("build_catalogues")
    for name in ("locale", "states"):
        shutil.copytree(REPO / "resources" / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    for name in ("vaccines.json", "unnamed_products.json"):
        shutil.copy2(REPO / "resources" / name, tmp_path / name)
    po = tmp_path / "locale" / "es" / "LC_MESSAGES" / "immudesk.po"
    text = po.read_text(encoding="utf-8")
    # The entry as the catalogue has it, wherever the line of status.py that says it is now.
    found = re.search(r'#: immudesk/commands/status\.py:\d+\nmsgid "MAY NOT ATTEND"\nmsgstr "NO PUEDE ASISTIR"\n', text)
    assert found
    dropped = found.group(0)
    po.write_text(text.replace(dropped, '#: immudesk/old.py:1\nmsgid "Gone from the code"\nmsgstr "Ya no está"\n'),
                  encoding="utf-8")
    assert build.update(tmp_path) == [po]
    with po.open("rb") as handle:
        updated = {m.id: m for m in read_po(handle, locale="es") if m.id}
    # New: untranslated, or Babel's guess marked fuzzy (which the compiled catalogue leaves out, and the test of
    # the checkout's catalogue refuses).
    assert updated["MAY NOT ATTEND"].string == "" or updated["MAY NOT ATTEND"].fuzzy
    assert "Gone from the code" not in updated
    assert {k: m.string for k, m in updated.items() if k != "MAY NOT ATTEND"} == \
        {m.id: m.string for m in catalogue() if m.id and m.id != "MAY NOT ATTEND"}


def test_the_catalogues_build_from_their_sources(tmp_path):
    """tools/build_catalogues.py compiles every .po (and .ts, when there is one) under a resources folder, and
    only what is stale the second time."""
    build = load_tool("build_catalogues")
    shutil.copytree(REPO / "resources" / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    translations = REPO / "resources" / "translations"
    if translations.is_dir():
        shutil.copytree(translations, tmp_path / "translations", ignore=shutil.ignore_patterns("*.qm"))
    written = build.build(tmp_path)
    mo = tmp_path / "locale" / "es" / "LC_MESSAGES" / "immudesk.mo"
    assert mo in written and all(path.stat().st_size > 0 for path in written)
    assert {p.with_suffix("") for p in written} == {p.with_suffix("") for p in build.sources(tmp_path)}
    assert build.build(tmp_path) == []
    import gettext

    spanish = gettext.translation("immudesk", tmp_path / "locale", languages=["es"])
    assert spanish.gettext("MAY NOT ATTEND") == "NO PUEDE ASISTIR"
    assert spanish.ngettext("{n} day left", "{n} days left", 3) == "quedan {n} días"


def test_a_broken_catalogue_is_refused_with_its_name(tmp_path):
    build = load_tool("build_catalogues")
    folder = tmp_path / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "immudesk.po").write_text('msgid "{n} days left"\nmsgstr "quedan {días} días"\n', encoding="utf-8")
    with pytest.raises(build.CatalogueError, match=r"immudesk.po: line 1: .*placeholders \['días'\]"):
        build.build(tmp_path)
    assert not (folder / "immudesk.mo").exists()


# --- What the core says -----------------------------------------------------------------------------------------

@pytest.fixture
def demo_statuses(tmp_path):
    with open_store(tmp_path / "demo.sqlite3") as store:
        load_demo(store, TODAY)
        children = store.children()

    def judged(language: str):
        use_language(language)
        return evaluate_roster(children, "NC", TODAY)
    return judged


def test_reasons_in_spanish_say_the_same_in_english(demo_statuses):
    """A Spanish evaluation's reasons, said again in English, are the English evaluation's: what --json prints."""
    english_run = [(s.child.name, s.reasons, s.excluded_reason) for s in demo_statuses("en")]
    spanish_run = demo_statuses("es")
    assert [(s.child.name, [english(r) for r in s.reasons], english(s.excluded_reason))
            for s in spanish_run] == english_run
    spanish = "\n".join(r for s in spanish_run for r in s.reasons)
    for words in ("días calendario", "no puede asistir", "exención médica", "se puso 7 días antes del primer "
                  "cumpleaños, no cuenta", "quedan 40 días", "se necesita 1 dosis válida"):
        assert words in spanish
    for english_words in ("does not count", "on record", "calendar days", "may not attend"):
        assert english_words not in spanish


@pytest.mark.parametrize("language", ["en", "es"])
def test_reasons_say_dates_in_words_and_no_table_jargon(demo_statuses, language):
    """Issue 12 item 11: no ISO date, no "(the 19 months row)" in what the window shows."""
    reasons = [r for s in demo_statuses(language) for r in s.reasons]
    assert reasons and not [r for r in reasons if re.search(r"\d{4}-\d\d-\d\d| row\)", r)]
    assert any(format_date(date(2026, 11, 6)) in r for r in reasons)   # Noah's 30 days ended then


def test_a_parents_letter_keeps_its_language_whatever_the_providers(demo_statuses):
    from immudesk.reports import letters

    def lines(provider: str) -> dict:
        statuses = demo_statuses(provider)
        return {(s.child.name, lang): letters.dose_lines(s, lang, "non_compliance")
                for s in statuses for lang in ("en", "es") if letters.uncovered(s)}
    assert lines("es") == lines("en")
    assert any("given 7 days before the first birthday" in line for text in lines("es").values() for line in text)


def test_the_record_printout_in_spanish(demo_statuses, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from immudesk.model import Facility
    from immudesk.reports import record

    noah = next(s for s in demo_statuses("es") if s.child.name == "Noah Patel")
    record.write_pdf(noah, Facility(name="Casa Feliz", state="NC"), str(tmp_path / "record.pdf"))
    text = subprocess.run(["pdftotext", str(tmp_path / "record.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())
    for words in ("registro de vacunas", "Fecha de nacimiento", "21 mar 2025", "Qué significa", "no cuenta: se puso 7 "
                  "días antes del primer cumpleaños", "No está al día", "Varicela", "Página 1 de 1",
                  "se supone PCV13 o posterior: no se anotó el producto"):
        assert words in text, words
    for english_words in ("does not count", "Birth date", "What this means", "Page 1", "assumed", "Varicella"):
        assert english_words not in text


# --- The command line, as a provider runs it --------------------------------------------------------------------

def immudesk(db: Path, *args: str, language: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    env.update(LANG=language, IMMUDESK_TODAY=TODAY.isoformat(), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "immudesk", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "home.sqlite3"
    with open_store(db) as store:
        load_demo(store, TODAY)
    return db


def test_status_in_spanish_and_json_unchanged(demo_db):
    spanish = immudesk(demo_db, "status", language="es_US.UTF-8")
    assert spanish.returncode == 0, spanish.stderr
    out = spanish.stdout
    assert out.startswith("Ley de NC al 21 nov 2026")
    assert "estado" in out.splitlines()[1] and "fecha límite" in out.splitlines()[1]
    for words in ("al día", "en proceso", "NO está al día", "NO PUEDE ASISTIR", "exención médica",
                  "En proceso: quedan 40 días; el último día es el 31 dic 2026 (el período que certificó el médico).",
                  "los 30 días calendario para poner al día el registro"):
        assert words in out, words
    assert "up to date" not in out and "calendar days" not in out

    english_json = immudesk(demo_db, "status", "--json", language="en_US.UTF-8")
    spanish_json = immudesk(demo_db, "status", "--json", language="es_US.UTF-8")
    assert english_json.returncode == spanish_json.returncode == 0
    assert spanish_json.stdout == english_json.stdout          # byte for byte
    rows = json.loads(spanish_json.stdout)
    assert {row["status"] for row in rows} >= {"up_to_date", "in_process", "not_up_to_date"}
    assert any("calendar days" in reason for row in rows for reason in row["reasons"])


def test_a_command_line_mistake_in_spanish(demo_db):
    done = immudesk(demo_db, "staus", language="es_US.UTF-8")
    assert done.returncode == 2
    assert "¿Quiso decir 'status'?" in done.stderr and "Escriba 'immudesk --help'" in done.stderr
    done = immudesk(demo_db, "outbreak", "flu", language="es_US.UTF-8")
    assert done.returncode != 0 and "Traceback" not in done.stderr


@pytest.mark.parametrize("language, reason, why", [
    ("es", "se puso solo 7 días después de otra vacuna; se necesitan al menos 28 días entre ellas, así que no cuenta",
     "se puso solo 7 días después de otra vacuna; se necesitan al menos 28 días entre ellas"),
    ("es", "se puso 7 días antes del primer cumpleaños, no cuenta", "se puso 7 días antes del primer cumpleaños"),
    ("es", "given 7 days before the first birthday, does not count", "given 7 days before the first birthday"),
    ("en", "at least 28 days are needed between them, so it does not count", "at least 28 days are needed between them"),
])
def test_a_printout_says_does_not_count_once(language, reason, why):
    """The printouts say "does not count: why"; the reason's own ending is left off, in either language (an English
    reason in a Spanish home: a letter to a parent who reads English)."""
    from immudesk.reports.plain import why_not_counted

    use_language(language)
    assert why_not_counted(reason) == why


def test_records_due_in_spanish(demo_db):
    assert immudesk(demo_db, "facility", "--state", "MN", language="es_US.UTF-8").returncode == 0
    done = immudesk(demo_db, "records-due", language="es_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "niño en edad preescolar" in done.stdout and "18 meses" in done.stdout and "ATRASADO" in done.stdout
    assert "preschooler" not in done.stdout and not re.search(r"\d{4}-\d\d-\d\d", done.stdout)


def test_outbreak_list_in_spanish_takes_the_spanish_names(demo_db, tmp_path):
    done = immudesk(demo_db, "outbreak", "Sarampión", "--out", str(tmp_path / "list.pdf"), language="es_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"\d+ niños pueden contagiarse de Sarampión; se escribió .*list\.pdf\.\n", done.stderr)
    csv_es = immudesk(demo_db, "outbreak", "tos ferina", "--format", "csv", language="es_US.UTF-8").stdout
    csv_en = immudesk(demo_db, "outbreak", "pertussis", "--format", "csv", language="en_US.UTF-8").stdout
    assert csv_es.splitlines()[0] == csv_en.splitlines()[0] == \
        "name,birth_date,age,reason,parent_name,parent_phone,parent_email"     # the columns stay
    assert len(csv_es.splitlines()) == len(csv_en.splitlines()) > 1
    refused = immudesk(demo_db, "outbreak", "gripe", language="es_US.UTF-8")
    assert refused.returncode == 2
    assert refused.stderr == ("immudesk: las listas de brote son para sarampión, varicela (varicella) y tos ferina "
                              "(pertussis), no para 'gripe'\n")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "list.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Niños que pueden contagiarse de Sarampión" in text and "Por qué puede contagiarse" in text
        assert "Nació" in text   # a column heading that fits its narrow column whole


# --- The command line's help and usage errors: immudesk's texts and argparse's words, "did you mean" -----------

def test_immudesk_help_in_spanish(tmp_path):
    done = immudesk(tmp_path / "home.sqlite3", "--help", language="es_US.UTF-8")
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("uso: immudesk ")
    assert "Registros de vacunas y cumplimiento de requisitos para un hogar de cuidado" in out
    assert "\nargumentos:\n" in out and "\nopciones:\n" in out
    assert "muestra esta ayuda y termina" in out and "muestra la versión del programa y termina" in out
    assert "cartas para los padres de cada niño que no está al día" in out
    for english in ("usage:", "options:", "positional arguments", "show this help", "parent letters for"):
        assert english not in out


def test_a_commands_help_in_spanish(tmp_path):
    done = immudesk(tmp_path / "home.sqlite3", "status", "--help", language="es_US.UTF-8")
    assert done.returncode == 0
    assert done.stdout.startswith("uso: immudesk status ")
    text = " ".join(done.stdout.split())
    assert "opciones: -h, --help muestra esta ayuda y termina" in text
    assert "mostrar un arreglo JSON, un objeto por niño" in text
    assert "el día para el que se revisa (AAAA-MM-DD o M/D/AAAA; predeterminado: hoy)" in text


def test_help_in_english_unchanged(tmp_path):
    done = immudesk(tmp_path / "home.sqlite3", "--help", language="C.UTF-8")
    assert done.returncode == 0 and done.stdout.startswith("usage: immudesk ")
    assert "Immunization records and compliance for a child care home." in done.stdout
    assert "\npositional arguments:\n" in done.stdout and "\noptions:\n" in done.stdout
    assert "show this help message and exit" in done.stdout
    status = " ".join(immudesk(tmp_path / "home.sqlite3", "status", "--help", language="C.UTF-8").stdout.split())
    assert "--json print a JSON array, one object per child" in status


def test_usage_mistakes_in_spanish_keep_did_you_mean(tmp_path):
    done = immudesk(tmp_path / "home.sqlite3", "staus", language="es_US.UTF-8")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("uso: immudesk ")
    assert "argumento COMMAND: valor no válido: 'staus' (elija entre" in done.stderr
    assert "¿Quiso decir 'status'?" in done.stderr
    done = immudesk(tmp_path / "home.sqlite3", "report", "--format", "pfd", language="es_US.UTF-8")
    assert done.returncode == 2 and "¿Quiso decir 'pdf'?" in done.stderr
    done = immudesk(tmp_path / "home.sqlite3", "record", language="es_US.UTF-8")
    assert done.returncode == 2 and "faltan estos argumentos obligatorios: CHILD" in done.stderr
    done = immudesk(tmp_path / "home.sqlite3", "status", "--jsno", language="es_US.UTF-8")
    assert done.returncode == 2 and "argumentos no reconocidos: --jsno" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("language, guess", [("en", "Did you mean 'outbreak'?"), ("es", "¿Quiso decir 'outbreak'?")])
def test_did_you_mean_follows_the_language_chosen_in_settings(capsys, language, guess):
    # The window's Settings -> Language (use_language), not the environment: argparse speaks it too.
    use_language(language)
    with pytest.raises(SystemExit) as exit_:
        main(["outbrake"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and guess in err
    assert ("valor no válido" in err) == (language == "es") and ("invalid choice" in err) == (language == "en")


def helps(parser: argparse.ArgumentParser) -> dict:
    """Every help, description and epilog text of the command line, by where it is."""
    found = {("immudesk", "description"): parser.description}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[(choice.dest, "help")] = choice.help
            for name, sub in action.choices.items():
                found[(name, "description")] = sub.description
                found[(name, "epilog")] = sub.epilog
                for sub_action in sub._actions:
                    found[(name, *sub_action.option_strings, sub_action.dest)] = sub_action.help
        else:
            found[("immudesk", *action.option_strings)] = action.help
    return {where: text for where, text in found.items() if text and text != argparse.SUPPRESS}


def test_every_help_text_of_the_command_line_is_in_spanish():
    use_language("en")
    english = helps(build_parser())
    use_language("es")
    spanish = helps(build_parser())
    assert english.keys() == spanish.keys() and len(english) > 80
    same = [where for where in english if english[where] == spanish[where]]
    assert same == []


def test_english_date_words_are_cldrs_without_loading_babel():
    """English dates are written without Babel (a command in English starts faster); they must be CLDR's en_US words."""
    from datetime import timedelta

    from babel.dates import format_date as cldr

    from immudesk.i18n import format_date, format_month, format_weekday

    day = date(1999, 12, 25)
    for _ in range(400):                       # more than a year, every month and weekday, one- and two-digit days
        day += timedelta(days=1)
        assert format_date(day, "en") == cldr(day, "medium", locale="en_US")
        assert format_month(day, "en") == cldr(day, "MMM y", locale="en_US")
        assert format_weekday(day, "en") == cldr(day, "EEE", locale="en_US")


def test_a_command_in_english_does_not_load_babel(tmp_path):
    code = ("import sys; from immudesk.cli import main; main(['--db', sys.argv[1], 'status']); "
            "print('babel' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    env.update(LANG="C.UTF-8", PYTHONPATH=str(REPO), IMMUDESK_TODAY="2026-12-03")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "h.sqlite3")], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.splitlines()[-1] == "False"
