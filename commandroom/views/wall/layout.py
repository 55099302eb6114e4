"""The wall's layouts: small TOML files in ``resources/wall/`` saying which panels go where on a
grid, and how long each panel of a rotating cell stays.

A file holds ``name``, ``size = [width, height]`` (the screen it is drawn for), ``columns``,
``rows`` and ``[[cell]]`` tables with ``at = [row, column, rows, columns]``, ``panels = [...]``
(names from ``PANELS``) and ``seconds`` (how long each stays when there are several). Cells may
not overlap nor leave the grid: a bad file is refused in both languages with what is wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from commandroom.models.errors import ConfigError
from commandroom.views.resources import resource

# Every panel the wall can show (views/wall/panels.py makes them).
PANELS = ("map", "figures", "hourly", "rates", "classes", "listed", "supervised", "overdue", "units")
DEFAULT_SECONDS = 20
MIN_SECONDS = 3  # a panel on screen for less cannot be read


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    rows: int
    columns: int
    panels: tuple[str, ...]
    seconds: int

    def squares(self) -> set[tuple[int, int]]:
        return {(r, c) for r in range(self.row, self.row + self.rows)
                for c in range(self.column, self.column + self.columns)}


@dataclass(frozen=True)
class WallLayout:
    name: str
    size: tuple[int, int]
    columns: int
    rows: int
    cells: tuple[Cell, ...]


def layout_dir() -> Path:
    return resource("wall")


def available() -> list[str]:
    return sorted(p.stem for p in layout_dir().glob("*.toml"))


def load(name: str) -> WallLayout:
    """The layout called ``name`` (a file of ``resources/wall/``), or a path to a layout file."""
    path = Path(name) if name.endswith(".toml") else layout_dir() / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = "、".join(available())
        raise ConfigError(f"没有名为 {name} 的大屏布局（可选：{known}）",
                          f"No wall layout called {name} (known: {', '.join(available())})") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取大屏布局 {path}：{exc}", f"Cannot read the wall layout {path}: {exc}") from None
    return parse(data, str(path))


def parse(data: dict, where: str) -> WallLayout:
    def refuse(zh: str, en: str) -> ConfigError:
        return ConfigError(f"大屏布局 {where}：{zh}", f"Wall layout {where}: {en}")

    try:
        columns, rows = int(data["columns"]), int(data["rows"])
        width, height = (int(v) for v in data["size"])
        cells = tuple(_cell(c) for c in data["cell"])
        name = str(data.get("name") or Path(where).stem)
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(f"缺少或无效的项 {exc}", f"missing or invalid entry {exc}") from None
    if columns < 1 or rows < 1 or width < 320 or height < 240 or not cells:
        raise refuse("网格、尺寸或格子无效", "the grid, the size or the cells are invalid")
    taken: set[tuple[int, int]] = set()
    for cell in cells:
        unknown = [p for p in cell.panels if p not in PANELS]
        if unknown or not cell.panels:
            raise refuse(f"未知的面板 {unknown}（可选：{', '.join(PANELS)}）",
                         f"unknown panels {unknown} (known: {', '.join(PANELS)})")
        if (cell.row < 0 or cell.column < 0 or cell.rows < 1 or cell.columns < 1
                or cell.row + cell.rows > rows or cell.column + cell.columns > columns):
            raise refuse(f"格子 {cell.panels} 超出 {rows}×{columns} 网格", f"cell {cell.panels} leaves the {rows}×{columns} grid")
        if taken & cell.squares():
            raise refuse(f"格子 {cell.panels} 与其他格子重叠", f"cell {cell.panels} overlaps another")
        if cell.seconds < MIN_SECONDS:
            raise refuse(f"轮播时间至少 {MIN_SECONDS} 秒", f"a rotation lasts at least {MIN_SECONDS} seconds")
        taken |= cell.squares()
    return WallLayout(name, (width, height), columns, rows, cells)


def _cell(data: dict) -> Cell:
    row, column, rows, columns = (int(v) for v in data["at"])
    panels = data["panels"]
    if isinstance(panels, str) or not isinstance(panels, list):
        raise TypeError("panels")
    return Cell(row, column, rows, columns, tuple(str(p) for p in panels),
                int(data.get("seconds", DEFAULT_SECONDS)))


def for_screen(width: int, height: int) -> WallLayout:
    """The shipped layout drawn for the screen most like this one: the same shape first (the
    aspect ratio), then the nearest size."""
    layouts = [load(name) for name in available()]
    ratio = width / height

    def distance(layout: WallLayout) -> tuple[float, float]:
        w, h = layout.size
        return (round(abs(w / h - ratio), 2), abs(w * h - width * height))

    return min(layouts, key=distance)
