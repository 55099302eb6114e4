"""The live map: 10,000 event markers on the demo street's grids.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 .venv/bin/python bench/bench_map.py \
        [--events 10000] [--changes 1000] [--repeat 7] [--year-db sqlite:///year.sqlite3]

1. **Changes in place vs the naive way.** A real ``MapPanel`` holds 10,000 markers. A batch of
   1,000 marker changes (30 % moved, 70 % restyled: overdue, supervised, priority) goes through
   the bridge (one JSON batch, one call) and is timed from ``on_view_changed`` until the page
   reports it applied, with where the time went: the JSON and the emit here, the way into the
   page (QWebChannel, the web process), the page's own apply (``performance.now()``, reported
   back through the bridge), the way back. Beside it, in the same run, the naive way: regenerate the folium page with
   every marker (folium ``Marker``s in a ``MarkerCluster``, the grids as ``GeoJson``, the same
   local Leaflet) and reload it, timed until ``loadFinished``. Goal: under 100 ms, ≥ 50× faster.
2. **Memory.** The whole console (``app.Console``: every dock, the feed pump, the web process)
   on a street with 10,000 open located events, once the map has drawn them: the PSS of this
   process and all its children (the QtWebEngine processes), by process, beside the same
   console before the map page existed (its baseline). Goal: under 700 MB.
   ``--only-memory`` runs this part alone.
3. **Time to the first full map** on a one-year demo street: from building the console to the
   page having drawn every grid and marker, beside the time to the event list populated (the
   same run's baseline). ``--year-db`` reuses a street made by ``commandroom demo --days 365``;
   without it one is generated first (not timed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import folium  # noqa: E402
import psutil  # noqa: E402
import shapely  # noqa: E402
from folium.plugins import MarkerCluster  # noqa: E402
from PySide6.QtCore import QEventLoop, QUrl  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from commandroom.config import Settings  # noqa: E402
from commandroom.demo import generate  # noqa: E402
from commandroom.models import Category, Event, Street  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.enums import AlertLevel, Priority, Source, Status  # noqa: E402
from commandroom.models.map_view import MapChanges, MapMarker, load_map  # noqa: E402
from commandroom.models.recurring import RecurringRule  # noqa: E402
from commandroom.services.map_bridge import MAP_VIEW  # noqa: E402
from commandroom.views.common.selection import Selection  # noqa: E402
from commandroom.views.map.map_panel import MapPanel  # noqa: E402
from commandroom.views.map.page import CLUSTER, LEAFLET, _url  # noqa: E402

NOW = datetime(2026, 11, 16, 9, 0)
TIMEOUT_MS = 600_000


def wait_for(app, done, timeout_ms: int = TIMEOUT_MS) -> None:
    """Run the event loop until ``done()``; no sleeping (the loop wakes on every event)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def points_in_street(snapshot, n: int, rng: random.Random) -> list[tuple[float, float, int]]:
    """``n`` random (lat, lon, L4 grid id) inside the street."""
    cells = [(g.id, shapely.Polygon(g.polygons[0][0])) for g in snapshot.grids if g.level == 4]
    street = shapely.union_all([c for _, c in cells])
    west, south, east, north = street.bounds
    out = []
    while len(out) < n:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        chain = snapshot.locator.locate(lat, lon)
        if chain is not None:
            out.append((round(lat, 7), round(lon, 7), chain.l4.id))
    return out


def markers(snapshot, n: int, rng: random.Random) -> list[MapMarker]:
    classes = ["城市管理", "矛盾纠纷", "治安安全隐患", "民生服务", "党群事务", "其他中心工作"]
    return [MapMarker(i + 1, f"YJ20261116-{i + 1:05d}", lat, lon, Status.DISPATCHED,
                      rng.choice(list(Priority)), rng.choice(classes), "占道经营", f"事件{i + 1}",
                      f"燕翔路{i + 1}号", grid, rng.random() < 0.1, None)
            for i, (lat, lon, grid) in enumerate(points_in_street(snapshot, n, rng))]


