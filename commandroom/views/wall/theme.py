"""How the wall looks from the back of the room: a dark background, high-contrast text at least
28 px at 1080p and scaled with the screen, numbers in a monospaced-digit (tabular) face so
figures do not jitter as they change, Chinese in Noto CJK.

Colours are never the only signal: every good/bad cue also has a shape (▲ ▼, ●, ✕) or words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

BASE_SIZE = (1920, 1080)
MIN_TEXT_PX = 28  # the smallest text on a 1080p wall
TEXT_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "PingFang SC",
              "WenQuanYi Micro Hei"]
# Half-width digits of equal advance, with CJK in the same face (labels beside numbers).
NUMBER_FONTS = ["Noto Sans Mono CJK SC", "Sarasa Mono SC", "DejaVu Sans Mono", "Consolas"]

BACKGROUND = QColor("#070b14")
PANEL = QColor("#0f1726")
TEXT = QColor("#f4f7fb")  # ~17:1 on PANEL
MUTED = QColor("#b9c6d6")  # ~10:1 on PANEL: still high contrast
ACCENT = QColor("#7cc4ff")
GOOD = QColor("#6fdc8c")
BAD = QColor("#ff7a7a")
WARN = QColor("#ffc15e")
LISTED = QColor("#ff8ad1")
USUAL = QColor("#ffd166")


def scale_for(width: int, height: int) -> float:
    """How much larger than at 1080p: by the screen's height and width, the smaller (a video
    wall of 3×2 full-HD screens is 2, as a 4K screen)."""
    return max(1.0, min(width / BASE_SIZE[0], height / BASE_SIZE[1]))


class Theme:
    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def px(self, at_1080p: float) -> int:
        return max(1, round(at_1080p * self.scale))

    @property
    def text_px(self) -> int:
        return self.px(MIN_TEXT_PX)

    def font(self, at_1080p: float = MIN_TEXT_PX, *, bold: bool = False, numbers: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(NUMBER_FONTS + TEXT_FONTS if numbers else TEXT_FONTS)
        font.setPixelSize(self.px(max(at_1080p, MIN_TEXT_PX)))
        font.setBold(bold)
        if numbers:  # a proportional fallback face still gets tabular digits where it has them
            font.setFeature(QFont.Tag("tnum"), 1)
        return font

    def stylesheet(self) -> str:
        return (f"QWidget#wallWindow {{ background: {BACKGROUND.name()}; }}"
                f"QFrame#wallPanel {{ background: {PANEL.name()}; border-radius: {self.px(6)}px; }}"
                f"QLabel {{ color: {TEXT.name()}; background: transparent; }}"
                f"QLabel#muted {{ color: {MUTED.name()}; }}"
                f"QLabel#panelTitle {{ color: {ACCENT.name()}; }}"
                f"QFrame#staleBanner {{ background: #5c1010; border: {self.px(3)}px solid {BAD.name()}; }}")


class FitLabel(QLabel):
    """Plain text (never rich text from data) that never overflows: what does not fit its width
    is elided with "…" when it is laid out, so a long place name cannot push a panel apart."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, font: QFont | None = None,
                 color: QColor | None = None, name: str = "", align=Qt.AlignmentFlag.AlignLeft):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        if name:
            self.setObjectName(name)
        if font is not None:
            self.setFont(font)
        if color is not None:
            self.set_color(color)
        self.full_text = ""
        self.set_text(text)

    def set_color(self, color: QColor) -> None:
        self.setStyleSheet(f"color: {color.name()};")

    def set_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def setFont(self, font: QFont) -> None:  # noqa: N802 - Qt's name
        super().setFont(font)
        self.setFixedHeight(self.fontMetrics().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self):  # noqa: N802 - the layout may narrow it: the text is elided
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("…") * 2)
        return hint

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(width, 0))
        if shown != self.text():
            super().setText(shown)
