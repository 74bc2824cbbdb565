"""How a compliance status looks in the window: its words, a colour-blind-safe colour and an icon with its own shape.

Colour is never the only signal: every status also has a distinct icon shape (check, clock, shield, cross)
and words. The colours are the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies; tints behind text are light enough for dark text to keep a contrast ratio above 7:1.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF

from immudesk.states.status import STATUSES


@dataclass(frozen=True)
class StatusLook:
    source_words: str   # what the provider reads, in English (the catalogue's message id)
    source_short: str   # for tight spaces (summary chips)
    colour: str         # strong colour of the icon
    tint: str           # light background behind the words
    shape: str          # icon shape: check | clock | shield | warning | stop
    rank: int           # urgency when sorting: lower comes first
    general: str = ""   # for a state's own words: the general words, said instead in another language
    also: str = ""      # "May not attend · <also>": the report status kept beside the exclusion

    # The words are looked up when shown, so a look made once (LOOKS, the caches below) speaks the language the
    # window has at that moment (QCoreApplication.translate; ui.language loads the catalogue).
    @property
    def words(self) -> str:
        if self.also:
            return f"{_say(self.source_short, '')} · {_say(self.also, self.general)}"
        return _say(self.source_words, self.general)

    @property
    def short(self) -> str:
        return _say(self.source_short, self.general)


def _say(text: str, general: str) -> str:
    said = QCoreApplication.translate("Status", text)
    if said == text and general:   # a state's own English word, not in the catalogue
        other = QCoreApplication.translate("Status", general)
        if other != general:
            return other           # a window in another language: the general words in it
    return said


# Okabe-Ito: bluish green (darkened for contrast), orange, blue, vermillion; a dark red for "may not attend".
# tests/test_ui_roster.py simulates protanopia, deuteranopia and tritanopia and checks they stay apart.
LOOKS: dict[str, StatusLook] = {
    "not_up_to_date": StatusLook(QT_TRANSLATE_NOOP("Status", "Not up to date"),
                                 QT_TRANSLATE_NOOP("Status", "Not up to date"), "#D55E00", "#FBE3D6",
                                 "warning", 1),
    "in_process": StatusLook(QT_TRANSLATE_NOOP("Status", "In process"), QT_TRANSLATE_NOOP("Status", "In process"),
                             "#E69F00", "#FDF0CF", "clock", 2),
    "medical_exemption": StatusLook(QT_TRANSLATE_NOOP("Status", "Medical exemption"),
                                    QT_TRANSLATE_NOOP("Status", "Medical exempt."), "#0072B2",
                                    "#DCEBF6", "shield", 3),
    "religious_exemption": StatusLook(QT_TRANSLATE_NOOP("Status", "Religious exemption"),
                                      QT_TRANSLATE_NOOP("Status", "Religious exempt."), "#0072B2",
                                      "#DCEBF6", "shield", 4),
    "conscientious_exemption": StatusLook(QT_TRANSLATE_NOOP("Status", "Conscientious exemption"),
                                          QT_TRANSLATE_NOOP("Status", "Conscientious exempt."),
                                          "#0072B2", "#DCEBF6", "shield", 5),
    "up_to_date": StatusLook(QT_TRANSLATE_NOOP("Status", "Up to date"), QT_TRANSLATE_NOOP("Status", "Up to date"),
                             "#007A58", "#D9F2E8", "check", 6),
}
# "May not attend" is a not-up-to-date child whose grace period is over: the most urgent row of all.
EXCLUDED = StatusLook(QT_TRANSLATE_NOOP("Status", "May not attend"), QT_TRANSLATE_NOOP("Status", "May not attend"),
                      "#8B1A1A", "#F4C7C3", "stop", 0)
WITHDRAWN_TEXT = "#6B6B6B"
# Every tint above is light: the words on it are always this dark text, whatever the system's palette (dark
# mode, high contrast) makes of the rest of the table, so a status cell never shows white on pale yellow.
TEXT_ON_TINT = "#1a1a1a"
EXCLUDED_TEXT_ON_DARK = "#FF9E9E"   # the alarm colour lightened for text on a dark background (contrast > 7:1)

assert set(LOOKS) == set(STATUSES), "every status the rules can give needs a look"


def look(status: str, must_exclude: bool = False, state: str = "") -> StatusLook:
    """How a status shows. A child who may not attend keeps the report status in the words ("May not attend ·
    Medical exemption": an exemption on file for some vaccines, others missing), with the exclusion's look.
    With a state, the words are the state's own where its file gives them (Washington's "Conditional")."""
    if must_exclude:
        return _excluded(status, state)
    return _in_state_words(status, state) if state else LOOKS[status]


@lru_cache(maxsize=None)
def _in_state_words(status: str, state: str) -> StatusLook:
    from immudesk.states import load_state
    try:
        words = load_state(state).status_labels.get(status)
    except ValueError:          # an unknown state: the general words
        words = None
    base = LOOKS[status]
    return (StatusLook(words, words, base.colour, base.tint, base.shape, base.rank, general=base.source_words)
            if words else base)


@lru_cache(maxsize=None)
def _excluded(status: str, state: str = "") -> StatusLook:
    chosen = _in_state_words(status, state) if state else LOOKS[status]
    return StatusLook(EXCLUDED.source_words, EXCLUDED.source_short, EXCLUDED.colour, EXCLUDED.tint, EXCLUDED.shape,
                      EXCLUDED.rank, general=chosen.general, also=chosen.source_words)


def is_dark(palette: QPalette) -> bool:
    """A dark palette (dark mode, a high-contrast black theme): text colours must be light."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def alarm_text(palette: QPalette) -> QColor:
    """The "may not attend" deadline's text colour, readable on the table's own background."""
    return QColor(EXCLUDED_TEXT_ON_DARK if is_dark(palette) else EXCLUDED.colour)


