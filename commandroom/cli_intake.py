"""The intake's command lines: ``intake`` (the server, headless), ``intake-key add|list|revoke``
(the clients' API keys) and ``simulate`` (a load of realistic reports against a server)."""

from __future__ import annotations

import secrets
import sys
from functools import partial

from commandroom.cli_parser import pick
from commandroom.config import Settings
from commandroom.models.errors import ConfigError
from commandroom.services.cpu_priority import lower_priority

COMMANDS = ("intake", "intake-key", "simulate")


def add_parsers(sub, common, lang: str, typed_positive) -> None:
    def h(zh: str, en: str) -> str:
        return pick(lang, zh, en)

    defaults = Settings()
    intake = sub.add_parser("intake", parents=[common],
                            help=h("运行接入服务（HTTP：原生 JSON 与 Open311）", "run the intake server (HTTP: native JSON and Open311)"))
    intake.add_argument("--host", default=defaults.intake_host, help=h("监听地址（默认仅本机）", "address to listen on (default: this machine only)"))
    intake.add_argument("--port", type=partial(_port, lang=lang), default=defaults.intake_port)
    _nice_option(intake, h, lang, defaults.intake_nice)

    keys = sub.add_parser("intake-key", parents=[common],
                          help=h("管理接入客户端的 API 密钥", "manage the intake clients' API keys"))
    keys.add_argument("action", choices=("add", "list", "revoke"))
    keys.add_argument("name", nargs="?", default=None, help=h("客户端名称", "client name"))

    sim = sub.add_parser("simulate", parents=[common],
                         help=h("向接入服务发送模拟报告（演示与压力测试）", "send simulated reports to an intake server (demonstration and load)"))
    sim.add_argument("--url", required=True, help=h("接入服务地址，如 http://127.0.0.1:8311", "the server, e.g. http://127.0.0.1:8311"))
    sim.add_argument("--key", required=True, help=h("API 密钥", "API key"))
    sim.add_argument("--rate", type=typed_positive, default=10, help=h("每秒报告数", "reports a second"))
    sim.add_argument("--duration", type=typed_positive, default=10, help=h("持续秒数", "seconds"))
    sim.add_argument("--burst", action="store_true",
                     help=h("每秒的报告同时发出（而非均匀分布）", "send each second's reports at once instead of spread out"))
    sim.add_argument("--dialect", choices=("native", "open311"), default="native")
    sim.add_argument("--seed", type=int, default=None,
                     help=h("随机种子：同一种子发出同样的报告（默认每次不同，并在结束时给出）",
                            "random seed: the same seed sends the same reports "
                            "(default: a new one each run, printed at the end)"))
    _nice_option(sim, h, lang, defaults.simulate_nice)


def _nice_option(parser, h, lang: str, default: int) -> None:
    parser.add_argument("--nice", type=partial(_niceness, lang=lang), default=default,
                        help=h(f"降低 CPU 优先级（0–19，默认 {default}；与值班台同机时让值班台先用 CPU）",
                               f"lower CPU priority (0-19, default {default}: a console on the same machine goes first)"))


def _port(text: str, *, lang: str) -> int:
    return _whole(text, 65535, pick(lang, f"端口应为 0–65535：{text!r}", f"a port is 0–65535: {text!r}"))


def _niceness(text: str, *, lang: str) -> int:
    return _whole(text, 19, pick(lang, f"CPU 优先级降低值应为 0–19：{text!r}", f"a niceness is 0-19: {text!r}"))


def _whole(text: str, highest: int, refusal: str) -> int:
    """A whole number from 0 to ``highest`` typed on the command line, or argparse's error."""
    import argparse

    if not text.isdigit() or int(text) > highest:
        raise argparse.ArgumentTypeError(refusal)
    return int(text)


def run(url: str, args, open_db) -> int:
    if args.command == "intake":
        return _serve(url, args, open_db)
    if args.command == "intake-key":
        return _keys(url, args, open_db)
    return _simulate(args)


def _serve(url: str, args, open_db) -> int:
    from commandroom.models.clock import Clock
    from commandroom.models.opening import OpenMode
    from commandroom.services.intake.context import IntakeContext
    from commandroom.services.intake.server import listening, serve

    lower_priority(args.nice)
    sock = listening(args.host, args.port)  # a port taken is refused before anything is opened
    db = open_db(url, OpenMode.WRITE)
    try:
        print(pick(args.lang, f"接入服务：http://{args.host}:{args.port}（Ctrl-C 停止）",
                   f"intake: http://{args.host}:{args.port} (Ctrl-C stops it)"), file=sys.stderr)
        defaults = Settings()
        serve(IntakeContext(db, Clock(), key_ttl=defaults.intake_key_ttl,
                            max_body=defaults.intake_max_body,
                            commit_delay=defaults.intake_commit_delay_ms / 1000), sock)
    finally:
        db.dispose()
    return 0


def _keys(url: str, args, open_db) -> int:
    from commandroom.models.clock import Clock
    from commandroom.models.intake_keys import add_client, list_clients, revoke_client
    from commandroom.models.opening import OpenMode
    from commandroom.models.streets import resolve_street

    if args.action != "list" and not args.name:
        raise ConfigError(f"intake-key {args.action} 需要客户端名称", f"intake-key {args.action} needs a client name")
    db = open_db(url, OpenMode.WRITE)
    try:
        with db.session() as session:
            now = Clock().now()
            if args.action == "add":
                street = resolve_street(session, args.street) if args.street else None
                key = add_client(session, args.name, now, street_id=street.id if street else None)
                print(key)
                print(pick(args.lang, "密钥只显示这一次，请妥善交给客户端", "the key is shown this once: hand it to the client"),
                      file=sys.stderr)
            elif args.action == "revoke":
                revoke_client(session, args.name, now)
            else:
                for c in list_clients(session):
                    state = pick(args.lang, f"已吊销 {c.revoked_at:%Y-%m-%d %H:%M}", f"revoked {c.revoked_at:%Y-%m-%d %H:%M}") \
                        if c.revoked_at else pick(args.lang, "有效", "active")
                    print(f"{c.name}\t{c.key_hint}…\t{c.created_at:%Y-%m-%d %H:%M}\t{state}")
    finally:
        db.dispose()
    return 0


def _simulate(args) -> int:
    from commandroom.services.intake.simulate import Simulation, run_simulation

    lower_priority(args.nice)
    # A new seed each run: a second demonstration brings new reports, not only retries of the
    # first run's (the server answers those without a second report). Printed, to send again.
    seed = secrets.randbelow(1_000_000) if args.seed is None else args.seed
    summary = run_simulation(Simulation(url=args.url, key=args.key, rate=args.rate,
                                        duration=args.duration, burst=args.burst,
                                        dialect=args.dialect, seed=seed))
    print(summary.format(args.lang))
    print(pick(args.lang, f"随机种子 {seed}（--seed {seed} 再发同样的报告）",
               f"seed {seed} (--seed {seed} sends the same reports again)"))
    return 0 if summary.accepted or summary.replayed else 1  # answered: new, or a retry known
