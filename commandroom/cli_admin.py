"""The administrator's command lines: ``user add|list|passwd|disable``, ``import grids|units|
staff|categories FILE`` and ``export grids|units|staff|categories --out FILE``.

They act as the machine's user (``cli:<name>`` in the log) with the admin role: whoever can run
them on the database's machine can change it anyway. An import that finds problems prints every
one, one a line, and writes nothing.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from pathlib import Path

from commandroom.cli_parser import pick
from commandroom.models.errors import ConfigError, ValidationError

ORG_KINDS = ("grids", "units", "staff", "categories")
COMMANDS = ("user", "import")


def add_parsers(sub, common, h) -> None:
    user = sub.add_parser("user", parents=[common], help=h("管理登录用户", "manage the users who sign in"))
    actions = user.add_subparsers(dest="user_action", required=True, parser_class=type(user))
    add = actions.add_parser("add", parents=[common], help=h("新增用户", "add a user"))
    add.add_argument("login")
    add.add_argument("--name", required=True, help=h("姓名", "full name"))
    add.add_argument("--role", required=True, choices=("duty_officer", "shift_leader", "display", "admin"))
    actions.add_parser("list", parents=[common], help=h("列出用户", "list the users"))
    passwd = actions.add_parser("passwd", parents=[common], help=h("设置密码（并解除锁定）", "set a password (and lift a lock)"))
    passwd.add_argument("login")
    disable = actions.add_parser("disable", parents=[common], help=h("停用用户", "disable a user"))
    disable.add_argument("login")
    for parser in (add, passwd):
        parser.add_argument("--password-stdin", action="store_true",
                            help=h("从标准输入读取密码（一行）", "read the password from standard input (one line)"))
    imp = sub.add_parser("import", parents=[common],
                         help=h("导入本街道的网格（GeoJSON）、单位、人员或类别（csv/xlsx）",
                                "import the street's grids (GeoJSON), units, staff or categories (csv/xlsx)"))
    imp.add_argument("kind", choices=ORG_KINDS)
    imp.add_argument("file")
    imp.add_argument("--tolerance", type=float, default=None,
                     help=h("网格重叠与缝隙的容差（平方米）", "overlap and gap tolerance for grids (m²)"))


def cli_actor():
    from commandroom.models.actor import Actor
    from commandroom.models.enums import Role

    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    console = os.environ.get("COMMANDROOM_CONSOLE") or socket.gethostname()
    return Actor(login=f"cli:{who}"[:32], role=Role.ADMIN, console=console[:64], name=who)


def run(url: str, args, open_db, street_id_of) -> int:
    from commandroom.models.opening import OpenMode

    mode = OpenMode.CREATE if args.command == "import" and args.kind == "grids" else OpenMode.WRITE
    if args.command == "user" and args.user_action == "list":
        mode = OpenMode.READ
    db = open_db(url, mode)
    try:
        if args.command == "user":
            return _user(db, args)
        return _import(db, args, street_id_of)
    finally:
        db.dispose()


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(pick(args.lang, "密码：", "Password: "))
    if getpass.getpass(pick(args.lang, "再输入一次：", "Again: ")) != first:
        raise ValidationError("两次输入的密码不一致", "The two passwords differ")
    return first


def _user(db, args) -> int:
    from commandroom.models.commands.users import UserCommands, list_users

    if args.user_action == "list":
        with db.session() as session:
            users = list_users(session)
        for u in users:
            state = pick(args.lang, "在用" if u.active else "已停用", "active" if u.active else "disabled")
            if u.active and not u.has_password:
                state += pick(args.lang, "，无密码", ", no password")
            if u.locked_until:
                state += pick(args.lang, f"，锁定至 {u.locked_until:%m-%d %H:%M}", f", locked until {u.locked_until:%m-%d %H:%M}")
            role = u.role.value if args.lang.startswith("en") else u.role.label
            print(f"{u.login}\t{u.name}\t{role}\t{state}")
        return 0
    commands = UserCommands(db, cli_actor())
    if args.user_action == "add":
        commands.add_user(login=args.login, name=args.name, role=args.role, password=_password(args))
    elif args.user_action == "passwd":
        commands.set_password(login=args.login, password=_password(args))
    else:
        commands.disable_user(login=args.login)
    print(pick(args.lang, f"已完成：user {args.user_action} {args.login}", f"done: user {args.user_action} {args.login}"),
          file=sys.stderr)
    return 0


def _import(db, args, street_id_of) -> int:
    from commandroom.models.commands.org import OrgCommands

    path = Path(args.file)
    if not path.is_file():
        raise ConfigError(f"找不到文件 {path}", f"No file {path}")
    with db.session() as session:
        street_id = street_id_of(session, args)
    commands = OrgCommands(db, cli_actor(), street_id=street_id)
    if args.kind == "grids":
        from commandroom.config import Settings

        tolerance = Settings().grid_tolerance_m2 if args.tolerance is None else args.tolerance
        changed = commands.import_grids(path, tolerance_m2=tolerance)
    else:
        changed = commands.import_sheet(args.kind, path)
    print(pick(args.lang, f"{path.name}：改动 {changed} 行" if changed else f"{path.name}：与数据库一致，未改动",
               f"{path.name}: {changed} rows changed" if changed else f"{path.name}: same as the database, nothing changed"),
          file=sys.stderr)
    return 0


def export(db, args, street_id) -> int:
    """``export grids|units|staff|categories --out FILE``: the same formats the import reads."""
    from commandroom.models.orgdata import grids, sheets, tabular
    from commandroom.models.orgdata.columns import TITLES

    if not args.out:
        raise ConfigError("导出组织数据需要 --out 文件名（.geojson、.csv 或 .xlsx）",
                          "Exporting organisation data needs --out FILE (.geojson, .csv or .xlsx)")
    target = Path(args.out)
    with db.session() as session:
        if street_id is None:
            raise ConfigError("数据库里还没有街道", "The database has no street yet")
        if args.what == "grids":
            data = grids.export(session, street_id)
        else:
            rows = tabular.EXPORTS[args.what](session, street_id)
    if args.what == "grids":
        partial = target.with_name(f".{target.name}.partial")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(target)
        count = len(data["features"])
    else:
        sheets.write(target, tabular.headers(args.what), rows, sheet_title=TITLES[args.what][0])
        count = len(rows)
    print(pick(args.lang, f"{count} 行 → {target}", f"{count} rows → {target}"), file=sys.stderr)
    return 0
