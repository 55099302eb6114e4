"""The board's folded read model equals the board read from the tables: random command
sequences (refused and stale ones included, alerts listed and cleared, consoles reopened midway),
and after every step the folded cards — the touched ones the pump hands over, and every card the
fold holds — equal ``load_board``'s field by field (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from commandroom.models.actor import Actor
from commandroom.models.board import load_board
from commandroom.models.board_fold import BoardFold
from commandroom.models.board_view import load_board_changes
from commandroom.models.changefeed import latest_id, read_since
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Role, Source
from commandroom.models.lifecycle import RULES
from commandroom.models.errors import CommandroomError
from commandroom.models.events import Alert, Event
from tests.unit.test_replay_property import RoomMachine, fresh_databases  # noqa: F401  (a fixture)

EXAMPLES = {"sqlite": 60, "postgresql": 30}
SYSTEM = Actor("scheduler", Role.SYSTEM, "scheduler")


def _no_ref(_result) -> None:
    """A command that names no new event (the machine collects the events ``_run`` returns)."""
    return None


class BoardMachine(RoomMachine):
    """The replay property's machine, with a board fold fed after every step and alerts."""

    def __init__(self):
        super().__init__()
        self.fold = BoardFold()
        self.system = Commands(self.db, SYSTEM, self.clock)
        self.admin = Commands(self.db, Actor("admin", Role.ADMIN, "admin"), self.clock)
        self.opened = 0
        self.checked = 0
        self.compared = 0  # cards of the whole board compared after a fold
        self.reopen()

    def reopen(self):
        """A console opening now: the fold starts from the tables, the feed after the last row."""
        with self.db.session() as s:
            self.last = latest_id(s)
            self.opening = self.fold.load(s, self.clock.now(), self.street.street_id)
        self.opened += 1

    @rule(data=st.data())
    def console_reopens(self, data):
        if data.draw(st.integers(0, 3)):  # now and then: most steps are to be folded
            return
        self.reopen()
        with self.db.session() as s:
            assert list(self.opening.cards) == load_board(s, street_id=self.street.street_id)

    @rule(unit=st.sampled_from(["综合执法中队", "环卫所"]), assist=st.booleans())
    def onto_the_board(self, unit, assist):
        """A report registered and dispatched at once: every sequence has cards in the lanes
        for the other rules to move on (the random draws alone often leave the board empty)."""
        officer, refs = self.cmds["officer"], []

        def step(command):
            refs.append(command())
            return refs[-1]

        if not self._run(lambda: step(lambda: officer.receive(source=Source.HOTLINE_12345, title="占道经营",
                                                                lat=self.street.inside[0], lon=self.street.inside[1]))):
            return
        if self._run(lambda: step(lambda: officer.register(refs[-1].id, refs[-1].version, category_code="CG01"))):
            assists = [self.street.units["区住建局"]] if assist else []
            self._run(lambda: step(lambda: officer.dispatch(refs[-1].id, refs[-1].version,
                                                            lead_unit_id=self.street.units[unit],
                                                            assist_unit_ids=assists)))

    @rule(data=st.data())
    def list_event(self, data):
        """挂牌督办 of an event the lifecycle lets a leader list (on the board: its card's level)."""
        with self.db.session() as s:
            listable = s.scalars(select(Event.id).where(Event.status.in_(sorted(RULES[Action.RAISE_ALERT].sources)))
                                 .order_by(Event.id)).all()
        if listable:
            event_id = data.draw(st.sampled_from(listable))
            self._run(lambda: _no_ref(self.cmds["leader"].list_event(event_id, reason="反复投诉")), "")

    @rule(data=st.data())
    def clear_alert(self, data):
        with self.db.session() as s:
            open_ids = s.scalars(select(Alert.id).where(Alert.cleared_at.is_(None))).all()
        if open_ids:
            alert_id = data.draw(st.sampled_from(sorted(open_ids)))
            self._run(lambda: _no_ref(self.system.clear_alert(alert_id)), "")

    @rule(unit=st.sampled_from(["综合执法中队", "环卫所"]), phone=st.sampled_from(["0531-1", "0531-2"]))
    def unit_phone(self, unit, phone):
        """An administrator's change to a unit (an ``org_change`` row): the unit cards read again."""
        self._run(lambda: _no_ref(self.admin.set_unit_phone(self.street.units[unit], phone)), "")

    @invariant()
    def folded_cards_equal_the_tables(self):
        with self.db.session() as s:
            entries = [e for e in read_since(s, self.last, 10**6) if e.street_id == self.street.street_id]
            whole = load_board(s, street_id=self.street.street_id)
            if entries:
                self.last = entries[-1].id
                now = self.clock.now()
                folded = self.fold.fold(s, entries, now, self.street.street_id)
                fresh = load_board_changes(s, list(folded.touched), now, self.street.street_id)
                assert folded == fresh  # the touched cards and the unit cards, as the pump used to read them
                self.checked += len(folded.cards)
                self.compared += len(whole)
        assert self.fold.cards(list(self.fold.state.events)) == whole
        kept = self.fold.state.rows
        assert all(not rows for table, rows in kept.items() if table not in ("assignment", "alert"))