# What a batch of 1,000 changes holds: (moved, icon changed, text only). Typical: a feed batch is
# mostly status steps (立案 → 派遣 → 签收 …: the tooltip's words change, not the icon), some
# become overdue or supervised, a few are relocated at 立案. Heavy: the worst case we measured,
# nearly every marker changing its icon and almost a third moving.
MIXES = {"typical": (0.05, 0.25, 0.70), "heavy": (0.30, 0.70, 0.0)}
NEXT_STATUS = {Status.REGISTERED: Status.DISPATCHED, Status.DISPATCHED: Status.ACKNOWLEDGED,
               Status.ACKNOWLEDGED: Status.IN_PROGRESS, Status.IN_PROGRESS: Status.RESOLVED,
               Status.RESOLVED: Status.VERIFIED, Status.VERIFIED: Status.REGISTERED}


def changed(current: list[MapMarker], snapshot, count: int, rng: random.Random, mix: str) -> list[MapMarker]:
    moved_share, icon_share, _text = MIXES[mix]
    picked = rng.sample(current, count)
    n_moved, n_icon = int(count * moved_share), int(count * icon_share)
    moves = points_in_street(snapshot, n_moved, rng)
    out = []
    for i, m in enumerate(picked):
        if i < n_moved:
            lat, lon, grid = moves[i]
            out.append(replace(m, lat=lat, lon=lon, grid_id=grid))
        elif i < n_moved + n_icon:
            out.append(replace(m, overdue=not m.overdue, priority=rng.choice(list(Priority)),
                               supervision=rng.choice([None, AlertLevel.SUPERVISION, AlertLevel.LISTED])))
        else:
            out.append(replace(m, status=NEXT_STATUS.get(m.status, Status.DISPATCHED), title=m.title + "·"))
    return out


def naive_page(snapshot, marks: list[MapMarker], path: Path) -> None:
    """What the map would be without the bridge: folium writes every marker into the page."""
    fmap = folium.Map(location=[marks[0].lat, marks[0].lon], zoom_start=15, tiles=None)
    fmap.options.update(max_zoom=19, min_zoom=12)  # the live map's zoom range (folium puts max_zoom on tiles)
    fmap.default_js = [("leaflet", _url(LEAFLET / "leaflet.js"))]
    fmap.default_css = [("leaflet_css", _url(LEAFLET / "leaflet.css"))]
    for g in snapshot.grids:
        folium.GeoJson({"type": "Polygon", "coordinates": g.polygons[0]}, name=g.name).add_to(fmap)
    cluster = MarkerCluster()
    cluster.default_js = [("markerclusterjs", _url(CLUSTER / "leaflet.markercluster.js"))]
    cluster.default_css = [("markerclustercss", _url(CLUSTER / "MarkerCluster.css")),
                           ("markerclusterdefaultcss", _url(CLUSTER / "MarkerCluster.Default.css"))]
    for m in marks:
        folium.Marker([m.lat, m.lon], tooltip=f"{m.code} {m.title}",
                      icon=folium.DivIcon(html=f'<div class="ev{" overdue" if m.overdue else ""}"></div>')
                      ).add_to(cluster)
    cluster.add_to(fmap)
    fmap.save(str(path))


