"""What a provider does with a window that blocks the test while it is up (app.exec, a modal dialog): shared by
the window tests."""
from __future__ import annotations


def when_shown(kind, act, every_ms: int = 20) -> None:
    """Call act(widget) once a visible top-level widget of this kind appears: what a provider would do with a
    window or dialog that blocks the test (app.exec, a modal message) while it is up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look(tries: int = 10_000 // every_ms):   # ten seconds, so a timer never outlives its test for long
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            act(found[0])
        elif tries > 0:
            QTimer.singleShot(every_ms, lambda: look(tries - 1))

    QTimer.singleShot(every_ms, look)
