"""The import rules of ARCHITECTURE.md, checked with import-linter: every contract in
pyproject.toml holds for the real package, and every one of them catches a planted violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")
CONTRACTS = [c["name"] for c in
             tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]]

LAYERS = "Layers: app -> views -> services -> demo -> models"
VIEW_LAYERS = "Views: the shell and the meeting and wall windows -> feature folders -> common"
QT_FREE = "The domain core and the demo generator are Qt-free"
NO_SETTINGS = "The domain core reads no settings"
QTCORE_ONLY = "Services are QtCore only: no widgets, no painting, no web engine"
NO_DATABASE = "Views never touch the database"


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _lint_with(tmp_path: Path, planted: dict[str, str]) -> subprocess.CompletedProcess:
    """Lint a copy of the package with extra modules (path under commandroom/ -> source)."""
    copy = tmp_path / "repo"
    for tree in ("commandroom", "tools"):
        shutil.copytree(ROOT / tree, copy / tree, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for module, source in planted.items():
        (copy / "commandroom" / module).write_text(source)
    return _lint(copy)


def test_the_package_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout
    for name in CONTRACTS:
        assert f"{name} KEPT" in result.stdout


VIOLATIONS = [
    # views.resources imports no Qt and no database, so only the layers break.
    (LAYERS, {"models/upward.py": "import commandroom.views.resources\n"}),
    (LAYERS, {"services/upward.py": "from commandroom.views.resources import resource\n"}),
    (LAYERS, {"models/tool.py": "import commandroom.demo.names\n"}),  # the domain uses no tool
    (VIEW_LAYERS, {"views/common/sneaky.py": "from commandroom.views.events import event_filter\n"}),
    (VIEW_LAYERS, {"views/events/sneaky.py": "import commandroom.views.main_window\n"}),
    (QT_FREE, {"models/sneaky.py": "import PySide6.QtCore\n"}),
    (QT_FREE, {"models/sneaky.py": "from shiboken6 import isValid\n"}),
    (QT_FREE, {"models/sneaky.py": "import pyqtgraph\n"}),
    (QT_FREE, {"demo/sneaky.py": "import PySide6.QtCore\n"}),
    (NO_SETTINGS, {"models/sneaky.py": "from commandroom.config import Settings\n"}),
    (QTCORE_ONLY, {"services/sneaky.py": "from PySide6.QtWidgets import QWidget\n"}),
    (QTCORE_ONLY, {"services/sneaky.py": "from PySide6 import QtCore, QtGui\n"}),
    (QTCORE_ONLY, {"services/sneaky.py": "def later():\n    import PySide6.QtWebEngineCore as web\n"}),
    (QTCORE_ONLY, {"services/sneaky.py": "import pyqtgraph as pg\n"}),
    # Indirectly: through a module outside the layers.
    (QTCORE_ONLY, {"services/sneaky.py": "import commandroom.helper\n",
                   "helper.py": "from PySide6.QtGui import (\n    QColor,\n)\n"}),
    (NO_DATABASE, {"views/sneaky.py": "import sqlalchemy\n"}),
    (NO_DATABASE, {"views/sneaky.py": "from alembic import command\n"}),
]


def test_every_contract_is_tried():
    assert {name for name, _ in VIOLATIONS} == set(CONTRACTS)


@pytest.mark.parametrize("broken, planted", VIOLATIONS,
                         ids=[f"{name.split(':')[0]}-{n}" for n, (name, _) in enumerate(VIOLATIONS)])
def test_a_violation_is_caught(tmp_path, broken, planted):
    result = _lint_with(tmp_path, planted)
    assert result.returncode != 0
    assert f"{broken} BROKEN" in result.stdout, result.stdout + result.stderr
    assert "1 broken" in result.stdout  # that contract, and no other


def test_services_may_use_qtcore(tmp_path):
    """QtCore is what services are for; names that merely start like a forbidden one pass too."""
    result = _lint_with(tmp_path, {"services/fine.py": (
        "from PySide6 import QtCore\n"
        "from PySide6.QtCore import QObject, QThread\n"
        "import PySide6.QtNetwork\n"
        "from PySide6.QtGuiSupport import something  # not QtGui\n")})
    assert result.returncode == 0, result.stdout + result.stderr
