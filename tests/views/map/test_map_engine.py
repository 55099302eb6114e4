"""The web engine's flags: ours added once, the officer's own kept and winning; no GPU stack
where there is no screen; never --single-process."""

from commandroom.views.map import engine


def test_flags_are_added_to_what_the_officer_set(monkeypatch):
    monkeypatch.setenv(engine.FLAGS_ENV, "--js-flags=--max-old-space-size=512 --lang=zh-CN")
    value = engine.configure("offscreen").split()
    assert value[:2] == ["--js-flags=--max-old-space-size=512", "--lang=zh-CN"]
    assert not any(f.startswith("--js-flags=") for f in value[2:])  # theirs wins
    assert {"--renderer-process-limit=1", "--disable-gpu"} <= set(value)
    assert engine.configure("offscreen").split() == value  # twice is once


def test_a_screen_keeps_its_gpu(monkeypatch):
    monkeypatch.delenv(engine.FLAGS_ENV, raising=False)
    flags = engine.configure("xcb").split()
    assert "--disable-gpu" not in flags and "--renderer-process-limit=1" in flags
    assert not any("single-process" in f for f in engine.engine_flags("offscreen") + engine.engine_flags("xcb"))
