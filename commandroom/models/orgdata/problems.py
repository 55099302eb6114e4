"""What an import found wrong: every problem, each named by its feature or row, in both
languages; the import writes nothing while there is one."""

from __future__ import annotations

from dataclasses import dataclass

from commandroom.models.errors import ValidationError


@dataclass(frozen=True)
class Problem:
    where_zh: str  # 第 3 行 / 要素 5（A1）
    where_en: str
    zh: str
    en: str

    def line(self, lang: str = "zh") -> str:
        if lang.startswith("en"):
            return f"{self.where_en}: {self.en}"
        return f"{self.where_zh}：{self.zh}"


def at_row(number: int, zh: str, en: str) -> Problem:
    """Row ``number`` of a sheet; 0 is the one record an admin screen's form sends."""
    if number == 0:
        return Problem("填写内容", "the form", zh, en)
    return Problem(f"第 {number} 行", f"row {number}", zh, en)


def at_file(zh: str, en: str) -> Problem:
    return Problem("文件", "file", zh, en)


class ImportRefused(ValidationError):
    """The file is refused as a whole; ``problems`` lists every one found."""

    def __init__(self, source: str, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        super().__init__(f"{source} 有 {n} 处问题，未导入任何数据",
                         f"{source} has {n} problem{'s' if n != 1 else ''}; nothing was imported")

    def lines(self, lang: str = "zh") -> list[str]:
        return [self.message(lang), *(p.line(lang) for p in self.problems)]
