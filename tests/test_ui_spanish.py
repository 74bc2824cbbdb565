"""The window in Spanish (issue 17): every message in the catalogue is translated with its placeholders; with the
language set to Spanish no window or dialog a provider opens shows English; Settings → Language is remembered.

The compiled catalogues (.qm) are not in the repository (the install step builds them): the tests compile the
.ts sources into a temporary folder with pyside6-lrelease, as a fresh checkout has none."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QTextBrowser, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu,
                               QMessageBox, QTabWidget, QTreeWidget, QWidget)

from immudesk import i18n
from immudesk.demo import load_demo
from ui import language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")

REPO = Path(__file__).resolve().parents[1]
CATALOGUES = REPO / "resources" / "translations"
TODAY = date(2026, 11, 2)
# Words that are the same in a Spanish window: product and vaccine names, abbreviations, the program's name.
ALLOWED = {"immudesk", "dtap", "mmr", "hib", "pcv", "hepb", "hepa", "ipv", "polio", "varicella", "cvx", "pentacel",
           "pediarix", "proquad", "pcv20", "ii", "pedvaxhib", "acthib", "hiberix", "vaxelis", "kinrix", "quadracel",
           "nc", "mn", "dhhs", "csv", "pdf", "pin", "ctrl", "alt", "shift", "enter", "esc", "f1", "f2", "f5", "tab",
           "email", "hep", "b", "a", "no", "ok"}
# Common English words: any of these in a visible text means a sentence was left in English.
ENGLISH = set("""the and of to is are for with on this that you your be was not from by it as at or an has have
what when which who will can must do does save cancel open close file print help settings roster child children
record records date dates vaccine vaccines dose doses status missing days day left due today back new add remove
delete find show all report reports letters letter search withdrawn name first last birth attendance parent phone
language notes exemption exemptions history yes about quit import export backup restore facility lock outbreak
needs action up in process more none required counts count product given type""".split())


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if not found:
        pytest.skip("pyside6-lrelease is not installed")
    return found


@pytest.fixture(scope="session")
def compiled(tmp_path_factory) -> Path:
    """The .ts catalogues compiled into a temporary folder, which ui.language reads instead of resources/."""
    folder = tmp_path_factory.mktemp("translations")
    for source in CATALOGUES.glob("*.ts"):
        subprocess.run([lrelease(), str(source), "-qm", str(folder / (source.stem + ".qm"))], check=True,
                       capture_output=True)
    return folder


@pytest.fixture
def spanish(compiled, monkeypatch, tmp_path, qapp):
    """The application in Spanish, as a provider who chose Español in Settings; English again afterwards."""
    monkeypatch.setenv(language.CATALOGUE_FOLDER_VARIABLE, str(compiled))
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(language.SETTING, "es")
    assert language.install(settings) == "es"
    yield settings
    settings.setValue(language.SETTING, "en")
    language.install(settings)
    i18n.use_language(None)
    QLocale.setDefault(QLocale.system())


# -- the catalogue ---------------------------------------------------------------------------------------------
def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation.get("type"), forms


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w*\}|%n|%\d", text))


def test_every_message_is_translated_with_the_same_placeholders():
    found = list(messages(CATALOGUES / "immudesk_es.ts"))
    assert len(found) > 100
    unfinished = [source for _context, source, kind, _forms in found if kind in ("unfinished", "obsolete", "vanished")]
    assert unfinished == []
    for context, source, _kind, forms in found:
        for form in forms:
            assert form.strip(), (context, source)
            assert placeholders(form) == placeholders(source), (context, source, form)
            # One keyboard accelerator (&X) in the label, one in its translation.
            assert source.count("&") - source.count("&&") == form.count("&") - form.count("&&"), (source, form)
    plural = [forms for _c, source, _k, forms in found if "%n" in source]
    assert plural and all(len(forms) == 2 for forms in plural)   # Spanish: singular and plural


def test_the_english_catalogue_gives_english_plurals():
    found = list(messages(CATALOGUES / "immudesk_en.ts"))
    assert found and all(kind is None and len(forms) == 2 for _c, _s, kind, forms in found)


def test_spanish_plurals_agree(spanish):
    from PySide6.QtCore import QCoreApplication

    one = QCoreApplication.translate("ChildDialog", "%n dose(s) on record", None, 1)
    two = QCoreApplication.translate("ChildDialog", "%n dose(s) on record", None, 2)
    assert (one, two) == ("1 dosis en el registro", "2 dosis en el registro")
    assert QCoreApplication.translate("ChildDialog", "{counting} counting of %n required now", None, 1) \
        == "válidas: {counting} de 1 exigida ahora"


# -- what a provider sees ----------------------------------------------------------------------------------------
def visible_texts(widget: QWidget) -> list[str]:
    """Every text a provider can read in a window: labels, buttons, group titles, tabs, placeholders, list and
    header entries, tool tips, menus. Not a state's own legal text (marked state_words), which stays English."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if child.property("state_words"):
            continue
        texts.append(child.toolTip())
        if isinstance(child, QLabel):
            texts.append(child.text())
        elif isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts.extend(child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
            texts.extend(child.tabToolTip(i) for i in range(child.count()))
        elif isinstance(child, QTreeWidget):
            header = child.headerItem()
            texts.extend(header.text(i) for i in range(header.columnCount()))
            for i in range(child.topLevelItemCount()):
                item = child.topLevelItem(i)
                texts.extend(item.text(c) for c in range(header.columnCount()) if c != 0)
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount()
            except TypeError:   # a list's model: one column
                columns = 1
            for column in range(columns):
                texts += [model.headerData(column, Qt.Orientation.Horizontal),
                          model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)]
                texts += [model.index(row, column).data() for row in range(min(model.rowCount(QModelIndex()), 40))]
        elif isinstance(child, QTextBrowser):
            texts.append(child.toPlainText())
        elif isinstance(child, QMenu):
            for action in child.actions():
                texts.extend([action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "")
                              else "", action.statusTip()])
    return [t for t in texts if isinstance(t, str) and t.strip()]


