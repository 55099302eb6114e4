"""The sound of a new 督办 or higher (``resources/sounds/supervision_alert.wav``, made once by
``make_alarm.py``): three short falling pairs, never to be taken for a new report's chime. Silent,
like the chime, on a machine without audio output, and muted with it from the status bar."""

from __future__ import annotations

from commandroom.views.calls.new_report_sound import NewReportSound


class AlertSound(NewReportSound):
    FILE = "supervision_alert.wav"
