"""A child's record, driven through the dialog's own methods with the real NC rules: a new child goes on the
roster, doses change the status and its colour, combination vaccines are entered once, every dose says
whether it counts, fields are checked where they are, and nothing is saved half-way or on Cancel."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from immudesk import dates
from immudesk.demo import load_demo
from immudesk.model import Child, Dose
from ui import child_dialog as child_dialog_module
from ui.date_field import qdate
from ui.main_window import MainWindow
from ui.roster_model import NAME, STATUS, STATUS_ROLE
from ui.status_style import LOOKS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 2)


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
    return created


def roster_row(window, name):
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, NAME).data() == name:
            return row
    return None


def status_cell(window, name):
    return window.proxy.index(roster_row(window, name), STATUS)


def test_adding_a_child_and_doses_changes_status_and_colour_in_the_roster(window, store, today):
    birth = dates.add(today, months=-8)
    # A new child through the dialog: 8 months old, enrolled 40 days ago, no doses yet.
    dialog = window.edit_child(None)
    dialog.first_name.setText("Rosa")
    dialog.last_name.setText("Diaz")
    dialog.birth_date.setDate(qdate(birth))
    dialog.enrolled_on.setDate(qdate(today - timedelta(days=40)))
    dialog.parent_phone.setText("919-555-0177")
    assert dialog.save() is True
    index = status_cell(window, "Rosa Diaz")
    assert index.data() == "May not attend · Not up to date"
    assert index.data(STATUS_ROLE) == "not_up_to_date"
    red = index.data(Qt.ItemDataRole.BackgroundRole).color().name()

    # Then her certificate: Pentacel at 2, 4, 6 months (DTaP + Polio + Hib each), PCV, HepB.
    child_id = store.find_child("Rosa", "Diaz", birth)
    dialog = window.edit_child(child_id)
    for months in (2, 4, 6):
        assert dialog.add_dose("DTaP", dates.add(birth, months=months), "Pentacel") == ["DTaP", "Polio", "Hib"]
        assert dialog.add_dose("PCV", dates.add(birth, months=months), "Prevnar 20") == ["PCV"]
    assert dialog.add_dose("HepB", birth) == ["HepB"]
    assert dialog.add_dose("HepB", dates.add(birth, months=1)) == ["HepB"]
    assert dialog.status.status == "up_to_date"          # the dialog shows the new status before saving
    assert dialog.save() is True

    index = status_cell(window, "Rosa Diaz")
    assert index.data() == "Up to date"
    green = index.data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert green != red and green == LOOKS["up_to_date"].tint.lower()
    saved = store.child(child_id)
    assert len(saved.doses_for("Polio")) == 3 and saved.doses_for("Hib")[0].product == "Pentacel"
    assert window.current_child_id() == child_id          # the saved child stays selected


def test_a_combination_vaccine_is_entered_once_and_removed_once(window, today):
    dialog = window.edit_child(None)
    dialog.birth_date.setDate(qdate(date(2026, 1, 10)))
    given = date(2026, 3, 10)
    assert dialog.add_dose("Polio", given, "Pediarix") == ["DTaP", "Polio", "HepB"]
    assert [d.product for d in dialog.doses_of("HepB")] == ["Pediarix"]
    assert sorted(dialog.remove_dose("HepB", given)) == ["DTaP", "HepB", "Polio"]
    assert dialog.doses_of("DTaP") == [] and dialog.doses_of("Polio") == []


def test_the_product_list_explains_hib_and_combinations(window):
    dialog = window.edit_child(None)
    dialog.dose_group.setCurrentIndex(dialog.dose_group.findData("Hib"))
    products = [dialog.dose_product.itemData(i) for i in range(dialog.dose_product.count())]
    assert {"PedvaxHIB", "ActHIB", "Pentacel"} <= set(products)
    assert "PedvaxHIB needs fewer doses" in dialog.product_note.text()
    dialog.dose_product.setCurrentIndex(dialog.dose_product.findData("Pentacel"))
    assert dialog.product_note.text() == "Pentacel covers DTaP, Polio, Hib: the dose will be filed under each."


def test_every_dose_says_whether_it_counts_and_why(qtbot, store, today, window):
    load_demo(store, today)
    window.refresh()
    noah = next(c for c in store.children() if c.first_name == "Noah")
    dialog = window.edit_child(noah.id)
    mmr = dialog.dose_verdict_texts("MMR")
    assert len(mmr) == 1 and mmr[0].startswith("✗ does not count: ")
    assert len(mmr[0]) > len("✗ does not count: ") + 10        # a reason in words, not a code
    assert all(text.startswith("✓ counts") for text in dialog.dose_verdict_texts("DTaP"))
    assert dialog.status.status == "not_up_to_date"
    assert "Excluded" in dialog.status_box.text() or "Not up to date" in dialog.status_box.text()


def test_a_five_year_old_s_infant_pcv_and_hib_doses_count_and_are_no_longer_required(window, store, today):
    # The demo's Benjamin Scott is past his fifth birthday: his infant PCV doses must not read "too young",
    # and the summary must not say "none required yet" of a vaccine he has aged out of.
    load_demo(store, today)
    window.refresh()
    benjamin = next(c for c in store.children() if c.first_name == "Benjamin")
    dialog = window.edit_child(benjamin.id)
    assert dialog.dose_verdict_texts("PCV") and all(text.startswith("✓ counts")
                                                     for text in dialog.dose_verdict_texts("PCV"))
    tree = dialog.doses_tree
    summaries = {tree.topLevelItem(i).data(1, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).text(2)
                 for i in range(tree.topLevelItemCount())}
    for group in ("PCV", "Hib"):
        assert summaries[group].endswith("· not required from 5 years of age"), summaries[group]
        assert "yet" not in summaries[group]


def test_dates_out_of_place_are_flagged_next_to_the_field_and_nothing_is_saved(window, store, today):
    dialog = window.edit_child(None)
    dialog.first_name.setText("Zoe")
    dialog.last_name.setText("King")
    dialog.birth_date.setDate(qdate(date(2026, 5, 1)))
    dialog.enrolled_on.setDate(qdate(date(2026, 4, 1)))
    assert dialog.save() is False
    error = dialog._errors["enrolled_on"]
    assert error.isVisibleTo(dialog) and "before the birth date" in error.text()
    assert store.count_children() == 0
    # A dose before birth or in the future is refused where it is typed.
    assert dialog.add_dose("HepB", date(2026, 4, 20)) == []
    assert "before the birth date" in dialog._errors["dose"].text()
    assert dialog.add_dose("HepB", today + timedelta(days=1)) == []
    assert "in the future" in dialog._errors["dose"].text()
    # A birth date in the future.
    dialog.birth_date.setDate(qdate(today + timedelta(days=3)))
    dialog.reevaluate()
    assert "in the future" in dialog._errors["birth_date"].text()
    # Fixed: saved.
    dialog.birth_date.setDate(qdate(date(2026, 3, 1)))
    dialog.enrolled_on.setDate(qdate(date(2026, 9, 1)))
    assert dialog.save() is True
    assert store.count_children() == 1


def test_a_child_already_on_the_roster_is_flagged(window, store, today):
    store.add_child(Child("Zoe", "King", date(2025, 6, 1), date(2026, 1, 1)))
    dialog = window.edit_child(None)
    dialog.first_name.setText("zoe")
    dialog.last_name.setText("King")
    dialog.birth_date.setDate(qdate(date(2025, 6, 1)))
    assert dialog.save() is False
    assert "already on the roster" in dialog._errors["first_name"].text()
    assert store.count_children() == 1


def test_cancel_loses_nothing_already_saved(window, store, today, monkeypatch):
    child_id = store.add_child(Child("Mia", "Lee", date(2025, 6, 1), date(2026, 1, 1), parent_phone="1",
                                     doses=[Dose("HepB", date(2025, 6, 1))]))
    before = store.child(child_id)
    dialog = window.edit_child(child_id)
    dialog.first_name.setText("Changed")
    dialog.add_dose("HepB", date(2025, 7, 1))
    asked = []
    monkeypatch.setattr(child_dialog_module, "ask", lambda *a, **k: asked.append(a[1]) or True)
    dialog.reject()
    assert asked == ["Discard changes?"]
    assert store.child(child_id) == before


def test_exemptions_in_process_and_chickenpox_history_are_saved(window, store, today):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = window.edit_child(child_id)
    assert set(dialog.exemption_boxes) == {"medical"} and dialog.religious is not None   # NC's kinds
    dialog.exemption_boxes["medical"]["MMR"].setChecked(True)
    dialog.exemption_boxes["medical"]["Varicella"].setChecked(True)
    dialog.religious.setChecked(True)
    dialog.in_process.setChecked(True)
    dialog.in_process_until.setDate(qdate(date(2026, 12, 20)))
    dialog.varicella_disease.setText("2025")
    assert dialog.save() is True
    saved = store.child(child_id)
    kinds = {e.kind: e.vaccine_groups for e in saved.exemptions}
    assert kinds == {"medical": ("MMR", "Varicella"), "religious": ("all",)}
    assert saved.in_process_until == date(2026, 12, 20)
    assert saved.varicella_disease == "2025"


def test_a_bad_chickenpox_date_is_flagged(window, store, today):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = window.edit_child(child_id)
    dialog.varicella_disease.setText("sometime")
    assert dialog.save() is False
    assert "not a date or a year" in dialog._errors["varicella_disease"].text()
    dialog.varicella_disease.setText("2019")
    assert dialog.save() is False
    assert "outside the child's life" in dialog._errors["varicella_disease"].text()


def test_minnesota_offers_the_conscientious_exemption(window, store, today):
    store.update_facility(state="MN")
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = window.edit_child(child_id)
    assert set(dialog.exemption_boxes) == {"medical", "conscientious"} and dialog.religious is None
    dialog.exemption_boxes["conscientious"]["all"].setChecked(True)
    assert dialog.save() is True
    assert [(e.kind, e.vaccine_groups) for e in store.child(child_id).exemptions] == [("conscientious", ("all",))]


def test_withdrawal_greys_the_child_in_the_roster(window, store, today):
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 1, 20)))
    window.refresh()
    dialog = window.edit_child(child_id)
    dialog.withdrawn.setChecked(True)
    dialog.withdrawn_on.setDate(qdate(date(2026, 10, 30)))
    assert dialog.save() is True
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


def test_every_alt_key_in_the_record_leads_to_one_place(window):
    """Keyboard-only use: on each tab, with the tab bar, no two labels or buttons share an Alt+letter."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = window.edit_child(None)
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


