"""The words of the simulated work: why cases are refused, returned, moved, extended, and how
consultations are answered on the spot (the reports' own words are in reports.py)."""

from __future__ import annotations

from commandroom.models.enums import Source

# Sources whose reporter is a member of the public (name and phone on the contact).
PUBLIC = frozenset({Source.HOTLINE_12345, Source.PHOTO_APP, Source.WALK_IN, Source.MICRO_WISH})
EXTERNAL_PREFIX = {Source.HOTLINE_12345: "JN12345-", Source.PHOTO_APP: "SSP-", Source.DISTRICT_ORDER: "LXQ-"}

REJECT = (
    "不属于街道职责范围，已告知来电人向相关部门反映",
    "非本辖区事项，已告知所属街道",
    "诉求不明确，多次联系无法核实",
    "属于司法诉讼程序事项，不予受理",
)
RETURN = ("不属于本单位职责", "地址不在本单位辖区", "事项需其他部门牵头", "派遣信息有误，请重新派遣")
# 改派: why the dispatcher moves the lead to another unit (the first one phoned in, or it was checked).
REASSIGN = ("原派遣单位电话反馈非本单位职责", "事发地点属其他单位辖区", "经核实应由其他单位主办", "原单位反馈需调整主办单位")
# 召回: why the dispatcher takes an event back from its unit to dispatch it again.
RECALL = ("派遣信息有误，重新派遣", "事发地址有误，核实后重新派遣", "诉求人补充情况，需重新研判")
ESCALATE_RETURN = "超出街道处置能力，需区级部门处置"
RESOLVE = (
    "已现场处置完毕", "已协调相关方解决", "已清理完毕，恢复原状", "已完成维修，恢复正常",
    "已调解，双方达成一致", "已答复诉求人并办理", "已责令整改，现场复查合格",
)
VERIFY = ("网格员现场核查，问题已解决", "经回访核实，已处置到位", "现场照片核实无误")
REWORK = ("现场核查未处置到位", "群众反映问题依旧", "处置不彻底，需再次处理")
EXTENSION = ("需协调多个部门联合处置", "等待配件采购", "涉及产权单位，需进一步协商", "受天气影响无法施工")
DENY = ("理由不充分，请按期办结", "可先行临时处置，请按期办结")

# 当场答复: the consultations a duty officer answers at once (share of the item's reports answered,
# and what the officer tells the caller). Other items are always registered.
ANSWERS: dict[str, tuple[float, tuple[str, ...]]] = {
    "社保医保咨询": (0.6, ("已告知灵活就业人员医保缴费渠道及标准", "已告知异地就医报销所需材料及办理窗口",
                          "已告知养老金资格认证可在便民服务中心或手机办理", "已告知新生儿参保流程")),
    "教育入学咨询": (0.65, ("已告知学区划分查询方式及报名时间", "已告知随迁子女入学所需材料", "已告知转学手续及办理部门")),
    "党员报到服务": (0.5, ("已告知在职党员报到所需材料及社区党委联系方式", "已告知组织关系转接流程")),
    "退役军人服务": (0.35, ("已告知优待证办理进度查询方式", "已告知退役军人就业扶持政策及服务站地址")),
    "企业服务": (0.3, ("已告知稳岗补贴申报渠道及条件", "已告知营业执照办理窗口及所需材料")),
    "就业帮扶": (0.2, ("已告知社区招聘信息发布渠道及免费培训报名方式",)),
    "社会救助": (0.15, ("已告知低保、临时救助申请条件及所需材料",)),
    "养老服务": (0.1, ("已告知长者食堂位置及助餐服务申请方式",)),
}
