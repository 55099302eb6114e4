"""Files for the import tests: the tiny street's own grids exported as GeoJSON, then broken."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from commandroom.models import EventLog
from commandroom.models.orgdata import grids
from commandroom.models.orgdata.history import current


def grid_file(db, street_id: int, path: Path) -> dict:
    with db.session() as s:
        data = grids.export(s, street_id)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def feature(data: dict, code: str) -> dict:
    return next(f for f in data["features"] if f["properties"]["code"] == code)


def shift(feat: dict, dlon: float = 0.0, dlat: float = 0.0, scale: float = 1.0) -> None:
    """Move (and shrink about its first corner) a Polygon feature's ring."""
    ring = feat["geometry"]["coordinates"][0]
    x0, y0 = ring[0]
    feat["geometry"]["coordinates"] = [[[x0 + (x - x0) * scale + dlon, y0 + (y - y0) * scale + dlat]
                                        for x, y in ring]]


def save(data: dict, path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot(db, street_id: int | None) -> tuple:
    """The organisation tables and the log's length: an import refused must change neither."""
    with db.session() as s:
        return current(s, street_id), s.scalar(select(func.count()).select_from(EventLog))