@pytest.mark.parametrize("fresh_databases", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_folded_board_equals_the_board_read_from_the_tables(fresh_databases):
    backend, street, factory = fresh_databases
    seen = {"cards": 0, "board": 0, "alerts": 0, "opened": 0}

    class Machine(BoardMachine):
        def __init__(self):
            self.db, self.street = factory(), street
            super().__init__()

        def teardown(self):  # the replay's own check is its test's business: here only the board
            seen["cards"] += self.checked
            seen["board"] += self.compared
            seen["opened"] += self.opened
            seen["done"] = seen.get("done", 0) + self.done
            with self.db.session() as s:
                seen["alerts"] += len(s.scalars(select(Alert.id)).all())

    run_state_machine_as_test(Machine, settings=settings(
        max_examples=EXAMPLES[backend], stateful_step_count=40, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
    print(f"\n{backend}: {seen['cards']} touched cards and {seen['board']} board cards compared after folds, "
          f"{seen['alerts']} alerts, {seen.get('done')} commands, "
          f"{seen['opened']} openings")
    assert seen["cards"] > 50 and seen["board"] > 100 and seen["alerts"] > 2 and seen["opened"] > 1.2 * EXAMPLES[backend]


def test_a_refused_command_is_not_folded_and_a_finished_event_leaves(tmp_path):
    """Direct: a closed event's rows are dropped; its later rows (evaluation) are skipped."""
    from datetime import datetime

    from commandroom.models.clock import FrozenClock
    from commandroom.models.db import Database
    from commandroom.models.enums import Satisfaction
    from tests import street_fixture

    db = Database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    try:
        street = street_fixture.build(db)
        clock = FrozenClock(datetime(2026, 11, 16, 8, 0))
        officer = Commands(db, Actor("zhangwei", Role.DUTY_OFFICER, "c1"), clock)
        leader = Commands(db, Actor("liming", Role.SHIFT_LEADER, "c2"), clock)
        fold = BoardFold()
        with db.session() as s:
            fold.load(s, clock.now(), street.street_id)
        ref = officer.receive(source=Source.GRID_PATROL, title="占道", lat=street.inside[0], lon=street.inside[1])
        steps = [lambda v: officer.register(ref.id, v, category_code="CG01"),
                 lambda v: officer.dispatch(ref.id, v, lead_unit_id=street.units["环卫所"]),
                 lambda v: officer.acknowledge(ref.id, v), lambda v: officer.start(ref.id, v),
                 lambda v: officer.resolve(ref.id, v, note="好了"), lambda v: officer.verify(ref.id, v, note="好"),
                 lambda v: leader.close(ref.id, v), lambda v: officer.evaluate(ref.id, v, satisfaction=Satisfaction.SATISFIED)]
        last, version, lanes = 0, 1, []
        for step in steps:
            version = step(version).version
            with db.session() as s:
                entries = read_since(s, last, 100)
                last = entries[-1].id
                data = fold.fold(s, entries, clock.now(), street.street_id)
            lanes.append(data.cards[0].lane.value if data.cards else None)
            with pytest.raises(CommandroomError):
                officer.start(ref.id, 1)  # stale or not allowed: no log row, nothing folded
        assert lanes == ["to_dispatch", "to_acknowledge", "handling", "handling", "to_verify", "to_close", None, None]
        assert fold.state.events == {} and fold.state.rows["assignment"] == {}
    finally:
        db.dispose()


def test_a_row_the_fold_cannot_place_has_the_rows_read_again(tmp_path, caplog):
    """A payload not as ``change.py`` writes it (here: a new assignment without its columns) is
    logged, and the board is the tables' again, every card named touched (none is left stale)."""
    from datetime import datetime

    from commandroom.models.changefeed import LogEntry
    from commandroom.models.clock import FrozenClock
    from commandroom.models.db import Database
    from tests import street_fixture

    db = Database(f"sqlite:///{tmp_path / 'g.sqlite3'}")
    try:
        street = street_fixture.build(db)
        clock = FrozenClock(datetime(2026, 11, 16, 8, 0))
        officer = Commands(db, Actor("zhangwei", Role.DUTY_OFFICER, "c1"), clock)
        refs = [officer.receive(source=Source.GRID_PATROL, title=f"占道{n}", lat=street.inside[0], lon=street.inside[1])
                for n in range(3)]
        for ref in refs:
            officer.register(ref.id, ref.version, category_code="CG01")
        fold = BoardFold()
        with db.session() as s:
            fold.load(s, clock.now(), street.street_id)
        broken = LogEntry(10**6, clock.now(), "x", "", refs[0].id, Action.ADD_ASSIST,
                          {"rows": [["assignment", 999, {"active": True, "event_id": refs[0].id}]]}, street.street_id)
        with db.session() as s:
            data = fold.fold(s, [broken], clock.now(), street.street_id)
            assert list(data.cards) == load_board(s, street_id=street.street_id)
        assert set(data.touched) == {ref.id for ref in refs}
        assert "could not be folded" in caplog.text
    finally:
        db.dispose()
