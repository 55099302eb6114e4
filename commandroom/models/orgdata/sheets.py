"""Reading and writing a table as CSV or XLSX (openpyxl), as a spreadsheet program saves it.

Cells come back as stripped text (an XLSX number 12.0 as "12", so a phone or a count typed in a
numeric cell reads as typed). A CSV is UTF-8 (with or without BOM) or, as Excel saves it on a
Chinese Windows, GB18030. Rows are numbered as the spreadsheet numbers them: the header is 1.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from commandroom.models.errors import ValidationError

FORMATS = (".csv", ".xlsx")


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(f"只支持 .csv 与 .xlsx 文件：{path.name}", f"Only .csv and .xlsx files are read: {path.name}")
    return suffix


def read(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the data rows (number, cells); blank rows are skipped."""
    kind = kind_of(path)
    try:
        rows = _read_xlsx(path) if kind == ".xlsx" else _read_csv(path)
    except OSError as exc:
        raise ValidationError(f"无法读取 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}") from None
    if not rows:
        raise ValidationError(f"{path.name} 是空的：第 1 行应为表头", f"{path.name} is empty: row 1 must be the header")
    header = rows[0]
    data = [(n, cells) for n, cells in enumerate(rows[1:], start=2) if any(cells)]
    return header, data


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # gb18030 decodes any bytes; kept for clarity
        raise ValidationError(f"{path.name} 的编码无法识别", f"{path.name}: unknown text encoding")
    return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text, newline=""))]


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError) as exc:
        raise ValidationError(f"{path.name} 不是有效的 xlsx 文件（{exc}）",
                              f"{path.name} is not a valid xlsx file ({exc})") from None
    try:
        sheet = book.worksheets[0]
        return [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def write(path: Path, header: list[str], rows: list[list], *, sheet_title: str = "") -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    kind = kind_of(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        if kind == ".xlsx":
            _write_xlsx(partial, header, rows, sheet_title)
        else:
            # A BOM lets spreadsheet programs read the Chinese as UTF-8.
            with partial.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(header)
                writer.writerows(rows)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ValidationError(f"无法写入 {path}：{exc.strerror}", f"Cannot write {path}: {exc.strerror}") from None


def _write_xlsx(path: Path, header: list[str], rows: list[list], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    if title:
        sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    # Codes and phones are text: a spreadsheet must not turn 0531… into a number.
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, str):
                cell.number_format = "@"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, 2 * len(name) + 4)
    book.save(path)
