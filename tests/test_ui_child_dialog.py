"""A child's record, driven the way a provider does it (keys typed into the real fields, buttons clicked) with the
real NC rules: a new child goes on the roster, doses change the status and its colour, combination vaccines are
typed once, every dose says whether it counts, fields are checked where they are, and nothing is saved half-way,
on Enter, or on Cancel."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from immudesk.demo import load_demo
from immudesk.model import Child, Dose
from ui import child_dialog as child_dialog_module
from ui.main_window import MainWindow
from ui.roster_model import NAME, STATUS, STATUS_ROLE
from ui.status_style import LOOKS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 2)
RETURN, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def window(qtbot, store, today, tmp_path):
    from PySide6.QtCore import QSettings

    store.update_facility(state="NC", name="Test Home")
    created = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    return created


def open_record(window, qtbot, child_id=None):
    from PySide6.QtWidgets import QApplication

    dialog = window.edit_child(child_id)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()   # the offscreen platform leaves the main window active; a desktop does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_in(widget, text: str, then=None) -> None:
    """Click into a field, select what is there (as a person about to retype it), type, and maybe press a key."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.keyClick(widget, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(widget, text)
    if then is not None:
        QTest.keyClick(widget, then)


def fill_new_child(dialog, first="Rosa", last="Diaz", birth="3/2/2026", first_day="10/1/2026") -> None:
    type_in(dialog.first_name, first)
    type_in(dialog.last_name, last)
    type_in(dialog.birth_date.edit, birth, TAB)
    type_in(dialog.enrolled_on.edit, first_day, TAB)


def click_check(check) -> None:
    """Click a check box on its box (its left end), as a person aims."""
    from PySide6.QtCore import QPoint

    QTest.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def us(text: str) -> date:
    """A date as the certificate prints it (M/D/YYYY), for the expected values."""
    month, day, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def save_with_ctrl_s(dialog) -> None:
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_S, CTRL)


def add_doses(dialog, lines: list[tuple[str, str]]) -> None:
    """Type certificate lines into the dose entry: the date given, then the vaccine as printed, Enter."""
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)   # the Vaccines page
    for given, product in lines:
        type_in(dialog.dose_date.edit, given, TAB)
        QTest.keyClicks(dialog.dose_product, product)
        QTest.keyClick(dialog.dose_product, RETURN)


def roster_row(window, name):
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, NAME).data() == name:
            return row
    return None


def status_cell(window, name):
    return window.proxy.index(roster_row(window, name), STATUS)


def error_text(dialog, name: str) -> str:
    label = dialog._errors[name]
    return "" if label.isHidden() else label.text()   # shown, on whichever page it is


def tree_item(dialog, group: str, given: date):
    tree = dialog.doses_tree
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        for child in range(top.childCount()):
            if top.child(child).data(0, Qt.ItemDataRole.UserRole) == (group, given):
                return top.child(child)
    return None


# -- a new child, from the keyboard --------------------------------------------------------------------------------
def test_a_new_record_starts_empty_and_says_nothing_alarming(window, qtbot):
    dialog = open_record(window, qtbot)
    for field in (dialog.birth_date, dialog.enrolled_on, dialog.dose_date, dialog.in_process_until):
        assert field.edit.text() == "" and field.value() is None
    assert "May not attend" not in dialog.status_box.text()
    assert dialog.focusWidget() is dialog.first_name
    names = {w.accessibleName() for w in (dialog.first_name, dialog.last_name, dialog.birth_date.edit,
                                          dialog.enrolled_on.edit, dialog.dose_date.edit, dialog.dose_product)}
    assert names == {"First name", "Last name", "Birth date", "First day of attendance", "Date given",
                     "Vaccine or product"}


