"""An argparse parser that speaks the language asked for with ``--lang`` and refuses in one line.

argparse writes its own messages in English (through gettext, with no Chinese catalogue shipped)
and prints its usage before the error; the console's users read Chinese first and every refusal
of the command line is one line. The language is found before parsing (``lang_of``), since the
parser must already speak it when it refuses ``--lang`` itself.
"""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

DEFAULT_LANG = "zh_CN"

# argparse's messages (Python 3.11 wording) and their Chinese; {0}… are the captured parts.
_ZH_MESSAGES = [
    (r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)", "参数 {0}：无效的选项 {1}（可选：{2}）"),
    (r"argument (.+?): invalid (\S+) value: (.*)", "参数 {0}：无效的 {1} 值 {2}"),
    (r"argument (.+?): expected one argument", "参数 {0}：需要一个值"),
    (r"argument (.+?): expected at most one argument", "参数 {0}：至多需要一个值"),
    (r"argument (.+?): expected at least one argument", "参数 {0}：至少需要一个值"),
    (r"argument (.+?): ignored explicit argument (.*)", "参数 {0}：不接受值 {1}"),
    (r"argument (.+?): not allowed with argument (.*)", "参数 {0}：不能与 {1} 同时使用"),
    (r"argument (.+?): (.*)", "参数 {0}：{1}"),
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"one of the arguments (.*) is required", "以下参数必须给出一个：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"ambiguous option: (.*) could match (.*)", "选项 {0} 有歧义，可能是：{1}"),
    (r"unexpected option string: (.*)", "意外的选项：{0}"),
]
_ZH_HELP = [("usage: ", "用法："), ("positional arguments:", "位置参数："), ("options:", "选项："),
            ("show this help message and exit", "显示本帮助并退出")]


def lang_of(argv: list[str]) -> str:
    """The language ``--lang`` asks for (the last one wins, as in argparse), or the default."""
    lang = DEFAULT_LANG
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


def is_english(lang: str) -> bool:
    return lang.startswith("en")


def pick(lang: str, zh: str, en: str) -> str:
    return en if is_english(lang) else zh


def translate(message: str, lang: str) -> str:
    if is_english(lang):
        return message
    for pattern, zh in _ZH_MESSAGES:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            return zh.format(*match.groups())
    return message


class Parser(argparse.ArgumentParser):
    """Refuses with ``commandroom: <reason>`` on one line of stderr and exit status 2."""

    def __init__(self, *args, lang: str = DEFAULT_LANG, **kwargs):
        kwargs.setdefault("allow_abbrev", False)  # "--d" must not silently mean --db or --days
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        hint = pick(self.lang, "（用法：{prog} --help）", " (usage: {prog} --help)")
        line = translate(message, self.lang) + hint.format(prog=self.prog)
        self.exit(2, f"commandroom: {' '.join(line.split())}\n")

    def format_help(self) -> str:
        return self._localised(super().format_help())

    def format_usage(self) -> str:
        return self._localised(super().format_usage())

    def _localised(self, text: str) -> str:
        if not is_english(self.lang):
            for english, chinese in _ZH_HELP:
                text = text.replace(english, chinese)
        return text
