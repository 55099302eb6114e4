"""The weekly report as an XLSX workbook: one sheet per table, for a street that keeps its own
spreadsheets, written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from commandroom.models import measures
from commandroom.models.files import written_whole
from commandroom.models.agenda import AgendaKind
from commandroom.models.weekly import WeeklyReport

GROUP_SHEETS = {"unit": "按单位", "grid": "按网格", "category": "按类别"}
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def sheets(report: WeeklyReport) -> dict[str, list[list]]:
    """Every sheet's rows (the first is the header), as written: tests read them back."""
    header, body = measures.table_cells([report.total, report.previous], None)
    body[0][0], body[1][0] = f"本周 {report.week}", f"上周 {report.previous_week}"
    out = {"概况": [header, *body]}
    for by, name in GROUP_SHEETS.items():
        this_week, _ = report.groups[by]
        head, rows = measures.table_cells(this_week, by)
        out[name] = [head, *rows]
    out["变化最大的单位"] = [["单位", "上周办结率", "本周办结率", "变化"]] + [
        [m.unit, measures.percent(m.before), measures.percent(m.after), f"{m.change * 100:+.2f}"] for m in report.movers]
    out["每日受理"] = [list(WEEKDAYS), report.daily]
    agenda_rows = [["议题", "事件编号", "标题", "关键时刻", "决定事项", "责任单位/人", "完成时限"]]
    for item in report.agenda:
        decided = report.decisions_on(item) or [None]
        for d in decided:
            agenda_rows.append([item.kind.label, item.code, item.title,
                                "、".join(m.strftime("%m-%d %H:%M") for m in item.moments),
                                d.what if d else "", d.who if d else "", d.due.isoformat() if d else ""])
    out["本周议题"] = agenda_rows
    out["上周决定落实"] = [["议题", "事件编号", "决定事项", "责任单位/人", "完成时限", "落实情况"]] + [
        [AgendaKind(f.kind).label, f.code, f.what, f.who, f.due.isoformat(), "已落实" if f.kept else "未落实"]
        for f in report.followed]
    return out


def write(report: WeeklyReport, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets(report).items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        for i, column in enumerate(zip(*rows) if rows else (), start=1):
            width = max(measures.display_width(str(v)) for v in column)
            sheet.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
        sheet.freeze_panes = "A2"
    with written_whole(path) as temporary:
        book.save(temporary)

