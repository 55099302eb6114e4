"""The first run's progress dialog while the demo street is built in its worker thread.

It follows a ``DemoBuilder``'s signals: days done, then accepted when the street is written,
rejected when the build failed or was cancelled (``failure`` then holds the reason, or "" for a
cancel). Its Cancel button asks the builder to stop; nothing is written then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

translate = QCoreApplication.translate


class DemoProgressDialog(QProgressDialog):
    def __init__(self, builder, parent: QWidget | None = None):
        super().__init__(translate("DemoProgress", "正在生成演示街道…"),
                         translate("DemoProgress", "取消"), 0, 0, parent)
        self.setWindowTitle(translate("DemoProgress", "生成演示街道"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.failure: str | None = None
        builder.sig_progress.connect(self.on_progress)
        builder.sig_finished.connect(self.on_finished)
        builder.sig_failed.connect(self.on_failed)
        builder.sig_cancelled.connect(self.on_cancelled)
        # Direct: the builder's thread is busy generating; it reads the flag between days.
        self.canceled.connect(builder.cancel, Qt.ConnectionType.DirectConnection)

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        self.setLabelText(translate("DemoProgress", "正在生成演示街道：第 {done} / {total} 天")
                          .format(done=done, total=total))
        self.setMaximum(total)
        # Last: a modal progress dialog's setValue processes the pending events, the later days'
        # progress and the end among them; anything set after it would undo theirs.
        self.setValue(done)

    @Slot(object)
    def on_finished(self, _summary) -> None:
        # The street is written: show every day done even if the last day's progress has not
        # been painted yet (it may still be queued behind this signal on a busy machine).
        if self.maximum() > 0:
            self.on_progress(self.maximum(), self.maximum())
        self.accept()

    @Slot(str)
    def on_failed(self, reason: str) -> None:
        self.failure = reason
        self.reject()

    @Slot()
    def on_cancelled(self) -> None:
        self.failure = ""
        self.reject()