def test_adding_a_child_and_doses_changes_status_and_colour_in_the_roster(window, store, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, birth="03/02/2026", first_day="09/23/2026")   # 8 months old, enrolled 40 days ago
    type_in(dialog.parent_phone, "919-555-0177")
    save_with_ctrl_s(dialog)
    assert not dialog.isVisible(), dialog.problems(True)
    index = status_cell(window, "Rosa Diaz")
    assert index.data() == "May not attend · Not up to date"
    assert index.data(STATUS_ROLE) == "not_up_to_date"
    red = index.data(Qt.ItemDataRole.BackgroundRole).color().name()

    # Then her certificate: Pentacel and Prevnar 20 at 2, 4, 6 months, HepB at birth and 1 month.
    child_id = store.find_child("Rosa", "Diaz", date(2026, 3, 2))
    dialog = open_record(window, qtbot, child_id)
    add_doses(dialog, [("3/2/2026", "Hep B"), ("4/2/2026", "HepB"),
                       ("5/2/2026", "Pentacel"), ("5/2/2026", "PCV20"), ("7/2/2026", "pentacel"),
                       ("7/2/2026", "prevnar 20"), ("9/2/2026", "DTaP-IPV/Hib"), ("9/2/2026", "Prevnar-20")])
    assert error_text(dialog, "dose") == ""
    assert dialog.status.status == "up_to_date"          # the dialog shows the new status before saving
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    index = status_cell(window, "Rosa Diaz")
    assert index.data() == "Up to date"
    green = index.data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert green != red and green == LOOKS["up_to_date"].tint.lower()
    saved = store.child(child_id)
    assert [d.given_on for d in saved.doses_for("Polio")] == [date(2026, 5, 2), date(2026, 7, 2), date(2026, 9, 2)]
    assert {d.product for d in saved.doses_for("Hib")} == {"Pentacel"}
    assert {(d.product, d.cvx) for d in saved.doses_for("PCV")} == {("Prevnar 20", "216")}
    assert [d.product for d in saved.doses_for("HepB")] == [None, None]
    assert window.current_child_id() == child_id          # the saved child stays selected


CERTIFICATE = [  # the certificate of issue 12, as printed
    ("3/14/2025", "Engerix-B"), ("4/16/2025", "HepB"), ("5/15/2025", "Pentacel"), ("5/15/2025", "Prevnar 20"),
    ("7/15/2025", "Pentacel"), ("7/15/2025", "Prevnar 20"), ("9/16/2025", "Pentacel"), ("9/16/2025", "Prevnar 20"),
    ("9/16/2025", "HepB"), ("3/16/2026", "PedvaxHIB"), ("3/16/2026", "M-M-R II"), ("3/16/2026", "Varivax"),
    ("3/16/2026", "Prevnar 20"), ("3/16/2026", "Havrix"), ("6/16/2026", "Daptacel")]
# What a provider types for each line: the date when it changes, the first letters of the vaccine (the window
# shows what Enter will file), Enter.
TYPED = {"Engerix-B": "e", "HepB": "h", "Pentacel": "p", "Prevnar 20": "p", "PedvaxHIB": "ped", "M-M-R II": "m",
         "Varivax": "vari", "Havrix": "h", "Daptacel": "da"}
GROUPS = {"Engerix-B": ["HepB"], "HepB": ["HepB"], "Pentacel": ["DTaP", "Polio", "Hib"], "Prevnar 20": ["PCV"],
          "PedvaxHIB": ["Hib"], "M-M-R II": ["MMR"], "Varivax": ["Varicella"], "Havrix": ["HepA"],
          "Daptacel": ["DTaP"]}


def test_the_whole_certificate_goes_in_by_keyboard_in_at_most_100_keys(window, store, qtbot):
    """Issue 12: from the vaccines page, each key typed into whatever has the focus, as a person types."""
    store.add_child(Child("Lena", "Park", date(2025, 3, 14), date(2026, 10, 1)))
    window.refresh()
    dialog = open_record(window, qtbot, store.find_child("Lena", "Park", date(2025, 3, 14)))
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    assert dialog.focusWidget() is dialog.dose_date.edit   # the vaccines page opens on the date given

    keys = 0
    shown_before_enter = []
    last_date = None
    for given, product in CERTIFICATE:
        text = (given if given != last_date else "") + TYPED[product]
        last_date = given
        for character in text:
            QTest.keyClicks(dialog.focusWidget(), character)
            keys += 1
        shown_before_enter.append(dialog.product_note.text())
        QTest.keyClick(dialog.focusWidget(), RETURN)
        keys += 1
        assert error_text(dialog, "dose") == "", (given, product)
        item = dialog.doses_tree.currentItem()     # the new dose is shown and selected
        assert item.data(0, Qt.ItemDataRole.UserRole) == (GROUPS[product][0], us(given))
    assert keys <= 100, keys
    assert all(note.startswith("Enter adds: ") for note in shown_before_enter)   # seen before it was filed
    save_with_ctrl_s(dialog)
    assert not dialog.isVisible()

    saved = store.child(store.find_child("Lena", "Park", date(2025, 3, 14)))
    expected = sorted((group, us(given), None if product == "HepB" else product)
                      for given, product in CERTIFICATE for group in GROUPS[product])
    assert sorted((dose.vaccine_group, dose.given_on, dose.product) for dose in saved.doses) == expected
    cvx = {dose.product: dose.cvx for dose in saved.doses if dose.product}
    assert cvx == {"Engerix-B": "08", "Pentacel": "120", "Prevnar 20": "216", "PedvaxHIB": "49", "M-M-R II": "03",
                   "Varivax": "21", "Havrix": "83", "Daptacel": "106"}


