"""The patterns ``privacy.py`` cuts personal data with: phone and ID numbers, number plates,
the house, building, unit, floor and room numbers of an address, and the names that follow a
self-introduction. Written once here so the address and the free-text rules share them.

Numbers are matched after full-width digits and letters are folded to ASCII (``FOLD``), so
``３号楼`` and ``3号楼`` are one case. Chinese numerals count in building, unit and floor
designations (三号楼, 二单元, 十二楼) but never ``两`` (两户, 两栋 are counts, not numbers).
"""

from __future__ import annotations

import re

FOLD = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "－": "-", "—": "-", "–": "-", "＃": "#", "＋": "+", "（": "(", "）": ")", "\u3000": " "})

CN_DIGITS = "零〇一二三四五六七八九十百"
_CN = f"[{CN_DIGITS}]+"

# -- phone and ID numbers ------------------------------------------------------------------------
# Any number of 7 digits or more, separators (space, dash, dot) between its digits, with a
# country code or a bracketed area code before it and an ID number's check letter after it: a
# phone, an ID, a bank card — none of which a visitor may read. Dates are kept (DATE, tried first).
DATE = r"(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?!\d)"
LONG_NUMBER = (r"(?:\+?86[\s-]?)?(?:\(\s*0\d{2,3}\s*\)\s*)?"
               r"\d(?:[\s\-.]{0,2}\d){6,}(?:\s?[Xx](?![A-Za-z]))?")
# Read aloud and typed as said: 幺三八…; seven Chinese digits in a row are a number, not words.
SPOKEN_NUMBER = "[零〇一二三四五六七八九幺]{7,}"
# The words that introduce a number, removed with it ("联系电话：" would dangle otherwise).
PHONE_LABEL = r"(?:(?:联系|手机|座机|固定|办公)?电话(?:号码|号)?|手机号?(?:码)?|联系方式|身份证(?:号码|号)?|tel|Tel|TEL)\s*(?:是|为)?\s*[:：]?\s*"
EMAIL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
NUMBERS = re.compile(
    rf"(?P<date>{DATE})|(?P<label>{PHONE_LABEL}|(?:邮箱|电子邮件|email|Email|E-mail)\s*(?:是|为)?\s*[:：]?\s*)?"
    rf"(?:(?P<email>{EMAIL})|(?P<long>{LONG_NUMBER})|(?P<spoken>{SPOKEN_NUMBER}))")

# -- number plates -------------------------------------------------------------------------------
PLATE = re.compile(
    r"(?P<keep>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z])"
    r"(?P<sep>[·•.\s-]?)(?P<rest>[A-HJ-NP-Z0-9]{4,6}[挂学警港澳]?)(?![A-Za-z0-9])")

# -- house, building, unit, floor and room numbers -----------------------------------------------
# A number: digits (a letter before or after, 12A, B1), joined by dashes (12-1号), or a letter alone
# (B座). 号院 and 号楼院 name a compound or a building's courtyard (an L4 grid's own name, shown
# on the wall anyway): they are kept, like 区 (东区), 期 (二期), 组 (村民小组) and 队.
_ARABIC = r"(?<![A-Za-z0-9])(?:负|地下|第)?[A-Za-z]?\d+[A-Za-z]?(?:-\d+)*"
_LETTER = r"(?<![A-Za-z0-9])[A-Za-z]"
_CHINESE = rf"(?:负|地下|第)?{_CN}"
_NOT_COMPOUND = r"(?!院|楼院)"
_BUILDING = rf"(?:号楼{_NOT_COMPOUND}|栋|幢|座|#楼?|门)"  # 门: Beijing's word for a unit (2门)
_UNIT = "单元"
_FLOOR = "(?:层|楼(?!院))"
_ROOM = "(?:室|户)"
_HOUSE = rf"号{_NOT_COMPOUND}(?!楼)"
_AFTER_ROAD = "(?<=[路街巷道弄里村组])"
# A room number standing alone after a designation (B座1203, 2单元502); not a count (3号楼100多户).
_BARE_ROOM = r"\s*\d{2,4}(?![\d多余个人元米天次年月日号%.])"
_DASHED = r"(?<![\d.-])\d{1,3}(?:-\d{1,2})?-\d{3,4}(?![\d.-])(?:室|户|号)?"  # 3-2-502, 12-1201


