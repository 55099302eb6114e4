"""``in_ids``: ``column IN (ids)`` with every id in one bound parameter, on both backends."""

from __future__ import annotations

from sqlalchemy import insert, select

from commandroom.models import Street
from commandroom.models.id_set import in_ids


def _streets(db, count: int) -> list[int]:
    with db.session() as s:
        s.execute(insert(Street), [{"code": f"S{n}", "abbr": f"S{n}", "name": f"街道{n}", "district": "历下区"}
                                   for n in range(count)])
        return list(s.scalars(select(Street.id).order_by(Street.id)))


def test_in_ids_selects_exactly_the_ids_asked_for(db):
    ids = _streets(db, 3000)
    wanted = ids[::7] + ids[:5] + [10**12]  # duplicates and an unknown id; more ids than SQLite's old 999
    with db.session() as s:
        got = list(s.scalars(select(Street.id).where(in_ids(Street.id, wanted)).order_by(Street.id)))
        assert got == sorted(set(wanted) - {10**12})
        assert list(s.scalars(select(Street.id).where(in_ids(Street.id, [])))) == []


def test_the_statement_is_the_same_whatever_the_number_of_ids(db):
    """One text for any batch: compiled once, found in the statement cache after."""
    with db.session() as s:
        texts = {str(select(Street.id).where(in_ids(Street.id, range(n))).compile(s.bind)) for n in (0, 1, 2000)}
    assert len(texts) == 1, texts