def test_a_combination_is_typed_once_and_removed_once(window, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, birth="1/10/2026")
    add_doses(dialog, [("3/10/2026", "DTaP-HepB-IPV")])
    given = date(2026, 3, 10)
    assert [d.product for d in dialog.doses_of("HepB")] == ["Pediarix"]
    assert [d.product for d in dialog.doses_of("Polio")] == ["Pediarix"]
    item = tree_item(dialog, "HepB", given)
    dialog.doses_tree.setFocus()
    QTest.mouseClick(dialog.doses_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.doses_tree.visualItemRect(item).center())
    QTest.keyClick(dialog.doses_tree, Qt.Key.Key_Delete)
    assert dialog.doses_of("DTaP") == [] and dialog.doses_of("Polio") == [] and dialog.doses_of("HepB") == []


def test_the_input_says_what_enter_will_file_and_takes_what_certificates_print(window, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, birth="1/10/2026")
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    QTest.keyClicks(dialog.dose_product, "dtap ipv hib")
    assert dialog.product_note.text() == "Enter adds: Pentacel (DTaP + Polio + Hib)."
    for typed, meant in (("Hib (PRP-OMP)", "PedvaxHIB"), ("PCV13", "Prevnar 13"), ("prevnar13", "Prevnar 13"),
                         ("MMRV", "ProQuad"), ("IPV", "IPOL"), ("VAR", "Varicella"), ("hepa", "HepA")):
        type_in(dialog.dose_product, typed)
        assert dialog.product_note.text().startswith(f"Enter adds: {meant} ("), (typed, dialog.product_note.text())


def test_hep_is_not_filed_under_a_vaccine_the_provider_did_not_choose(window, store, qtbot):
    # A 3-year-old whose HepA and HepB series are complete: nothing says which "hep" is meant.
    child_id = store.add_child(Child("Eli", "Ward", date(2023, 1, 5), date(2026, 10, 20), doses=[
        Dose("HepB", date(2023, 1, 5)), Dose("HepB", date(2023, 2, 5)), Dose("HepB", date(2023, 7, 5)),
        Dose("HepA", date(2024, 1, 5)), Dose("HepA", date(2024, 7, 5))]))
    dialog = open_record(window, qtbot, child_id)
    add_doses(dialog, [("10/1/2026", "hep")])
    assert "could be" in dialog.product_note.text() and "HepB" in dialog.product_note.text()
    assert "HepA" in dialog.product_note.text()
    assert len(dialog.doses_of("HepA")) == 2 and len(dialog.doses_of("HepB")) == 3   # nothing filed
    QTest.keyClick(dialog.dose_product, Qt.Key.Key_Down)   # the provider picks the second one: HepA
    QTest.keyClick(dialog.dose_product, Qt.Key.Key_Down)
    chosen = dialog.product_note.text()
    QTest.keyClick(dialog.dose_product, RETURN)
    assert chosen.startswith("Enter adds: HepA") and len(dialog.doses_of("HepA")) == 3


