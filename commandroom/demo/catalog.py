"""The event catalogue of the demo street: Longwan's five classes plus urban management.

One line per item: name, the units that answer for it (the first is the default lead, whose type
is the item's ``lead_unit_type``; 社区 means the community committee of the event's grid), the
time-limit profile, how often it occurs (relative weight), the district department the street may
call for it (街呼区应, which makes it ``territorial``), a title phrase and a description detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from commandroom.demo.org import COMMUNITY, UNIT_KEY_TYPES
from commandroom.models.enums import Priority, Source, UnitType

# (response minutes, handling minutes) for urgent / high / normal, per profile. Urgent items are
# answered in 10–30 min and handled within hours; normal ones within 3–15 days (12345 practice).
PROFILES: dict[str, dict[Priority, tuple[int, int]]] = {
    "quick": {Priority.URGENT: (10, 120), Priority.HIGH: (20, 720), Priority.NORMAL: (30, 4320)},
    "standard": {Priority.URGENT: (15, 240), Priority.HIGH: (30, 1440), Priority.NORMAL: (60, 4320)},
    "repair": {Priority.URGENT: (20, 480), Priority.HIGH: (60, 2880), Priority.NORMAL: (120, 7200)},
    "service": {Priority.URGENT: (30, 1440), Priority.HIGH: (60, 2880), Priority.NORMAL: (120, 10080)},
    "complex": {Priority.URGENT: (30, 1440), Priority.HIGH: (60, 4320), Priority.NORMAL: (120, 21600)},
}
# Share of urgent / high events per profile (the rest are normal).
PRIORITY_MIX = {
    "quick": (0.04, 0.22), "standard": (0.05, 0.2), "repair": (0.08, 0.25),
    "service": (0.02, 0.12), "complex": (0.03, 0.15),
}
# Typical handling time as a share of the limit: quick items are cleared in a fraction of it.
TYPICAL_SHARE = {"quick": 0.06, "standard": 0.12, "repair": 0.14, "service": 0.12, "complex": 0.16}

# class name → (code prefix, items); item = (name, units, profile, weight, dept, title, detail)
CLASSES: dict[str, tuple[str, list[tuple[str, str, str, float, str, str, str]]]] = {
    "矛盾纠纷": ("MD", [
        ("邻里纠纷", "社区/司法所", "standard", 4, "", "邻里纠纷", "两户居民因楼道堆物、漏水等问题多次发生争执，情绪激动"),
        ("家庭纠纷", "社区/司法所", "standard", 2, "", "家庭矛盾求助", "家庭成员因赡养、财产问题发生矛盾，需要调解"),
        ("物业纠纷", "社区/社会事务办", "standard", 4, "", "物业服务纠纷", "业主与物业公司因收费、维修问题产生纠纷"),
        ("劳资纠纷", "民生保障服务中心/司法所", "complex", 1.5, "区人社局", "拖欠工资", "多名务工人员反映被拖欠工资，要求协调解决"),
        ("租赁纠纷", "司法所/社区", "standard", 1.5, "", "房屋租赁纠纷", "租户与房东因押金退还问题发生争执"),
        ("消费纠纷", "市场监管所/社会事务办", "standard", 2, "", "消费投诉", "商户拒不退还预付卡余额，消费者要求处理"),
        ("施工扰民纠纷", "综合执法中队/社区", "quick", 2, "区住建局", "夜间施工扰民", "工地夜间施工噪音大，影响周边居民休息"),
    ]),
    "治安安全隐患": ("ZA", [
        ("消防通道堵塞", "应急管理办/社区", "quick", 3, "区消防救援大队", "消防通道被占用", "车辆、杂物长期堵塞消防通道，存在安全隐患"),
        ("电动车违规充电", "应急管理办/社区", "quick", 3, "区消防救援大队", "电动车飞线充电", "居民从楼上私拉电线给电动车充电"),
        ("燃气安全隐患", "应急管理办/市场监管所", "quick", 1.5, "区住建局", "燃气泄漏隐患", "闻到明显燃气味，疑似管道泄漏"),
        ("危房隐患", "应急管理办/社区", "complex", 0.8, "区住建局", "房屋墙体开裂", "楼体外墙出现裂缝，居民担心安全"),
        ("高空坠物隐患", "社区/城市管理办", "quick", 1.5, "", "高空坠物隐患", "楼顶广告牌、空调外机松动，有坠落危险"),
        ("治安隐患", "派出所/平安建设办", "quick", 2, "", "可疑人员徘徊", "夜间有可疑人员在小区内徘徊，居民担心安全"),
        ("安全生产隐患", "应急管理办/综合执法中队", "standard", 1.5, "", "安全生产隐患", "沿街商铺违规存放液化气瓶"),
        ("电梯困人故障", "市场监管所/社区", "quick", 1, "", "电梯故障困人", "电梯突然停运，有人员被困轿厢"),
        ("防汛积水隐患", "城市管理办/市政所", "quick", 1, "区水务局", "路面积水严重", "降雨后路段积水较深，车辆行人通行困难"),
    ]),
    "党群事务": ("DQ", [
        ("党员报到服务", "党建办/社区", "service", 1, "", "在职党员报到", "在职党员咨询到社区报到、参加志愿服务的方式"),
        ("微心愿", "党建办/社区", "service", 1.5, "", "微心愿求助", "困难群众发布微心愿，希望得到帮助"),
        ("志愿服务需求", "便民服务中心/社区", "service", 1, "", "志愿服务需求", "独居老人需要志愿者定期上门探访"),
        ("群团活动", "公共文化服务中心/党建办", "service", 0.6, "", "文体活动场地", "居民希望协调文体活动场地和时间"),
        ("退役军人服务", "民生保障服务中心", "service", 0.6, "", "退役军人事务", "退役军人咨询优待证办理、帮扶政策"),
    ]),
    "民生服务": ("MS", [
        ("供水故障", "市政所/社区", "repair", 2, "区水务局", "停水", "小区突然停水，未见停水通知"),
        ("供电故障", "社区/市政所", "repair", 1.5, "区供电中心", "停电", "楼宇停电多时，影响居民生活"),
        ("供暖问题", "社区/社会事务办", "repair", 1.5, "区住建局", "暖气不热", "供暖期室温偏低，暖气不热"),
        ("养老服务", "民生保障服务中心/社区", "service", 1, "", "养老服务求助", "高龄老人需要助餐、助浴服务"),
        ("社会救助", "民生保障服务中心/社区", "service", 1, "", "困难救助申请", "困难家庭咨询低保、临时救助申请"),
        ("残疾人帮扶", "民生保障服务中心/社区", "service", 0.5, "", "残疾人帮扶", "残疾人家庭需要无障碍改造帮扶"),
        ("就业帮扶", "经济发展服务中心/便民服务中心", "service", 0.6, "", "就业求助", "失业人员希望获得就业岗位推荐"),
        ("社保医保咨询", "便民服务中心", "service", 1.2, "", "社保医保咨询", "居民咨询医保报销、社保缴费事宜"),
        ("老旧小区改造", "城市管理办/社区", "complex", 0.8, "区住建局", "老旧小区改造诉求", "小区管网老化、楼道破损，希望纳入改造"),
        ("教育入学咨询", "社会事务办/便民服务中心", "service", 0.6, "", "入学咨询", "家长咨询学区划分及入学材料"),
    ]),
    "其他中心工作": ("QT", [
        ("卫生防疫", "社会事务办/社区", "standard", 0.8, "", "卫生防疫", "小区出现鼠患、蚊虫孳生，需要消杀"),
        ("文明创建", "党政办/城市管理办", "standard", 0.8, "", "文明创建问题", "公益广告破损，需要更换"),
        ("人口信息采集", "综合治理服务中心/社区", "service", 0.6, "", "人口信息核查", "出租房屋人员信息需要登记核实"),
        ("平安建设排查", "平安建设办/派出所", "standard", 0.8, "", "平安建设排查", "重点场所需要开展安全排查"),
        ("企业服务", "经济发展服务中心", "service", 0.6, "", "企业服务诉求", "辖区企业咨询惠企政策申报"),
        ("反诈宣传", "派出所/平安建设办", "standard", 0.5, "", "反诈宣传需求", "老年人易受电信诈骗，希望开展反诈宣传"),
    ]),
    "城市管理": ("CG", [
        ("环境卫生", "环卫所/城市管理办", "quick", 9, "", "环境卫生脏乱", "路面垃圾散落、卫生死角长期无人清扫"),
        ("垃圾清运不及时", "环卫所", "quick", 6, "", "垃圾桶满溢", "垃圾桶满溢未及时清运，异味较大"),
        ("市政设施损坏", "市政所/城市管理办", "repair", 4, "", "市政设施损坏", "人行道护栏、路沿石损坏"),
        ("井盖缺失破损", "市政所", "quick", 2, "区水务局", "井盖缺失", "井盖缺失或破损，存在行人跌落危险"),
        ("路灯不亮", "市政所", "repair", 3, "", "路灯不亮", "多盏路灯夜间不亮，行人出行不便"),
        ("道路破损", "市政所/城市管理办", "repair", 3, "区住建局", "道路坑洼破损", "路面出现坑洼，雨天积水"),
        ("园林绿化", "绿化所", "repair", 3, "", "绿化带破坏", "绿化带被踩踏、毁绿种菜"),
        ("树木倒伏修剪", "绿化所/市政所", "quick", 2, "", "树木倒伏", "大风后树木倒伏，压住人行道"),
        ("违章搭建", "综合执法中队/综合行政执法办", "complex", 3, "", "违章搭建", "居民楼顶、院内私自搭建彩钢房"),
        ("占道经营", "综合执法中队/城市管理办", "quick", 7, "", "流动摊贩占道经营", "流动摊贩占用人行道经营，影响通行"),
        ("噪音扰民", "综合执法中队/派出所", "quick", 5, "", "噪音扰民", "商户音响声音过大，持续扰民"),
        ("油烟污染", "综合执法中队/市场监管所", "standard", 2, "", "餐饮油烟扰民", "餐馆油烟直排，影响楼上住户"),
        ("乱贴乱画", "环卫所/城市管理办", "quick", 2.5, "", "小广告乱贴", "楼道、电线杆小广告乱贴乱画"),
        ("车辆乱停放", "派出所/城市管理办", "quick", 4, "", "车辆乱停放", "机动车长期占用人行道、盲道停放"),
        ("共享单车乱停放", "城市管理办/环卫所", "quick", 3, "", "共享单车乱停放", "共享单车大量堆积，堵塞路口"),
        ("建筑垃圾乱倒", "综合执法中队/环卫所", "quick", 2, "", "建筑垃圾乱倒", "装修垃圾随意倾倒在路边"),
        ("户外广告违规", "综合执法中队", "standard", 1, "", "违规户外广告", "商户擅自设置大型户外广告牌"),
        ("排水管道堵塞", "市政所/社区", "repair", 2.5, "区水务局", "下水道堵塞", "小区下水管道堵塞，污水外溢"),
    ]),
}


@dataclass(frozen=True)
class Item:
    code: str
    class_name: str
    name: str
    lead_type: UnitType
    units: tuple[str, ...]
    profile: str
    weight: float
    department: str
    title: str
    detail: str


def items() -> list[Item]:
    out = []
    for class_name, (prefix, rows) in CLASSES.items():
        for n, (name, units, profile, weight, dept, title, detail) in enumerate(rows, start=1):
            keys = tuple(units.split("/"))
            out.append(Item(f"{prefix}{n:02d}", class_name, name, _lead_type(keys[0]), keys,
                            profile, weight, dept, title, detail))
    return out


def _lead_type(key: str) -> UnitType:
    return UnitType.COMMUNITY_COMMITTEE if key == COMMUNITY else UNIT_KEY_TYPES[key]


def limit_rows(category_id: int, item: Item) -> list[dict]:
    return [
        {"category_id": category_id, "priority": p.value, "response_minutes": r, "handling_minutes": h}
        for p, (r, h) in PROFILES[item.profile].items()
    ]


# How each source's reports spread over the classes (multiplies the item weights): patrols find
# hazards and street disorder, callers bring disputes and services, micro-wishes are party-mass work.
SOURCE_CLASS_MIX: dict[Source, dict[str, float]] = {
    Source.HOTLINE_12345: {"矛盾纠纷": 1.6, "治安安全隐患": 1.0, "党群事务": 0.4, "民生服务": 2.0,
                           "其他中心工作": 0.5, "城市管理": 1.0},
    Source.GRID_PATROL: {"矛盾纠纷": 0.8, "治安安全隐患": 1.4, "党群事务": 0.6, "民生服务": 0.5,
                         "其他中心工作": 1.6, "城市管理": 1.2},
    Source.PHOTO_APP: {"矛盾纠纷": 0.1, "治安安全隐患": 0.8, "党群事务": 0.1, "民生服务": 0.3,
                       "其他中心工作": 0.2, "城市管理": 1.8},
    Source.WALK_IN: {"矛盾纠纷": 2.5, "治安安全隐患": 0.6, "党群事务": 1.5, "民生服务": 2.5,
                     "其他中心工作": 0.5, "城市管理": 0.5},
    Source.MICRO_WISH: {"党群事务": 6.0, "民生服务": 1.0},
    Source.DISTRICT_ORDER: {"矛盾纠纷": 1.0, "治安安全隐患": 1.0, "党群事务": 0.3, "民生服务": 1.5,
                            "其他中心工作": 0.8, "城市管理": 1.0},
}


@dataclass(frozen=True)
class CategoryInfo:
    """One category as the simulation uses it: ids and minutes instead of keys and profiles."""

    id: int
    item: Item
    limits: dict[str, tuple[int, int]]  # priority value → (response, handling) minutes
    priority_mix: tuple[float, float]
    typical_share: float
    lead_key: str
    assist_keys: tuple[str, ...]
    department_id: int | None


def build_catalog(units: dict[str, int], communities: list[int]) -> tuple[dict[str, list[dict]], list[CategoryInfo]]:
    """Category, limit and unit_category rows, and the simulation's view of each category.
    A district department absent from this street leaves its items non-territorial."""
    rows: dict[str, list[dict]] = {"category": [], "category_limit": [], "unit_category": []}
    infos = []
    for category_id, item in enumerate(items(), start=1):
        department = units.get(item.department)
        rows["category"].append({
            "id": category_id, "code": item.code, "class_name": item.class_name, "name": item.name,
            "lead_unit_type": item.lead_type.value, "territorial": department is not None,
        })
        rows["category_limit"].extend(limit_rows(category_id, item))
        answering = [u for key in item.units for u in (communities if key == COMMUNITY else [units[key]])]
        answering += [department] if department else []
        rows["unit_category"].extend({"unit_id": u, "category_id": category_id}
                                     for u in sorted(set(answering)))
        infos.append(CategoryInfo(
            category_id, item, {p.value: m for p, m in PROFILES[item.profile].items()},
            PRIORITY_MIX[item.profile], TYPICAL_SHARE[item.profile], item.units[0], item.units[1:],
            department,
        ))
    return rows, infos
