"""Refresh the English catalogue from the sources, and compile it.

    .venv/bin/python resources/i18n/update_ts.py            # lupdate, then lrelease
    .venv/bin/python resources/i18n/update_ts.py --check    # fail if a string lacks English

The interface's source strings are Chinese (zh_CN needs no catalogue); every ``tr()`` /
``translate()`` / ``QT_TRANSLATE_NOOP`` string under commandroom/views and commandroom/services
must have a finished English translation in ``commandroom_en.ts``. After editing translations
(by hand or in pyside6-linguist), run this again so ``commandroom_en.qm`` follows; commit both.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "commandroom_en.ts"
QM = HERE / "commandroom_en.qm"
SOURCE_DIRS = ("commandroom/views", "commandroom/services")


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)  # the venv's own, when run from it
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    # lupdate's directory scan ignores .py files, so they are listed one by one.
    return sorted(str(p.relative_to(ROOT)) for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-source-language", "zh_CN", "-target-language", "en", "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


def unfinished(ts: Path) -> list[str]:
    """The source texts whose English is missing or not marked finished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (translation.text or "").strip():
            missing.append(message.findtext("source") or "")
    return missing


def check() -> list[str]:
    """Run lupdate on a copy of the catalogue: anything new or changed in the code shows up."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy)
        return unfinished(copy)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    args = parser.parse_args()
    if args.check:
        missing = check()
        for text in missing:
            print(f"untranslated: {text}")
        return 1 if missing else 0
    lupdate(TS)
    lrelease(TS, QM)
    missing = unfinished(TS)
    print(f"{TS.name}: {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