def test_a_dose_date_and_product_are_corrected_in_place(window, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, birth="1/10/2026")
    add_doses(dialog, [("3/10/2026", "Pentacel")])
    tree = dialog.doses_tree
    item = tree_item(dialog, "Polio", date(2026, 3, 10))
    tree.setFocus()
    tree.setCurrentItem(item)   # the selection is not what is under test; the typing over it is
    QTest.keyClick(tree, Qt.Key.Key_F2)
    QTest.keyClicks(tree.focusWidget(), "3/12/2026")
    QTest.keyClick(tree.focusWidget(), RETURN)
    qtbot.waitUntil(lambda: dialog.doses_of("DTaP") and dialog.doses_of("DTaP")[0].given_on == date(2026, 3, 12))
    assert [d.given_on for d in dialog.doses_of("Hib")] == [date(2026, 3, 12)]   # the whole shot moved

    item = tree_item(dialog, "Hib", date(2026, 3, 12))
    tree.setCurrentItem(item, 1)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    QTest.keyClicks(tree.focusWidget(), "PedvaxHIB")
    QTest.keyClick(tree.focusWidget(), RETURN)
    qtbot.waitUntil(lambda: dialog.doses_of("DTaP") == [])
    assert [(d.product, d.given_on) for d in dialog.doses_of("Hib")] == [("PedvaxHIB", date(2026, 3, 12))]

    item = tree_item(dialog, "Hib", date(2026, 3, 12))
    tree.setCurrentItem(item, 1)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    QTest.keyClicks(tree.focusWidget(), "Prevnar 20")   # not a Hib vaccine: refused, nothing moves
    QTest.keyClick(tree.focusWidget(), RETURN)
    qtbot.waitUntil(lambda: "does not cover Hib" in error_text(dialog, "dose"))
    assert dialog.doses_of("PCV") == [] and [d.product for d in dialog.doses_of("Hib")] == ["PedvaxHIB"]

    item = tree_item(dialog, "Hib", date(2026, 3, 12))
    tree.setCurrentItem(item, 0)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    QTest.keyClicks(tree.focusWidget(), "2/30/2026")
    QTest.keyClick(tree.focusWidget(), RETURN)
    qtbot.waitUntil(lambda: "Feb 2026 has no day 30" in error_text(dialog, "dose"))
    assert error_text(dialog, "dose").startswith("⚠ Not corrected: ")
    assert [d.given_on for d in dialog.doses_of("Hib")] == [date(2026, 3, 12)]   # never another date


def test_an_imported_dose_filed_by_cvx_code_keeps_its_product_when_its_date_is_corrected(window, store, qtbot):
    child_id = store.add_child(Child("Eli", "Ward", date(2025, 1, 5), date(2026, 1, 20),
                                     doses=[Dose("Hib", date(2025, 3, 5), "49", "49", "import")]))
    dialog = open_record(window, qtbot, child_id)
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    tree = dialog.doses_tree
    tree.setFocus()
    tree.setCurrentItem(tree_item(dialog, "Hib", date(2025, 3, 5)), 0)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    QTest.keyClicks(tree.focusWidget(), "03/06/2025")
    QTest.keyClick(tree.focusWidget(), RETURN)
    qtbot.waitUntil(lambda: dialog.doses_of("Hib")[0].given_on == date(2025, 3, 6))
    save_with_ctrl_s(dialog)
    assert [(d.given_on, d.product, d.cvx) for d in store.child(child_id).doses] == [(date(2025, 3, 6), "49", "49")]


def test_a_check_from_outside_finds_the_inputs_by_their_names(window, store, qtbot):
    """The entry points issue 12 promises: edit_child(None), inputs found by accessible name, Enter in
    "Vaccine or product" adds the dose, Ctrl+S saves."""
    from PySide6.QtWidgets import QWidget

    dialog = open_record(window, qtbot)

    def named(name):
        return next(w for w in dialog.findChildren(QWidget) if w.accessibleName() == name)

    for name, text in (("First name", "Ava"), ("Last name", "Green"), ("Birth date", "3/14/2025"),
                       ("First day of attendance", "10/1/2026"), ("Date given", "3/14/2025"),
                       ("Vaccine or product", "Engerix-B")):
        QTest.keyClicks(named(name), text)
    QTest.keyClick(named("Vaccine or product"), RETURN)
    QTest.keyClick(named("First name"), Qt.Key.Key_S, CTRL)
    saved = store.children()
    assert [(c.name, c.birth_date, c.enrolled_on) for c in saved] == [("Ava Green", date(2025, 3, 14),
                                                                        date(2026, 10, 1))]
    assert [(d.vaccine_group, d.given_on, d.product) for d in saved[0].doses] == [("HepB", date(2025, 3, 14),
                                                                                    "Engerix-B")]


# -- dates as a person writes them ---------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["3/14/2025", "03/14/2025", "3/14/25", "031425", "03142025", "2025-03-14",
                                   "Mar 14 2025"])
def test_every_way_of_writing_a_date_is_read_month_first(window, qtbot, typed):
    dialog = open_record(window, qtbot)
    type_in(dialog.birth_date.edit, typed)
    assert dialog.birth_date.understood.text() == "Fri, Mar 14, 2025"   # said while typing
    QTest.keyClick(dialog.birth_date.edit, TAB)
    assert dialog.birth_date.value() == date(2025, 3, 14)
    assert dialog.birth_date.edit.text() == "03/14/2025"                 # one style in fields


