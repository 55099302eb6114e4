"""The words of the simulated work: how reports open, why cases are refused, returned, extended."""

from __future__ import annotations

from commandroom.models.enums import Source

OPENING = {
    Source.HOTLINE_12345: "市民来电反映：",
    Source.GRID_PATROL: "网格员巡查发现：",
    Source.PHOTO_APP: "市民通过随手拍上报：",
    Source.WALK_IN: "群众来访反映：",
    Source.MICRO_WISH: "居民发布微心愿：",
    Source.DISTRICT_ORDER: "区12345平台派单：",
}
# How a second caller puts a matter already reported ({place}: the grid, {road}, {item}: the
# catalogue item's short title): the duplicate finder must see through the wording.
RETOLD = ("{road}{place}附近{item}", "{place}门口{item}，无人处理", "又见{item}（{place}）", "{item}，在{road}一带",
          "反映{place}一带{item}问题")
CLOSING = ("请尽快处理。", "请相关部门核实处置。", "希望尽快解决。", "已多次反映，请督促落实。", "请安排人员到现场查看。")
# Sources whose reporter is a member of the public (name and phone on the contact).
PUBLIC = frozenset({Source.HOTLINE_12345, Source.PHOTO_APP, Source.WALK_IN, Source.MICRO_WISH})
EXTERNAL_PREFIX = {Source.HOTLINE_12345: "JN12345-", Source.PHOTO_APP: "SSP-", Source.DISTRICT_ORDER: "LXQ-"}

REJECT = (
    "不属于街道职责范围，已告知来电人向相关部门反映",
    "非本辖区事项，已告知所属街道",
    "诉求不明确，多次联系无法核实",
    "属于司法诉讼程序事项，不予受理",
    "咨询类事项，已当场答复",
)
RETURN = ("不属于本单位职责", "地址不在本单位辖区", "事项需其他部门牵头", "派遣信息有误，请重新派遣")
ESCALATE_RETURN = "超出街道处置能力，需区级部门处置"
RESOLVE = (
    "已现场处置完毕", "已协调相关方解决", "已清理完毕，恢复原状", "已完成维修，恢复正常",
    "已调解，双方达成一致", "已答复诉求人并办理", "已责令整改，现场复查合格",
)
VERIFY = ("网格员现场核查，问题已解决", "经回访核实，已处置到位", "现场照片核实无误")
REWORK = ("现场核查未处置到位", "群众反映问题依旧", "处置不彻底，需再次处理")
EXTENSION = ("需协调多个部门联合处置", "等待配件采购", "涉及产权单位，需进一步协商", "受天气影响无法施工")
DENY = ("理由不充分，请按期办结", "可先行临时处置，请按期办结")
