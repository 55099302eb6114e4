"""A plausible ``WallSnapshot`` for the panel tests: a busy street mid-afternoon, long names
and numbers where they are hardest to fit (4-digit counts, 100.0%, a long place)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from commandroom.models.measure_table import MeasureRow
from commandroom.models.wall_snapshot import (
    PERIODS, DailyRates, HourlyReports, PeriodFigures, TodayCounts, UnitRank, WallEvent, WallSnapshot)

NOW = datetime(2026, 11, 20, 15, 30)


def measures(received: int, closed: int, on_time: int, satisfied: int, transferred: int) -> MeasureRow:
    return MeasureRow(key=None, label=None, received=received, rejected=3, answered=5, registered=received - 8,
                      dispatched=received - 10, closed=closed, closed_on_time=on_time, transferred=transferred,
                      reworked=2, extended=1, evaluated=closed, satisfied=satisfied,
                      mean_response_seconds=600.0, mean_handling_seconds=86400.0)


def event(i: int, *, level: str | None = None, hours: float = 5, title: str = "占道经营") -> WallEvent:
    return WallEvent(event_id=i, number=f"YJ20261120-{i:04d}", title=f"{title}（第{i}次反映）",
                     place="历下区姚家街道燕翔路与和平路交叉口东南角燕翔花园小区", grid="燕翔社区第二网格",
                     unit="姚家街道综合行政执法中队", level=level, since=NOW - timedelta(hours=hours * i))


def snapshot(**changes) -> WallSnapshot:
    days = tuple(date(2026, 10, 22) + timedelta(days=d) for d in range(30))
    periods = (
        PeriodFigures("today", measures(1234, 1000, 990, 980, 12), measures(1100, 1000, 900, 990, 12)),
        PeriodFigures("week", measures(5000, 4000, 4000, 3000, 400), measures(5000, 3900, 3500, 3100, 300)),
        PeriodFigures("days30", measures(20000, 19000, 18000, 17000, 900), measures(20000, 19000, 18000, 17000, 900)),
    )
    base = WallSnapshot(
        taken_at=NOW, street="姚家街道", duty_officer="张**", shift_leader="欧阳**",
        counts=TodayCounts(received=1234, registered=1180, dispatched=1100, closed=1000, in_progress=8888, overdue=123),
        periods=periods,
        hourly=HourlyReports(today=tuple(list(range(10, 26)) + [None] * 8), usual=tuple(float(h % 17 + 3) for h in range(24))),
        daily=DailyRates(days=days, completion=tuple(0.8 + (d % 5) / 50 for d in range(30)),
                         satisfaction=tuple(None if d == 3 else 0.9 - (d % 4) / 40 for d in range(30))),
        by_class=(("城市管理", 900), ("矛盾纠纷", 400), ("社会治安", 300), ("公共服务", 200), ("安全生产", 100),
                  ("生态环境", 50), ("其他", 10)),
        listed=tuple(event(i, level="listed", hours=30) for i in range(1, 4)),
        supervised=tuple(event(i, level="supervision", hours=7) for i in range(10, 25)),
        overdue=tuple(event(i, hours=2, title="违章搭建") for i in range(30, 50)),
        units=tuple(UnitRank(f"姚家街道第{i}社区居民委员会", 100 - i, 100 - 3 * i) for i in range(1, 15)),
        ticker=tuple(event(i, hours=0.1, title="噪音扰民") for i in range(60, 70)),
    )
    return replace(base, **changes)


assert PERIODS == ("today", "week", "days30")
