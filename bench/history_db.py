"""Opening a street's recorded history for the intelligence benchmarks (read-only)."""

from __future__ import annotations

import argparse

from commandroom.models.db import Database, OpenMode
from commandroom.models.streets import resolve_street


def parser(doc: str) -> argparse.ArgumentParser:
    """The options every such benchmark takes; a script adds its own."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", action="append", required=True,
                        help="a database with a street's history (repeat to pool several)")
    parser.add_argument("--street", default="", help="street code (default: the only one)")
    return parser


def open_history(url: str, street_code: str = "") -> tuple[Database, int]:
    """The database, opened read-only, and the id of the street to measure."""
    db = Database(url, mode=OpenMode.READ)
    with db.session() as session:
        street = resolve_street(session, street_code)
    if street is None:
        raise SystemExit(f"{url}: no street")
    return db, street.id
