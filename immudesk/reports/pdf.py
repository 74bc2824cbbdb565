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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, SimpleDocTemplate
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
SHORT_MARK = "▼"     # printed after a count that is short too: shading alone vanishes on a black-and-white printer


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


class DocumentStart(Flowable):
    """Marks where one document of a batch begins (a parent letter), so each is numbered "page 1 of N" on its own,
    with its own page label ("Página {n} de {total}" for a letter in Spanish)."""

    def __init__(self, page_label: str | None = None):
        super().__init__()
        self.page_label = page_label

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv._document_starts.append(self.canv.getPageNumber())
        if self.page_label:
            self.canv._page_label = self.page_label


class RunningHeader(Flowable):
    """Names the part that begins here (a worksheet); the pages it runs on to repeat that name, "(continued)"."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv._running_header = (self.text, self.canv.getPageNumber())


def _numbered_canvas(footer: Callable[[rl_canvas.Canvas, int, int], None]):
    """A canvas that holds its pages until the end so each footer can say "page N of M"."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            # Start on the embedded font so the file never refers to an unembedded base-14 font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []
            self._document_starts: list[int] = []
            self._running_header: tuple[str, int] | None = None

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            starts = sorted(set(self._document_starts) | {1})
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                first = max(s for s in starts if s <= number)
                last = min([s - 1 for s in starts if s > number] or [total])
                footer(self, number - first + 1, last - first + 1)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(target, flowables: Iterable, *, title: str, footer_left: str, pagesize=PORTRAIT,
          margins: float = MARGIN, page_label: str = "Page {n} of {total}") -> None:
    """Lay the flowables out into `target` (a path or a binary file) with the standard footer on every page.

    The footer's text wraps onto a second line rather than run into the page number (a long facility name);
    a RunningHeader's name is repeated at the top of the pages its part runs on to.
    """
    register_fonts()
    width, height = pagesize

    def footer(canvas: rl_canvas.Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        label = getattr(canvas, "_page_label", None) or page_label
        label = label.format(n=number, total=total)
        room = width - 2 * margins - stringWidth(label, FONT, 7.5) - 18
        lines = simpleSplit(footer_left, FONT, 7.5, room)
        for index, line in enumerate(reversed(lines)):
            canvas.drawString(margins, margins / 2 + index * 9, line)
        canvas.drawRightString(width - margins, margins / 2, label)
        running = getattr(canvas, "_running_header", None)
        if running and canvas.getPageNumber() > running[1]:
            canvas.setFont(FONT_BOLD, 9)
            canvas.setFillColor(colors.black)
            canvas.drawString(margins, height - margins + 8, f"{running[0]} (continued)")
        canvas.restoreState()

    document = SimpleDocTemplate(target, pagesize=pagesize, leftMargin=margins, rightMargin=margins,
                                 topMargin=margins, bottomMargin=margins, title=title, author="immudesk",
                                 creator="immudesk")
    document.build(list(flowables), canvasmaker=_numbered_canvas(footer))
