"""The wall's panels by the names the layout files use (``layout.PANELS``)."""

from __future__ import annotations

from commandroom.views.wall.classes_chart import ClassesChart
from commandroom.views.wall.event_lists import ListedPanel, OverduePanel, SupervisedPanel
from commandroom.views.wall.figures_panel import FiguresPanel
from commandroom.views.wall.hourly_chart import HourlyChart
from commandroom.views.wall.rates_chart import RatesChart
from commandroom.views.wall.units_panel import UnitsPanel
from commandroom.views.wall.wall_map import WallMap

FACTORIES = {
    "map": WallMap,
    "figures": FiguresPanel,
    "hourly": HourlyChart,
    "rates": RatesChart,
    "classes": ClassesChart,
    "listed": ListedPanel,
    "supervised": SupervisedPanel,
    "overdue": OverduePanel,
    "units": UnitsPanel,
}