def test_an_unclear_or_impossible_date_is_refused_at_the_field_and_never_replaced(window, store, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, birth="14/3/2025")
    assert dialog.birth_date.value() is None and dialog.birth_date.edit.text() == "14/3/2025"
    assert "no month 14" in dialog.birth_date.understood.text()
    type_in(dialog.enrolled_on.edit, "2/30/2026", TAB)
    assert "Feb 2026 has no day 30" in dialog.enrolled_on.understood.text()
    save_with_ctrl_s(dialog)
    assert dialog.isVisible() and store.count_children() == 0
    assert "Birth date: " in error_text(dialog, "birth_date")
    assert dialog.focusWidget() is dialog.birth_date.edit


def test_a_record_is_not_saved_until_the_required_dates_are_filled(window, store, qtbot):
    dialog = open_record(window, qtbot)
    type_in(dialog.first_name, "Ana")
    type_in(dialog.last_name, "Ruiz")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert store.count_children() == 0
    assert error_text(dialog, "birth_date") == "⚠ The birth date is required."
    assert error_text(dialog, "enrolled_on") == "⚠ The first day of attendance is required."
    type_in(dialog.birth_date.edit, "2/1/2025", TAB)
    type_in(dialog.enrolled_on.edit, "10/1/2026", TAB)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = store.children()
    assert [(c.name, c.birth_date, c.enrolled_on) for c in saved] == [("Ana Ruiz", date(2025, 2, 1),
                                                                        date(2026, 10, 1))]
    assert saved[0].withdrawn_on is None and saved[0].exemptions == [] and saved[0].in_process == []


@pytest.mark.qt_log_ignore("This plugin does not support")   # a pop-up on the offscreen platform
def test_the_calendar_is_a_second_way(window, qtbot):
    from PySide6.QtWidgets import QApplication, QCalendarWidget

    dialog = open_record(window, qtbot)
    type_in(dialog.enrolled_on.edit, "10/1/2026")
    QTest.keyClick(dialog.enrolled_on.edit, Qt.Key.Key_Down, ALT)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QCalendarWidget)
    view = popup.focusWidget() or popup
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, RETURN)
    assert dialog.enrolled_on.value() == date(2026, 10, 2) and dialog.enrolled_on.edit.text() == "10/02/2026"


def test_two_digit_years_put_a_birth_in_the_past(window, qtbot):
    dialog = open_record(window, qtbot)
    type_in(dialog.birth_date.edit, "3/14/27", TAB)    # 2027 is after today (Nov 2, 2026): so 1927
    assert dialog.birth_date.value() == date(1927, 3, 14)
    assert "check the year" in error_text(dialog, "birth_date")
    type_in(dialog.enrolled_on.edit, "3/14/27", TAB)   # a first day may be ahead: 2027
    assert dialog.enrolled_on.value() == date(2027, 3, 14)


# -- Enter, Ctrl+S and Save ----------------------------------------------------------------------------------------
def test_enter_never_saves_the_record_from_a_field(window, store, qtbot):
    dialog = open_record(window, qtbot)
    type_in(dialog.first_name, "Mia", RETURN)
    assert dialog.focusWidget() is dialog.last_name     # Enter moves on, as Tab does
    type_in(dialog.last_name, "Lee", RETURN)
    type_in(dialog.birth_date.edit, "6/1/2025", RETURN)
    type_in(dialog.enrolled_on.edit, "10/1/2026", RETURN)
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    type_in(dialog.dose_date.edit, "6/1/2025", RETURN)
    assert dialog.focusWidget() is dialog.dose_product
    QTest.keyClick(dialog.dose_product, RETURN)          # nothing typed: nothing filed, nothing saved
    assert dialog.isVisible() and store.count_children() == 0
    assert dialog.doses_of("HepB") == []
    QTest.keyClicks(dialog.dose_product, "hepb")         # typed, not added: Save says so rather than drop it
    save_with_ctrl_s(dialog)
    assert dialog.isVisible() and "'hepb' is typed" in error_text(dialog, "dose")
    QTest.keyClick(dialog.dose_product, RETURN)
    assert [d.given_on for d in dialog.doses_of("HepB")] == [date(2025, 6, 1)]
    save_with_ctrl_s(dialog)
    assert not dialog.isVisible() and [c.name for c in store.children()] == ["Mia Lee"]


