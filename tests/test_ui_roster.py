"""The roster table model and its filter, tested without a window (as Vorta does): statuses shaped like the
rules' ChildStatus go in; rows, words, icons, colours, sorting, search and filters come out."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QIcon

from immudesk.model import Child
from immudesk.states.status import STATUSES, ChildStatus, GroupCompliance
from ui.roster_model import (DEADLINE, HEADERS, MISSING, MUST_EXCLUDE, NAME, NEEDS_ACTION, NEXT_DUE, STATUS,
                             STATUS_ROLE, RosterFilter, RosterModel)
from ui.status_style import EXCLUDED, LOOKS

AS_OF = date(2026, 11, 2)


def status_of(first, status="up_to_date", *, days_left=None, due=None, missing=(), must_exclude=False,
              last_allowed=None, withdrawn=None, phone="919-555-0100", next_due=None, exempt=None):
    child = Child(first, "Test", date(2025, 1, 15), date(2026, 1, 5), withdrawn_on=withdrawn, parent_phone=phone,
                  parent_name=f"Parent of {first}")
    child.id = abs(hash(first)) % 100000
    groups = {name: GroupCompliance(name, 3, 2, False, (exempt or {}).get(name), next_due=next_due) for name in missing}
    return ChildStatus(child, AS_OF, status, None if withdrawn else "under_24_months",
                       "withdrawn" if withdrawn else None, list(missing), days_left, due,
                       [f"{first} reason"], last_allowed, must_exclude, groups)


@pytest.fixture
def roster():
    return [
        status_of("Ava"),
        status_of("Sofia", "in_process", days_left=12, missing=["DTaP", "PCV"], next_due=date(2026, 10, 1)),
        status_of("Noah", "not_up_to_date", missing=["MMR"], must_exclude=True, last_allowed=date(2026, 10, 20)),
        status_of("Liam", due=date(2026, 11, 7)),
        status_of("Emma", "religious_exemption", missing=["DTaP", "MMR"], exempt={"MMR": "religious"}),
        status_of("Harper", withdrawn=date(2026, 10, 1)),
    ]


@pytest.fixture
def model(qtbot, roster):
    model = RosterModel()
    model.set_statuses(roster)
    return model


def cell(model, row_name, column, role=Qt.ItemDataRole.DisplayRole):
    for row in range(model.rowCount()):
        if model.index(row, NAME).data().startswith(row_name):
            return model.index(row, column).data(role)
    raise AssertionError(f"{row_name} is not in the model")


def names(view_model) -> list[str]:
    return [view_model.index(row, NAME).data().split()[0] for row in range(view_model.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_status(NEEDS_ACTION)
    proxy.set_search("no")
    qtmodeltester.check(proxy)


def test_empty_model_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(RosterModel())


def test_headers_are_the_column_constants():
    model = RosterModel()
    assert model.columnCount() == len(HEADERS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] == list(HEADERS)
    assert HEADERS[STATUS] == "Status" and HEADERS[MISSING] == "Missing vaccines"


def test_every_status_has_words_an_icon_and_a_colour_never_colour_alone(qtbot):
    model = RosterModel()
    model.set_statuses([status_of(f"C{n}", status) for n, status in enumerate(STATUSES)])
    seen_words, seen_shapes = set(), set()
    for row in range(model.rowCount()):
        index = model.index(row, STATUS)
        words = index.data()
        assert words in {look.words for look in LOOKS.values()}
        assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QIcon)
        assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
        assert isinstance(index.data(Qt.ItemDataRole.BackgroundRole), QBrush)
        seen_words.add(words)
        seen_shapes.add(LOOKS[index.data(STATUS_ROLE)].shape)
    assert len(seen_words) == len(STATUSES)
    # Statuses that need different actions have different icon shapes, not only different colours.
    assert {LOOKS["up_to_date"].shape, LOOKS["in_process"].shape, LOOKS["medical_exemption"].shape,
            LOOKS["not_up_to_date"].shape, EXCLUDED.shape} == seen_shapes | {EXCLUDED.shape}
    assert len(seen_shapes | {EXCLUDED.shape}) == 5


def test_countdown_next_due_and_missing_in_words(model):
    assert cell(model, "Sofia", DEADLINE) == "12 days left"   # no last day given: no date
    assert cell(model, "Noah", DEADLINE) == "excluded since Oct 21, 2026"
    assert cell(model, "Noah", STATUS) == "May not attend · Not up to date"
    assert cell(model, "Liam", DEADLINE) == "due in 5 days"
    assert cell(model, "Harper", DEADLINE) == "withdrawn Oct 1, 2026"
    assert cell(model, "Sofia", MISSING) == "DTaP, PCV"
    assert cell(model, "Sofia", NEXT_DUE) == "overdue since Oct 1, 2026 (DTaP, PCV)"
    assert cell(model, "Emma", MISSING) == "DTaP; exempt: MMR"
    assert "Sofia reason" in cell(model, "Sofia", NAME, Qt.ItemDataRole.ToolTipRole)


def test_withdrawn_children_are_greyed_and_can_be_hidden(model):
    assert cell(model, "Harper", NAME, Qt.ItemDataRole.ForegroundRole).color().name() == "#6b6b6b"
    assert cell(model, "Ava", NAME, Qt.ItemDataRole.ForegroundRole) is None
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    assert "Harper" in names(proxy)
    proxy.set_show_withdrawn(False)
    assert "Harper" not in names(proxy) and proxy.rowCount() == 5


def test_default_order_puts_the_children_who_need_action_first(model):
    assert names(model)[:2] == ["Noah", "Sofia"]      # may not attend, then the grace period running out
    assert names(model)[-1] == "Harper"               # withdrawn last


def test_sorting_by_a_column_through_the_proxy(model):
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == sorted(names(proxy), key=str.casefold)
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == sorted(names(proxy), key=str.casefold, reverse=True)


def test_search_matches_names_phones_and_vaccines(model):
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    proxy.set_search("sofia")
    assert names(proxy) == ["Sofia"]
    proxy.set_search("MMR")
    assert sorted(names(proxy)) == ["Emma", "Noah"]      # missing, or exempt from it
    proxy.set_search("mmr noah")
    assert names(proxy) == ["Noah"]                      # every word must match
    proxy.set_search("parent of em")
    assert names(proxy) == ["Emma"]
    proxy.set_search("")
    assert proxy.rowCount() == 6


def test_status_filters(model):
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    proxy.set_status(NEEDS_ACTION)
    assert sorted(names(proxy)) == ["Noah", "Sofia"]
    proxy.set_status(MUST_EXCLUDE)
    assert names(proxy) == ["Noah"]
    proxy.set_status("religious_exemption")
    assert names(proxy) == ["Emma"]
    proxy.set_status(None)
    assert proxy.rowCount() == 6


def test_a_new_evaluation_resets_the_model(qtbot, model, roster):
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_statuses(roster[:2])
    assert model.rowCount() == 2


# Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, linear RGB).
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _linear(hex_colour):
    def one(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return [one(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5)]


def _lab(rgb):
    r, g, b = (min(max(v, 0.0), 1.0) for v in rgb)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
               0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116  # noqa: E731
    fx, fy, fz = f(x / 0.9505), f(y), f(z / 1.089)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_status_colours_stay_apart_for_colour_blind_providers():
    import itertools
    import math

    colours = {"up_to_date": LOOKS["up_to_date"].colour, "in_process": LOOKS["in_process"].colour,
               "exemption": LOOKS["medical_exemption"].colour, "not_up_to_date": LOOKS["not_up_to_date"].colour,
               "may_not_attend": EXCLUDED.colour}
    for vision, matrix in [("typical", None), *_CVD.items()]:
        seen = {}
        for status, colour in colours.items():
            rgb = _linear(colour)
            if matrix is not None:
                rgb = [sum(row[i] * rgb[i] for i in range(3)) for row in matrix]
            seen[status] = _lab(rgb)
        closest = min((math.dist(seen[a], seen[b]), a, b) for a, b in itertools.combinations(seen, 2))
        # A CIELAB distance of 10 is plainly visible side by side; the icon shapes differ besides.
        assert closest[0] >= 10, (vision, closest)


def test_status_icons_keep_their_glyph_visible(qtbot):
    """Render each icon: its glyph (check, clock hands, !, bar) contrasts at least 3:1 with its shape."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor

    from ui.status_style import relative_luminance, status_icon

    for status, must_exclude in [*((s, False) for s in STATUSES), ("not_up_to_date", True)]:
        image = status_icon(status, must_exclude).pixmap(QSize(64, 64)).toImage()
        shape = QColor(EXCLUDED.colour if must_exclude else LOOKS[status].colour)
        best = 1.0
        for x in range(0, 64, 2):
            for y in range(0, 64, 2):
                pixel = image.pixelColor(x, y)
                if pixel.alpha() == 255:
                    lighter, darker = sorted((relative_luminance(pixel), relative_luminance(shape)), reverse=True)
                    best = max(best, (lighter + 0.05) / (darker + 0.05))
        assert best >= 3.0, (status, must_exclude, best)


def test_an_exempt_child_who_may_not_attend_keeps_the_report_status_in_words(qtbot):
    """Minnesota: a medical exemption from MMR, but HepA missing past the grace period."""
    model = RosterModel()
    model.set_statuses([status_of("Lucas", "medical_exemption", missing=["HepA", "MMR"], must_exclude=True,
                                  exempt={"MMR": "medical"}),
                        status_of("Far", due=date(2027, 6, 1)), status_of("Near", due=date(2026, 12, 31))])
    assert cell(model, "Lucas", STATUS) == "May not attend · Medical exemption"
    assert cell(model, "Lucas", MISSING) == "HepA; exempt: MMR"
    assert model.index(0, STATUS).data(STATUS_ROLE) == "medical_exemption"
    assert cell(model, "Far", DEADLINE) == ""              # months away: not a deadline yet
    assert cell(model, "Near", DEADLINE) == "due in 59 days"
