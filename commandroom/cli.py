"""The command line: start the console, generate the demo street, print the measures.

Every refused input ends in one clear line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from commandroom import cli_admin
from commandroom import cli_intake, cli_wall
from commandroom.cli_parser import Parser, lang_of, pick
from commandroom.cli_map import map_options
from commandroom.config import LANGUAGES, Settings, default_db_url
from commandroom.models.errors import CommandroomError, ConfigError
from commandroom.models.measures import GROUPINGS

# A demo history lies in this century; the generator's date arithmetic must stay in range.
DEMO_FIRST, DEMO_LAST = date(2000, 1, 1), date(2099, 12, 31)
DEMO_MAX_DAYS, DEMO_MAX_PER_DAY = 3660, 5000  # ten years; above a district's busiest day
# A status apart from a refusal (2): the fuzz test tells a bug from a refused input by it.
INTERNAL_ERROR = 70


def _refuse(lang: str, zh: str, en: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(pick(lang, zh, en))


def _date(text: str, *, lang: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _refuse(lang, f"日期应为 YYYY-MM-DD：{text!r}", f"a date must be YYYY-MM-DD: {text!r}") from None


def _instant(text: str, *, lang: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise _refuse(lang, f"时刻应为 YYYY-MM-DDTHH:MM：{text!r}",
                      f"an instant must be YYYY-MM-DDTHH:MM: {text!r}") from None


def _positive(text: str, *, lang: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise _refuse(lang, f"应为正整数：{text!r}", f"must be a positive whole number: {text!r}")
    return value


def _week(text: str, *, lang: str) -> str:
    from commandroom.models.agenda import week_bounds, week_of

    try:
        return week_of(week_bounds(text)[0].date())
    except CommandroomError as exc:
        raise argparse.ArgumentTypeError(exc.message(lang)) from None


def _report_path(text: str, *, lang: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        raise _refuse(lang, f"周报文件的扩展名应为 .pdf 或 .xlsx：{text!r}",
                      f"the report file must end in .pdf or .xlsx: {text!r}")
    return path


def _integer(text: str, *, lang: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise _refuse(lang, f"应为整数：{text!r}", f"must be a whole number: {text!r}") from None


def _size(text: str, *, lang: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise _refuse(lang, f"尺寸应为 宽x高，如 1920x1080：{text!r}",
                      f"a size is WIDTHxHEIGHT, e.g. 1920x1080: {text!r}") from None
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise _refuse(lang, f"尺寸超出范围（320x240 至 8192x8192）：{text!r}",
                      f"size out of range (320x240 to 8192x8192): {text!r}")
    return width, height


def build_parser(lang: str = "zh_CN") -> argparse.ArgumentParser:
    def h(zh: str, en: str) -> str:
        return pick(lang, zh, en)

    def typed(func):
        return partial(func, lang=lang)

    # --db, --lang and --street are accepted before or after the subcommand.
    common = Parser(add_help=False, lang=lang)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help=h("SQLAlchemy 地址（默认：用户数据目录中的 SQLite 文件）",
                               "SQLAlchemy URL (default: SQLite file in the user data directory)"))
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=h("界面语言", "interface language"))
    common.add_argument("--street", metavar="CODE", default=argparse.SUPPRESS,
                        help=h("本指挥室的街道编码（默认：数据库中唯一的街道）",
                               "the street this room serves (default: the database's only street)"))
    parser = Parser(
        prog="commandroom", lang=lang, parents=[common],
        description=h("街道综合信息指挥室 — 值班台、演示街道与考核指标",
                      "街道综合信息指挥室 — console, demo street and measures"),
    )
    parser.add_argument("--user", default=None, help=h("不登录，以该用户身份打开值班台（仅限演示数据库）",
                                                       "act as this login without signing in (demo databases only)"))
    parser.add_argument("--wall-login", metavar="LOGIN", default="",
                        help=h("大屏：以该大屏角色用户自动签到，不弹出签到框", "the wall: sign in as this display user, no dialog"))
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help=h("保存已加载的值班台截图后退出（只读打开数据库）",
                               "save a picture of the loaded console and exit (opens the database read-only)"))
    parser.add_argument("--size", type=typed(_size), default=(1920, 1080),
                        help=h("窗口尺寸，如 1920x1080", "window size, e.g. 1920x1080"))
    map_options(parser, h)
    parser.add_argument("--intake", action="store_true",
                        help=h("值班台同时运行接入服务（HTTP，默认 127.0.0.1:8311）",
                               "run the intake server inside the console (HTTP, default 127.0.0.1:8311)"))
    sub = parser.add_subparsers(dest="command", parser_class=partial(Parser, lang=lang))

    demo = sub.add_parser("demo", parents=[common],
                          help=h("生成演示街道及其历史", "generate the demo street and its history"))
    demo.add_argument("--days", type=typed(_positive), default=30, help=h("历史天数", "days of history"))
    demo.add_argument("--seed", type=typed(_integer), default=1,
                      help=h("随机种子（同一种子，同一街道）", "random seed (same seed, same street)"))
    demo.add_argument("--per-day", type=typed(_positive), default=None,
                      help=h("每天事件数（默认：20–200）", "events a day (default: a street's 20–200)"))
    demo.add_argument("--end", type=typed(_date), default=None,
                      help=h("历史的最后一天（默认：今天）", "last day of history (default: today)"))
    demo.add_argument("--if-empty", action="store_true",
                      help=h("数据库已有街道时什么也不做", "do nothing if the database has a street"))

    export = sub.add_parser("export", parents=[common],
                            help=h("导出某一时刻的事件（由日志重建，只读）",
                                   "the events as they stood at an instant, rebuilt from the log (read-only)"))
    export.add_argument("what", nargs="?", choices=("events",) + cli_admin.ORG_KINDS, default="events",
                        help=h("导出什么（默认：事件）", "what to export (default: the events)"))
    export.add_argument("--at", type=typed(_instant), default=None,
                        help=h("时刻，如 2026-11-16T00:00（默认：现在）", "the instant, e.g. 2026-11-16T00:00 (default: now)"))
    export.add_argument("--format", choices=("csv", "json"), default=None,
                        help=h("默认：按 --out 的扩展名，否则 csv", "default: from --out's suffix, else csv"))
    export.add_argument("--out", metavar="FILE", default=None, help=h("默认：标准输出", "default: standard output"))

    kpi = sub.add_parser("kpi", parents=[common],
                         help=h("打印一段时间的考核指标（只读）", "print the measures for a period (read-only)"))
    kpi.add_argument("--from", dest="start", type=typed(_date), required=True)
    kpi.add_argument("--to", dest="end", type=typed(_date), required=True)
    kpi.add_argument("--by", choices=GROUPINGS, default=None)

    meeting = sub.add_parser("meeting", parents=[common],
                             help=h("例会：回放一周并记录决定，或生成周报（PDF 或 XLSX）",
                                    "the weekly meeting: replay a week and record decisions, or write its report"))
    meeting.add_argument("--week", type=typed(_week), default=None,
                         help=h("周次，如 2026-W47（默认：上一周）", "the week, e.g. 2026-W47 (default: last week)"))
    meeting.add_argument("--report", metavar="FILE.pdf|FILE.xlsx", type=typed(_report_path), default=None,
                         help=h("不开窗口，写出周报文件（按扩展名写 PDF 或 XLSX，只读）",
                                "write the report file and open no window (PDF or XLSX by its suffix; read-only)"))
    # As for the console; SUPPRESS: given here they win, not given the console's own stand.
    meeting.add_argument("--user", default=argparse.SUPPRESS, help=h("不登录，以该用户身份打开例会（仅限演示数据库；记录决定须为带班领导）",
                                                                    "open the meeting as this user without signing in "
                                                                    "(demo database only; a shift leader decides)"))
    meeting.add_argument("--screenshot", metavar="FILE.png", default=argparse.SUPPRESS,
                         help=h("保存例会窗口截图后退出（只读）", "save a picture of the meeting window and exit (read-only)"))
    meeting.add_argument("--size", type=typed(_size), default=argparse.SUPPRESS,
                         help=h("窗口尺寸，如 1920x1080", "window size, e.g. 1920x1080"))
    cli_admin.add_parsers(sub, common, h)
    sup = sub.add_parser("supervise", parents=[common], help=h("督办扫描（无窗口）：打印新提醒，每行一条",
                                                               "the supervision scan without a window"))
    sup.add_argument("--once", action="store_true", help=h("扫描一次后退出", "scan once and exit"))
    sup.add_argument("--now", type=typed(_instant), default=None,
                     help=h("以此时刻为当前时间，如 2026-11-16T09:00", "take this instant as now"))
    cli_intake.add_parsers(sub, common, lang, typed(_positive))
    cli_wall.add_parser(sub, common, lang, typed(_size), typed(_integer), typed(_instant))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = lang_of(argv)
    try:
        status = _main(argv, lang)
        sys.stdout.flush()  # a closed pipe shows here, inside the try
        return status
    except BrokenPipeError:
        # The reader went away (`commandroom kpi … | head -1`): as the Python docs advise, point
        # stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: list[str], lang: str) -> int:
    args = build_parser(lang).parse_args(argv)
    # Not parser defaults: parents share their action objects, so a default set on the main
    # parser would also overwrite a --db given before the subcommand.
    args.lang = getattr(args, "lang", "zh_CN")
    args.street = getattr(args, "street", "")
    explicit = getattr(args, "db", None)
    url = explicit or default_db_url()
    try:
        if args.command == "demo":
            return _demo(url, args)
        if args.command == "export":
            return _export(url, args)
        if args.command == "kpi":
            return _kpi(url, args)
        if args.command == "meeting":
            return _meeting_report(url, args) if args.report else _meeting_window(url, args)
        if args.command in cli_admin.COMMANDS:
            return cli_admin.run(url, args, _open, _street_id)
        if args.command == "supervise":
            return _supervise(url, args)
        if args.command == "wall":
            return cli_wall.run(url, args, _open)
        if args.command in cli_intake.COMMANDS:
            return cli_intake.run(url, args, _open)
        return _console(url, args, explicit=explicit is not None)
    except CommandroomError as exc:
        print(f"commandroom: {' '.join(exc.message(args.lang).split())}", file=sys.stderr)
        for line in getattr(exc, "problems", ()):  # an import lists every problem, one a line
            print(f"  {line.line(args.lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # a bug: still one line, never a traceback (COMMANDROOM_DEBUG shows it)
        if os.environ.get("COMMANDROOM_DEBUG"):
            raise
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"commandroom: {pick(args.lang, '内部错误', 'internal error')}: {reason}", file=sys.stderr)
        return INTERNAL_ERROR


def _open(url: str, mode):
    """The database at ``url`` opened as ``mode`` allows; whatever cannot be opened is one line."""
    from commandroom.models.db import Database

    return Database(url, mode=mode)


def _open_to_read(url: str):
    """For commands that only read (kpi, export, screenshot): never creates, migrates or writes."""
    from commandroom.models.opening import OpenMode

    return _open(url, OpenMode.READ)


def _demo(url: str, args) -> int:
    from commandroom.models.opening import OpenMode

    _check_demo_period(args)
    from commandroom.demo import generate, has_street

    db = _open(url, OpenMode.CREATE)
    try:
        if args.if_empty and has_street(db):
            return 0
        try:
            with _signals_interrupt() as stopped:
                summary = generate(db, days=args.days, seed=args.seed, per_day=args.per_day,
                                   end=args.end)
        except KeyboardInterrupt:
            # generate() wrote all or nothing; ask the database which, rather than guess.
            zh, en = ("演示街道生成已中断，但数据已完整写入", "demo generation interrupted after it was written") \
                if has_street(db) else ("演示街道生成已中断，未写入任何数据",
                                        "demo generation interrupted; nothing was written")
            print(f"commandroom: {pick(args.lang, zh, en)}", file=sys.stderr)
            return 128 + stopped[0]
        db.analyze()
    finally:
        db.dispose()
    print(summary)
    return 0


def _check_demo_period(args) -> None:
    end = args.end or date.today()
    if not DEMO_FIRST <= end <= DEMO_LAST:
        raise ConfigError(f"--end 应在 {DEMO_FIRST} 与 {DEMO_LAST} 之间：{end}",
                          f"--end must lie between {DEMO_FIRST} and {DEMO_LAST}: {end}")
    if args.days > DEMO_MAX_DAYS or end - timedelta(days=args.days - 1) < DEMO_FIRST:
        raise ConfigError(f"--days 过大：演示历史至多 {DEMO_MAX_DAYS} 天，且不早于 {DEMO_FIRST}",
                          f"--days too large: a demo history has at most {DEMO_MAX_DAYS} days, "
                          f"none before {DEMO_FIRST}")
    if args.per_day is not None and args.per_day > DEMO_MAX_PER_DAY:
        raise ConfigError(f"--per-day 至多 {DEMO_MAX_PER_DAY}", f"--per-day is at most {DEMO_MAX_PER_DAY}")


def _export(url: str, args) -> int:
    from commandroom.models.export import export_records, write

    if args.what != "events":
        db = _open_to_read(url)
        try:
            with db.session() as session:
                street_id = _street_id(session, args)
            return cli_admin.export(db, args, street_id)
        finally:
            db.dispose()
    fmt = args.format or ("json" if (args.out or "").lower().endswith(".json") else "csv")
    db = _open_to_read(url)
    try:
        with db.session() as session:
            records = export_records(session, _street_id(session, args), args.at)
    finally:
        db.dispose()
    if args.out is None:
        write(records, sys.stdout, fmt)
        return 0
    # Written beside the target and renamed: a failed export never leaves half a file.
    # A BOM lets spreadsheet programs read the Chinese text of a CSV as UTF-8.
    target = Path(args.out)
    partial_file = target.with_name(f".{target.name}.partial")
    try:
        with partial_file.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as out:
            write(records, out, fmt)
        partial_file.replace(target)
    except OSError as exc:
        partial_file.unlink(missing_ok=True)
        raise ConfigError(f"无法写入 {target}：{exc.strerror}", f"Cannot write {target}: {exc.strerror}") from None
    print(pick(args.lang, f"{len(records)} 件事件 → {target}", f"{len(records)} events → {target}"),
          file=sys.stderr)
    return 0


def _check_demo(db, args) -> None:
    """``--user`` skips the sign-in: only where the database says its street is the demo."""
    from commandroom.models.signin import is_demo

    with db.session() as session:
        if not is_demo(session, _street_id(session, args)):
            raise ConfigError("--user 只能用于演示数据库：本街道的值班台须签到（用户名与密码）",
                              "--user works on a demo database only: this street's console signs in "
                              "(user name and password)")


def _street_id(session, args) -> int | None:
    """The street named by --street, or the only one; several and none named is refused."""
    from commandroom.models.streets import resolve_street

    street = resolve_street(session, args.street)
    return street.id if street else None


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
    # The period ends at the midnight after --to, which 9999-12-31 has not; nothing happens that day.
    end = min(args.end, date.max - timedelta(days=1))
    db = _open_to_read(url)
    try:
        with db.session() as session:
            rows = compute(session, min(args.start, end), end, args.by,
                           street_id=_street_id(session, args))
    finally:
        db.dispose()
    print(format_table(rows, by=args.by, lang=args.lang))
    return 0


def _last_week(args) -> str:
    from commandroom.models.agenda import week_of
    from commandroom.models.clock import Clock

    return args.week or week_of((Clock().now() - timedelta(days=7)).date())


def _meeting_window(url: str, args) -> int:
    from commandroom.meeting_mode import run_meeting
    from commandroom.models.opening import OpenMode

    mode = OpenMode.READ if args.screenshot else OpenMode.WRITE
    db = _open(url, mode)  # refuse a bad URL with one line, before any window opens
    try:
        if args.user and not args.screenshot:
            _check_demo(db, args)  # elsewhere the meeting signs in, as the console does
    finally:
        db.dispose()
    settings = Settings(db_url=url, lang=args.lang, street=args.street,
                        **({"user": args.user} if args.user else {}))
    return run_meeting(settings, _last_week(args), args.screenshot, args.size, open_mode=mode,
                       user_given=bool(args.user))


def _meeting_report(url: str, args) -> int:
    from commandroom.models.clock import Clock
    from commandroom.models.streets import room_street
    from commandroom.models.weekly import build

    now = Clock().now()
    week = _last_week(args)
    db = _open_to_read(url)
    try:
        with db.session() as session:
            street_id = room_street(session, args.street).id
            report = build(session, street_id, week, now)
    finally:
        db.dispose()
    target = args.report
    try:
        if target.suffix.lower() == ".xlsx":
            from commandroom.models import report_xlsx

            report_xlsx.write(report, target)
        else:
            _write_pdf(report, target)
    except OSError as exc:
        raise ConfigError(f"无法写入 {target}：{exc.strerror}", f"Cannot write {target}: {exc.strerror}") from None
    print(pick(args.lang, f"{report.street} {week} 例会周报 → {target}", f"{report.street} {week} report → {target}"),
          file=sys.stderr)
    return 0


def _write_pdf(report, target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs no screen
    from PySide6.QtWidgets import QApplication

    from commandroom.views.meeting import report_pdf

    app = QApplication.instance() or QApplication(["commandroom"])  # noqa: F841 - Qt needs it alive
    report_pdf.write(report, target)
def _supervise(url: str, args) -> int:
    from commandroom.models.opening import OpenMode
    from commandroom.supervise_cli import run

    db = _open(url, OpenMode.WRITE)
    try:
        with db.session() as session:
            street_id = _street_id(session, args)
        return run(db, street_id, once=args.once, now=args.now, settings=Settings(db_url=url, lang=args.lang))
    finally:
        db.dispose()


def _console(url: str, args, *, explicit: bool) -> int:
    from commandroom.app import run
    from commandroom.models.opening import OpenMode

    # A picture only reads; a named database must exist; the default one is made on first run.
    if args.screenshot is not None:
        mode = OpenMode.READ
    else:
        mode = OpenMode.WRITE if explicit else OpenMode.CREATE
    db = _open(url, mode)  # refuse a bad URL with one line, before any window opens
    try:
        if args.street or args.screenshot:  # an unknown code, or a street no one can pick
            with db.session() as session:
                _street_id(session, args)
        if args.user and args.screenshot is None:
            _check_demo(db, args)
    finally:
        db.dispose()
    settings = Settings(db_url=url, lang=args.lang, street=args.street, wall_login=args.wall_login,
                        tile_url=args.tiles, tile_datum=args.tile_datum, intake=args.intake,
                        **({"user": args.user} if args.user else {}))
    return run(settings, screenshot=args.screenshot, size=args.size, open_mode=mode,
               user_given=args.user is not None)