def _designation(text_mode: bool) -> re.Pattern:
    """A run of designations (5号楼2单元502室, 3-2-502, 12楼). In free text a Chinese numeral is
    only a building, unit or floor number (三号楼, 二单元, 一楼), and a bare 号 only a house number
    after a road or before another designation (12号来修 is a date)."""
    arabic = rf"{_ARABIC}\s*(?:{_BUILDING}|{_UNIT}|{_FLOOR}|{_ROOM}|{{house}})"
    chinese = rf"{_CHINESE}(?:号楼{_NOT_COMPOUND}|{_UNIT}|{_FLOOR}{{cn_more}})"
    letter = rf"{_LETTER}(?:{_BUILDING}|{_UNIT}|{_FLOOR})"
    if text_mode:
        ahead = rf"(?=\s*(?:{_ARABIC}|{_CHINESE})\s*(?:号楼|栋|幢|座|单元|层|楼|室))"
        house = rf"(?:{_HOUSE}{ahead})"
        cn_more = ""
    else:
        house = _HOUSE
        cn_more = rf"|{_HOUSE}|栋|幢|座|室"
    arabic = arabic.replace("{house}", house)
    chinese = chinese.replace("{cn_more}", cn_more)
    element = rf"(?:{_DASHED}|{arabic}|{chinese}|{letter})"
    chain = rf"{element}(?:[\s-]?{element})*(?:{_BARE_ROOM})?"
    if text_mode:  # a house number after its road: 经十路12号
        chain = rf"(?:{_AFTER_ROAD}{_ARABIC}\s*{_HOUSE}(?:[\s-]?{element})*(?:{_BARE_ROOM})?|{chain})"
    return re.compile(chain)


ADDRESS_NUMBERS = _designation(text_mode=False)
TEXT_NUMBERS = _designation(text_mode=True)
# What an address keeps around a cut: no dangling separators, no empty brackets.
# What a cut leaves in free text: punctuation twice over ("电话：…，" → "，，"), runs of spaces.
DOUBLED = re.compile(r"[，,；;、]\s*(?=[，,；;。、！？])|[，,；;、]\s*$|(?<=[，,；;。、：:])\s+|^\s*[，,；;、]\s*|\s{2,}")
LEFTOVER = re.compile(r"\(\s*\)|[\s,，、;；:：-]+$|^[\s,，、;；:：-]+|\s{2,}")

# -- names -----------------------------------------------------------------------------------------
COMPOUND_SURNAMES = frozenset(
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 "
    "公冶 太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 "
    "壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 "
    "西门 第五 南荣 东里 仲长 子书 子桑 即墨 达奚 褚师".split())
# The common single surnames (the demo's list and the next most common): a name is only looked
# for after a self-introduction AND from one of these, so "我是在职党员" stays as it is. Left out
# on purpose: surnames that are also common first words there (单元长, 房东, 安全员, 包工头, 党员).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "邢裴戴洪武施严傅鲁康葛万赖易常乔牛殷庞覃温邵钱柳倪齐耿鲍尚申岳翟聂祝欧阎季柴孔佟芦詹")
# Words that follow a surname-looking character but are not names.
NOT_NAMES = ("高龄", "高层", "周边", "周围", "周末", "马上", "任何", "白天", "方便", "黄色", "金额",
             "石头", "龙头", "江边", "毛坯", "常年", "常住", "于是", "余下", "程序", "钟点", "夏天",
             "齐全", "万一", "温度", "雷雨", "易燃", "沈阳", "方面", "方式", "方案", "高度", "金属", "江湖")
# Words after a surname that are a form of address, not a given name: 王先生 stays 王先生.
TITLES = ("先生", "女士", "小姐", "师傅", "阿姨", "大爷", "大妈", "大姐", "大哥", "老师", "同志", "经理",
          "主任", "书记", "老板", "奶奶", "爷爷", "叔叔", "总", "工", "姐", "哥")
# The introductions after which a name always follows (the others may go on with a word).
NAMING_INTROS = ("我叫", "姓名", "联系人", "来电人", "反映人", "投诉人", "报告人", "申请人", "当事人")

# A given name stops at these (they start the rest of the sentence).
GIVEN_STOPS = set("的是在住家电手联反想要说来打今昨就也和跟给从这那了们个位称投报向对被把让叫问找去到于与及等"
                  "，。、；：！？,.;:!? ")
# After 我是 a numeral starts the rest of the sentence (我是高三学生家长); after 我叫 or 联系人 it is
# part of the name (张三, 赵四).
NUMERAL_STOPS = set(CN_DIGITS) | {"两"}
_COMPOUND = "|".join(sorted(COMPOUND_SURNAMES))
INTRODUCED = re.compile(
    r"(?P<intro>我叫|我是|我姓|姓名\s*[:：]?\s*|(?:联系人|来电人|反映人|投诉人|报告人|申请人|当事人|业主|居民|住户|租户)"
    r"\s*[:：]?\s*|(?<!百)姓)"
    rf"(?P<name>(?:{_COMPOUND}|[{''.join(sorted(SURNAMES))}])[\u4e00-\u9fff]{{0,2}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
