"""合并: attach a report to an earlier event it repeats, chosen among the ranked candidates.

Each candidate says why it is offered (same category, same grid, nearby, similar text, recent)
and how strongly, so the officer judges the match instead of trusting a number. The first one
is highlighted when it is a clear match (``CLEAR_MATCH``): Enter attaches to it, ↑/↓ pick
another; a weak best match is not preselected, so Enter never merges a report into an event
that merely shares its category. The command is ``merge``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from commandroom.views.calls.decision_forms import DecisionForm
from commandroom.views.common import timefmt
from commandroom.views.common.labels import label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A candidate scored at least this is offered at one key (Enter); weaker ones must be chosen.
CLEAR_MATCH = 0.5

# The duplicate ranking's reasons (``models/duplicates.Reason``), by value.
REASONS = {
    "same_category": QT_TRANSLATE_NOOP("AttachForm", "同一类别"),
    "same_class": QT_TRANSLATE_NOOP("AttachForm", "同一大类"),
    "same_grid": QT_TRANSLATE_NOOP("AttachForm", "同一网格"),
    "nearby": QT_TRANSLATE_NOOP("AttachForm", "位置相近"),
    "similar_text": QT_TRANSLATE_NOOP("AttachForm", "描述相似"),
    "recent": QT_TRANSLATE_NOOP("AttachForm", "近期上报"),
}


def reason_text(reason) -> str:
    source = REASONS.get(str(reason.value if hasattr(reason, "value") else reason))
    return QCoreApplication.translate("AttachForm", source) if source else str(reason)


class AttachForm(DecisionForm):
    def __init__(self, row, candidates, now, parent=None):
        super().__init__(row, self.tr("合并到已有事件 — {code}").format(code=row.code),
                         self.tr("合并"), parent)
        self.setObjectName("attachForm")
        self.list = QListWidget(self, objectName="candidateList")
        self.list.setMinimumHeight(220)
        for hint in candidates:
            why = "、".join(reason_text(r) for r in hint.reasons) or self.tr("相似度较低")
            where = "" if hint.distance_m is None else self.tr("，相距 {m:.0f} 米").format(m=hint.distance_m)
            when = timefmt.stamp(hint.received_at, now) if hint.received_at else ""
            item = QListWidgetItem(self.tr("{code}　{title}　[{status}]　{when}\n　　匹配 {score:.0%}：{why}{where}").format(
                code=hint.code, title=hint.title, status=label(hint.status), when=when,
                score=hint.score, why=why, where=where))
            item.setData(ID_ROLE, hint.event_id)
            self.list.addItem(item)
        if not self.list.count():
            self.form.addRow(QLabel(self.tr("近七天内没有可合并的相似事件"), self))
        else:
            self.form.addRow(self.list)
            if candidates[0].score >= CLEAR_MATCH:
                self.list.setCurrentRow(0)  # Enter attaches to it
            else:  # nothing to attach to at one key: a wrong merge hides a real case
                self.list.setCurrentRow(-1)
                self.form.addRow(QLabel(self.tr("没有明显重复的事件；确属重复时请选择后合并"), self))
        self.list.itemDoubleClicked.connect(lambda _item: self._try_accept())
        self.list.currentRowChanged.connect(lambda row: self.ok.setEnabled(row >= 0))
        self.ok.setEnabled(self.list.currentRow() >= 0)
        self.list.setFocus()

    def check(self) -> str:
        return "" if self.list.currentItem() is not None else self.tr("请选择要合并到的事件")

    def arguments(self) -> dict:
        return {"into_id": self.list.currentItem().data(ID_ROLE)}