# -- plausibility --------------------------------------------------------------------------------------------------
def test_unlikely_dates_are_warned_about_at_the_field_and_the_impossible_refused(window, store, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, first="Zoe", last="King", birth="5/1/2012", first_day="12/1/2027")
    assert "would be 14 years old" in error_text(dialog, "birth_date")
    assert "more than a year ahead" in error_text(dialog, "enrolled_on")
    click_check(dialog.withdrawn)
    type_in(dialog.withdrawn_on.edit, "12/5/2027", TAB)
    assert "in the future" in error_text(dialog, "withdrawn_on")
    type_in(dialog.birth_date.edit, "5/1/2026", TAB)
    type_in(dialog.enrolled_on.edit, "9/1/2026", TAB)
    click_check(dialog.withdrawn)
    assert error_text(dialog, "birth_date") == error_text(dialog, "enrolled_on") == ""

    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    type_in(dialog.dose_date.edit, "11/20/2026", TAB)    # after today
    assert "after today" in error_text(dialog, "dose_date")
    QTest.keyClicks(dialog.dose_product, "hepb")
    QTest.keyClick(dialog.dose_product, RETURN)
    assert dialog.doses_of("HepB") == [] and "after today" in error_text(dialog, "dose")
    type_in(dialog.dose_date.edit, "4/20/2026", TAB)     # before the birth date: impossible
    QTest.keyClicks(dialog.dose_product, "hepb")
    QTest.keyClick(dialog.dose_product, RETURN)
    assert dialog.doses_of("HepB") == [] and "before the birth date" in error_text(dialog, "dose")
    type_in(dialog.dose_date.edit, "5/1/2026", TAB)
    QTest.keyClicks(dialog.dose_product, "hepb")
    QTest.mouseClick(dialog.add_dose_button, Qt.MouseButton.LeftButton)   # the button does what Enter does
    assert [d.given_on for d in dialog.doses_of("HepB")] == [date(2026, 5, 1)]
    assert error_text(dialog, "dose") == ""


def test_dates_out_of_place_are_flagged_next_to_the_field_and_nothing_is_saved(window, store, qtbot):
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, first="Zoe", last="King", birth="5/1/2026", first_day="4/1/2026")
    save_with_ctrl_s(dialog)
    assert "before the birth date" in error_text(dialog, "enrolled_on")
    assert store.count_children() == 0
    type_in(dialog.birth_date.edit, "11/5/2026", TAB)    # a birth date in the future
    assert "in the future" in error_text(dialog, "birth_date")
    type_in(dialog.birth_date.edit, "3/1/2026", TAB)
    type_in(dialog.enrolled_on.edit, "9/1/2026", TAB)
    save_with_ctrl_s(dialog)
    assert store.count_children() == 1


# -- the same child twice ------------------------------------------------------------------------------------------
def test_the_same_child_is_found_whatever_the_accents_and_case(window, store, qtbot):
    store.add_child(Child("Sofía", "Hernández", date(2025, 6, 1), date(2026, 1, 1)))
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, first="sofia", last="HERNANDEZ", birth="6/1/2025")
    save_with_ctrl_s(dialog)
    assert dialog.isVisible() and store.count_children() == 1
    message = error_text(dialog, "first_name")
    assert "Sofía Hernández, born Jun 1, 2025, is already on the roster" in message
    assert "written sofia HERNANDEZ here" in message


