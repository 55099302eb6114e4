"""A report's title and description as its reporter would write them.

Citizens (hotline, photo app, walk-in, micro-wish) say the matter in their own words: one of the
item's phrasings (``complaints.SAID``) with its slots filled, where they stand put as they
would put it (the estate, its short name, the road, a landmark, or nothing: "我们小区"), often
how long it has lasted, sometimes short and vague, sometimes long. The hotline operator and the
district platform wrap it in their formal frame. Grid workers write terse, formal patrol notes
with the grid's full name. A second report of the same matter (``avoid``) takes another phrasing.

Cheap on purpose (the generator's speed is measured): everything is prepared per category and
grid once; a report costs a few ``rng.choice`` draws and one ``str.format_map``.
"""

from __future__ import annotations

import re
from string import Formatter

from commandroom.demo.catalog import CategoryInfo
from commandroom.demo.complaints import SAID
from commandroom.demo.org import GridInfo
from commandroom.demo.rand import FastRandom
from commandroom.models.enums import Source

# Slot values, prepared once.
SLOTS: dict[str, tuple[str, ...]] = {
    "bld": tuple(f"{n}号楼" for n in range(1, 13)) + tuple(f"{n}号楼{u}单元" for n in range(1, 13) for u in (1, 2, 3)),
    "floor": tuple(f"{n}楼" for n in range(2, 19)) + ("顶楼", "楼上", "楼上那家"),
    "spot": ("门口", "北门", "南门口", "东门外", "路口", "拐角那儿", "公交站那边", "超市门口", "西侧",
             "后面", "旁边", "对面"),
    "when": ("半夜十二点多", "凌晨两三点", "晚上十点以后", "早上六点", "今天一早", "昨天晚上", "中午",
             "下午三点多", "这几天晚上"),
    "days": ("两天", "三四天", "一个星期", "一个多星期", "十来天", "半个月", "快一个月", "好几天"),
}
# What citizens add after the matter (any item), and how each source frames a report.
EXTRA = ("已经{days}了", "反映过好几次了，一直没人管", "老人孩子都受影响", "拍了照片", "之前打过电话说来看看，也没来人",
         "周围住户意见很大", "希望尽快来人看看", "天天路过都看见", "晚上更严重", "不知道该找谁")
CLOSING = ("请尽快处理。", "请相关部门核实处置。", "希望尽快解决。", "已多次反映，请督促落实。", "请安排人员到现场查看。")
OPENING = {
    Source.HOTLINE_12345: ("来电人反映：", "市民来电反映：", "来电反映，", "市民来电称："),
    Source.WALK_IN: ("居民来访称：", "群众到便民服务中心反映：", "来访人反映，"),
    Source.MICRO_WISH: ("微心愿：", "", "居民留言："),
}
DISTRICT = ("区12345平台转办：市民反映", "区热线转办：来电人反映", "区网格化平台派单：群众反映")
DISTRICT_END = ("请街道核实办理并按时反馈。", "请属地街道处置并回复市民。")
PATROL_END = ("已拍照上报", "已现场劝导，需相关单位处置", "已设置警示，需尽快处置", "已告知物业", "需相关单位到场处置")
PATROL_SIDE = ("", "东侧", "西侧", "南侧", "北侧", "门前")
_TRAILING_COURTYARD = re.compile(r"\d+号院$")


class _Phrasing:
    """One phrasing: its text and the slots to draw for it."""

    __slots__ = ("text", "slots", "joined", "acted")

    def __init__(self, text: str):
        self.text = text
        names = [field for _, field, _, _ in Formatter().parse(text) if field]
        self.slots = tuple((name, SLOTS[name]) for name in names)
        self.joined = text.startswith("{")  # follows the place directly: 舜华园小区 + 5号楼…
        self.acted = "已" in text  # a patrol note that says what was done already

    def say(self, rng: FastRandom) -> str:
        if not self.slots:
            return self.text
        return self.text.format_map({name: rng.choice(pool) for name, pool in self.slots})


def _phrasings(lines: str) -> tuple[_Phrasing, ...]:
    return tuple(_Phrasing(line) for line in lines.split("|"))


def _places(grid: GridInfo) -> tuple[tuple[str, ...], str, str]:
    """How citizens name the grid's place (several forms, "" for none), how a grid worker
    does, and the short name an operator puts in a title."""
    if grid.name.endswith("重点区域"):
        area = grid.name.removesuffix("重点区域")
        road = "" if "路" in area else grid.road
        return (area, area, f"{road}{area}", f"{area}这边", "", "这附近"), area, area
    estate = _TRAILING_COURTYARD.sub("", grid.name)
    short = estate.removesuffix("小区")
    return (estate, short, short, f"{grid.road}{estate}", grid.name, "我们小区", "", ""), grid.name, short


class Wording:
    """The words of every report of one street (its catalogue and grids)."""

    def __init__(self, cats: list[CategoryInfo], grids: list[GridInfo]):
        self.citizen = {c.id: _phrasings(SAID[c.item.name][0]) for c in cats}
        self.patrol = {c.id: _phrasings(SAID[c.item.name][1]) for c in cats}
        self.places = [_places(g) for g in grids]
        self.extra = _phrasings("|".join(EXTRA))

    def report(self, rng: FastRandom, source: Source, cat: CategoryInfo, g: int,
               avoid: int = -1) -> tuple[str, str, int]:
        """(title, description, which phrasing) of a report of ``cat`` in grid ``g``; not the
        phrasing ``avoid`` (another person retelling a matter already reported)."""
        patrol = source is Source.GRID_PATROL
        options = (self.patrol if patrol else self.citizen)[cat.id]
        n = len(options)
        if 0 <= avoid < n and n > 1:
            said = rng.randrange(n - 1)
            said += said >= avoid
        else:
            said = rng.randrange(n)
        phrasing = options[said]
        matter = phrasing.say(rng)
        head = matter.split("，", 1)[0]
        citizen_places, formal, short = self.places[g]
        if patrol:
            side = "" if phrasing.joined else rng.choice(PATROL_SIDE)
            done = "" if phrasing.acted else "，" + rng.choice(PATROL_END)
            return head, f"{formal}{side}{'' if phrasing.joined or side else '，'}{matter}{done}。", said
        place = rng.choice(citizen_places)
        body = f"{place}{'' if phrasing.joined or not place else '，'}{matter}"
        if source is Source.PHOTO_APP:  # a photo's caption: short, often without the place
            return head, (matter if rng.random() < 0.4 else body), said
        if rng.random() < 0.45:
            body += "，" + rng.choice(self.extra).say(rng)
        if source is Source.DISTRICT_ORDER:
            return f"【区转办】{head}", f"{rng.choice(DISTRICT)}{body}。{rng.choice(DISTRICT_END)}", said
        opening = rng.choice(OPENING.get(source, ("",)))
        closing = rng.choice(CLOSING) if source is Source.HOTLINE_12345 and rng.random() < 0.7 else ""
        title = head if rng.random() < 0.6 else f"{short}{'' if phrasing.joined else '：'}{head}"
        return title[:120], f"{opening}{body}。{closing}", said