def bench_changes(app, args, db) -> None:
    rng = random.Random(7)
    with db.session() as session:
        snapshot = load_map(session, NOW, None, RecurringRule())
    current = markers(snapshot, args.events, rng)
    snapshot = replace(snapshot, markers=tuple(current))
    panel = MapPanel(Selection())
    panel.resize(1600, 900)
    panel.show()
    applied, received = [], []
    panel.bridge.sig_applied.connect(applied.append)
    panel.bridge.sig_applied.connect(lambda _n: received.append(time.time() * 1000))
    started = time.perf_counter()
    panel.on_view_loaded(MAP_VIEW, snapshot)
    wait_for(app, lambda: applied)
    print(f"opening load of {len(current):,} markers through the bridge: {time.perf_counter() - started:.2f} s")

    by_id = {m.id: m for m in current}
    results = {}
    for mix in MIXES:
        bridge_ms, cpu_ms, parts = [], [], []
        for _ in range(args.repeat):
            batch = changed(list(by_id.values()), snapshot, args.changes, rng, mix)
            by_id.update((m.id, m) for m in batch)
            target = len(applied) + 1
            pushed = panel.bridge.pushed
            t0, c0 = time.perf_counter(), time.process_time()
            panel.on_view_changed(MAP_VIEW, [m.id for m in batch],
                                  MapChanges(tuple(batch), (), snapshot.loads, ()))
            wait_for(app, lambda: len(applied) >= target)
            bridge_ms.append((time.perf_counter() - t0) * 1000)
            cpu_ms.append((time.process_time() - c0) * 1000)
            assert panel.bridge.pushed == pushed + 1  # one batch, one call
            here, page = panel.bridge.timing, panel.bridge.page_timing
            parts.append({"json": here["json"], "emit": here["emit"], "way in": page["start"] - here["sent"],
                          "page": page["total"], "way back": received[-1] - page["end"]})
            if args.verbose:
                inside = {k: v for k, v in page.items() if k not in ("start", "end", "total")}
                print(f"    {mix}: {bridge_ms[-1]:.0f} ms (python cpu {cpu_ms[-1]:.0f}): "
                      + ", ".join(f"{k} {v:.0f}" for k, v in parts[-1].items())
                      + "  [in the page: " + ", ".join(f"{k} {v:.0f}" for k, v in inside.items()) + "]")
        results[mix] = bridge_ms, cpu_ms, parts

    naive_ms, naive_cpu = [], []
    view = QWebEngineView()
    view.resize(1600, 900)
    view.show()
    finished = []
    view.loadFinished.connect(finished.append)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.naive_repeat):
            batch = changed(list(by_id.values()), snapshot, args.changes, rng, "typical")
            by_id.update((m.id, m) for m in batch)
            t0, c0 = time.perf_counter(), time.process_time()
            path = Path(tmp) / f"naive{i}.html"
            naive_page(snapshot, list(by_id.values()), path)
            target = len(finished) + 1
            view.load(QUrl.fromLocalFile(str(path)))
            wait_for(app, lambda: len(finished) >= target)
            naive_ms.append((time.perf_counter() - t0) * 1000)
            naive_cpu.append((time.process_time() - c0) * 1000)
    view.close()
    naive = statistics.median(naive_ms) if naive_ms else float("nan")
    print(f"{args.changes:,} marker changes on {args.events:,} markers (median of {args.repeat} / {len(naive_ms)}):")
    for mix, (bridge_ms, cpu_ms, parts) in results.items():
        bridge = statistics.median(bridge_ms)
        where = ", ".join(f"{k} {statistics.median(p[k] for p in parts):.1f}" for k in parts[0])
        print(f"  through the bridge, {mix:7} batch {MIXES[mix]}: {bridge:8.1f} ms "
              f"[min {min(bridge_ms):.1f}, max {max(bridge_ms):.1f}; this process's CPU {statistics.median(cpu_ms):.1f}]"
              f"  -> {naive / bridge:.0f}x faster than the naive way\n      where the time goes (medians, ms): {where}")
    print(f"  naive: regenerate the folium page with every marker and reload it: {naive:8.1f} ms "
          f"[min {min(naive_ms or [naive]):.1f}, max {max(naive_ms or [naive]):.1f}; "
          f"this process's CPU {statistics.median(naive_cpu or [float('nan')]):.1f}]")
    print("  goal: bridge < 100 ms and >= 50x")
    panel.release_page()
    panel.close()


def process_kind(proc: psutil.Process) -> str:
    """``python`` for this process, else Chromium's ``--type=`` (renderer, gpu-process, zygote …)."""
    if proc.pid == os.getpid():
        return "python"
    for arg in proc.cmdline():
        if arg.startswith("--type="):
            kind = arg[len("--type="):]
            if kind == "utility":  # the network service, the storage service …
                sub = next((a for a in proc.cmdline() if a.startswith("--utility-sub-type=")), "")
                kind += "/" + sub.rsplit(".", 1)[-1] if sub else ""
            return kind
    return proc.name()


def pss_by_process() -> dict[str, float]:
    """PSS of this process and all its children (the QtWebEngine processes), in MB, by kind."""
    me = psutil.Process()
    out: dict[str, float] = {}
    for proc in [me, *me.children(recursive=True)]:
        try:
            kind = process_kind(proc)
            out[kind] = out.get(kind, 0.0) + proc.memory_full_info().pss / 2**20
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return out


def pss_mb() -> float:
    return sum(pss_by_process().values())


