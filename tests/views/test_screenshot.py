"""``commandroom --screenshot FILE --size WxH``: waits for the loaded list, saves a PNG of
exactly that size and exits 0 — also on a database with no street yet (no dialog is shown)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from PySide6.QtGui import QImage

from commandroom.models.db import Database
from tests.services.seed import write_event


def _screenshot(tmp_path, url, size="1280x800", lang="zh_CN"):
    shot = tmp_path / "shots" / "console.png"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "commandroom", "--db", url, "--screenshot", str(shot), "--size", size,
         "--lang", lang],
        capture_output=True, text=True, timeout=120, env=env)
    return done, shot


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshot_of_a_loaded_console(tmp_path, street_db, lang):
    write_event(street_db, datetime(2026, 11, 16, 8, 30), "燕翔路井盖缺失")
    done, shot = _screenshot(tmp_path, street_db.url, lang=lang)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # A picture at a forced size must not overwrite the officer's saved layout.
    assert not (tmp_path / "config" / "commandroom" / "console.ini").exists()


def test_screenshot_of_an_empty_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Database(url).dispose()  # a picture only reads: the schema must be there already
    done, shot = _screenshot(tmp_path, url, "800x600")
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).size().toTuple() == (800, 600)


def test_screenshot_never_creates_a_database(tmp_path):
    done, shot = _screenshot(tmp_path, f"sqlite:///{tmp_path / 'typo' / 'room.sqlite3'}")
    assert done.returncode == 2
    assert "commandroom demo --db" in done.stderr.strip().splitlines()[-1]
    assert not (tmp_path / "typo").exists() and not shot.exists()


@pytest.mark.parametrize("lang, words", [("zh_CN", "无法写入"), ("en", "cannot write")])
def test_a_picture_that_cannot_be_written_is_one_line(tmp_path, lang, words):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Database(url).dispose()
    (tmp_path / "shots").write_text("a file where the folder should be")
    done, _ = _screenshot(tmp_path, url, "800x600", lang=lang)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith(f"commandroom: {words}")
    assert "Traceback" not in done.stderr