def names_in(store) -> list[str]:
    """What the provider typed or the files name, shown as written: the facility, the records file, the states."""
    from immudesk.states import state_codes
    from ui.facility_dialog import state_name

    facility = store.facility()
    return sorted({str(store.path), facility.name, *(state_name(code) for code in state_codes())} - {""},
                  key=len, reverse=True)


def english_in(texts: list[str], core: list[str] = ()) -> list[str]:
    found = []
    core = sorted(set(core), key=len, reverse=True)   # whole sentences before the words inside them
    for text in texts:
        for sentence in core:
            text = text.replace(html.escape(sentence, quote=False), " ").replace(sentence, " ")
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "")
        words = {w.lower() for w in re.findall(r"[A-Za-zÁÉÍÓÚÑáéíóúñü']+", plain)}
        if words & ENGLISH - ALLOWED:
            found.append(text)
    return found


def test_the_record_window_shows_no_english(spanish, qtbot, store, tmp_path):
    store.update_facility(state="NC", name="Casa Feliz")
    load_demo(store, TODAY)
    from ui.main_window import MainWindow

    window = MainWindow(store, settings=spanish)
    qtbot.addWidget(window)
    window.show()
    # A child's record, opened as a provider does: select the first row, Enter.
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home)
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.child_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.tabText(1) == "&Vacunas" and dialog.tabs.tabText(0) == "Niño y &familia"
    texts = visible_texts(dialog)
    assert english_in(texts, names_in(store)) == []   # the reasons too: the core's catalogue (immudesk.i18n)
    # The date fields say month first, in Spanish.
    assert dialog.birth_date.edit.placeholderText() in ("", "mes/día/año") or dialog.birth_date.value()
    empty = [f for f in (dialog.dose_date,) if not f.edit.text()]
    assert empty and empty[0].edit.placeholderText() == "mes/día/año"
    # What it understood, in Spanish form: "lun, 14 sept 2026" style, month first when typed.
    QTest.keyClicks(dialog.dose_date.edit, "3/14/2026")
    assert dialog.dose_date.understood.text() == "sáb, 14 mar 2026"
    dialog.done(0)


