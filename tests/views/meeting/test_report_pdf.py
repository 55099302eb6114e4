"""The weekly report's PDF: A4, its text (read back with pypdf) holds the figures and the Chinese,
and text from the database is shown as text."""

from __future__ import annotations

import unicodedata
from datetime import date

from pypdf import PdfReader

from commandroom.models import measures
from commandroom.models.agenda import AgendaKind
from commandroom.views.meeting import report_pdf
from tests.unit.test_agenda import WEEK, week, world  # noqa: F401
from tests.unit.test_weekly_report import _report

A4 = (595, 842)  # points


def test_the_pdf_reads_as_the_weekly_report(qapp, week, tmp_path):  # noqa: F811
    w, made = week
    w.leader.decide(made["upset"].id, week=WEEK, kind=AgendaKind.DISSATISFIED,
                    what="<b>回访</b>群众并书面说明", who="社区", due=date(2026, 11, 27))
    report = _report(w)
    path = tmp_path / "w47.pdf"
    report_pdf.write(report, path)
    pdf = PdfReader(path)
    width, height = (round(float(v)) for v in pdf.pages[0].mediabox.upper_right)
    assert (width, height) == A4
    # NFKC: Qt maps a few ideographs of Noto CJK back to their Kangxi radical twins (⽉ for 月) in
    # the PDF's text layer; search in PDF readers folds them the same way.
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pdf.pages))
    text = "".join(text.split())
    assert "姚家街道综合信息指挥室例会周报" in text and unicodedata.normalize("NFKC", "2026年第47周（2026年11月16日—11月22日）") in text
    assert f"受理{report.total.received}{report.previous.received}" in text
    assert measures.percent(report.total.completion_rate) in text
    for item in report.agenda:
        assert item.code in text
    assert "<b>回访</b>群众并书面说明" in text  # the decision's words, tags and all, as text
    assert not list(tmp_path.glob(".*"))  # no temporary file left beside it
