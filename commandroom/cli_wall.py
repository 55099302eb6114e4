"""The wall's command line: ``wall [--screen N] [--layout NAME] [--screenshot FILE --size WxH]``
(the window itself is ``wall_mode.py``)."""

from __future__ import annotations

import argparse

from commandroom.cli_parser import pick
from commandroom.config import Settings
from commandroom.models.errors import ConfigError


def add_parser(sub, common, lang: str, typed_size, typed_integer, typed_instant) -> None:
    def h(zh: str, en: str) -> str:
        return pick(lang, zh, en)

    wall = sub.add_parser("wall", parents=[common],
                          help=h("大屏：全屏、只读、实时的街道态势（以大屏角色登录）",
                                 "the wall screen: full screen, read-only, live (signs in as the display role)"))
    wall.add_argument("--screen", type=typed_integer, default=None,
                      help=h("显示在第几块屏幕（从 0 起；默认：主屏幕）", "the screen to fill (from 0; default: the primary one)"))
    wall.add_argument("--layout", metavar="NAME", default="",
                      help=h("布局：1080p、4k、wall-3x2 或布局文件（默认：按屏幕尺寸选择）",
                             "layout: 1080p, 4k, wall-3x2 or a layout file (default: by the screen's size)"))
    # As on the console's line; SUPPRESS: given here it wins, not given the console's own stands.
    wall.add_argument("--wall-login", metavar="LOGIN", default=argparse.SUPPRESS,
                      help=h("大屏角色用户的登录名（默认：数据库中唯一的大屏用户）",
                             "the display user to sign in as (default: the database's only one)"))
    wall.add_argument("--screenshot", metavar="FILE.png", default=argparse.SUPPRESS,
                      help=h("保存大屏截图后退出（只读）", "save a picture of the wall and exit (read-only)"))
    wall.add_argument("--size", type=typed_size, default=argparse.SUPPRESS,
                      help=h("截图尺寸，如 5760x2160", "picture size, e.g. 5760x2160"))
    wall.add_argument("--now", type=typed_instant, default=None,
                      help=h("截图时以此时刻为当前时间，如 2026-11-20T15:30", "with --screenshot: take this instant as now"))


def run(url: str, args, open_db) -> int:
    from commandroom.models.opening import OpenMode
    from commandroom.views.wall import layout
    from commandroom.wall_mode import run_wall

    if args.now is not None and not args.screenshot:
        raise ConfigError("--now 只能与 --screenshot 一起使用（大屏实时运行时用真实时间）",
                          "--now goes with --screenshot only (a live wall runs on the real clock)")
    if args.layout:
        layout.load(args.layout)  # an unknown layout is one line, before any window opens
    mode = OpenMode.READ if args.screenshot else OpenMode.WRITE
    open_db(url, mode).dispose()  # so is a bad URL
    settings = Settings(db_url=url, lang=args.lang, street=args.street, wall_login=args.wall_login,
                        tile_url=args.tiles, tile_datum=args.tile_datum)
    return run_wall(settings, screen=args.screen, layout_name=args.layout, screenshot=args.screenshot,
                    size=args.size, open_mode=mode, now=args.now)
