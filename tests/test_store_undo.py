"""Undo of the last save or delete of a child's record (immudesk.store.changelog.undo_step / undo): the record
comes back exactly as it was, the undo is logged, and a record changed again since is never overwritten."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from immudesk.model import Child, Dose
from immudesk.store import changelog


def _ava() -> Child:
    return Child("Ava", "Green", date(2025, 3, 14), date(2025, 9, 1), parent_phone="919-555-0101",
                 doses=[Dose("HepB", date(2025, 3, 14), "Engerix-B", "08"), Dose("HepB", date(2025, 4, 16))])


def _saved(store, before, change) -> changelog.UndoStep | None:
    since = changelog.last_entry_id(store)
    child_id = change()
    return changelog.undo_step(store, before, child_id, since)


def test_undo_of_a_save_brings_back_every_field_and_dose(store):
    child_id = store.add_child(_ava())
    before = store.child(child_id)
    changed = dataclasses.replace(before, parent_phone="919-555-9999", withdrawn_on=date(2026, 1, 5),
                                  doses=[before.doses[0], Dose("DTaP", date(2025, 5, 15), "Pentacel", "120")])
    step = _saved(store, before, lambda: store.save_child(changed))
    assert step.description == "the changes to Ava Green's record"
    assert changelog.undo(store, step) == child_id
    again = store.child(child_id)
    assert (again.parent_phone, again.withdrawn_on) == ("919-555-0101", None)
    assert [(d.vaccine_group, d.given_on, d.product, d.cvx) for d in again.doses] == [
        ("HepB", date(2025, 3, 14), "Engerix-B", "08"), ("HepB", date(2025, 4, 16), None, None)]
    assert changelog.entries(store)[-1].event == "undo"
    assert changelog.entries(store)[-1].detail == "the changes to Ava Green's record"


def test_undo_of_a_delete_brings_the_child_back_with_their_records(store):
    child_id = store.add_child(_ava())
    before = store.child(child_id)
    step = _saved(store, before, lambda: store.delete_child(child_id))
    assert store.count_children() == 0 and step.description == "deleting Ava Green"
    back = changelog.undo(store, step)
    restored = store.child(back)
    assert restored.name == "Ava Green" and len(restored.doses) == 2 and restored.doses[0].product == "Engerix-B"


def test_undo_of_adding_a_child_removes_them(store):
    step = _saved(store, None, lambda: store.add_child(_ava()))
    assert step.description == "adding Ava Green"
    assert changelog.undo(store, step) is None
    assert store.count_children() == 0


def test_a_save_that_changed_nothing_leaves_nothing_to_undo(store):
    child_id = store.add_child(_ava())
    before = store.child(child_id)
    assert _saved(store, before, lambda: store.save_child(store.child(child_id))) is None


def test_a_record_changed_again_since_is_not_overwritten(store):
    child_id = store.add_child(_ava())
    before = store.child(child_id)
    step = _saved(store, before, lambda: store.save_child(dataclasses.replace(before, parent_phone="1")))
    store.save_child(dataclasses.replace(store.child(child_id), parent_phone="2"))
    with pytest.raises(changelog.UndoRefused, match="changed again"):
        changelog.undo(store, step)
    assert store.child(child_id).parent_phone == "2"
    assert changelog.entries(store)[-1].event != "undo"


def test_another_childs_change_does_not_block_the_undo(store):
    child_id = store.add_child(_ava())
    before = store.child(child_id)
    step = _saved(store, before, lambda: store.save_child(dataclasses.replace(before, parent_phone="1")))
    store.add_child(Child("Liam", "Carter", date(2025, 8, 12), date(2025, 9, 1)))
    changelog.undo(store, step)
    assert store.child(child_id).parent_phone == "919-555-0101"
