"""The columns of the units, staff and categories sheets: their Chinese headers (the templates'
first row), whether a value is required, and an example (the templates' second row).

A cell is read into a value or a problem; an enum cell takes the Chinese label (as exported)
or the stored English value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from commandroom.models.enums import Committee, Priority, StaffRole, UnitType
from commandroom.models.orgdata.problems import Problem, at_row

CODES_SEPARATOR = "、"  # between category codes in one cell (also read: ; , ，；and spaces)
YES, NO = "是", "否"
LIMIT_MAX = 60 * 24 * 366  # a year of minutes: beyond it a limit is a typing error


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    en: str
    required: bool
    example: str


def _limit_columns() -> list[Column]:
    out = []
    examples = {Priority.URGENT: ("10", "120"), Priority.HIGH: ("30", "1440"), Priority.NORMAL: ("60", "4320")}
    for priority in Priority:
        response, handling = examples[priority]
        out.append(Column(f"{priority.label}响应时限（分钟）", f"response_{priority.value}",
                          f"{priority.value} response limit (minutes)", True, response))
        out.append(Column(f"{priority.label}处置时限（分钟）", f"handling_{priority.value}",
                          f"{priority.value} handling limit (minutes)", True, handling))
    return out


SHEETS: dict[str, list[Column]] = {
    "units": [
        Column("编码", "code", "code", True, "YJ-OF01"),
        Column("名称", "name", "name", True, "城市管理办公室"),
        Column("类型", "type", "type", True, UnitType.OFFICE.label),
        Column("专委", "committee", "committee", False, Committee.URBAN_MANAGEMENT.label),
        Column("值班电话", "duty_phone", "duty phone", False, "0531-86001234"),
        Column("所属网格编码", "grid", "grid code", False, ""),
        Column("负责类别编码", "categories", "category codes", False, "CG01、CG02"),
        # The office's place, WGS-84 (as every point is stored); both or neither, inside the street.
        Column("经度", "lon", "longitude (WGS-84)", False, "117.0781900"),
        Column("纬度", "lat", "latitude (WGS-84)", False, "36.6614323"),
    ],
    "staff": [
        Column("网格编码", "grid", "grid code", True, "370102005-01-01-001"),
        Column("姓名", "name", "name", True, "王芳"),
        Column("职务", "role", "role", True, StaffRole.WORKER.label),
        Column("电话", "phone", "phone", False, "13800000000"),
    ],
    "categories": [
        Column("编码", "code", "code", True, "CG01"),
        Column("大类", "class_name", "class", True, "市容环境"),
        Column("小类", "name", "item", True, "暴露垃圾"),
        Column("主办单位类型", "lead_unit_type", "lead unit type", True, UnitType.RESIDENT_UNIT.label),
        Column("属地管理", "territorial", "territorial (是/否)", False, NO),
        *_limit_columns(),
    ],
}
TITLES = {"units": ("处置单位", "units"), "staff": ("网格人员", "staff"), "categories": ("事件类别", "categories")}


def check_header(kind: str, header: list[str]) -> list[Problem]:
    """Every missing required column, unknown column and repeated column, by name."""
    columns = SHEETS[kind]
    known = {c.header for c in columns}
    problems = []
    for c in columns:
        if c.required and c.header not in header:
            problems.append(at_row(1, f"缺少必需的列「{c.header}」", f"the required column {c.header!r} ({c.en}) is missing"))
    seen = set()
    for name in header:
        if name and name not in known:
            problems.append(at_row(1, f"未知的列「{name}」（模板的列：{'、'.join(c.header for c in columns)}）",
                                   f"unknown column {name!r}"))
        elif name in seen:
            problems.append(at_row(1, f"列「{name}」出现了两次", f"the column {name!r} appears twice"))
        seen.add(name)
    return problems


def record(kind: str, header: list[str], cells: list[str]) -> dict[str, str]:
    """The row's cells by field name ("" for a missing cell or an optional column left out)."""
    index = {name: i for i, name in enumerate(header)}
    return {c.field: (cells[index[c.header]] if c.header in index and index[c.header] < len(cells) else "")
            for c in SHEETS[kind]}


class RowReader:
    """Reads the cells of one row, keeping a problem for each bad one."""

    def __init__(self, number: int, values: dict[str, str], kind: str, problems: list[Problem]):
        self.number, self.values, self.problems = number, values, problems
        self.columns = {c.field: c for c in SHEETS[kind]}

    def bad(self, field: str, zh: str, en: str) -> None:
        c = self.columns[field]
        self.problems.append(at_row(self.number, f"「{c.header}」{zh}", f"{c.en}: {en}"))

    def text(self, field: str, max_len: int) -> str:
        value = self.values[field]
        if not value and self.columns[field].required:
            self.bad(field, "不能为空", "may not be empty")
        elif len(value) > max_len:
            self.bad(field, f"过长（至多 {max_len} 字）：{value}", f"too long (at most {max_len}): {value}")
        return value

    def enum(self, field: str, enum_cls: type[Enum]) -> Enum | None:
        value = self.values[field]
        if not value:
            if self.columns[field].required:
                self.bad(field, "不能为空", "may not be empty")
            return None
        for member in enum_cls:
            if value in (member.label, member.value):
                return member
        choices = "、".join(m.label for m in enum_cls)
        self.bad(field, f"无法识别「{value}」，应为：{choices}", f"{value!r} is not one of: {', '.join(m.value for m in enum_cls)}")
        return None

    def minutes(self, field: str) -> int | None:
        value = self.values[field]
        if not value.isdigit() or not 0 < int(value) <= LIMIT_MAX:
            self.bad(field, f"应为 1～{LIMIT_MAX} 的整数：「{value}」", f"must be a whole number from 1 to {LIMIT_MAX}: {value!r}")
            return None
        return int(value)

    def coordinate(self, field: str, limit: float) -> float | None:
        """A longitude (``limit`` 180) or latitude (90) in decimal degrees; None when empty."""
        value = self.values[field].strip()
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not -limit <= number <= limit:  # NaN fails too
            self.bad(field, f"应为 -{limit:g}～{limit:g} 的十进制度数：「{value}」",
                     f"must be decimal degrees from -{limit:g} to {limit:g}: {value!r}")
            return None
        return number

    def yes_no(self, field: str) -> bool:
        value = self.values[field]
        if value in ("", NO, "no", "false", "0"):
            return False
        if value in (YES, "yes", "true", "1"):
            return True
        self.bad(field, f"应为「{YES}」或「{NO}」：「{value}」", f"must be 是 or 否: {value!r}")
        return False

    def codes(self, field: str) -> list[str]:
        text = self.values[field]
        for separator in ";；,，":
            text = text.replace(separator, CODES_SEPARATOR)
        return sorted({code.strip() for code in text.replace(" ", CODES_SEPARATOR).split(CODES_SEPARATOR) if code.strip()})