# -- what was there before -----------------------------------------------------------------------------------------
def test_the_product_list_explains_every_vaccine_a_combination_covers(window, qtbot):
    dialog = open_record(window, qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    QTest.keyClicks(dialog.dose_product, "hib")
    listed = [dialog.product_choices.item(i).text() for i in range(dialog.product_choices.count())]
    assert "PedvaxHIB (Hib)" in listed and "Hib (vaccine only, product not recorded)" in listed
    assert "PedvaxHIB needs fewer doses" in dialog.product_note.text()   # "hib" in full: the vaccine alone


def test_every_dose_says_whether_it_counts_and_why(qtbot, store, today, window):
    load_demo(store, today)
    window.refresh()
    noah = next(c for c in store.children() if c.first_name == "Noah")
    dialog = open_record(window, qtbot, noah.id)
    mmr = dialog.dose_verdict_texts("MMR")
    assert len(mmr) == 1 and mmr[0].startswith("✗ does not count: ")
    assert len(mmr[0]) > len("✗ does not count: ") + 10        # a reason in words, not a code
    assert all(text.startswith("✓ counts") for text in dialog.dose_verdict_texts("DTaP"))
    assert dialog.status.status == "not_up_to_date"
    assert "Excluded" in dialog.status_box.text() or "Not up to date" in dialog.status_box.text()


def test_a_five_year_old_s_infant_pcv_and_hib_doses_count_and_are_no_longer_required(window, store, qtbot):
    # The demo's Benjamin Scott is past his fifth birthday: his infant PCV doses must not read "too young",
    # and the summary must not say "none required yet" of a vaccine he has aged out of.
    load_demo(store, TODAY)
    window.refresh()
    benjamin = next(c for c in store.children() if c.first_name == "Benjamin")
    dialog = open_record(window, qtbot, benjamin.id)
    assert dialog.dose_verdict_texts("PCV") and all(text.startswith("✓ counts")
                                                     for text in dialog.dose_verdict_texts("PCV"))
    tree = dialog.doses_tree
    summaries = {tree.topLevelItem(i).data(1, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).text(2)
                 for i in range(tree.topLevelItemCount())}
    for group in ("PCV", "Hib"):
        assert summaries[group].endswith("· not required from 5 years of age"), summaries[group]
        assert "yet" not in summaries[group]


def test_cancel_loses_nothing_already_saved(window, store, qtbot, monkeypatch):
    child_id = store.add_child(Child("Mia", "Lee", date(2025, 6, 1), date(2026, 1, 1), parent_phone="1",
                                     doses=[Dose("HepB", date(2025, 6, 1))]))
    before = store.child(child_id)
    dialog = open_record(window, qtbot, child_id)
    type_in(dialog.first_name, "Changed")
    add_doses(dialog, [("7/1/2025", "hepb")])
    asked = []
    monkeypatch.setattr(child_dialog_module, "ask", lambda *a, **k: asked.append(a[1]) or True)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"] and not dialog.isVisible()
    assert store.child(child_id) == before


def test_exemptions_in_process_and_chickenpox_history_are_saved(window, store, qtbot):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = open_record(window, qtbot, child_id)
    assert set(dialog.exemption_boxes) == {"medical"} and dialog.religious is not None   # NC's kinds
    QTest.keyClick(dialog, Qt.Key.Key_X, ALT)
    for check in (dialog.exemption_boxes["medical"]["MMR"], dialog.exemption_boxes["medical"]["Varicella"],
                  dialog.religious, dialog.in_process):
        click_check(check)
    granted, expires = dialog.exemption_dates["medical"]
    type_in(granted.edit, "10/15/2026", TAB)
    type_in(expires.edit, "10/15/2027", TAB)
    type_in(dialog.in_process_until.edit, "12/20/2026", TAB)
    type_in(dialog.varicella_disease, "7/4/25")
    assert dialog.varicella_understood.text() == "Fri, Jul 4, 2025"
    save_with_ctrl_s(dialog)
    assert not dialog.isVisible()
    saved = store.child(child_id)
    kinds = {e.kind: (e.vaccine_groups, e.granted_on, e.expires_on) for e in saved.exemptions}
    assert kinds == {"medical": (("MMR", "Varicella"), date(2026, 10, 15), date(2027, 10, 15)),
                     "religious": (("all",), None, None)}       # no date made up for the religious statement
    assert saved.in_process_until == date(2026, 12, 20) and saved.in_process[0].certified_on is None
    assert saved.varicella_disease == "2025-07-04"


def test_a_bad_chickenpox_date_is_flagged(window, store, qtbot):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = open_record(window, qtbot, child_id)
    type_in(dialog.varicella_disease, "sometime")
    save_with_ctrl_s(dialog)
    assert "not a date or a year" in error_text(dialog, "varicella_disease")
    type_in(dialog.varicella_disease, "2019")
    save_with_ctrl_s(dialog)
    assert "outside the child's life" in error_text(dialog, "varicella_disease")
    assert dialog.isVisible()


def test_minnesota_offers_the_conscientious_exemption(window, store, qtbot):
    store.update_facility(state="MN")
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = open_record(window, qtbot, child_id)
    assert set(dialog.exemption_boxes) == {"medical", "conscientious"} and dialog.religious is None
    QTest.keyClick(dialog, Qt.Key.Key_X, ALT)
    click_check(dialog.exemption_boxes["conscientious"]["all"])
    save_with_ctrl_s(dialog)
    assert [(e.kind, e.vaccine_groups) for e in store.child(child_id).exemptions] == [("conscientious", ("all",))]


def test_withdrawal_greys_the_child_in_the_roster(window, store, qtbot):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 1, 20)))
    window.refresh()
    dialog = open_record(window, qtbot, child_id)
    click_check(dialog.withdrawn)
    type_in(dialog.withdrawn_on.edit, "10/30/2026", TAB)
    save_with_ctrl_s(dialog)
    index = window.proxy.index(roster_row(window, "Eli Ward"), NAME)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#6b6b6b"
    assert store.child(child_id).withdrawn_on == date(2026, 10, 30)