def add_open_events(db, n: int, rng: random.Random) -> None:
    """``n`` open, located, dispatched events in the street (the map's markers)."""
    with db.session() as session:
        snapshot = load_map(session, NOW, None, RecurringRule())
        street_id = session.execute(select(Street.id)).scalar_one()
        categories = session.execute(select(Category.id)).scalars().all()
    rows = [dict(code=f"BM{i:07d}", street_id=street_id, status=Status.DISPATCHED.value,
                 source=Source.HOTLINE_12345.value, category_id=rng.choice(categories),
                 priority=Priority.NORMAL.value, title=f"基准事件{i}", address=f"燕翔路{i}号", lat=lat, lon=lon,
                 grid_id=grid, received_at=NOW - timedelta(hours=1), registered_at=NOW - timedelta(hours=1),
                 dispatched_at=NOW - timedelta(hours=1), handle_due=NOW + timedelta(days=rng.choice((-1, 3))),
                 version=3)
            for i, (lat, lon, grid) in enumerate(points_in_street(snapshot, n, rng))]
    with db.session() as session:
        session.execute(insert(Event), rows)


def open_console(app, url: str, tmp: Path):
    """The real console on ``url``; returns it with the moments its list and its map were drawn."""
    from commandroom.app import Console

    moments = {}
    t0 = time.perf_counter()
    db = Database(url)
    console = Console(db, Settings(db_url=url, sound=False), tmp / "console.ini")
    console.window.events.sig_populated.connect(lambda _n: moments.setdefault("list", time.perf_counter() - t0))
    console.window.map.bridge.sig_applied.connect(lambda _n: moments.setdefault("map", time.perf_counter() - t0))
    console.start((1920, 1080))
    return console, db, moments


def close_console(app, console, db) -> None:
    console.window.map.release_page()
    console.stop()
    console.window.close()
    db.dispose()


def bench_memory(app, args, tmp: Path) -> None:
    url = f"sqlite:///{tmp / 'memory.sqlite3'}"
    db = Database(url)
    generate(db, days=1, seed=1, end=NOW.date())
    add_open_events(db, args.events, random.Random(3))
    db.dispose()
    console, db, moments = open_console(app, url, tmp)
    wait_for(app, lambda: "list" in moments)
    before = pss_mb()  # the console, its list filled; the map's data not yet drawn
    wait_for(app, lambda: "map" in moments)
    markers_shown = []
    console.window.map.page.runJavaScript("commandroomMap.markers.size", 0, markers_shown.append)
    wait_for(app, lambda: markers_shown)
    parts = pss_by_process()
    after = sum(parts.values())
    print(f"memory, the whole console (PSS of every process) with {int(markers_shown[0]):,} markers drawn: "
          f"{after:.0f} MB   (the console before the map drew them: {before:.0f} MB; goal < 700 MB)")
    print("  by process: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])))
    close_console(app, console, db)


def bench_first_map(app, args, tmp: Path) -> None:
    url = args.year_db
    if not url:
        url = f"sqlite:///{tmp / 'year.sqlite3'}"
        db = Database(url)
        print("generating a one-year demo street (not timed) …", flush=True)
        generate(db, days=365, seed=1)
        db.dispose()
    console, db, moments = open_console(app, url, tmp)
    wait_for(app, lambda: {"list", "map"} <= set(moments))
    counts = []
    console.window.map.page.runJavaScript(
        "JSON.stringify([commandroomMap.gridData.size, commandroomMap.markers.size])", 0, counts.append)
    wait_for(app, lambda: counts)
    grids, shown = json.loads(counts[0])
    street = f"the street of {args.year_db}" if args.year_db else "one-year street"
    print(f"{street}: start to the first full map ({grids} grids, {shown:,} open events) "
          f"{moments['map']:.2f} s   (start to the event list populated: {moments['list']:.2f} s)")
    close_console(app, console, db)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--naive-repeat", type=int, default=3, help="naive reloads (each takes minutes)")
    parser.add_argument("--verbose", action="store_true", help="the page's parts of each batch")
    parser.add_argument("--only-changes", action="store_true", help="skip the memory and first-map parts")
    parser.add_argument("--only-memory", action="store_true", help="only the memory part")
    parser.add_argument("--year-db", default="", help="a one-year demo street (default: generate one)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    t = time.perf_counter()
    sum(i * i for i in range(2_000_000))
    print(f"machine load: a 2M-step Python loop took {(time.perf_counter() - t) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.only_memory:
            bench_memory(app, args, tmp)
            return
        grids_db = Database(f"sqlite:///{tmp / 'grids.sqlite3'}")
        generate(grids_db, days=1, seed=1, end=NOW.date())
        bench_changes(app, args, grids_db)
        grids_db.dispose()
        if args.only_changes:
            return
        bench_memory(app, args, tmp)
        bench_first_map(app, args, tmp)


if __name__ == "__main__":
    main()
