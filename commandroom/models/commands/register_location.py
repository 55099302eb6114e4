"""Where a report is registered: a point, an L4 grid chosen by its code, or both (which must
agree). Kept apart from ``intake.py`` so the rule reads in one place."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.errors import ValidationError
from commandroom.models.events import Event
from commandroom.models.org import Grid

Point = tuple[float, float]


def locate_for_register(commands, session: Session, event: Event, point: Point | None,
                        grid_code: str | None) -> tuple[int, tuple[float | None, float | None]]:
    """(grid id, (lat, lon)) of the event once registered. ``commands`` gives ``_grid_for`` (its
    cached locator: a point outside the street is refused, never snapped)."""
    grid = _grid_by_code(session, event, grid_code) if grid_code else None
    if point is not None:
        grid_id = commands._grid_for(session, event.street_id, point)
        if grid is not None and grid.id != grid_id:
            named = session.get(Grid, grid_id)
            raise ValidationError(
                f"坐标（{point[0]:.6f}, {point[1]:.6f}）位于网格「{named.name}」，与所选网格「{grid.name}」不一致",
                f"The point ({point[0]:.6f}, {point[1]:.6f}) lies in grid '{named.name}', "
                f"not in the chosen grid '{grid.name}'",
            )
        return grid_id, point
    if grid is not None:
        kept = (event.lat, event.lon)
        if event.lat is None or event.lon is None \
                or commands._grid_for_or_none(session, event.street_id, kept) != grid.id:
            kept = (None, None)  # the report's point lies elsewhere: the grid and address say where
        return grid.id, kept
    if event.grid_id is None:
        raise ValidationError(
            f"事件 {event.code} 还没有位置，立案前请选择网格或在地图上定位",
            f"Event {event.code} has no location; choose its grid or locate it before registering",
        )
    return event.grid_id, (event.lat, event.lon)


def _grid_by_code(session: Session, event: Event, code: str) -> Grid:
    grid = session.scalar(select(Grid).where(Grid.street_id == event.street_id, Grid.code == code.strip()))
    if grid is None or grid.level != 4:
        raise ValidationError(
            f"网格编码「{code}」不是本街道的网格（立案须选到网格一级）",
            f"Grid code '{code}' is not a grid (level 4) of this street",
        )
    return grid