def _mnemonics(widgets) -> list[str]:
    import re

    keys = []
    for widget in widgets:
        text = widget.text() if hasattr(widget, "text") else ""
        match = re.search(r"&([^&])", text or "")
        if match:
            keys.append(match.group(1).lower())
    return keys


def test_every_alt_key_in_the_record_leads_to_one_place(window, qtbot):
    """Keyboard-only use: on each tab, with the tab bar, no two labels or buttons share an Alt+letter."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = open_record(window, qtbot)
    tab_keys = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    tab_keys = [t[t.index("&") + 1].lower() for t in tab_keys]
    buttons = [b for b in dialog.findChildren(QAbstractButton) if not dialog.tabs.isAncestorOf(b)]
    outside = tab_keys + _mnemonics(buttons)
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        keys = outside + _mnemonics(page.findChildren(QLabel) + page.findChildren(QAbstractButton))
        assert len(keys) == len(set(keys)), (dialog.tabs.tabText(index), sorted(keys))


def test_every_alt_key_in_the_main_window_leads_to_one_place(window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    menus = _mnemonics(window.menuBar().actions())
    controls = _mnemonics(window.centralWidget().findChildren(QLabel) +
                          window.centralWidget().findChildren(QAbstractButton))
    keys = menus + controls
    assert len(keys) == len(set(keys)), sorted(keys)


def test_a_saved_child_hidden_by_the_filters_is_shown(window, store, qtbot):
    store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 1, 20)))
    window.refresh()
    QTest.keyClicks(window.search_edit, "nobody matches this")
    assert window.proxy.rowCount() == 0
    dialog = open_record(window, qtbot)
    fill_new_child(dialog, first="Ana", last="Ruiz", birth="2/1/2025")
    save_with_ctrl_s(dialog)
    assert window.search_edit.text() == "" and window.proxy.rowCount() == 2
    assert window.proxy.index(window.table.currentIndex().row(), NAME).data() == "Ana Ruiz"


def test_a_new_record_says_required_only_once_save_is_tried(window, store, qtbot):
    dialog = open_record(window, qtbot)
    assert dialog._errors["last_name"].isHidden() and dialog._errors["birth_date"].isHidden()
    save_with_ctrl_s(dialog)
    assert error_text(dialog, "last_name") == "⚠ The last name is required."
    assert error_text(dialog, "first_name") == "⚠ The first name is required."
    assert store.count_children() == 0


def test_a_birth_date_moved_after_a_dose_flags_the_dose_until_fixed(window, store, qtbot):
    child_id = store.add_child(Child("Eli", "Ward", date(2025, 1, 5), date(2026, 1, 20),
                                     doses=[Dose("HepB", date(2025, 1, 5))]))
    dialog = open_record(window, qtbot, child_id)
    type_in(dialog.birth_date.edit, "2/1/2025", TAB)
    assert "HepB on Jan 5, 2025" in error_text(dialog, "dose")
    save_with_ctrl_s(dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
    item = tree_item(dialog, "HepB", date(2025, 1, 5))
    QTest.mouseClick(dialog.doses_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.doses_tree.visualItemRect(item).center())
    QTest.mouseClick(dialog.remove_dose_button, Qt.MouseButton.LeftButton)
    assert dialog._errors["dose"].isHidden()
    save_with_ctrl_s(dialog)
    assert store.child(child_id).doses == []


def test_the_record_fits_a_small_screen(window, store, qtbot):
    store.update_facility(state="MN")   # Minnesota shows two exemption kinds with vaccine choices
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = open_record(window, qtbot, child_id)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 640 and hint.height() <= 480, hint


def test_a_dose_due_on_a_day_already_past_is_said_overdue_not_next(window, qtbot):
    """A child born 3/2/2026 with only the 2-month shots, looked at on TODAY: dose 2 of DTaP fell due months ago,
    so its line says "overdue since", never "next due" with a past day (as the printed record says)."""
    dialog = open_record(window, qtbot)
    fill_new_child(dialog)
    add_doses(dialog, [("5/2/2026", "Pentacel")])
    tree = dialog.doses_tree
    dtap = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(1, Qt.ItemDataRole.UserRole) == "DTaP")
    said = dtap.text(2)
    assert "overdue since" in said and "next due" not in said, said
