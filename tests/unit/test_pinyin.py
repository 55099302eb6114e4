"""Type-ahead by Chinese text, full pinyin and pinyin initials, on the street's real names."""

from __future__ import annotations

import time

import pytest

from commandroom.models.pinyin import PinyinIndex, PinyinKey, matches, rank, search

UNITS = ["党政办", "党建办", "社会事务办", "综合行政执法办", "应急管理办", "平安建设办", "城市管理办",
         "便民服务中心", "民生保障服务中心", "综合治理(网格)服务中心", "公共文化服务中心",
         "经济发展服务中心", "综合执法中队", "公安派出所", "市场监管所", "司法所", "环卫所", "市政所",
         "绿化所", "区住建局", "区水务局", "区消防救援大队"]
CATEGORIES = ["垃圾堆放", "占道经营", "违章搭建", "噪音扰民", "邻里纠纷", "环境卫生", "垃圾清运不及时",
              "路灯不亮", "井盖缺失破损", "电动车违规充电", "消防通道堵塞", "共享单车乱停放", "12345热线转办"]


@pytest.mark.parametrize("query, name", [
    ("ljdf", "垃圾堆放"),          # initials
    ("LJDF", "垃圾堆放"),          # any case
    ("ｌｊｄｆ", "垃圾堆放"),      # full-width, as an input method's full-width mode types it
    ("cg01", "ＣＧ01占道经营"),
    ("lajiduifang", "垃圾堆放"),   # full pinyin
    ("lajidf", "垃圾堆放"),        # full then initials
    ("laj", "垃圾堆放"),           # a syllable being typed
    ("垃圾df", "垃圾堆放"),        # characters then initials
    ("la ji", "垃圾堆放"),         # spaces are not part of the name
    ("jdf", "垃圾堆放"),           # inside the name
    ("hws", "环卫所"),
    ("垃圾", "垃圾堆放"),          # the text itself
    ("卫所", "环卫所"),
    ("lhs", "绿化所"), ("lvhua", "绿化所"), ("luhua", "绿化所"),  # ü typed as v or u
    ("xzzf", "综合行政执法办"),   # 行 read xing in 行政
    ("hzzf", "综合行政执法办"),   # … and its other reading hang still finds it
    ("pcs", "公安派出所"),
    ("zhzl", "综合治理(网格)服务中心"),  # parentheses are not typed
    ("zhzlwg", "综合治理(网格)服务中心"),
    ("12345rx", "12345热线转办"),  # digits are their own reading
    ("xian", "西安"),              # two syllables or one: both splits tried
])
def test_matches(query, name):
    assert matches(query, name)


@pytest.mark.parametrize("query, name", [
    ("ldf", "垃圾堆放"),    # skips a character
    ("hwsx", "环卫所"),     # runs past the end
    ("jdfl", "垃圾堆放"),
    ("ycs", "姚家街道"),
    ("hsw", "环卫所"),      # wrong order
    ("垃圾f堆", "垃圾堆放"),
])
def test_does_not_match(query, name):
    assert not matches(query, name)


def test_ranking_prefers_the_whole_name_then_direct_then_pinyin_from_the_start():
    names = ["社会事务办", "司法所", "市场监管所", "市政所", "所"]
    index = PinyinIndex((n, n) for n in names)
    assert index.search("所") == ["所", "司法所", "市政所", "市场监管所"]  # whole name, then inside
    assert index.search("sz") == ["市政所"]                       # s-z only in shi zheng
    # All from the first character: shorter names first, then the caller's order.
    assert index.search("s") == ["所", "司法所", "市政所", "社会事务办", "市场监管所"]
    assert index.search("sw") == ["社会事务办"]                   # inside: shi wu
    # direct text beats pinyin: 市场 is typed, 市政所 is only a pinyin prefix of "shi"
    assert PinyinIndex([(1, "市政所"), (2, "市场监管所")]).search("市")[:2] == [1, 2]


def test_direct_prefix_beats_inside_and_shorter_name_wins_ties():
    index = PinyinIndex([("a", "城市管理办"), ("b", "区城市管理局"), ("c", "城市管理")])
    assert index.search("城市管理") == ["c", "a", "b"]


def test_several_texts_per_item_and_limit():
    index = PinyinIndex([(7, ("占道经营", "城市管理", "CG01")), (8, ("邻里纠纷", "矛盾纠纷", "MD01"))])
    assert index.search("cg01") == [7]
    assert index.search("mdjf") == [8]                      # by its class's initials
    assert index.search("jf") == [8]
    assert index.search("", limit=1) == [7]                  # an empty query lists in order
    assert len(index) == 2


def test_search_on_real_lists():
    units = [(name, name) for name in UNITS]
    assert search("hws", units) == ["环卫所"]
    # zong he zhi fa from the start first; then 政执法 (zh-eng, z-hi, f-a) inside the other
    assert search("zhzf", units) == ["综合执法中队", "综合行政执法办"]
    assert search("zhxz", units) == ["综合行政执法办"]
    assert search("sc", units)[0] == "市场监管所"           # shi chang, from its first character
    categories = [(name, name) for name in CATEGORIES]
    assert search("lj", categories)[:2] == ["垃圾堆放", "垃圾清运不及时"]
    assert search("zyrm", categories) == ["噪音扰民"]


def test_a_key_is_read_once_and_a_keystroke_is_fast():
    # ~150 names, as the picker and the dispatch path hold; pypinyin only at build time.
    items = [(i, n) for i, n in enumerate((UNITS + CATEGORIES) * 6)]
    index = PinyinIndex(items)
    started = time.perf_counter()
    for query in ("l", "lj", "ljd", "ljdf", "h", "hw", "hws", "zhzl"):
        index.search(query)
    per_keystroke = (time.perf_counter() - started) / 8
    assert per_keystroke < 0.03, per_keystroke  # well under a frame of typing


def test_rank_reports_tier_and_start():
    key = PinyinKey.of("综合行政执法办")
    assert rank("zhxz", key) == (3, 0)
    assert rank("zf", key) == (4, 4)
    assert rank("执法", key) == (2, 4)
    assert rank("综合行政执法办", key) == (0, 0)