# -- Settings → Language -------------------------------------------------------------------------------------------
def answer_question(qtbot, button_text: str, seen: list) -> None:
    """Click `button_text` in the question the window is about to ask (ui.messages.ask runs it modally)."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def choose_language_by_keys(qtbot, window, key: str) -> None:
    """A click on Settings in the menu bar, G for its Language submenu, then the choice's underlined letter."""
    bar = window.menuBar()
    settings = next(a for a in bar.actions() if a.menu() is window.settings_menu)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(settings).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.settings_menu)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_G)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None
                    and QApplication.activePopupWidget().title() == "Lan&guage")
    QTest.keyClick(QApplication.activePopupWidget(), key)


def test_the_language_chosen_in_settings_is_remembered(qtbot, store, tmp_path, compiled, monkeypatch):
    from ui.main_window import MainWindow

    monkeypatch.setenv(language.CATALOGUE_FOLDER_VARIABLE, str(compiled))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    store.update_facility(state="NC", name="Test Home")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert window.language_actions[None].isChecked()   # a new provider: as the computer
    asked: list[str] = []
    answer_question(qtbot, "Later", asked)
    choose_language_by_keys(qtbot, window, Qt.Key.Key_S)   # E&spañol
    qtbot.waitUntil(lambda: bool(asked))
    assert "Restart now?" in asked[0]
    assert window.isVisible() and not getattr(window, "restart_requested", False)   # "Later": nothing closes
    assert window.language_actions["es"].isChecked()
    window.close()

    # The next start reads it back: Spanish although the computer is in English, and the core agrees.
    reopened = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        assert language.install(reopened) == "es" and i18n.language() == "es"
        again = MainWindow(store, settings=reopened)
        qtbot.addWidget(again)
        assert again.language_actions["es"].isChecked()
        assert again.language_actions[None].text() == "&Automático (como la computadora)"   # the window is Spanish
    finally:
        reopened.setValue(language.SETTING, "")
        language.install(reopened)
        QLocale.setDefault(QLocale.system())
    assert i18n.language() == "en"   # Automatic again: the computer's English


def test_restart_now_closes_the_window_to_start_again(qtbot, store, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    store.update_facility(state="NC", name="Test Home")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(language.SETTING, "es")
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    asked: list[str] = []
    answer_question(qtbot, "Restart now", asked)
    choose_language_by_keys(qtbot, window, Qt.Key.Key_A)   # &Automatic
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.restart_requested   # ui.app starts immudesk again once the window has closed
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value(language.SETTING) == ""


# -- fits ------------------------------------------------------------------------------------------------------------
def cut_texts(window: QWidget) -> list[str]:
    """Labels and buttons on show whose Spanish words do not fit their width (Qt would clip them)."""
    cut = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.width() <= 0:
            continue
        if isinstance(child, QLabel) and not child.wordWrap() and child.text() and child.pixmap().isNull():
            if child.width() < child.minimumSizeHint().width() - 1:
                cut.append(child.text())
        elif isinstance(child, QAbstractButton) and child.text():
            if child.width() < child.minimumSizeHint().width() - 1:
                cut.append(child.text())
    return cut


@pytest.mark.parametrize("screen", [(1366, 768), (1024, 768)])
def test_the_record_window_fits_small_screens_in_spanish(spanish, qtbot, store, screen):
    store.update_facility(state="NC", name="Casa Feliz")
    load_demo(store, TODAY)
    from ui.main_window import MainWindow

    window = MainWindow(store, settings=spanish)
    qtbot.addWidget(window)
    window.resize(*screen)
    window.show()
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home)
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.child_dialog
    width, height = screen[0], screen[1] - 60   # a panel or task bar takes some of the height
    assert dialog.minimumSizeHint().width() <= width and dialog.minimumSizeHint().height() <= height
    dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
    for tab in range(dialog.tabs.count()):
        QTest.keyClick(dialog.tabs.tabBar(), Qt.Key.Key_Right if tab else Qt.Key.Key_Home)
        QApplication.processEvents()
        assert cut_texts(dialog) == [], dialog.tabs.tabText(dialog.tabs.currentIndex())
        page = dialog.tabs.currentWidget()   # a QScrollArea: nothing hidden off to the side
        assert not page.horizontalScrollBar().isVisible(), dialog.tabs.tabText(dialog.tabs.currentIndex())
        bar = dialog.tabs.tabBar()
        assert all(bar.tabRect(i).width() >= bar.tabSizeHint(i).width() for i in range(bar.count()))
    dialog.done(0)


