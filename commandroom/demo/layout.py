"""The street's shape and its four-level grid tiling, built with shapely.

The L4 unit grids are the cells of a jittered lattice: neighbouring cells share the very same
vertex coordinates, so they tile the street exactly (no gap, no overlap) and every higher level is
the union of a contiguous block of cells. The outer vertices are jittered too, so the street's
outline is an irregular polygon, as a street bounded by roads is.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon

# ~3 × 2.5 km at Jinan's latitude, in degrees.
WIDTH_M, HEIGHT_M = 3000.0, 2500.0
METRES_PER_DEG_LAT = 111_320.0
DIGITS = 7  # ~1 cm: coordinates are rounded once so WKT round-trips exactly


@dataclass(frozen=True)
class Cell:
    """One L4 grid: its polygon, the block it belongs to, and two triangles to sample points in."""

    community: int
    polygon: Polygon
    triangles: tuple[tuple[tuple[float, float], ...], ...]
    weights: tuple[float, float]  # cumulative areas of the triangles


@dataclass(frozen=True)
class Layout:
    street: Polygon
    areas: list[Polygon]  # L2
    communities: list[tuple[int, Polygon]]  # L3: (area index, polygon)
    cells: list[Cell]  # L4


def _split(n: int, parts: int, rng: random.Random, minimum: int) -> list[int]:
    """Sizes of ``parts`` contiguous bands over ``n`` items, each at least ``minimum``."""
    sizes = [minimum] * parts
    for _ in range(n - minimum * parts):
        sizes[rng.randrange(parts)] += 1
    return sizes


def _lattice(rng: random.Random, rows: int, cols: int, lon0: float, lat0: float):
    dy = HEIGHT_M / METRES_PER_DEG_LAT / rows
    dx = WIDTH_M / (METRES_PER_DEG_LAT * math.cos(math.radians(lat0))) / cols
    jitter = 0.27  # of a cell: well under 0.5, so every quad stays a simple polygon
    return [
        [
            (
                round(lon0 + (j + rng.uniform(-jitter, jitter)) * dx, DIGITS),
                round(lat0 + (i + rng.uniform(-jitter, jitter)) * dy, DIGITS),
            )
            for j in range(cols + 1)
        ]
        for i in range(rows + 1)
    ]


def _cell(vertices, i: int, j: int, community: int) -> Cell:
    a, b, c, d = vertices[i][j], vertices[i][j + 1], vertices[i + 1][j + 1], vertices[i + 1][j]
    polygon = Polygon([a, b, c, d])
    # A simple quad splits into two triangles along whichever diagonal lies inside it.
    first, second = ((a, b, c), (a, c, d)) if _inside_diagonal(polygon, a, c) else ((a, b, d), (b, c, d))
    area1, area2 = _area(first), _area(second)
    return Cell(community, polygon, (first, second), (area1, area1 + area2))


def _inside_diagonal(polygon: Polygon, p, q) -> bool:
    return polygon.contains(shapely.Point((p[0] + q[0]) / 2, (p[1] + q[1]) / 2))


def _area(t) -> float:
    (x1, y1), (x2, y2), (x3, y3) = t
    return abs((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1)) / 2


def build_layout(rng: random.Random, lon0: float, lat0: float) -> Layout:
    while True:  # 54–117 cells, about as many rows as the aspect ratio asks for
        rows, cols = rng.randint(6, 9), rng.randint(8, 13)
        if 54 <= rows * cols <= 117:
            break
    vertices = _lattice(rng, rows, cols, lon0, lat0)
    n_areas = rng.randint(3, 5)
    col_bands = _split(cols, n_areas, rng, 2)
    # 6–10 communities: each area is cut into 1–3 row bands of at least two rows.
    while True:
        per_area = [rng.randint(1, 3 if rows >= 6 else 2) for _ in range(n_areas)]
        if 6 <= sum(per_area) <= 10:
            break
    cells: list[Cell] = []
    communities: list[tuple[int, list[Polygon]]] = []
    col = 0
    for area, width in enumerate(col_bands):
        row = 0
        for height in _split(rows, per_area[area], rng, 2):
            index = len(communities)
            block = [
                _cell(vertices, i, j, index)
                for i in range(row, row + height)
                for j in range(col, col + width)
            ]
            cells.extend(block)
            communities.append((area, [c.polygon for c in block]))
            row += height
        col += width
    community_polygons = [(area, shapely.union_all(polys)) for area, polys in communities]
    areas = [
        shapely.union_all([p for a, p in community_polygons if a == area]) for area in range(n_areas)
    ]
    return Layout(shapely.union_all(areas), areas, community_polygons, cells)


def sample_point(rng: random.Random, cell: Cell) -> tuple[float, float]:
    """A uniformly random point strictly inside the cell (lon, lat)."""
    t = cell.triangles[0] if rng.random() * cell.weights[1] < cell.weights[0] else cell.triangles[1]
    r1, r2 = rng.random(), rng.random()
    if r1 + r2 > 1:
        r1, r2 = 1 - r1, 1 - r2
    (x1, y1), (x2, y2), (x3, y3) = t
    return x1 + r1 * (x2 - x1) + r2 * (x3 - x1), y1 + r1 * (y2 - y1) + r2 * (y3 - y1)


def wkt(polygon) -> str:
    return shapely.to_wkt(polygon, rounding_precision=DIGITS, trim=True)
