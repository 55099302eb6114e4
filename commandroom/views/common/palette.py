"""The console's colour cues, in one place so the list, the status bar and later the board and
the wall screen speak the same colours. Chosen to stay readable on white for a whole shift:
strong hues only for what needs attention (urgent, overdue, disconnected)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from commandroom.models.enums import AlertLevel, Priority, Status

# Where the event is: with the room (blue), with a unit (amber), back for checking (green),
# finished (grey). Colours of the status text.
STATUS = {
    Status.RECEIVED: QColor("#1565c0"),
    Status.REGISTERED: QColor("#1565c0"),
    Status.DISPATCHED: QColor("#b26a00"),
    Status.ACKNOWLEDGED: QColor("#b26a00"),
    Status.IN_PROGRESS: QColor("#b26a00"),
    Status.RESOLVED: QColor("#2e7d32"),
    Status.VERIFIED: QColor("#2e7d32"),
    Status.CLOSED: QColor("#78828c"),
    Status.EVALUATED: QColor("#78828c"),
    Status.REJECTED: QColor("#9e9e9e"),
    Status.MERGED: QColor("#9e9e9e"),
    Status.ANSWERED: QColor("#78828c"),  # finished, like a closed event
}

PRIORITY = {
    Priority.URGENT: QColor("#c62828"),
    Priority.HIGH: QColor("#e65100"),
    Priority.NORMAL: QColor("#455a64"),
}

# Supervision alerts (督办): amber for the early steps, red from 督办 up, where the leader is alerted.
ALERT = {
    AlertLevel.WARNING: QColor("#b26a00"),
    AlertLevel.STALLED: QColor("#8d6e63"),
    AlertLevel.REMINDER: QColor("#e65100"),
    AlertLevel.SUPERVISION: QColor("#c62828"),
    AlertLevel.LISTED: QColor("#ad1457"),
    AlertLevel.NOTICE: QColor("#6a1b9a"),
}
ALERT_BANNER = QColor("#fde7e7")  # behind a new 督办 or higher in the alerts dock

OVERDUE_ROW = QColor("#fde7e7")  # the whole row of an overdue event
OVERDUE_TEXT = QColor("#c62828")
DUE_SOON_TEXT = QColor("#b26a00")
FINISHED_TEXT = QColor("#8a9099")  # closed, rejected and merged rows recede

# On the dark status bar: brighter hues.
CONNECTED = QColor("#6fcf73")
CONNECTING = QColor("#ffc15e")
DISCONNECTED = QColor("#ff6b6b")
