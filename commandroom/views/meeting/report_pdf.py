"""The weekly report as an A4 PDF, laid out like a street's official weekly report (周报).

Qt writes it: ``QTextDocument`` lays out the text and tables, ``QPdfWriter`` embeds the subset of
the CJK font it uses (so the file reads the same on a machine without Chinese fonts), and the
charts are pyqtgraph plots rendered to images at print resolution. Every text from the database
is escaped before it enters the HTML. Needs a QApplication (offscreen is fine).
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from commandroom.models import measure_table as measures
from commandroom.models.files import written_whole
from commandroom.models.enums import AgendaKind
from commandroom.models.measure_table import MeasureRow
from commandroom.views.meeting.bar_chart import draw_bars

# Latin letters and digits from DejaVu, Chinese from Noto CJK: with Noto CJK's own Latin glyphs,
# the digits of a code such as YJ20261116-0006 lose their Unicode in the PDF (a reader could not
# search or copy them).
if TYPE_CHECKING:
    from commandroom.models.weekly import WeeklyReport

FONTS = ("DejaVu Sans", "Noto Sans CJK SC")
CHART_SIZE = (1000, 360)  # pixels, the page's full width at the writer's 150 dpi
CHART_UNITS = 10  # the busiest units in the completion chart
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
STYLE = """
body { font-family: %s; font-size: 10pt; }
h1 { font-size: 20pt; text-align: center; color: #b00000; margin-bottom: 2pt; }
p.sub { text-align: center; color: #333; }
h2 { font-size: 13pt; margin-top: 14pt; border-bottom: 1px solid #b00000; }
table { border-collapse: collapse; }
th { background: #f0e6e6; font-weight: bold; padding: 3pt; }
td { padding: 3pt; }
td.n { text-align: right; }
""" % ", ".join(f"'{f}'" for f in FONTS)


def write(report: WeeklyReport, path: Path) -> None:
    """Lay the report out and write it to ``path`` atomically."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(list(FONTS))
    font.setPointSize(10)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    for name, image in _charts(report).items():
        document.addResource(QTextDocument.ImageResource, QUrl(f"chart://{name}"), image)
    document.setHtml(_html(report))
    with written_whole(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(f"{report.street}例会周报 {report.week}")
        writer.setCreator("commandroom")
        writer.setResolution(150)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                         QMarginsF(18, 16, 18, 16), QPageLayout.Millimeter))
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(page.width(), page.height()))
        document.print_(writer)
        del writer  # closes the file


# -- the text --------------------------------------------------------------------------------
def _e(value) -> str:
    return html.escape(str(value))


NUMBER = re.compile(r"[-+\d.,:%]+|[↑↓→—-]")


def _table(header: list[str], body: list[list[str]]) -> str:
    """Figures right-aligned, words left-aligned."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    rows = "".join("<tr>" + "".join(f"<td class='{'n' if NUMBER.fullmatch(str(c)) else ''}'>{_e(c)}</td>"
                                     for c in row) + "</tr>" for row in body)
    return f"<table border='1' cellspacing='0' width='100%'><tr>{head}</tr>{rows}</table>"


def _arrow(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "—"
    return "↑" if now > before else "↓" if now < before else "→"


def _summary(total: MeasureRow, previous: MeasureRow) -> str:
    rates = (("办结率", "completion_rate"), ("按期办结率", "on_time_rate"), ("满意率", "satisfaction_rate"),
             ("流转率", "transfer_rate"), ("返工率", "rework_rate"), ("延期率", "extension_rate"))
    counts = (("受理", "received"), ("立案", "registered"), ("派遣", "dispatched"), ("办结", "closed"),
              ("当场答复", "answered"))
    body = [[name, str(getattr(total, attr)), str(getattr(previous, attr)),
             _arrow(getattr(total, attr), getattr(previous, attr))] for name, attr in counts]
    body += [[name, measures.percent(getattr(total, attr)), measures.percent(getattr(previous, attr)),
              _arrow(getattr(total, attr), getattr(previous, attr))] for name, attr in rates]
    return _table(["指标", "本周", "上周", "变化"], body)


def _agenda(report: WeeklyReport) -> str:
    if not report.agenda:
        return "<p>本周无需上会研究的事项。</p>"
    body = []
    for item in report.agenda:
        decided = report.decisions_on(item)
        decision = "；".join(f"{d.what}（{d.who}，{d.due:%m月%d日}前）" for d in decided) or "—"
        body.append([item.kind.label, item.code, item.title,
                     "、".join(m.strftime("%d日%H:%M") for m in item.moments[:4]), decision])
    return _table(["议题", "事件编号", "标题", "关键时刻", "决定事项"], body)


def _followed(report: WeeklyReport) -> str:
    if not report.followed:
        return "<p>上周例会无决定事项。</p>"
    body = [[AgendaKind(f.kind).label, f.code, f.what, f.who, f"{f.due:%m月%d日}", "已落实" if f.kept else "未落实"]
            for f in report.followed]
    kept = sum(f.kept for f in report.followed)
    return (f"<p>上周例会决定 {len(report.followed)} 项，已落实 {kept} 项。</p>"
            + _table(["议题", "事件编号", "决定事项", "责任单位/人", "时限", "落实情况"], body))


def _html(report: WeeklyReport) -> str:
    period = f"{report.start:%Y年%m月%d日}—{report.end - timedelta(days=1):%m月%d日}"
    year, number = report.week.split("-W")
    movers = "；".join(f"{_e(m.unit)} 办结率 {measures.percent(m.before)} → {measures.percent(m.after)}"
                       for m in report.movers) or "各单位办结率与上周持平。"
    parts = [
        f"<h1>{_e(report.street)}综合信息指挥室例会周报</h1>",
        f"<p class='sub'>{_e(report.district)}　{year}年第{int(number)}周（{period}）　"
        f"生成于 {report.made_at:%Y-%m-%d %H:%M}</p>",
        "<h2>一、本周概况</h2>", _summary(report.total, report.previous),
        "<h2>二、每日受理</h2>", f"<p><img src='chart://daily' width='{CHART_SIZE[0]}'></p>",
        "<h2>三、分单位考核</h2>", f"<p>变化最大的单位：{movers}</p>",
        f"<p><img src='chart://units' width='{CHART_SIZE[0]}'></p>",
        _table(*measures.table_cells(report.groups["unit"][0], "unit")),
        "<h2>四、本周议题及决定</h2>", _agenda(report),
        "<h2>五、上周决定落实情况</h2>", _followed(report),
        "<h2>附一、分类别考核</h2>", _table(*measures.table_cells(report.groups["category"][0], "category")),
        "<h2>附二、分网格考核</h2>", _table(*measures.table_cells(report.groups["grid"][0], "grid")),
    ]
    return "<html><body>" + "".join(parts) + "</body></html>"


# -- the charts ------------------------------------------------------------------------------
def _render(plot: pg.PlotWidget) -> QImage:
    """The plot as an image of ``CHART_SIZE``. The plot item itself is given that size (a widget
    never shown keeps its default one) and exported at it by pyqtgraph's exporter."""
    plot.plotItem.resize(*CHART_SIZE)
    exporter = ImageExporter(plot.plotItem)
    exporter.parameters()["width"] = CHART_SIZE[0]  # the height follows the item's shape
    return exporter.export(toBytes=True)


def _bar_plot(labels: list[str], series: list[tuple[list[float], str, str]], title: str) -> QImage:
    plot = pg.PlotWidget(background="w")
    draw_bars(plot, labels, series, title)
    return _render(plot)


def _charts(report: WeeklyReport) -> dict[str, QImage]:
    units, before = report.groups["unit"]
    previous = {row.key: row.completion_rate for row in before}
    shown = sorted((row for row in units if row.key is not None), key=lambda row: -row.received)[:CHART_UNITS]
    return {
        "daily": _bar_plot(list(WEEKDAYS), [([float(n) for n in report.daily], "#c0392b", "受理量")],
                           "本周每日受理量"),
        "units": _bar_plot([row.label[:7] for row in shown], [
            ([100 * (previous.get(row.key) or 0) for row in shown], "#95a5a6", "上周"),
            ([100 * (row.completion_rate or 0) for row in shown], "#c0392b", "本周"),
        ], f"受理量前 {CHART_UNITS} 位单位的办结率（%）"),
    }
