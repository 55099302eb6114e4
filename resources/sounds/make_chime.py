"""Write ``new_report.wav``, the short chime a new report in the call queue plays.

    .venv/bin/python resources/sounds/make_chime.py

Run once; the WAV is committed, nothing is generated at run time. Two soft bell notes a major
third apart (E6 then C6 would fall; C6 then E6 rises and asks for attention without alarm),
each a sine with a little of its octave, a 5 ms attack (no click) and an exponential decay, at
a modest level: an officer hears it dozens of times a shift.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent / "new_report.wav"
NOTES = ((1046.5, 0.00), (1318.5, 0.14))  # (Hz, start in s): C6, E6
LENGTH_S = 0.6
LEVEL = 0.32  # of full scale: clear over a room's murmur, never shrill


def sample(t: float, notes=NOTES, length_s: float = LENGTH_S, level: float = LEVEL,
           decay: float = 7.0) -> float:
    value = 0.0
    for freq, start in notes:
        local = t - start
        if local < 0:
            continue
        envelope = min(1.0, local / 0.005) * math.exp(-local * decay)
        value += envelope * (math.sin(2 * math.pi * freq * local)
                             + 0.25 * math.sin(4 * math.pi * freq * local))
    fade_out = min(1.0, (length_s - t) / 0.03)  # the tail ends at silence, not with a click
    return value * fade_out * level / 1.25


def write(path: Path, length_s: float = LENGTH_S, **shape) -> None:
    """Render ``sample`` (with ``shape``'s notes, level, decay) to a 16-bit mono WAV."""
    frames = b"".join(struct.pack("<h", int(32767 * max(-1.0, min(1.0, sample(n / RATE, length_s=length_s,
                                                                               **shape)))))
                      for n in range(int(length_s * RATE)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"wrote {path} ({len(frames) // 2} samples)")


def main() -> None:
    write(OUT)


if __name__ == "__main__":
    main()