def test_a_saved_child_hidden_by_the_filters_is_shown(window, store, today):
    store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 1, 20)))
    window.refresh()
    window.search_edit.setText("nobody matches this")
    assert window.proxy.rowCount() == 0
    dialog = window.edit_child(None)
    dialog.first_name.setText("Ana")
    dialog.last_name.setText("Ruiz")
    dialog.birth_date.setDate(qdate(date(2025, 2, 1)))
    dialog.enrolled_on.setDate(qdate(date(2026, 10, 1)))
    assert dialog.save() is True
    assert window.search_edit.text() == "" and window.proxy.rowCount() == 2
    assert window.proxy.index(window.table.currentIndex().row(), NAME).data() == "Ana Ruiz"


def test_a_new_record_says_required_only_once_save_is_tried(window, store):
    dialog = window.edit_child(None)
    dialog.reevaluate()
    assert dialog._errors["last_name"].isHidden()
    assert dialog.save() is False
    assert dialog._errors["last_name"].text() == "⚠ The last name is required."
    assert dialog._errors["first_name"].text() == "⚠ The first name is required."
    assert store.count_children() == 0


def test_a_birth_date_moved_after_a_dose_flags_the_dose_until_fixed(window, store, today):
    child_id = store.add_child(Child("Eli", "Ward", date(2025, 1, 5), date(2026, 1, 20),
                                     doses=[Dose("HepB", date(2025, 1, 5))]))
    dialog = window.edit_child(child_id)
    dialog.birth_date.setDate(qdate(date(2025, 2, 1)))
    dialog.reevaluate()
    assert "HepB on Jan 5, 2025" in dialog._errors["dose"].text()
    assert dialog.save() is False and dialog.tabs.currentIndex() == 1
    dialog.remove_dose("HepB", date(2025, 1, 5))
    assert dialog._errors["dose"].isHidden()
    assert dialog.save() is True
    assert store.child(child_id).doses == []


def test_the_record_fits_a_small_screen(window, store, today):
    store.update_facility(state="MN")   # Minnesota shows two exemption kinds with vaccine choices
    child_id = store.add_child(Child("Eli", "Ward", date(2024, 1, 5), date(2026, 10, 20)))
    dialog = window.edit_child(child_id)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 640 and hint.height() <= 480, hint
