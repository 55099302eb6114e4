"""Runs the real-drag tests (``test_board_drag.py``) in a process of their own on Qt's "minimal"
platform, whose drag is driven by mouse events (the offscreen one, which every other test uses,
has no drag at all). SQLite only: the drag is the widgets' business, the backends are tested
by the other board tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.views.board.real_drag import ON_PLATFORM, PLATFORM

ROOT = Path(__file__).resolve().parents[3]


def test_every_real_drag_passes_on_a_platform_with_a_drag():
    if ON_PLATFORM:
        pytest.skip("already on that platform: test_board_drag.py runs in this very process")
    env = dict(os.environ, QT_QPA_PLATFORM=PLATFORM, PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not postgres",
         str(ROOT / "tests/views/board/test_board_drag.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-2000:]
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "skipped" not in summary and " passed" in summary, summary
