"""``commandroom simulate``: realistic Chinese reports sent to an intake server, for a
demonstration or a load test.

The reports are the demo street's (``commandroom/demo``): its catalogue items with their
weights, titles and details, its roads, estates and key areas, people's names and mobiles,
points inside its bounding box (a few fall just outside a grid, as real GPS fixes do), every
source. A share retells an earlier matter (a duplicate for the officer to merge, with an
external id of its own) and a share resends an earlier report unchanged (a retry, which the
server must answer without saving it twice). At the end: what was sent, what was accepted,
and the latency percentiles.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import accumulate
from urllib.parse import urlencode

import aiohttp
import orjson

from commandroom.demo import names, reports, texts
from commandroom.demo.catalog import items
from commandroom.demo.rand import FastRandom
from commandroom.models.clock import BEIJING, Clock
from commandroom.models.enums import Source

# How a second sender puts a matter already reported ({place}, {road}, {item}: the item's title).
RETOLD = ("{road}{place}附近{item}", "{place}门口{item}，无人处理", "又见{item}（{place}）", "{item}，在{road}一带",
          "反映{place}一带{item}问题")

# Shares of the sources at a street's intake (the hotline and the patrols bring most).
SOURCE_MIX = ((Source.HOTLINE_12345, 0.42), (Source.GRID_PATROL, 0.26), (Source.PHOTO_APP, 0.2),
              (Source.DISTRICT_ORDER, 0.06), (Source.MICRO_WISH, 0.03), (Source.WALK_IN, 0.03))
DUPLICATE_SHARE = 0.1  # another caller about a matter already reported
RETRY_SHARE = 0.05  # the same report sent again (a timeout on the sender's side)
# The demo street's bounding box (names.STREET's south-west corner; ~3 × 2.5 km).
SPAN_LON, SPAN_LAT = 0.0336, 0.0225
IN_FLIGHT = 64  # requests open at once, at most
# The load must cost less than what it loads: aiohttp's client keeps a pool whose cost does not
# grow with its size and parses in C (httpx spent ~7 ms of CPU a request at 64 connections).
TIMEOUT = aiohttp.ClientTimeout(total=30)


# Failures with no HTTP answer, said in words (``Summary.format``), not as aiohttp's class names.
NO_CONNECTION, NO_ANSWER = "no-connection", "no-answer"
_FAILURE_WORDS = {
    NO_CONNECTION: ("无法连接接入服务（地址有误，或服务未运行）",
                    "cannot connect to the intake server (a wrong address, or it is not running)"),
    NO_ANSWER: (f"{TIMEOUT.total:.0f} 秒内未应答", f"no answer within {TIMEOUT.total:.0f} s"),
}


@dataclass(frozen=True)
class Simulation:
    url: str
    key: str
    rate: int
    duration: int
    burst: bool = False
    dialect: str = "native"
    seed: int = 1


@dataclass
class Summary:
    sent: int = 0
    accepted: int = 0  # 201, a new report
    replayed: int = 0  # 201 for a retry: answered without a second report
    refused: int = 0  # 4xx
    failed: int = 0  # 5xx or no answer
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the simulator's own CPU time (a load must cost less than it loads)
    latencies: list[float] = field(default_factory=list)  # seconds, of every answered request
    errors: dict[str, int] = field(default_factory=dict)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def format(self, lang: str = "zh_CN") -> str:
        en = lang.startswith("en")
        rate = self.accepted / self.seconds if self.seconds else 0.0
        ms = {p: self.percentile(p) * 1000 for p in (50, 90, 99)}
        lines = [
            (f"sent {self.sent}, accepted {self.accepted} new + {self.replayed} retries answered, "
             f"refused {self.refused}, failed {self.failed}") if en else
            (f"发送 {self.sent}，受理 {self.accepted} 件新报告 + {self.replayed} 次重试已应答，"
             f"拒绝 {self.refused}，失败 {self.failed}"),
            (f"{self.seconds:.1f} s, {rate:.0f} accepted/s; latency p50 {ms[50]:.1f} ms, "
             f"p90 {ms[90]:.1f} ms, p99 {ms[99]:.1f} ms") if en else
            (f"用时 {self.seconds:.1f} 秒，每秒受理 {rate:.0f} 件；延迟 p50 {ms[50]:.1f} 毫秒，"
             f"p90 {ms[90]:.1f} 毫秒，p99 {ms[99]:.1f} 毫秒"),
        ]
        if not self.latencies:  # nothing answered: no percentiles to give
            lines[1] = (f"{self.seconds:.1f} s, no answer" if en else f"用时 {self.seconds:.1f} 秒，没有应答")
        lines += [f"  {count} × {_FAILURE_WORDS[reason][en] if reason in _FAILURE_WORDS else reason}"
                  for reason, count in sorted(self.errors.items())]
        return "\n".join(lines)


class ReportMaker:
    """The next report to send, as (dialect body, external id); remembers what it sent so it
    can retell a matter or resend a report."""

    def __init__(self, seed: int, known_codes: set[str] | None = None):
        self.rng = FastRandom(seed)
        self.items = [i for i in items() if known_codes is None or i.code in known_codes]
        self.item_weights = list(accumulate(i.weight for i in self.items))
        self.source_weights = list(accumulate(w for _, w in SOURCE_MIX))
        self.sent: list[dict] = []
        self.count = 0

    def next(self) -> tuple[dict, bool]:
        """A report and whether it is a retry of one already sent."""
        rng = self.rng
        if self.sent and rng.random() < RETRY_SHARE:
            return rng.choice(self.sent[-200:]), True
        earlier = rng.choice(self.sent[-200:]) if self.sent and rng.random() < DUPLICATE_SHARE else None
        report = self._retold(earlier) if earlier else self._fresh()
        self.sent.append(report)
        return report, False

    def _fresh(self) -> dict:
        rng = self.rng
        source = rng.pick([s for s, _ in SOURCE_MIX], self.source_weights)
        item = rng.pick(self.items, self.item_weights) if self.items else None
        place = rng.choice(names.ESTATES) + rng.choice(("小区", "南门", "北门", "东侧", "3号楼"))
        if rng.random() < 0.3:
            place = rng.choice(names.KEY_AREAS)
        address = f"{rng.choice(names.ROADS)}{place}"
        detail = item.detail if item else "情况需要核实"
        text = f"{self._opening(source)}{address}{detail}，{rng.choice(reports.CLOSING)}"
        lat = names.STREET["lat"] + SPAN_LAT * (0.03 + 0.94 * rng.random())
        lon = names.STREET["lon"] + SPAN_LON * (0.03 + 0.94 * rng.random())
        public = source in texts.PUBLIC
        return self._report(source, item, address, text, round(lat, 6), round(lon, 6),
                            names.person_name(rng) if public else "", names.mobile(rng) if public else "")

    def _retold(self, earlier: dict) -> dict:
        rng = self.rng
        item = next((i for i in self.items if i.code == earlier["category"]), None)
        told = rng.choice(RETOLD).format(road=rng.choice(names.ROADS), place=earlier["address"],
                                               item=item.title if item else "问题")
        source = Source.HOTLINE_12345
        return self._report(source, item, earlier["address"], f"{self._opening(source)}{told}。",
                            earlier["lat"], earlier["lon"], names.person_name(rng), names.mobile(rng))

    def _opening(self, source: Source) -> str:
        """How the sender frames a report (the demo street's words; the apps send the text bare)."""
        return self.rng.choice(reports.OPENING.get(source, ("",)))

    def _report(self, source, item, address, text, lat, lon, name, phone) -> dict:
        self.count += 1
        prefix = texts.EXTERNAL_PREFIX.get(source, "SIM-")
        return dict(source=source.value, external_id=f"{prefix}{self.rng.randrange(10**9):09d}-{self.count}",
                    title=item.title if item else "", text=text, address=address, lat=lat, lon=lon,
                    category=item.code if item else "", caller_name=name, caller_phone=phone)


def native_request(report: dict, key: str) -> dict:
    received = (Clock().now() - timedelta(seconds=5)).replace(tzinfo=BEIJING)
    body = {k: v for k, v in report.items() if v not in ("", None)}
    body["received_at"] = received.isoformat(timespec="seconds")
    return dict(url="/api/v1/reports", data=orjson.dumps(body),
                headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})


