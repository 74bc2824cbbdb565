"""Draws the immudesk icon (a shield with a check mark) with Qt and writes it in the three forms installers use.

    python installers/make_icons.py

writes resources/icons/immudesk.png (256 px: the window icon and the Linux menu icon, so it travels with the
app), installers/icons/immudesk.ico (Windows: 16-256 px) and installers/icons/immudesk.icns (macOS: 16-512 px).
The outputs are committed; run this again only to change the drawing. ICO and ICNS are written here by hand
(both are a small header plus PNG images) so no image plug-in or extra package is needed on any system.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown; works on a machine with no display

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt  # noqa: E402
from PySide6.QtGui import (QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter,  # noqa: E402
                           QPainterPath, QPen)

ROOT = Path(__file__).resolve().parents[1]
PNG_OUT = ROOT / "resources" / "icons" / "immudesk.png"
ICO_OUT = ROOT / "installers" / "icons" / "immudesk.ico"
ICNS_OUT = ROOT / "installers" / "icons" / "immudesk.icns"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (Apple's icns format).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"), (512, b"ic09"))


def draw(size: int) -> QImage:
    """The icon at `size` pixels, drawn on a 256-unit grid so every size is the same picture."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256.0, size / 256.0)

    shield = QPainterPath()
    shield.moveTo(128, 14)
    shield.cubicTo(170, 36, 204, 42, 232, 40)
    shield.cubicTo(234, 128, 210, 198, 128, 244)
    shield.cubicTo(46, 198, 22, 128, 24, 40)
    shield.cubicTo(52, 42, 86, 36, 128, 14)
    shield.closeSubpath()

    fill = QLinearGradient(QPointF(0, 14), QPointF(0, 244))
    fill.setColorAt(0.0, QColor("#2f80c9"))
    fill.setColorAt(1.0, QColor("#1b4f86"))
    painter.setPen(QPen(QColor("#123a63"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QBrush(fill))
    painter.drawPath(shield)

    check = QPainterPath()
    check.moveTo(76, 130)
    check.lineTo(114, 170)
    check.lineTo(184, 90)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#ffffff"), 26, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    directory = b""
    body = b""
    offset = 6 + 16 * len(images)
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return header + directory + body


def icns_bytes(images: dict[int, bytes]) -> bytes:
    elements = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                        for size, kind in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    pngs = {size: png_bytes(draw(size)) for size in sorted({*ICO_SIZES, *(s for s, _ in ICNS_TYPES)})}
    for path in (PNG_OUT, ICO_OUT, ICNS_OUT):
        path.parent.mkdir(parents=True, exist_ok=True)
    PNG_OUT.write_bytes(pngs[256])
    ICO_OUT.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    ICNS_OUT.write_bytes(icns_bytes(pngs))
    for path in (PNG_OUT, ICO_OUT, ICNS_OUT):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
