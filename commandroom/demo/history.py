"""Days of history, one day at a time: arrivals, reports, then each event's lifecycle.

``History.day`` returns that day's rows as plain tuples (lists for the log) in table-column
order, ready for a bulk insert, so memory stays bounded by a few days.

Lanes: the days are dealt round-robin to ``lanes`` simulations (day i to lane i % lanes), each
in its own producer process, so that on two cores the simulation keeps up with the inserts. A
lane owns its days' events from arrival to close; they only meet in ids and in the log:
- every lane draws the same street, the same event count for every day and the same duty roster
  from the seed, then its own events from a generator seeded by (seed, lane);
- an event's id is the count of the days before plus its rank in its day (contacts likewise:
  one per report), so events are numbered in order of arrival whichever lane made them; the
  other tables' ids are dealt round-robin (lane k takes k+1, k+1+lanes, …);
- log rows are filed by the day they happen on (a case received on Monday may close on
  Thursday). Lane k hands over, with its day i, the rows of days i … i+lanes-1: no later event
  of its own can add to them. ``stream.merge_lanes`` sorts each day's rows from every lane by
  time and numbers them: log ids grow with time across the whole history, as the live change
  feed's do.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable
from datetime import date, timedelta
from itertools import accumulate

from commandroom.demo import names, texts
from commandroom.demo.reports import Wording
from commandroom.demo.catalog import SOURCE_CLASS_MIX, CategoryInfo
from commandroom.demo.duty import DutyRoster
from commandroom.demo.layout import sample_point
from commandroom.demo.lifecycle import HOUR, MIN, P_ASSIST, SYSTEM, Lifecycle
from commandroom.demo.org import COMMUNITY, GridInfo, Org
from commandroom.demo.rand import FastRandom
from commandroom.demo.record import EventRecord, Tables
from commandroom.demo.times import DAY, iso, seconds
from commandroom.models import transitions
from commandroom.models.codes import code_stem, format_code
from commandroom.models.enums import Source, Status, UnitType

# "Now" for a history ending on a given day: 16:00, a busy afternoon with live work on every desk.
CUTOFF_HOUR = 16
# Reports per hour of day: quiet nights, a morning peak after 8 and an afternoon one.
HOURLY = (1.0, 0.6, 0.4, 0.3, 0.3, 0.6, 1.5, 3.5, 6.0, 8.0, 8.5, 7.5,
          5.5, 5.5, 7.0, 7.5, 7.0, 6.0, 4.5, 4.0, 3.5, 3.0, 2.2, 1.5)
SOURCE_SHARE = {
    Source.HOTLINE_12345: 0.35, Source.GRID_PATROL: 0.40, Source.PHOTO_APP: 0.15,
    Source.WALK_IN: 0.05, Source.MICRO_WISH: 0.02, Source.DISTRICT_ORDER: 0.03,
}
P_DUPLICATE = 0.015
# Statuses an event never leaves again except by merging or closing (no later report joins it).
NOT_TARGETS = frozenset({Status.REJECTED, Status.MERGED})


def _pick(rng: FastRandom, cumulative: list[float]) -> int:
    """The index ``rng.choices`` would pick, without its per-call overhead."""
    return bisect(cumulative, rng.random() * cumulative[-1])


def _cumulative(weights) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


class History:
    def __init__(self, rng: FastRandom, org: Org, cats: list[CategoryInfo], first: date, end: date,
                 db_time: Callable[[int], object], street_id: int = 1, cutoff_hour: int = CUTOFF_HOUR,
                 *, per_day: int | None = None, seed: int = 0, lane: int = 0, lanes: int = 1):
        self.rng, self.org, self.cats, self.street_id = rng, org, cats, street_id
        self.cutoff_hour = cutoff_hour
        self.first = first
        self.horizon = seconds(end) + cutoff_hour * HOUR
        self.db_time = db_time  # seconds → what the database driver wants for a DateTime
        self.lane, self.lanes = lane, lanes
        self.tables = Tables(org.rows["unit"], lane, lanes)
        self.lifecycle = Lifecycle(rng, self.horizon, street_id, org.officers, org.leaders,
                                   self.tables, db_time, iso, lane, lanes)
        self.sources = list(SOURCE_SHARE)
        self.source_cum = _cumulative(SOURCE_SHARE.values())
        self.cat_cum = {
            s: _cumulative(c.item.weight * SOURCE_CLASS_MIX[s].get(c.item.class_name, 0) for c in cats)
            for s in self.sources
        }
        # Busy and quiet grids: key areas (markets, flyovers) see more trouble.
        self.grid_cum = _cumulative(
            rng.lognormvariate(0, 0.5) * (1.6 if g.name.endswith("重点区域") else 1) for g in org.grids)
        self.house_no = [rng.randint(1, 320) for _ in org.grids]
        self.wording = Wording(cats, org.grids)
        self.street_units = [u["id"] for u in org.rows["unit"]
                             if u["type"] != UnitType.DISTRICT_DEPARTMENT.value]
        self.mean_per_day = rng.randint(60, 120)
        # Changes the unit rows to their state at the horizon, before the header is sent.
        self.roster = DutyRoster(rng, self.lifecycle, org.rows["unit"], seconds(first), self.horizon)
        days = (end - first).days + 1
        self.counts = [per_day or self.default_count(first + timedelta(days=i)) for i in range(days)]
        if per_day is None:  # the last day runs only up to "now": its hours' share of a day's reports
            share = sum(HOURLY[:cutoff_hour]) / sum(HOURLY)
            self.counts[-1] = max(1, round(self.counts[-1] * share))
        self.first_ids = list(accumulate(self.counts, initial=0))  # events before day i
        # Every lane has drawn the same so far; its own events come from its own generator. The
        # roster's rows are logged by the lanes that own their days.
        buckets, first_day = self.lifecycle.buckets, seconds(first) // DAY
        for d in [d for d in buckets if (d - first_day) % lanes != lane]:
            del buckets[d]
        self.rng = self.lifecycle.rng = FastRandom(f"{seed}/{lane}")

    def default_count(self, day: date) -> int:
        """A street's 20–200 a day: fewer at weekends, now and then a storm or a campaign."""
        rng = self.rng
        n = self.mean_per_day * (0.7 if day.weekday() >= 5 else 1.0) * rng.lognormvariate(0, 0.18)
        if rng.random() < 0.02:
            n *= 1.8
        return max(20, min(200, round(n)))

    # -- one day -------------------------------------------------------------------------------
    def own_days(self) -> range:
        """The indices of this lane's days (0 is the first day of the history)."""
        return range(self.lane, len(self.counts), self.lanes)

    def day(self, i: int) -> dict[str, list]:
        """Day ``i``'s rows; its ``event_log`` entry holds this lane's log rows of days
        i … i+lanes-1 by day index, times not yet replaced by ids (``stream.merge_lanes``)."""
        rng, count, day = self.rng, self.counts[i], self.first + timedelta(days=i)
        self.tables.number_day(self.first_ids[i])
        start = seconds(day)
        last = start + DAY > self.horizon
        hours = HOURLY[:self.cutoff_hour] if last else HOURLY
        hours_cum = _cumulative(hours)
        arrivals = sorted(start + _pick(rng, hours_cum) * HOUR + rng.randrange(HOUR) for _ in range(count))
        # The street's own prefix and a counter row per day, as ``codes.next_code`` keeps them:
        # a report received later today numbers on from the last generated code.
        stem = code_stem(names.STREET["abbr"], day)
        stamp = day.strftime("%Y%m%d")
        events: list[EventRecord] = []
        for k, t0 in enumerate(arrivals, start=1):
            events.append(self._event(t0, format_code(stem, k), stamp, k, events))
        if last:
            self.roster.log_horizon()
        rows = self.tables.take_day(events, self.db_time)
        buckets, first_day = self.lifecycle.buckets, seconds(self.first) // DAY
        rows["event_log"] = {d - first_day: buckets.pop(d, []) for d in range(start // DAY, start // DAY + self.lanes)}
        rows["code_counter"] = [(stem, count)]
        return rows

    def _event(self, t0: int, code: str, stamp: str, k: int, today: list[EventRecord]) -> EventRecord:
        rng = self.rng
        source = self.sources[_pick(rng, self.source_cum)]
        target = self._duplicate_of(t0, today) if rng.random() < P_DUPLICATE else None
        if target is not None:  # another report of the same matter, from someone else: in
            # their own words, from where they stand (same grid), sometimes about another building
            cat, g, grid = target.cat, target.g, self.org.grids[target.g]
            priority = target.priority
            lon, lat = sample_point(rng, grid.cell)
            address = self._address(g, grid) if rng.random() < 0.5 else target.address
            title, description, said = self.wording.report(rng, source, cat, g, avoid=target.said)
        else:
            cat = self.cats[_pick(rng, self.cat_cum[source])]
            g = _pick(rng, self.grid_cum)
            grid = self.org.grids[g]
            lon, lat = sample_point(rng, grid.cell)
            r, (urgent, high) = rng.random(), cat.priority_mix
            priority = "urgent" if r < urgent else "high" if r < urgent + high else "normal"
            address = self._address(g, grid)
            title, description, said = self.wording.report(rng, source, cat, g)
        reporter, phone = self._reporter(source, grid)
        life = self.lifecycle
        e = life.receive(t0, life.officer(t0) if source is Source.WALK_IN else SYSTEM, transitions.receive(
            now=t0, code=code, street_id=self.street_id, source=source.value, priority=priority,
            title=title, description=description, address=address, lat=lat, lon=lon,
            grid_id=grid.id, reporter_name=reporter, reporter_phone=phone,
            external_ref=self._external_ref(source, stamp, k)))
        e.cat, e.g, e.said = cat, g, said
        lead = grid.community_unit if cat.lead_key == COMMUNITY else self.org.units[cat.lead_key]
        helpers = [u for u in (grid.community_unit if key == COMMUNITY else self.org.units[key]
                               for key in cat.assist_keys) if u != lead]
        assists = [rng.choice(helpers)] if helpers and rng.random() < P_ASSIST else []
        if target is None or not life.merge(e, target, t0 + rng.randint(3 * MIN, 30 * MIN)):
            life.run(e, lead, lambda: self._wrong_unit(lead), assists, helpers)
        return e

    def _duplicate_of(self, t0: int, today: list[EventRecord]) -> EventRecord | None:
        """A recent event the new report repeats (same matter, reported again within 6 h)."""
        candidates = []
        for e in reversed(today):
            if e.received_at < t0 - 6 * HOUR or len(candidates) >= 20:
                break
            if e.status not in NOT_TARGETS:
                candidates.append(e)
        return self.rng.choice(candidates) if candidates else None

    def _wrong_unit(self, lead: int) -> int:
        while (unit := self.rng.choice(self.street_units)) == lead:
            pass
        return unit

    def _address(self, g: int, grid: GridInfo) -> str:
        """The address as the registering officer writes it (the words are the reporter's)."""
        district = names.STREET["district"]
        if grid.name.endswith("重点区域"):
            place = grid.name.removesuffix("重点区域")
            road = "" if "路" in place else grid.road  # 燕子山路建筑工地 names its road already
            return f"{district}{road}{place}附近"
        return f"{district}{grid.road}{self.house_no[g]}号{grid.name}{self.rng.randint(1, 12)}号楼"

    def _reporter(self, source: Source, grid: GridInfo) -> tuple[str, str]:
        rng = self.rng
        if source is Source.GRID_PATROL:
            return grid.worker
        if source not in texts.PUBLIC:
            return "", ""
        name = names.person_name(rng)
        if rng.random() < 0.3:  # callers often give only a surname
            name = name[0] + rng.choice(("先生", "女士"))
        return name, names.mobile(rng)

    @staticmethod
    def _external_ref(source: Source, stamp: str, k: int) -> str:
        prefix = texts.EXTERNAL_PREFIX.get(source)
        return f"{prefix}{stamp}{k:05d}" if prefix else ""
