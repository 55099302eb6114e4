"""Write ``supervision_alert.wav``, the sound of a new 督办 (or higher) in the alerts dock.

    .venv/bin/python resources/sounds/make_alarm.py

Run once; the WAV is committed. It must not be mistaken for the new-report chime (two soft
rising bell notes): three short falling pairs, A5 then E5, with a quick decay and a little more
level — a call to the shift leader, heard a few times a day at most.
"""

from __future__ import annotations

from pathlib import Path

from make_chime import write

OUT = Path(__file__).resolve().parent / "supervision_alert.wav"
NOTES = tuple(note for k in range(3) for note in ((880.0, k * 0.34), (659.3, k * 0.34 + 0.13)))

if __name__ == "__main__":
    write(OUT, length_s=1.1, notes=NOTES, level=0.42, decay=12.0)
