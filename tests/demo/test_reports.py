"""The demo's reports read like their reporters wrote them: per item several colloquial
phrasings that mostly do not name the category, terse patrol notes, retellings in other words."""

from __future__ import annotations

from collections import Counter
from datetime import date
from string import Formatter

from commandroom.demo import generate
from commandroom.demo.catalog import build_catalog, items
from commandroom.demo.complaints import SAID
from commandroom.demo.layout import build_layout
from commandroom.demo.org import COMMUNITY, build_org
from commandroom.demo.rand import FastRandom
from commandroom.demo.reports import SLOTS, Wording
from commandroom.demo import names
from commandroom.models.enums import Source
from tests.demo.test_rules import table_rows


def _wording() -> tuple[Wording, list, list]:
    rng = FastRandom(3)
    street = names.STREET
    org = build_org(rng, build_layout(rng, street["lon"], street["lat"]))
    communities = [uid for key, uid in org.units.items() if key.startswith(COMMUNITY)]
    _, cats = build_catalog(org.units, communities)
    return Wording(cats, org.grids), cats, org.grids


def test_every_item_has_its_phrasings_and_only_known_slots():
    assert {i.name for i in items()} == SAID.keys()
    naming = total = 0
    for item in items():
        citizens, patrol = (lines.split("|") for lines in SAID[item.name])
        assert 4 <= len(citizens) <= 8 and 2 <= len(patrol) <= 4, item.name
        assert len(set(citizens)) == len(citizens)
        for line in citizens + patrol:
            assert {f for _, f, _, _ in Formatter().parse(line) if f} <= SLOTS.keys(), line
        naming += sum(item.name in line or item.title in line for line in citizens)
        total += len(citizens)
    assert naming / total < 0.05  # citizens rarely say the category's name


def test_reports_vary_by_source_and_are_deterministic():
    wording, cats, grids = _wording()
    cat = next(c for c in cats if c.item.name == "垃圾清运不及时")

    def reports(seed: int, source: Source) -> list[tuple[str, str, int]]:
        rng = FastRandom(seed)
        return [wording.report(rng, source, cat, g % len(grids)) for g in range(200)]

    assert reports(1, Source.HOTLINE_12345) == reports(1, Source.HOTLINE_12345)
    hotline, patrol = reports(1, Source.HOTLINE_12345), reports(1, Source.GRID_PATROL)
    assert len({d for _, d, _ in hotline}) >= 150  # hardly two alike
    assert len({said for _, _, said in hotline}) == len(SAID[cat.item.name][0].split("|"))
    assert all(grids[g % len(grids)].name.removesuffix("重点区域") in d for g, (_, d, _) in enumerate(patrol))
    mean = lambda rs: sum(len(d) for _, d, _ in rs) / len(rs)  # noqa: E731
    assert mean(patrol) < mean(hotline)  # a patrol note is terser than a caller's account
    assert all(cat.item.title not in t for t, _, _ in hotline)


def test_a_retelling_takes_another_phrasing():
    wording, cats, _ = _wording()
    rng = FastRandom(9)
    for cat in cats:
        for avoid in range(len(SAID[cat.item.name][0].split("|"))):
            assert wording.report(rng, Source.PHOTO_APP, cat, 0, avoid=avoid)[2] != avoid


def test_the_generated_street_uses_the_words(db):
    generate(db, days=5, seed=11, end=date(2026, 11, 21))
    events = table_rows(db, "event").values()
    titles = Counter(e["title"] for e in events)
    assert titles.most_common(1)[0][1] < len(events) * 0.05  # no title stands for a category
    merged = [e for e in events if e["merged_into_id"] is not None]
    by_id = {e["id"]: e for e in events}
    for e in merged:  # another person, other words
        assert e["description"] != by_id[e["merged_into_id"]]["description"]
