"""Benchmark: one wall_snapshot() on a one-year demo street, beside the same figures computed
naively in the same run (the street's events, contacts and alerts loaded into Python).

    .venv/bin/python bench/bench_wall_figures.py [--db FILE] [--days 365] [--runs 20] [--explain]

The wall recomputes its snapshot every few seconds, so one must cost well under a second on
SQLite. The naive baseline loads every event of the street (a year), its contacts of the last
five weeks, the uncleared alerts, today's and the last shift's log rows and the ratings' log rows,
and counts in Python; it must
give the very same snapshot (checked, the means to 1e-6), so the two are timed on equal work.
Wall time and CPU time (``time.process_time``) are both printed: on a loaded machine the CPU
time is the steadier figure. ``--explain`` prints SQLite's plan of every query of one snapshot.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event as sa_event
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandroom.demo import generate, has_street  # noqa: E402
from commandroom.models.alert_levels import RANK  # noqa: E402
from commandroom.models.catalog import Category  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.enums import DONE_STATUSES, OPEN_STATUSES, Action, AlertLevel, Role, Satisfaction, Status  # noqa: E402
from commandroom.models.events import Alert, Contact, Event  # noqa: E402
from commandroom.models.lifecycle import HELD  # noqa: E402
from commandroom.models.log import EventLog  # noqa: E402
from commandroom.models.measure_table import MeasureRow  # noqa: E402
from commandroom.models.org import Grid, Street, Unit, User  # noqa: E402
from commandroom.models.privacy import mask_name, public_address, public_text  # noqa: E402
from commandroom.models.wall_figures import DAYS30, USUAL_WEEKS, wall_snapshot  # noqa: E402
from commandroom.models.wall_lists import OVERDUE_SHOWN, TICKER_SHOWN  # noqa: E402
from commandroom.models.wall_snapshot import (  # noqa: E402
    PERIODS, DailyRates, HourlyReports, PeriodFigures, TodayCounts, UnitRank, WallEvent, WallSnapshot)

END = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 15, 30)
SHIFT = timedelta(hours=12)


# ---- the baseline: the same snapshot from rows loaded into Python -------------------------------
def _measure(events: list, now: datetime | None, as_of: datetime | None = None,
             rated_at: dict | None = None) -> MeasureRow:
    """measures.py's counting rules, in Python; ``as_of``: as they stood then (``rated_at``:
    event id → time of its rating)."""
    def by(moment: datetime | None) -> bool:
        return moment is not None and (as_of is None or moment < as_of)

    counted = [e for e in events if e.status != Status.MERGED]
    registered = [e for e in counted if by(e.registered_at) and e.status != Status.REJECTED]
    dispatched = [e for e in counted if by(e.first_dispatched_at)]
    closed = [e for e in counted if e.status in DONE_STATUSES and (as_of is None or by(e.closed_at))]
    rated = [e for e in counted if e.satisfaction is not None and (as_of is None or by(rated_at.get(e.id)))]

    def mean(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else None

    response = [e.response_seconds for e in counted if as_of is None or by(e.acknowledged_at)]
    handling = [e.handling_seconds for e in counted if as_of is None or by(e.resolved_at)]
    return MeasureRow(
        key=None, label=None, received=len(counted),
        rejected=sum(e.status == Status.REJECTED for e in counted),
        answered=sum(e.status == Status.ANSWERED and (as_of is None or by(e.closed_at)) for e in counted),
        registered=len(registered), dispatched=len(dispatched), closed=len(closed),
        closed_on_time=sum(e.on_time is True for e in closed),
        transferred=sum(e.transfer_count > 0 for e in dispatched),
        reworked=sum(e.rework_count > 0 for e in closed),
        extended=sum(e.extension_count > 0 for e in dispatched),
        evaluated=len(rated),
        satisfied=sum(e.satisfaction in (Satisfaction.SATISFIED, Satisfaction.BASICALLY) for e in rated),
        mean_response_seconds=mean(response), mean_handling_seconds=mean(handling),
        overdue_open=None if now is None else sum(
            e.status in HELD and e.handle_due is not None and e.handle_due < now for e in counted))


def naive_snapshot(session, now: datetime, street_id: int) -> WallSnapshot:
    events = session.scalars(select(Event).where(Event.street_id == street_id)).all()
    today = now.date()
    midnight = datetime.combine(today, datetime.min.time())

    def received(since: datetime, until: datetime) -> list:
        return [e for e in events if since <= e.received_at < until]

    rated_at = {event_id: moment for event_id, moment in session.execute(select(EventLog.event_id, EventLog.at).where(
        EventLog.street_id == street_id, EventLog.action == Action.EVALUATE))}
    periods = []
    for name in PERIODS:
        start = today if name == "today" else today - timedelta(days=today.weekday()) if name == "week" \
            else today - timedelta(days=DAYS30 - 1)
        back = {"today": timedelta(days=1), "week": timedelta(days=7), "days30": timedelta(days=DAYS30)}[name]
        since = datetime.combine(start, datetime.min.time())
        periods.append(PeriodFigures(name, _measure(received(since, midnight + timedelta(days=1)), now),
                                     _measure(received(since - back, now - back), None, now - back, rated_at)))
    logs = session.scalars(select(EventLog).where(EventLog.street_id == street_id,
                                                  EventLog.at >= min(midnight, now - SHIFT))).all()
    done: dict[str, set] = defaultdict(set)
    for row in logs:
        if midnight <= row.at <= now and row.action in (Action.REGISTER, Action.DISPATCH, Action.CLOSE):
            done[row.action].add(row.event_id)
    held = [e for e in events if e.status in HELD]
    counts = TodayCounts(periods[0].current.received, len(done[Action.REGISTER]), len(done[Action.DISPATCH]),
                         len(done[Action.CLOSE]), len(held),
                         sum(e.handle_due is not None and e.handle_due < now for e in held))
    days = [today - timedelta(weeks=k) for k in range(USUAL_WEEKS + 1)]
    contacts = session.scalars(select(Contact).where(
        Contact.street_id == street_id, Contact.received_at >= datetime.combine(days[-1], datetime.min.time()))).all()
    per_hour = Counter((c.received_at.date(), c.received_at.hour) for c in contacts)
    hourly = HourlyReports(tuple(per_hour[today, h] if h <= now.hour else None for h in range(24)),
                           tuple(sum(per_hour[d, h] for d in days[1:]) / USUAL_WEEKS for h in range(24)))
    first = today - timedelta(days=DAYS30)  # the 30 whole days before today
    month = [first + timedelta(days=i) for i in range(DAYS30)]
    by_day = defaultdict(list)
    for e in events:
        if e.received_at.date() >= first:
            by_day[e.received_at.date()].append(e)
    daily_rows = [_measure(by_day[d], None) if by_day[d] else None for d in month]
    daily = DailyRates(tuple(month), tuple(r.completion_rate if r else None for r in daily_rows),
                       tuple(r.satisfaction_rate if r else None for r in daily_rows))
    categories = {c.id: c for c in session.scalars(select(Category))}
    units = {u.id: u.name for u in session.scalars(select(Unit))}
    grids = {g.id: g for g in session.scalars(select(Grid))}
    since30 = datetime.combine(first, datetime.min.time())
    classes = Counter(public_text(categories[e.category_id].class_name) for e in events
                      if e.received_at >= since30 and e.status != Status.MERGED and e.category_id)
    monday = datetime.combine(today - timedelta(days=today.weekday()), datetime.min.time())
    per_unit = defaultdict(list)
    for e in received(monday, midnight + timedelta(days=1)):
        if e.lead_unit_id is not None:
            per_unit[e.lead_unit_id].append(e)
    ranks = [UnitRank(public_text(units[u]), m.closed, m.closed_on_time)
             for u, m in ((u, _measure(es, None)) for u, es in per_unit.items()) if m.closed]
    shown = {AlertLevel.SUPERVISION, AlertLevel.LISTED, AlertLevel.NOTICE}
    by_id = {e.id: e for e in events}
    level, since = {}, {}
    for alert in session.scalars(select(Alert).where(Alert.cleared_at.is_(None))):
        e = by_id.get(alert.event_id)
        if e is None or e.status not in OPEN_STATUSES or alert.level not in shown:
            continue
        moment = alert.due_at or alert.raised_at
        if alert.event_id not in level or RANK[alert.level] > RANK[level[alert.event_id]]:
            level[alert.event_id], since[alert.event_id] = alert.level, moment
        elif alert.level == level[alert.event_id]:
            since[alert.event_id] = min(since[alert.event_id], moment)

    def wall_event(e, moment) -> WallEvent:
        grid = grids.get(e.grid_id)
        parent = grids.get(grid.parent_id) if grid else None
        said = (e.title or e.description).strip().splitlines()
        item = categories[e.category_id].name if e.category_id else None
        lvl = level.get(e.id)
        return WallEvent(e.id, e.code, public_text(item) if item else public_text(said[0] if said else ""),
                         public_address(e.address),
                         public_text("/".join(g.name for g in (parent, grid) if g)),
                         public_text(units.get(e.lead_unit_id, "")), None if lvl is None else lvl.value, moment)

    def listed(levels):
        ids = sorted((i for i in level if level[i] in levels), key=lambda i: (since[i], i))
        return tuple(wall_event(by_id[i], since[i]) for i in ids)

    late = sorted((e for e in held if e.handle_due is not None and e.handle_due < now), key=lambda e: (e.handle_due, e.id))
    newest = sorted(events, key=lambda e: (e.received_at, e.id), reverse=True)[:TICKER_SHOWN]
    users = {u.login: u for u in session.scalars(select(User))}
    team = {}
    for row in sorted(logs, key=lambda r: r.id, reverse=True):
        user = users.get(row.actor)
        if now - SHIFT < row.at <= now and user and user.role in (Role.DUTY_OFFICER, Role.SHIFT_LEADER) and user.role not in team:
            team[user.role] = "" if row.action in (Action.SIGN_OUT, Action.HANDOVER) else mask_name(user.name)
    return WallSnapshot(
        taken_at=now, street=public_text(session.get(Street, street_id).name),
        duty_officer=team.get(Role.DUTY_OFFICER, ""), shift_leader=team.get(Role.SHIFT_LEADER, ""),
        counts=counts, periods=tuple(periods), hourly=hourly, daily=daily,
        by_class=tuple(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        listed=listed({AlertLevel.LISTED, AlertLevel.NOTICE}), supervised=listed({AlertLevel.SUPERVISION}),
        overdue=tuple(wall_event(e, e.handle_due) for e in late[:OVERDUE_SHOWN]),
        units=tuple(sorted(ranks, key=lambda u: (-u.on_time_rate, -u.closed, u.unit))),
        ticker=tuple(wall_event(e, e.received_at) for e in newest))


# ---- the run -------------------------------------------------------------------------------------
def _rounded(snapshot: WallSnapshot) -> WallSnapshot:
    """The snapshot with the means rounded (SQL and Python sum floats in other orders)."""
    def row(r: MeasureRow) -> MeasureRow:
        return dataclasses.replace(r, **{f: None if getattr(r, f) is None else round(getattr(r, f), 6)
                                         for f in ("mean_response_seconds", "mean_handling_seconds")})
    periods = tuple(PeriodFigures(p.period, row(p.current), row(p.previous)) for p in snapshot.periods)
    return dataclasses.replace(snapshot, periods=periods)


def _timed(fn, runs: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return wall, cpu


def _explain(db: Database, street_id: int) -> None:
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))
    engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", capture)
    with db.session() as session:
        wall_snapshot(session, NOW, street_id)
    sa_event.remove(engine, "before_cursor_execute", capture)
    with engine.connect() as conn:
        for statement, parameters in statements:
            print("--", " ".join(statement.split())[:160])
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                print("     ", row[-1])
    print(f"{len(statements)} queries")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="a SQLite file with a demo street (made when missing)")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench_wall.sqlite3"
    db = Database(f"sqlite:///{path}")
    if not has_street(db):
        started = time.perf_counter()
        generate(db, days=args.days, seed=7, end=END)
        db.analyze()
        print(f"generated {args.days} days in {time.perf_counter() - started:.0f} s")
    with db.session() as session:
        street_id = session.scalar(select(Street.id))
        events = session.scalar(select(func.count()).select_from(Event).where(Event.street_id == street_id))
        logs = session.scalar(select(func.count()).select_from(EventLog))
    print(f"{path}: {events:,} events, {logs:,} log rows; now = {NOW:%Y-%m-%d %H:%M}")
    if args.explain:
        _explain(db, street_id)

    with db.session() as session:
        ours = wall_snapshot(session, NOW, street_id)
        theirs = naive_snapshot(session, NOW, street_id)
    if _rounded(ours) != _rounded(theirs):
        print("the naive snapshot differs from wall_snapshot():")
        for field in dataclasses.fields(WallSnapshot):
            a, b = getattr(_rounded(ours), field.name), getattr(_rounded(theirs), field.name)
            if a != b:
                print(f"  {field.name}:\n    ours  {a}\n    naive {b}")
        return 1

    def run(fn):
        with db.session() as session:
            fn(session, NOW, street_id)

    ours_wall, ours_cpu = _timed(lambda: run(wall_snapshot), args.runs)
    naive_runs = max(3, args.runs // 4)
    naive_wall, naive_cpu = _timed(lambda: run(naive_snapshot), naive_runs)
    median = statistics.median
    print(f"{'':34}{'wall median':>12}{'wall p90':>10}{'cpu median':>12}")
    for label, wall, cpu in (("wall_snapshot() (ours)", ours_wall, ours_cpu),
                             ("naive (events into Python)", naive_wall, naive_cpu)):
        p90 = sorted(wall)[int(len(wall) * 0.9) - 1] if len(wall) >= 10 else max(wall)
        print(f"{label:34}{median(wall) * 1000:10.0f} ms{p90 * 1000:8.0f} ms{median(cpu) * 1000:10.0f} ms")
    print(f"speed-up: {median(naive_wall) / median(ours_wall):.1f}× wall, {median(naive_cpu) / median(ours_cpu):.1f}× cpu "
          f"({args.runs} runs of ours, {naive_runs} naive; the same snapshot from both, checked); goal: ours < 1 s")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