# -- keyboard ----------------------------------------------------------------------------------------------------
def alt_keys(texts) -> list[str]:
    return [match.group(1).lower() for text in texts if (match := re.search(r"&([^&])", text or ""))]


def test_every_alt_key_in_the_spanish_record_leads_to_one_place(spanish, qtbot, store):
    store.update_facility(state="NC", name="Casa Feliz")
    from ui.main_window import MainWindow

    window = MainWindow(store, settings=spanish)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)   # Archivo → Niño nuevo
    qtbot.waitUntil(lambda: window.child_dialog is not None)
    dialog = window.child_dialog
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    outside = alt_keys(tabs) + alt_keys(b.text() for b in dialog.findChildren(QAbstractButton)
                                        if not dialog.tabs.isAncestorOf(b))
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        keys = outside + alt_keys(w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton))
        assert len(keys) == len(set(keys)), (tabs[index], sorted(keys))
    dialog.done(0)


# -- every window --------------------------------------------------------------------------------------------------
def spanish_window(store, settings, qtbot):
    from ui.main_window import MainWindow

    store.update_facility(state="NC", name="Casa Feliz")
    load_demo(store, TODAY)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.wait_for_statuses()
    return window


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    QTest.keyClick(window, key, modifiers)


def state_notes(window) -> list[str]:
    """The state file's own note on a projected report period, as its sources word it."""
    from ui import wording

    note = getattr(window.evaluation.report_period, "to_verify", "")
    return [wording.dates_in_words(note)] if note else []


def test_the_main_window_and_its_dialogs_show_no_english(spanish, qtbot, store):
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    window = spanish_window(store, spanish, qtbot)
    core = state_notes(window) + names_in(store)
    assert english_in(visible_texts(window), core) == []
    assert [a.text() for a in window.menuBar().actions()][:5] == ["&Archivo", "&Lista", "&Informes",
                                                                  "&Configuración", "Ay&uda"]
    # Roster → Brote (Ctrl+Shift+O), Registros que pedir (Ctrl+Shift+R), Configuración → Datos del hogar (Ctrl+,),
    # Ayuda (F1): each opened by its keys, read, closed.
    for key, modifiers, name in ((Qt.Key.Key_O, ctrl | shift, "outbreak_dialog"),
                                 (Qt.Key.Key_R, ctrl | shift, "records_due_dialog"),
                                 (Qt.Key.Key_Comma, ctrl, "facility_dialog"),
                                 (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "help_dialog")):
        press(window, key, modifiers)
        qtbot.waitUntil(lambda: getattr(window, name, None) is not None and getattr(window, name).isVisible())
        dialog = getattr(window, name)
        texts = visible_texts(dialog)
        if name == "help_dialog":   # the state sources are named as their laws write them (said so in Spanish)
            texts = [t.split("Reglas de cada estado")[0] for t in texts]
        assert english_in(texts, core) == [], name
        dialog.done(0) if hasattr(dialog, "done") else dialog.close()
    # Lista → Dar de baja al niño, on the selected row.
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home)
    window.withdraw_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "withdraw_dialog", None) is not None)
    assert english_in(visible_texts(window.withdraw_dialog), core) == []
    window.withdraw_dialog.done(0)