def muted_text(palette: QPalette) -> QColor:
    """Greyed text (withdrawn children) that stays readable: the palette's text colour, part-way to its base."""
    if not is_dark(palette):
        return QColor(WITHDRAWN_TEXT)
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(round(text.red() * 0.65 + base.red() * 0.35), round(text.green() * 0.65 + base.green() * 0.35),
                  round(text.blue() * 0.65 + base.blue() * 0.35))


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of a colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_with_white(colour: QColor) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def _draw_shape(painter: QPainter, shape: str, colour: QColor, size: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The glyph is white on dark shapes and near-black on the light orange, so it always stands out.
    glyph = QColor("white") if contrast_with_white(colour) >= 3.0 else QColor("#1a1a1a")
    white = QPen(glyph, size * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    if shape == "check":
        painter.drawEllipse(box)
        painter.setPen(white)
        painter.drawPolyline(QPolygonF([QPointF(size * 0.28, size * 0.52), QPointF(size * 0.44, size * 0.68),
                                        QPointF(size * 0.72, size * 0.34)]))
    elif shape == "clock":
        painter.drawEllipse(box)
        painter.setPen(white)
        centre = QPointF(size / 2, size / 2)
        painter.drawLine(centre, QPointF(size / 2, size * 0.24))
        painter.drawLine(centre, QPointF(size * 0.70, size * 0.62))
    elif shape == "shield":
        path = QPainterPath()
        path.moveTo(size * 0.5, margin)
        path.lineTo(size - margin * 1.5, size * 0.2)
        path.cubicTo(size - margin * 1.5, size * 0.62, size * 0.72, size * 0.86, size * 0.5, size - margin)
        path.cubicTo(size * 0.28, size * 0.86, margin * 1.5, size * 0.62, margin * 1.5, size * 0.2)
        path.closeSubpath()
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(size * 0.5, size * 0.28), QPointF(size * 0.5, size * 0.7))
    elif shape == "warning":
        # A diamond, so it differs from the round shapes in outline as well as in colour.
        painter.drawPolygon(QPolygonF([QPointF(size / 2, margin), QPointF(size - margin, size / 2),
                                       QPointF(size / 2, size - margin), QPointF(margin, size / 2)]))
        painter.setPen(white)
        painter.drawLine(QPointF(size * 0.5, size * 0.26), QPointF(size * 0.5, size * 0.58))
        painter.drawPoint(QPointF(size * 0.5, size * 0.74))
    elif shape == "stop":
        # An octagon with a bar: "stop", the exclusion.
        inset = size * 0.29
        points = [QPointF(inset, margin), QPointF(size - inset, margin), QPointF(size - margin, inset),
                  QPointF(size - margin, size - inset), QPointF(size - inset, size - margin),
                  QPointF(inset, size - margin), QPointF(margin, size - inset), QPointF(margin, inset)]
        painter.drawPolygon(QPolygonF(points))
        painter.setPen(white)
        painter.drawLine(QPointF(size * 0.28, size * 0.5), QPointF(size * 0.72, size * 0.5))


@lru_cache(maxsize=None)
def _icon(shape: str, colour: str) -> QIcon:
    icon = QIcon()
    # Draw each size natively (1x and 2x of the common sizes), so the shape stays crisp on high-DPI screens.
    for size in (16, 20, 24, 32, 40, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        _draw_shape(painter, shape, QColor(colour), float(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def status_icon(status: str, must_exclude: bool = False) -> QIcon:
    chosen = look(status, must_exclude)
    return _icon(chosen.shape, chosen.colour)
