"""A process that lowers its CPU priority lowers its session's too when it leads one (Linux's
autogroup weighs sessions before processes), and never a session it shares with its shell."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

AUTOGROUP = Path("/proc/self/autogroup")
LOWER = ("from commandroom.services.cpu_priority import lower_priority; lower_priority(int(__import__('sys').argv[1])); "
         "print(open('/proc/self/autogroup').read().strip())")

# Some machines (containers, CI runners) have the file but leave it empty: autogroup is off there.
pytestmark = pytest.mark.skipif(not (AUTOGROUP.exists() and AUTOGROUP.read_text().strip()),
                                reason="no autogroup on this machine")


def _lowered(niceness: int, own_session: bool) -> str:
    ran = subprocess.run([sys.executable, "-c", LOWER, str(niceness)], capture_output=True, text=True,
                         timeout=60, start_new_session=own_session,
                         env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


def test_a_session_leader_gives_its_session_the_lower_priority():
    mine = AUTOGROUP.read_text().split()[0]
    group, _word, nice = _lowered(6, own_session=True).split()
    assert group != mine and int(nice) == min(19, os.nice(0) + 6)


def test_a_process_in_a_shared_session_leaves_the_session_alone():
    before = AUTOGROUP.read_text().strip()
    assert _lowered(6, own_session=False) == before
    assert AUTOGROUP.read_text().strip() == before
