"""The import rules of ARCHITECTURE.md, checked with import-linter: the contracts in
pyproject.toml hold for the real package, and they do catch a violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_package_keeps_its_layers():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, line, broken",
    [
        ("models/sneaky.py", "import PySide6.QtCore\n", "Qt-free"),
        ("views/sneaky.py", "import sqlalchemy\n", "Views never touch the database"),
        ("models/upward.py", "import commandroom.views\n", "Layers"),
        ("demo/sneaky.py", "import PySide6.QtCore\n", "Qt-free"),
        ("models/tool.py", "import commandroom.demo\n", "Layers"),
    ],
)
def test_a_violation_is_caught(tmp_path, module, line, broken):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "commandroom", copy / "commandroom",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    (copy / "commandroom" / module).write_text(line)
    result = _lint(copy)
    assert result.returncode != 0
    assert broken in result.stdout
