"""``commandroom wall``: a picture of the wall at the asked size (read-only), and whatever cannot
be done refused in one line, in the language asked for, before any window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from PySide6.QtGui import QImage

from tests.services.seed import write_event


def _wall(tmp_path, *args: str):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    return subprocess.run([sys.executable, "-m", "commandroom", "wall", *args], capture_output=True, text=True,
                          timeout=180, env=env)


def test_a_picture_of_the_wall_at_its_size_reads_only(tmp_path, sqlite_street):
    write_event(sqlite_street, datetime(2026, 11, 16, 8, 30), "燕翔路井盖缺失")
    shot = tmp_path / "wall.png"
    size = os.path.getsize(sqlite_street.url.removeprefix("sqlite:///"))
    done = _wall(tmp_path, "--db", sqlite_street.url, "--screenshot", str(shot), "--size", "1920x1080",
                 "--now", "2026-11-16T09:00")
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).size().toTuple() == (1920, 1080)
    assert os.path.getsize(sqlite_street.url.removeprefix("sqlite:///")) == size  # nobody signed in


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["--layout", "8k"], "没有名为 8k 的大屏布局", "No wall layout called 8k"),
    (["--now", "2026-11-16T09:00"], "--now 只能与 --screenshot 一起使用", "--now goes with --screenshot only"),
])
def test_refusals_are_one_line_in_both_languages(tmp_path, sqlite_street, args, zh, en):
    for lang, words in (("zh_CN", zh), ("en", en)):
        done = _wall(tmp_path, "--db", sqlite_street.url, "--lang", lang, *args)
        assert done.returncode == 2 and words in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


@pytest.fixture
def sqlite_street(sqlite_db):
    from tests.services.seed import seed_street

    seed_street(sqlite_db)
    return sqlite_db


def test_the_display_user_is_named_after_the_subcommand_too():
    from commandroom.cli import build_parser

    args = build_parser().parse_args(["wall", "--wall-login", "wall2", "--layout", "4k"])
    assert (args.command, args.wall_login, args.layout) == ("wall", "wall2", "4k")
    assert build_parser().parse_args(["--wall-login", "wall3", "wall"]).wall_login == "wall3"