def test_the_first_run_and_the_import_problems_show_no_english(spanish, qtbot, store, tmp_path):
    from ui.first_run import FirstRunAssistant

    assistant = FirstRunAssistant(store)
    qtbot.addWidget(assistant)
    assistant.show()
    names = names_in(store)
    assert english_in(visible_texts(assistant) + [assistant.currentPage().title(),
                                                  assistant.currentPage().subTitle()], names) == []
    QTest.mouseClick(assistant.button(assistant.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = assistant.currentPage()
    assert english_in(visible_texts(page) + [page.title(), page.subTitle()], names) == []
    assistant.done(0)

    window = spanish_window(store, spanish, qtbot)
    bad = tmp_path / "lista.csv"
    bad.write_text("first_name,last_name,birth_date,enrolled_on\nZoe,King,2025-02-30,2026-01-05\n", encoding="utf-8")
    problems = window.import_csv(path=str(bad))
    # Each problem line is the core's, in INTERFACES.md's "FILE line N, column C: ..." form (not in its Spanish
    # catalogue yet); the window's words around them are Spanish.
    texts = [t for t in visible_texts(problems) if t not in problems.problems]
    assert texts and english_in(texts, names_in(store)) == []
    problems.done(0)


def test_the_previews_show_no_english(spanish, qtbot, store):
    from ui import reports

    window = spanish_window(store, spanish, qtbot)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home)
    for make in (reports.annual_report_dialog, reports.roster_dialog, reports.record_dialog):
        preview = make(window, show=False)
        qtbot.addWidget(preview)
        preview.show()
        assert english_in(visible_texts(preview), names_in(store)) == [], make.__name__
        preview.done(0)


def test_every_alt_key_in_the_spanish_main_window_leads_to_one_place(spanish, qtbot, store):
    window = spanish_window(store, spanish, qtbot)
    central = window.centralWidget()
    keys = alt_keys(a.text() for a in window.menuBar().actions()) + alt_keys(
        w.text() for w in central.findChildren(QLabel) + central.findChildren(QAbstractButton) if w.isVisibleTo(window))
    assert len(keys) == len(set(keys)), sorted(keys)
    for menu in window.menuBar().findChildren(QMenu):   # within each menu, one letter per entry
        entries = alt_keys(a.text() for a in menu.actions() if a.isVisible())
        assert len(entries) == len(set(entries)), (menu.title(), sorted(entries))


def test_restart_starts_immudesk_again_with_the_same_arguments(monkeypatch):
    """What Restart now runs is immudesk's own launcher: proved by running it with --smoke-test."""
    started = []
    monkeypatch.setattr(language.QProcess, "startDetached",
                        staticmethod(lambda program, arguments: started.append((program, arguments)) or (True, 1)))
    monkeypatch.setattr(sys, "argv", ["immudesk", "--smoke-test"])
    assert language.restart()
    [(program, arguments)] = started
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([program, *arguments], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "smoke test passed" in done.stdout, done.stderr


def test_a_states_own_status_words_give_way_to_spanish(spanish):
    """Washington calls "in process" "Conditional": in English the window says the state's word, in Spanish the
    general Spanish one (a state's English term is not left in a Spanish window)."""
    from ui.status_style import look

    assert look("in_process", state="WA").words == "En proceso"
    assert look("in_process", must_exclude=True, state="WA").words == "No puede asistir · En proceso"
    spanish.setValue(language.SETTING, "en")
    language.install(spanish)
    assert look("in_process", state="WA").words == "Conditional"
    assert look("in_process").words == "In process"
