"""Chinese names, phone numbers and places of the demo street (Jinan, Lixia district).

Everything is drawn from a ``random.Random`` handed in by the caller, so a seed gives the same
people and places every time. The place names are in the style of the Yaojia street area
(经十路, 燕子山路, 舜华园 …) but the street itself is made up.
"""

from __future__ import annotations

from itertools import accumulate

from commandroom.demo.rand import FastRandom

# The commonest surnames first: picking with falling weights gives a realistic mix.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
SURNAME_CUM = list(accumulate(max(1.0, 30.0 - i * 0.6) for i in range(len(SURNAMES))))
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华红玉萍建国志文斌宇浩然子轩梓涵欣怡"
    "佳琪雨婷思远博文俊峰海燕晓东春梅秋菊振华学良永庆德福淑珍凤英玉兰国栋立新建军"
)
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "175", "176", "177", "178", "180",
    "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)

STREET = {
    "code": "370102005",
    "name": "姚家街道",
    "short": "姚家",
    "abbr": "YJ",  # event codes: YJ20261121-0007
    "district": "历下区",
    "city": "济南市",
    "lon": 117.060,  # south-west corner of the street's bounding box
    "lat": 36.650,
}

ROADS = (
    "经十路", "燕子山路", "文化东路", "历山路", "姚家东路", "荆山路", "窑头路", "燕翔路",
    "山大南路", "千佛山东路", "和平路", "解放东路", "转山西路", "燕子山西路", "羊头峪西沟街",
)
COMMUNITIES = (
    "燕山", "舜华园", "姚家庄", "荆山", "窑头", "燕翔", "文化东路", "佛山苑", "燕子山",
    "千佛山东", "和平", "东方", "甸柳", "羊头峪",
)
ESTATES = (
    "舜华园", "燕山新居", "燕翔苑", "姚家小区", "荆山东苑", "窑头新区", "文化佳园", "和平新村",
    "燕子山小区", "千佛山东苑", "东方花园", "佛山苑", "历山名郡", "鲁能康桥", "燕文园", "山水嘉园",
    "甸柳新村", "羊头峪小区", "燕东小区", "经十花园", "明珠小区", "燕山花园", "荆苑小区", "兴隆苑",
)
KEY_AREAS = (
    "燕山立交桥下", "燕子山农贸市场", "姚家批发市场", "窑头路早市", "燕山公园", "经十路沿街商铺",
    "文化东路夜市", "荆山公园", "燕子山路建筑工地", "和平路学校周边", "历山路地下通道", "姚家汽车站",
    "千佛山东门广场", "燕翔路餐饮街", "山大南路公交枢纽", "解放东路商业街", "羊头峪西沟绿道",
)
AREA_NUMERALS = "一二三四五六"


def person_name(rng: FastRandom) -> str:
    surname = rng.pick(SURNAMES, SURNAME_CUM)
    given = rng.choice(GIVEN)
    if rng.random() < 0.7:  # most given names are two characters
        given += rng.choice(GIVEN)
    return surname + given


def mobile(rng: FastRandom) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def landline(rng: FastRandom) -> str:
    """A Jinan office number (area code 0531, eight digits starting with 8)."""
    return f"0531-8{rng.randrange(10_000_000):07d}"


def unit_grid_names(rng: FastRandom, count: int) -> list[tuple[str, str]]:
    """``count`` distinct L4 grid names with the road each lies on: ~75% courtyards
    (舜华园小区3号院), the rest key areas (燕山立交桥下重点区域)."""
    keys = list(KEY_AREAS)
    rng.shuffle(keys)
    n_keys = min(len(keys), max(3, round(count * rng.uniform(0.18, 0.3))))
    names = [f"{key}重点区域" for key in keys[:n_keys]]
    estates = list(ESTATES)
    rng.shuffle(estates)
    courtyards = count - n_keys
    # Each estate gets a few courtyards (号院), numbered from 1, as real estates are split.
    per_estate = -(-courtyards // len(estates))
    for i in range(courtyards):
        estate, number = estates[i % len(estates)], i // len(estates) + 1
        suffix = "" if estate.endswith(("小区", "新村", "新区")) else "小区"
        names.append(f"{estate}{suffix}{number}号院" if per_estate > 1 else f"{estate}{suffix}")
    rng.shuffle(names)
    return [(name, rng.choice(ROADS)) for name in names]
