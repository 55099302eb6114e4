"""The attach form offers a clear duplicate at one key, never a weak one."""

from __future__ import annotations

from commandroom.models.enums import Status
from commandroom.services.call_desk import DuplicateHint
from commandroom.views.calls.attach_form import AttachForm
from tests.views.calls.test_queue_model import NOW, queue_row


def hint(score: float) -> DuplicateHint:
    return DuplicateHint(7, "YJ20261116-0007", "燕翔路占道经营", Status.DISPATCHED, score,
                         ("same_category", "nearby"), 120.0, NOW)


def test_a_clear_match_is_one_key_away(qtbot):
    form = AttachForm(queue_row(1), [hint(0.72)], NOW)
    qtbot.addWidget(form)
    assert form.list.currentRow() == 0 and form.ok.isEnabled()
    assert "匹配 72%：同一类别、位置相近，相距 120 米" in form.list.item(0).text()
    assert form.arguments() == {"into_id": 7}


def test_a_weak_match_must_be_chosen(qtbot):
    form = AttachForm(queue_row(1), [hint(0.31)], NOW)
    qtbot.addWidget(form)
    assert form.list.currentRow() == -1 and not form.ok.isEnabled()
    form.list.setCurrentRow(0)
    assert form.ok.isEnabled()
