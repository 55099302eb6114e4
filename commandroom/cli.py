"""The command line: start the console, generate the demo street, print the measures.

Every refused input ends in one clear line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from commandroom.config import LANGUAGES, Settings, default_db_url
from commandroom.models.errors import CommandroomError, ConfigError
from commandroom.models.measures import GROUPINGS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text!r}") from None


def _instant(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"时刻应为 YYYY-MM-DDTHH:MM：{text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸应为 宽x高，如 1920x1080：{text!r}") from None
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"尺寸超出范围：{text!r}")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    # --db and --lang are accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLAlchemy URL (default: SQLite file in the user data directory)")
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="interface language")
    parser = argparse.ArgumentParser(
        prog="commandroom", description="街道综合信息指挥室 — console, demo street and measures",
        parents=[common],
    )
    parser.add_argument("--user", default="duty", help="login the console acts as")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the loaded console and exit")
    parser.add_argument("--size", type=_size, default=(1920, 1080), help="window size, e.g. 1920x1080")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="generate the demo street and its history", parents=[common])
    demo.add_argument("--days", type=_positive, default=30, help="days of history")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same street)")
    demo.add_argument("--per-day", type=_positive, default=None, help="events a day (default: a street's 20–200)")
    demo.add_argument("--end", type=_date, default=None, help="last day of history (default: today)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing if the database has a street")

    export = sub.add_parser("export", help="the events as they stood at an instant, rebuilt from the log",
                            parents=[common])
    export.add_argument("--at", type=_instant, default=None,
                        help="the instant, e.g. 2026-11-16T00:00 (default: now)")
    export.add_argument("--format", choices=("csv", "json"), default=None,
                        help="default: from --out's suffix, else csv")
    export.add_argument("--out", metavar="FILE", default=None, help="default: standard output")

    kpi = sub.add_parser("kpi", help="print the measures for a period", parents=[common])
    kpi.add_argument("--from", dest="start", type=_date, required=True)
    kpi.add_argument("--to", dest="end", type=_date, required=True)
    kpi.add_argument("--by", choices=GROUPINGS, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Not parser defaults: parents share their action objects, so a default set on the main
    # parser would also overwrite a --db given before the subcommand.
    args.lang = getattr(args, "lang", "zh_CN")
    url = getattr(args, "db", None) or default_db_url()
    try:
        if args.command == "demo":
            return _demo(url, args)
        if args.command == "export":
            return _export(url, args)
        if args.command == "kpi":
            return _kpi(url, args)
        return _console(url, args)
    except CommandroomError as exc:
        print(f"commandroom: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _open(url: str):
    from sqlalchemy.exc import SQLAlchemyError

    from commandroom.models.db import Database

    try:
        return Database(url)
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).splitlines()[0]
        raise ConfigError(f"无法打开数据库 {url}：{reason}", f"Cannot open database {url}: {reason}") from exc


def _demo(url: str, args) -> int:
    from commandroom.models.demo import generate, has_street

    db = _open(url)
    if args.if_empty and has_street(db):
        return 0
    summary = generate(db, days=args.days, seed=args.seed, per_day=args.per_day, end=args.end)
    db.analyze()
    print(summary)
    return 0


def _export(url: str, args) -> int:
    from commandroom.models.export import export_records, write

    fmt = args.format or ("json" if (args.out or "").lower().endswith(".json") else "csv")
    db = _open(url)
    with db.session() as session:
        records = export_records(session, None, args.at)
    if args.out is None:
        write(records, sys.stdout, fmt)
        return 0
    # Written beside the target and renamed: a failed export never leaves half a file.
    # A BOM lets spreadsheet programs read the Chinese text of a CSV as UTF-8.
    target = Path(args.out)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as out:
            write(records, out, fmt)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ConfigError(f"无法写入 {target}：{exc.strerror}", f"Cannot write {target}: {exc.strerror}") from None
    print(f"{len(records)} 件事件 → {target}", file=sys.stderr)
    return 0


def _kpi(url: str, args) -> int:
    from commandroom.models.measures import compute, format_table

    if args.end < args.start:
        raise ConfigError("--to 不能早于 --from", "--to must not be before --from")
    db = _open(url)
    with db.session() as session:
        rows = compute(session, args.start, args.end, args.by)
    print(format_table(rows, by=args.by, lang=args.lang))
    return 0


def _console(url: str, args) -> int:
    from commandroom.app import run

    _open(url).dispose()  # refuse a bad URL with one line, before any window opens
    settings = Settings(db_url=url, lang=args.lang, user=args.user)
    return run(settings, screenshot=args.screenshot, size=args.size)
