"""The weekly report's data and its XLSX, on the hand-made week of test_agenda."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from commandroom.cli import main
from commandroom.models import report_xlsx, weekly
from commandroom.models.agenda import AgendaKind

from tests.unit.test_agenda import WEEK, week, world  # noqa: F401

NOW = datetime(2026, 11, 23, 8, 0)


def _report(w):
    with w.db.session() as s:
        return weekly.build(s, w.street.street_id, WEEK, NOW)


def test_the_report_holds_the_week_and_the_one_before(week):  # noqa: F811
    w, made = week
    w.leader.decide(made["late"].id, week=WEEK, kind=AgendaKind.OVERDUE_CLOSED, what="约谈主办单位",
                    who="综合执法中队", due=date(2026, 11, 27))
    report = _report(w)
    assert (report.week, report.street) == (WEEK, "姚家街道")
    # Received in the week: every event the fixture made on 16–18 November (the spare one too).
    assert report.total.received == sum(report.daily) and report.daily[0] > 0 and report.daily[3:] == [0] * 4
    assert report.previous.received == 1  # the Friday rework case
    assert [d.what for d in report.decisions_on(report.agenda[0])] == ["约谈主办单位"]
    assert report.previous_week == "2026-W46"


def test_the_workbook_reads_back_as_written(week, tmp_path):  # noqa: F811
    w, made = week
    report = _report(w)
    path = tmp_path / "周报.xlsx"
    report_xlsx.write(report, path)
    book = load_workbook(path)
    expected = report_xlsx.sheets(report)
    assert book.sheetnames == list(expected)
    for name, rows in expected.items():
        read = [[cell for cell in row] for row in book[name].iter_rows(values_only=True)]
        assert read == [[None if v == "" else v for v in row] + [None] * (len(read[0]) - len(row)) for row in rows]
    agenda = book["本周议题"]
    assert [row[0] for row in agenda.iter_rows(min_row=2, values_only=True)] == [
        "超期办结", "多次流转", "返工", "不满意", "街呼区应", "反复出现"]


def test_the_command_line_writes_the_report_and_refuses_bad_input(week, tmp_path, capsys):  # noqa: F811
    w, _ = week
    url = str(w.db.engine.url)
    if not url.startswith("sqlite"):
        pytest.skip("the command line reads the file database here")
    out = tmp_path / "w47.xlsx"
    assert main(["meeting", "--db", url, "--week", "2026-w47", "--report", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "概况"
    capsys.readouterr()
    for args, words in ((["--week", "2026-47", "--report", str(out)], "2026-W47"),
                        (["--report", str(tmp_path / "w.txt")], ".pdf")):
        with pytest.raises(SystemExit) as refused:
            main(["meeting", "--db", url, *args])
        assert refused.value.code == 2 and words in capsys.readouterr().err
    assert not (tmp_path / "w.txt").exists()
