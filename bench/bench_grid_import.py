"""Checking a grid file before import: a district's worth of unit grids (a side × side lattice of
L4 boxes under one street), read and checked for overlaps and gaps, beside the baseline of only
parsing the same file (json + shapely ``shape``) in the same run.

    .venv/bin/python bench/bench_grid_import.py [--side 45] [--repeat 5]

The figure that matters is the ratio: the overlap and gap checks should cost a small multiple
of merely reading the polygons, so a file of a few thousand grids is checked in about a second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from shapely.geometry import box, mapping, shape

from commandroom.models.orgdata import grids

STEP = 0.002


def lattice(side: int) -> dict:
    whole = mapping(box(117, 36.6, 117 + side * STEP, 36.6 + side * STEP))
    features = [{"type": "Feature", "properties": {"level": level, "code": code, "name": code, "parent": parent},
                 "geometry": whole} for level, code, parent in ((1, "S", ""), (2, "S-1", "S"), (3, "S-1-1", "S-1"))]
    for i in range(side):
        for j in range(side):
            cell = box(117 + i * STEP, 36.6 + j * STEP, 117 + (i + 1) * STEP, 36.6 + (j + 1) * STEP)
            features.append({"type": "Feature", "properties": {"level": 4, "code": f"C{i}-{j}",
                                                               "name": f"网格{i}-{j}", "parent": "S-1-1"},
                             "geometry": mapping(cell)})
    return {"type": "FeatureCollection", "features": features}


def best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=45)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "grids.geojson"
        path.write_text(json.dumps(lattice(args.side)), encoding="utf-8")

        def baseline():
            data = json.loads(path.read_text(encoding="utf-8"))
            return [shape(f["geometry"]) for f in data["features"]]

        def checked():
            features, problems = grids.read(path)
            problems += grids.check(features, 10.0)
            assert not problems, problems[:3]

        base, base_median = best(baseline, args.repeat)
        full, full_median = best(checked, args.repeat)
    cells = args.side ** 2
    print(f"{cells} unit grids (L4) under one street")
    print(f"{'':28}{'best s':>10}{'median s':>10}")
    print(f"{'parse only (baseline)':28}{base:10.3f}{base_median:10.3f}")
    print(f"{'read + check (import)':28}{full:10.3f}{full_median:10.3f}")
    print(f"ratio check / parse: {full / base:.1f}×")


if __name__ == "__main__":
    main()
