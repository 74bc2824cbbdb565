"""What every printed document shares: the embedded DejaVu fonts, paragraph styles, page sizes, and a page
footer that says which document, which facility and "page N of M" (a loose page found on a desk names itself).

reportlab's base-14 fonts are not embedded and have no glyphs beyond Latin-1 in some viewers, so every
document uses the TrueType DejaVu shipped in resources/fonts/: forms print alike everywhere and Spanish
accents (á, é, ñ, ¿) always show.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Table as _Table

from ..resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PORTRAIT = letter
LANDSCAPE = landscape(letter)
MARGIN = 0.6 * inch
GRID = colors.HexColor("#4a4a4a")
SHADE = colors.HexColor("#e6e6e6")
SHORT = colors.HexColor("#f6d6d0")      # a cell whose requirement is not met: light enough to photocopy


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) once per process; <b> in a Paragraph then picks the bold face."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=7, leading=8.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8, leading=9.5),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=7.5, leading=9, alignment=TA_CENTER),
        "column_head": ParagraphStyle("column_head", parent=base, fontSize=6.4, leading=7.8, alignment=TA_CENTER),
        "agency": ParagraphStyle("agency", parent=base, fontSize=9, leading=11, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, alignment=TA_CENTER,
                                   spaceAfter=8),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14,
                                  spaceBefore=8, spaceAfter=4),
        "letter": ParagraphStyle("letter", parent=base, fontSize=10, leading=13.8, spaceAfter=7, alignment=TA_LEFT),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
    }


def escape(text: object) -> str:
    """Text for a Paragraph: reportlab reads a small markup language, so a name like "O'Neil <Jr>" must be escaped."""
    return (str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


class Table(_Table):
    """A platypus Table whose cells default to the embedded font (reportlab's default is unembedded Helvetica)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT)])


def _numbered_canvas(footer: Callable[[rl_canvas.Canvas, int, int], None]):
    """A canvas that holds its pages until the end so each footer can say "page N of M"."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            # Start on the embedded font so the file never refers to an unembedded base-14 font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(target, flowables: Iterable, *, title: str, footer_left: str, pagesize=PORTRAIT,
          margins: float = MARGIN, page_label: str = "Page {n} of {total}") -> None:
    """Lay the flowables out into `target` (a path or a binary file) with the standard footer on every page."""
    register_fonts()
    width = pagesize[0]

    def footer(canvas: rl_canvas.Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(margins, margins / 2, footer_left)
        canvas.drawRightString(width - margins, margins / 2, page_label.format(n=number, total=total))
        canvas.restoreState()

    document = SimpleDocTemplate(target, pagesize=pagesize, leftMargin=margins, rightMargin=margins,
                                 topMargin=margins, bottomMargin=margins, title=title, author="immudesk",
                                 creator="immudesk")
    document.build(list(flowables), canvasmaker=_numbered_canvas(footer))
