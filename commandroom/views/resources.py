"""Where the console's resources (styles, translations, icons) are.

Looked up in this order, the first folder that exists wins:
1. ``$COMMANDROOM_RESOURCES`` (a packager or a test may point anywhere);
2. ``resources/`` at the root of the source tree (a git checkout, an editable install);
3. ``<prefix>/share/commandroom/resources`` (an installed wheel ships it as data files).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parents[2] / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "commandroom" / "resources"


def resource_dir() -> Path:
    override = os.environ.get("COMMANDROOM_RESOURCES")
    for candidate in (Path(override) if override else None, _SOURCE_TREE, _INSTALLED):
        if candidate is not None and candidate.is_dir():
            return candidate
    return _SOURCE_TREE  # missing files then fail loudly where they are opened


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