def open311_request(report: dict, key: str) -> dict:
    name = report["caller_name"]
    form = {"api_key": key, "service_code": report["category"], "lat": report["lat"],
            "long": report["lon"], "address_string": report["address"], "description": report["text"],
            "last_name": name[:1], "first_name": name[1:], "phone": report["caller_phone"]}
    return dict(url="/open311/v2/requests.json",
                data=urlencode({k: v for k, v in form.items() if v != ""}).encode(),
                headers={"Idempotency-Key": report["external_id"],
                         "Content-Type": "application/x-www-form-urlencoded"})


async def simulate(sim: Simulation) -> Summary:
    connector = aiohttp.TCPConnector(limit=IN_FLIGHT)
    async with aiohttp.ClientSession(sim.url, connector=connector, timeout=TIMEOUT) as http:
        maker = ReportMaker(sim.seed, await _known_codes(http, sim))
        build = native_request if sim.dialect == "native" else open311_request
        summary = Summary()
        gate = asyncio.Semaphore(IN_FLIGHT)
        total = sim.rate * sim.duration
        started, cpu = time.perf_counter(), time.process_time()
        tasks = []
        for i in range(total):
            due = (i // sim.rate) if sim.burst else i / sim.rate
            delay = started + due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            report, _retry = maker.next()
            await gate.acquire()
            if time.perf_counter() - started > sim.duration:  # a server that cannot keep up
                gate.release()  # is not given more time: what it answered by then counts
                break
            tasks.append(asyncio.create_task(_send(http, build(report, sim.key), summary, gate)))
        await asyncio.gather(*tasks)
        summary.seconds = time.perf_counter() - started
        summary.cpu_seconds = time.process_time() - cpu
        return summary


async def _send(http: aiohttp.ClientSession, request: dict, summary: Summary, gate) -> None:
    summary.sent += 1
    began = time.perf_counter()
    try:
        async with http.post(**request) as reply:
            status, replayed = reply.status, reply.headers.get("Idempotent-Replayed") == "true"
            text = await reply.text()
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        summary.failed += 1
        reason = (NO_CONNECTION if isinstance(exc, aiohttp.ClientConnectorError) else
                  NO_ANSWER if isinstance(exc, asyncio.TimeoutError) else type(exc).__name__)
        summary.errors[reason] = summary.errors.get(reason, 0) + 1
        return
    finally:
        gate.release()
    summary.latencies.append(time.perf_counter() - began)
    if status == 201:
        if replayed:
            summary.replayed += 1
        else:
            summary.accepted += 1
        return
    if status < 500:
        summary.refused += 1
    else:
        summary.failed += 1
    reason = f"{status} {text[:120]}"
    summary.errors[reason] = summary.errors.get(reason, 0) + 1


async def _known_codes(http: aiohttp.ClientSession, sim: Simulation) -> set[str] | None:
    """The server's category codes, so every hint is one it knows (None: it did not say)."""
    path, field_ = (("/api/v1/categories", "code") if sim.dialect == "native"
                    else ("/open311/v2/services.json", "service_code"))
    try:
        async with http.get(path) as reply:
            if reply.status != 200:
                return None
            return {c[field_] for c in orjson.loads(await reply.read())}
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, KeyError, TypeError):
        return None


def run_simulation(sim: Simulation) -> Summary:
    # uvloop: a faster event loop, which the load's own CPU needs (it shares the cores it loads);
    # not on Windows, where the standard loop serves.
    try:
        import uvloop
    except ImportError:
        return asyncio.run(simulate(sim))
    return uvloop.run(simulate(sim))

