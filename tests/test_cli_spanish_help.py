"""The command line's help and usage errors in Spanish (issue 17): immudesk's own help texts and argparse's words
("uso:", "opciones", "faltan estos argumentos obligatorios") follow the locale, English stays as it was, and a
misspelled command or choice still gets its "did you mean" in both languages."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest
from conftest import REPO

from immudesk import i18n
from immudesk.cli import build_parser, main
from immudesk.i18n import use_language

LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def system_language():
    yield
    use_language(None)
    i18n.system_language.cache_clear()


def immudesk(tmp_path, *args: str, language: str) -> subprocess.CompletedProcess:
    """The command as a provider runs it, with only LANG saying the language."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    env.update(LANG=language, PYTHONPATH=str(REPO), IMMUDESK_DB=str(tmp_path / "home.sqlite3"))
    return subprocess.run([sys.executable, "-m", "immudesk", *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)


def test_immudesk_help_in_spanish(tmp_path):
    done = immudesk(tmp_path, "--help", language="es_US.UTF-8")
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
    done = immudesk(tmp_path, "status", "--help", language="es_US.UTF-8")
    assert done.returncode == 0
    assert done.stdout.startswith("uso: immudesk status ")
    text = " ".join(done.stdout.split())
    assert "opciones: -h, --help muestra esta ayuda y termina" in text
    assert "mostrar un arreglo JSON, un objeto por niño" in text
    assert "el día para el que se revisa (AAAA-MM-DD o M/D/AAAA; predeterminado: hoy)" in text


def test_help_in_english_unchanged(tmp_path):
    done = immudesk(tmp_path, "--help", language="C.UTF-8")
    assert done.returncode == 0 and done.stdout.startswith("usage: immudesk ")
    assert "Immunization records and compliance for a child care home." in done.stdout
    assert "\npositional arguments:\n" in done.stdout and "\noptions:\n" in done.stdout
    assert "show this help message and exit" in done.stdout
    status = " ".join(immudesk(tmp_path, "status", "--help", language="C.UTF-8").stdout.split())
    assert "--json print a JSON array, one object per child" in status


def test_usage_mistakes_in_spanish_keep_did_you_mean(tmp_path):
    done = immudesk(tmp_path, "staus", language="es_US.UTF-8")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("uso: immudesk ")
    assert "argumento COMMAND: valor no válido: 'staus' (elija entre" in done.stderr
    assert "¿Quiso decir 'status'?" in done.stderr
    done = immudesk(tmp_path, "report", "--format", "pfd", language="es_US.UTF-8")
    assert done.returncode == 2 and "¿Quiso decir 'pdf'?" in done.stderr
    done = immudesk(tmp_path, "record", language="es_US.UTF-8")
    assert done.returncode == 2 and "faltan estos argumentos obligatorios: CHILD" in done.stderr
    done = immudesk(tmp_path, "status", "--jsno", language="es_US.UTF-8")
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
