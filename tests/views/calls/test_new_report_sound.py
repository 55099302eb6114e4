"""The new-report chime: a short committed WAV, silent without an audio output, muted by the
status bar's switch and by the settings (remembered between runs)."""

from __future__ import annotations

import wave

from commandroom.views.calls.new_report_sound import NewReportSound, SoundToggle
from commandroom.views.resources import resource


def test_the_chime_is_short_and_quiet_enough():
    with wave.open(str(resource("sounds", "new_report.wav"))) as chime:
        seconds = chime.getnframes() / chime.getframerate()
        assert (chime.getnchannels(), chime.getsampwidth()) == (1, 2)
        frames = chime.readframes(chime.getnframes())
    assert 0.2 < seconds < 1.0
    peak = max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True))
               for i in range(0, len(frames), 2))
    assert 0.15 * 32767 < peak < 0.5 * 32767  # heard, never shrill
    assert abs(int.from_bytes(frames[-2:], "little", signed=True)) < 50  # ends without a click


def test_the_switch_mutes_and_a_machine_without_audio_stays_silent(qtbot):
    sound = NewReportSound()
    toggle = SoundToggle(sound)
    qtbot.addWidget(toggle)
    assert toggle.isChecked() and toggle.text() == "提示音：开"
    assert sound.play() is sound.available  # offscreen tests have no audio output: silent
    toggle.click()
    assert sound.muted and toggle.text() == "提示音：关"
    assert sound.play() is False


def test_muted_in_the_settings_and_remembered(make_window, ui_state):
    window = make_window()
    assert not window.calls.sound.muted
    window.calls.sound.set_muted(True)
    window.save_layout()
    assert make_window(ui_state).calls.sound.muted
