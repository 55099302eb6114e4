"""The dispatch board dock: a filter bar and a message line, the five lanes of event cards, and
the units panel on the right.

Fed by the feed pump's "board" read model (``load`` once, ``apply`` per change: only the cards
touched move); gives its commands through the console's command runner (``set_runner``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from commandroom.models.enums import Lane
from commandroom.models.clock import Clock
from commandroom.models.enums import Action, Role
from commandroom.models.lifecycle import RULES
from commandroom.views.board.board_cards import BoardCards, CardFilter
from commandroom.views.board.card_delegate import CardDelegate
from commandroom.views.board.card_views import LaneView, UnitsView
from commandroom.views.board.dispatch_flow import DispatchFlow
from commandroom.views.board.unit_actions import UnitActions
from commandroom.views.board.unit_model import UnitModel
from commandroom.views.board.unit_picker import UnitPicker

READ_MODEL = "board"  # the name app.py registers the board's read model under
TICK_MS = 30_000  # countdowns are shown to the minute
AWAIT_CARD_MS = 5_000  # D on an event just registered: how long its card may take to arrive

LANE_TITLES = {
    Lane.TO_DISPATCH: QT_TRANSLATE_NOOP("BoardPanel", "待派遣"),
    Lane.TO_ACKNOWLEDGE: QT_TRANSLATE_NOOP("BoardPanel", "待签收"),
    Lane.HANDLING: QT_TRANSLATE_NOOP("BoardPanel", "处置中"),
    Lane.TO_VERIFY: QT_TRANSLATE_NOOP("BoardPanel", "待核查"),
    Lane.TO_CLOSE: QT_TRANSLATE_NOOP("BoardPanel", "待结案"),
}


class BoardPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_selection_changed = Signal(list)
    """The event ids selected on the board (for the other docks)."""

    sig_populated = Signal(int)
    """The opening load is shown: how many cards."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("boardPanel")
        self.clock = clock or Clock()
        self.cards = BoardCards(self)
        self.units = UnitModel(self)
        self.flow = DispatchFlow(self.cards, self.units, self)
        self.unit_actions = UnitActions(self.units, self)
        self._grid = 0  # the map's grid filter
        self._build()
        self.flow.sig_message.connect(self.show_message)
        self.unit_actions.sig_message.connect(self.show_message)
        self.cards.sig_counts_changed.connect(self._update_counts)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.cards.tick)
        self._timer.start(TICK_MS)
        self._awaited: list[int] = []  # events to dispatch by keyboard once their cards arrive
        self._await_timer = QTimer(self, singleShot=True, interval=AWAIT_CARD_MS)
        self._await_timer.timeout.connect(self._gave_up_waiting)

    # --- Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_text = QLineEdit(self, objectName="boardFilter")
        self.filter_text.setPlaceholderText(self.tr("筛选：编号、标题、地址、类别、网格、单位"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_category = QComboBox(self, objectName="boardCategory")
        self.filter_community = QComboBox(self, objectName="boardCommunity")
        for combo in (self.filter_category, self.filter_community):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter_changed)
        self.filter_text.textChanged.connect(self._filter_changed)
        self.message = QLabel(self, objectName="boardMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.message_close = QToolButton(self, objectName="boardMessageClose", text="×")
        self.message_close.setAutoRaise(True)
        self.message_close.clicked.connect(self.clear_message)
        self.message_close.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.filter_text, 3)
        bar.addWidget(self.filter_category)
        bar.addWidget(self.filter_community)
        bar.addWidget(self.message, 5)
        bar.addWidget(self.message_close)

        self.lane_views: dict[Lane, LaneView] = {}
        self.lane_titles: dict[Lane, QLabel] = {}
        delegate = CardDelegate(self.clock.now, self)
        lanes = QWidget(self)
        row = QHBoxLayout(lanes)
        row.setContentsMargins(4, 0, 4, 4)
        row.setSpacing(6)
        for lane in Lane:
            column = QVBoxLayout()
            column.setSpacing(2)
            title = QLabel(self, objectName=f"laneTitle_{lane.value}")
            title.setProperty("laneTitle", True)
            view = LaneView(lane, self)
            view.setModel(self.cards.lanes[lane])
            view.setItemDelegate(delegate)
            view.sig_dropped.connect(self.flow.drop_on_lane)
            view.sig_dispatch_key.connect(self.dispatch_by_keyboard)
            view.sig_selection_made.connect(self._lane_clicked)
            view.selectionModel().selectionChanged.connect(self._selection_changed)
            column.addWidget(title)
            column.addWidget(view)
            row.addLayout(column, 1)
            self.lane_views[lane] = view
            self.lane_titles[lane] = title

        units_box = self.units_box = QFrame(self, objectName="unitsPanel")
        units_layout = QVBoxLayout(units_box)
        units_layout.setContentsMargins(4, 0, 4, 4)
        units_layout.setSpacing(2)
        units_title = self.units_title = QLabel(self.tr("处置单位（拖入派遣 · Ctrl+拖入增加协办 · 右键改状态）"),
                                                units_box)
        units_title.setProperty("laneTitle", True)
        self.units_view = UnitsView(self.flow.verdict, units_box)
        self.units_view.setModel(self.units)
        self.units_view.sig_dropped.connect(self.flow.drop_on_unit)
        self.units_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.units_view.customContextMenuRequested.connect(
            lambda pos: self.unit_actions.popup(self.units_view.unit_at(pos), self.units_view.viewport().mapToGlobal(pos)))
        units_layout.addWidget(units_title)
        units_layout.addWidget(self.units_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="boardSplitter")
        self.splitter.addWidget(lanes)
        self.splitter.addWidget(units_box)
        self.splitter.setStretchFactor(0, 1)  # a wider board widens the lanes; the units keep theirs
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        # Never narrower than two columns of unit cards: twice the drop targets in sight.
        units_box.setMinimumWidth(self.units_width())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._fill_filters([])
        self._update_counts()

    def units_width(self) -> int:
        """The units panel's width for two columns of unit cards (targets side by side for a
        drag: twice as many in sight as one column), with its scroll bar and margins."""
        view = self.units_view
        margins = self.units_box.layout().contentsMargins()
        # + a little slack: an icon-mode list wraps a cell that would touch its right edge.
        return (2 * view.gridSize().width() + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
                + margins.left() + margins.right() + 2 * view.spacing() + 24)

    # --- Services ----------------------------------------------------------------------------
    def set_runner(self, runner) -> None:
        """The console's command runner: every command of the board goes through it."""
        self.flow.set_runner(runner)
        self.unit_actions.runner = runner

    def set_role(self, role: Role) -> None:
        """The board shows only what the role may do: a role that may not dispatch (the wall,
        the administrator) sees the cards and the units, with nothing to drag."""
        self.flow.role = role
        dispatches = role in RULES[Action.DISPATCH].roles
        for view in self.lane_views.values():
            view.setDragEnabled(dispatches)
        self.units_title.setText(self.tr("处置单位（拖入派遣 · Ctrl+拖入增加协办 · 右键改状态）") if dispatches
                                 else self.tr("处置单位"))

    # --- Fed by the feed pump ------------------------------------------------------------------
    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name == READ_MODEL:
            self.load(data)

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _touched: list, data) -> None:
        if name == READ_MODEL:
            self.apply(data)

    def load(self, data: BoardData) -> None:
        self.units.load(data.units)
        self.cards.load(data.cards)
        self._fill_filters(data.cards)
        self.sig_populated.emit(len(data.cards))

    def apply(self, data: BoardData) -> None:
        self.units.apply(data.units)
        self.cards.apply(data.cards, data.gone)
        self._add_filter_choices(data.cards)
        self.flow.board_changed(list(data.touched))
        if self._awaited and all(i in self.cards.cards for i in self._awaited):
            self._dispatch_awaited()

    # --- Selection -------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [i for lane in Lane for i in self.lane_views[lane].selected_ids()]

    def select_events(self, ids: list[int]) -> None:
        """Select these events (those on the board) and bring the first into view."""
        wanted, first = set(ids), None
        for lane, view in self.lane_views.items():
            model, selection = self.cards.lanes[lane], view.selectionModel()
            selection.blockSignals(True)
            selection.clearSelection()
            for event_id in wanted:
                row = model.row_of(event_id)
                if row is not None:
                    index = model.index(row)
                    selection.select(index, selection.SelectionFlag.Select)
                    if first is None:
                        first = (view, index)
            selection.blockSignals(False)
            view.viewport().update()
        if first is not None:
            view, index = first
            view.selectionModel().setCurrentIndex(index, view.selectionModel().SelectionFlag.NoUpdate)
            view.scrollTo(index)
        self.sig_selection_changed.emit(self.selected_ids())

    def _lane_clicked(self, view: LaneView, keep: bool) -> None:
        if keep:
            return
        for other in self.lane_views.values():  # a plain click selects in one lane only
            if other is not view:
                other.clearSelection()

    def _selection_changed(self, *_args) -> None:
        self.sig_selection_changed.emit(self.selected_ids())

    # --- Keyboard dispatch ---------------------------------------------------------------------
    def dispatch_when_shown(self, ids: list[int]) -> None:
        """The keyboard dispatch of these events, now if their cards are on the board, else as
        soon as the feed brings them (an event registered a moment ago may not be here yet)."""
        self._awaited = list(ids)
        if all(i in self.cards.cards for i in ids):
            self._dispatch_awaited()
        else:
            self._await_timer.start()

    def _dispatch_awaited(self) -> None:
        ids, self._awaited = self._awaited, []
        self._await_timer.stop()
        self.select_events(ids)
        self.dispatch_by_keyboard()

    def _gave_up_waiting(self) -> None:
        if self._awaited:
            self._awaited = []
            self.show_message(self.tr("新立案的事件尚未出现在派遣板上，请稍后选中它再按 D"), True)

    @Slot()
    def dispatch_by_keyboard(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.show_message(self.tr("先选中要派遣的事件，再按 D"), True)
            return
        codes = [self.cards.cards[i].code for i in ids if i in self.cards.cards]
        what = self.tr("派遣 {codes}").format(codes="、".join(codes[:3]) + ("…" if len(codes) > 3 else ""))
        picker = UnitPicker(self.units.units(), what, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.sig_picked.connect(lambda unit_id, assist: self.flow.drop_on_unit(ids, unit_id, assist))
        picker.open()
        picker.query.setFocus()

    # --- Filter ------------------------------------------------------------------------------------
    def _fill_filters(self, cards) -> None:
        for combo, everything in ((self.filter_category, self.tr("全部类别")),
                                  (self.filter_community, self.tr("全部社区"))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            combo.blockSignals(False)
        self._choices: set = set()  # what the two boxes already offer
        self._add_filter_choices(cards)

    def _add_filter_choices(self, cards) -> None:
        for card in cards:
            if card.category_code and card.category_code not in self._choices:
                self._choices.add(card.category_code)
                self.filter_category.addItem(card.category_name, card.category_code)
            if card.community_name and ("community", card.community_name) not in self._choices:
                self._choices.add(("community", card.community_name))
                self.filter_community.addItem(card.community_name, card.community_name)

    def set_grid(self, grid_id: int, name: str = "") -> None:
        """Show only the cards of one L4 grid (the map's grid click); 0 shows every grid again."""
        self._grid = grid_id
        self._filter_changed()
        if grid_id:
            self.show_message(self.tr("仅显示网格「{name}」的事件（在地图上再次点击该网格取消）").format(name=name), False)
        else:
            self.clear_message()

    def _filter_changed(self, *_args) -> None:
        for view in self.lane_views.values():
            view.warm_later()
        self.cards.set_filter(CardFilter(self.filter_text.text(), self.filter_category.currentData() or "",
                                         self.filter_community.currentData() or "", self._grid))

    def _update_counts(self) -> None:
        for lane, (shown, total) in self.cards.counts().items():
            name = self.tr(LANE_TITLES[lane])
            text = f"{name}  {total}" if shown == total else f"{name}  {shown}/{total}"
            if self.lane_titles[lane].text() != text:  # a new text lays the header out again
                self.lane_titles[lane].setText(text)

    # --- Messages ------------------------------------------------------------------------------------
    @Slot(str, bool)
    def show_message(self, text: str, refusal: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("refusal", refusal)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
        self.message_close.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()
        self.message_close.hide()
