"""Write the import templates (units, staff, categories; .xlsx and .csv): the Chinese headers of
``models/orgdata/columns.py`` and one example row. Run again whenever the columns change
(tests/unit/admin/test_import_sheets.py checks the shipped files match)."""

from __future__ import annotations

from pathlib import Path

from commandroom.models.orgdata import sheets
from commandroom.models.orgdata.columns import SHEETS, TITLES

HERE = Path(__file__).resolve().parent


def main() -> None:
    for kind, columns in SHEETS.items():
        for suffix in (".xlsx", ".csv"):
            sheets.write(HERE / f"{kind}{suffix}", [c.header for c in columns], [[c.example for c in columns]],
                         sheet_title=TITLES[kind][0])


if __name__ == "__main__":
    main()
