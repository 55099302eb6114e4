"""The chime a new report plays (``resources/sounds/new_report.wav``, made once by
``make_chime.py``), and the status bar's switch that mutes it.

The sound is optional: a console with no audio output (a server, a headless test, a room whose
speakers are unplugged) simply stays silent, and the switch says so in its tooltip. The
QSoundEffect is made only once an output exists, so a machine without one never loads a sound
it cannot play. Several reports in one change chime once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtWidgets import QStyle, QToolButton

from commandroom.views.resources import resource

VOLUME = 0.8


class NewReportSound(QObject):
    FILE = "new_report.wav"  # in resources/sounds; the alerts dock's sound names its own

    # --- Signals ---------------------------------------------------------------------------
    sig_muted_changed = Signal(bool)
    """The officer muted (True) or unmuted the chime."""

    def __init__(self, muted: bool = False, parent=None):
        super().__init__(parent)
        self._muted = muted
        self._effect: QSoundEffect | None = None
        self.available = bool(QMediaDevices.audioOutputs())
        if self.available:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(resource("sounds", self.FILE))))
            self._effect.setVolume(VOLUME)
        self.played = 0  # how many times it chimed (the tests and the status bar read it)

    @property
    def muted(self) -> bool:
        return self._muted

    @Slot(bool)
    def set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.sig_muted_changed.emit(muted)

    def play(self) -> bool:
        """Chime, unless muted or there is nothing to play it on; whether it chimed."""
        if self._muted or self._effect is None:
            return False
        self._effect.play()
        self.played += 1
        return True


class SoundToggle(QToolButton):
    """The status bar's switch: checked means the chime is on."""

    def __init__(self, sound: NewReportSound, parent=None):
        super().__init__(parent)
        self.setObjectName("soundToggle")
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.sound = sound
        self.setChecked(not sound.muted)
        self.toggled.connect(lambda on: sound.set_muted(not on))
        sound.sig_muted_changed.connect(lambda muted: self.setChecked(not muted))
        sound.sig_muted_changed.connect(self._show)
        self._show()

    def _show(self, *_args) -> None:
        on = not self.sound.muted
        self.setText(self.tr("提示音：开") if on else self.tr("提示音：关"))
        pixmap = QStyle.StandardPixmap.SP_MediaVolume if on else QStyle.StandardPixmap.SP_MediaVolumeMuted
        self.setIcon(self.style().standardIcon(pixmap))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if not self.sound.available:
            self.setToolTip(self.tr("本机没有可用的音频输出，新报告不会响铃"))
        else:
            self.setToolTip(self.tr("新报告到达时响铃；点击切换"))
