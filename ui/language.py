"""The window's language (INTERFACES.md "Language"): the computer's, or the one chosen in Settings → Language.

Qt's own translation system: the window's sentences are in resources/translations/immudesk_<lang>.ts (extracted
with pyside6-lupdate, compiled to .qm with pyside6-lrelease by tools/build_catalogues.py at install), loaded with
QTranslator, together with Qt's qtbase_<lang>.qm for the standard dialogs' buttons. The choice is passed on to
immudesk.i18n so the core's sentences (status reasons) come in the same language.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from immudesk import i18n
from immudesk.resources import resource_path

translate = QCoreApplication.translate

SETTING = "app/language"     # "" (follow the computer), "en" or "es"
# Each language named in itself, so a provider who cannot read the current one still finds theirs.
NAMES = {"en": "English", "es": "Español"}
# Where the compiled catalogues are read from, when not resources/translations: the Spanish window tests point it
# at the folder they compile the .ts into (tests/test_ui_spanish.py).
CATALOGUE_FOLDER_VARIABLE = "IMMUDESK_TRANSLATIONS"

_installed: list[QTranslator] = []
_ENGLISH_PLURAL = re.compile(r"\((s|ren)\)")


def catalogue_folder() -> Path:
    override = os.environ.get(CATALOGUE_FOLDER_VARIABLE)
    return Path(override) if override else resource_path("translations")


def chosen(settings: QSettings) -> str | None:
    """The language chosen in Settings, or None to follow the computer."""
    value = settings.value(SETTING, "", str)
    return value if value in NAMES else None


def install(settings: QSettings | None = None) -> str:
    """Load the catalogues for the chosen (or the computer's) language into the running application and tell
    the core; returns "en" or "es". Called once at start, before any window is built. A missing catalogue leaves
    that part in English (a build without compiled catalogues still works)."""
    i18n.use_language(chosen(settings if settings is not None else QSettings()))
    code = i18n.language()
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale("es_US" if code == "es" else "en_US"))   # the calendar's month and day names
    for name, folder in ((f"immudesk_{code}", catalogue_folder()),
                         (f"qtbase_{code}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
    return code


def counted(said: str, count: int) -> str:
    """A message with a count, as translate(context, "%n dose(s)", None, count) gave it: the catalogue has the
    form for the count ("1 dosis", "2 dosis"; English too, in immudesk_en.ts). In a checkout whose catalogues
    are not compiled yet the English source is given back: its "(s)" or "(ren)" is the English plural ending."""
    return _ENGLISH_PLURAL.sub("" if count == 1 else r"\1", said)


def add_menu(window, settings_menu) -> None:
    """Settings → Language: Automatic, English, Español (one checked). A new choice is remembered in the
    window's settings and applies from the next start, which the window offers to do at once."""
    menu = settings_menu.addMenu(translate("Language", "Lan&guage"))
    menu.setToolTipsVisible(True)
    group = QActionGroup(window)
    current = chosen(window.settings)
    window.language_actions = {}
    for code, text in ((None, translate("Language", "&Automatic (as the computer)")),
                       ("en", "&English"), ("es", "E&spañol")):
        action = QAction(text, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda _checked=False, chosen_code=code: choose(window, chosen_code))
        window.language_actions[code] = action


def choose(window, code: str | None) -> None:
    if chosen(window.settings) == code:
        return
    window.settings.setValue(SETTING, code or "")
    window.settings.sync()
    from .messages import ask

    if ask(window, translate("Language", "Language"),
           translate("Language", "The new language is used from the next start of immudesk. Restart now? "
                                 "Nothing is lost: your records are saved as you go."),
           translate("Language", "Restart now"), translate("Language", "Later")):
        window.restart_requested = True
        window.close()


def restart() -> bool:
    """Start immudesk again with the same arguments (after the window closed for a new language)."""
    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, sys.argv[1:]
    else:   # the launcher of this window's package (ui, or immudesk_ui when installed), as `immudesk` runs it
        program, arguments = sys.executable, ["-m", f"{__package__}.launcher", *sys.argv[1:]]
    return QProcess.startDetached(program, arguments)[0]
