"""The command line: start the console, generate the demo street, print the measures.

Every refused input ends in one clear line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import signal
import sys
from contextlib import contextmanager
from datetime import date

from commandroom.config import LANGUAGES, Settings, default_db_url
from commandroom.models.errors import CommandroomError, ConfigError

GROUPINGS = ("unit", "grid", "category", "source")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text!r}") from None


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
    from commandroom.demo import check, generate, has_street

    check(args.days, args.per_day, args.end)  # a refused input writes nothing, not even a schema
    db = _open(url)
    if args.if_empty and has_street(db):
        return 0
    try:
        with _signals_interrupt() as stopped:
            summary = generate(db, days=args.days, seed=args.seed, per_day=args.per_day, end=args.end)
    except KeyboardInterrupt:
        # generate() wrote all or nothing; ask the database which, rather than guess.
        done = has_street(db)
        zh, en = ("演示街道生成已中断，但数据已完整写入", "demo generation interrupted after it was written") \
            if done else ("演示街道生成已中断，未写入任何数据", "demo generation interrupted; nothing was written")
        print(f"commandroom: {zh if args.lang == 'zh_CN' else en}", file=sys.stderr)
        return 128 + stopped[0]
    db.analyze()
    print(summary)
    return 0


@contextmanager
def _signals_interrupt():
    """SIGTERM stops like Ctrl-C, as a KeyboardInterrupt, so every ``with`` on the way out rolls
    back and ends the producer process; a second signal while stopping is ignored. Yields a
    list that receives the signal's number."""
    stopped = [signal.SIGINT]
    stops = (signal.SIGINT, signal.SIGTERM)

    def stop(signum, _frame):
        for number in stops:
            signal.signal(number, signal.SIG_IGN)
        stopped[0] = signum
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, stop) for number in stops}
    try:
        yield stopped
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


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
