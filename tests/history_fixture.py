"""A hand-built history for the intelligence tests: categories of the catalogue and events
written straight into the tables (the suggester and the duplicate finder only read them)."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import Category, Event
from commandroom.models.enums import Priority, Source, Status, UnitType

# (code, class, name): the tiny street's two urban-management items plus a few more.
MORE_CATEGORIES = [
    ("CG03", "城市管理", "噪音扰民"),
    ("CG04", "城市管理", "垃圾清运不及时"),
    ("MD01", "矛盾纠纷", "邻里纠纷"),
    ("ZA01", "治安安全隐患", "电动车违规充电"),
]
# What a street's registered events say, by category (varied words, as people write them).
HISTORY = {
    "占道经营": ["流动摊贩占用人行道摆摊经营", "早市商贩占道经营影响通行", "小区门口水果摊占道",
             "夜市摊位占用盲道经营"],
    "违章搭建": ["居民楼顶私自搭建彩钢房", "院内违章搭建板房", "一楼住户私搭乱建扩建小院"],
    "噪音扰民": ["商户音响声音过大扰民", "夜间KTV噪音扰民影响休息", "广场舞音响噪音太大", "工地夜间施工噪音"],
    "垃圾清运不及时": ["垃圾桶满溢未及时清运", "小区垃圾两天没人清运，异味大"],
    "邻里纠纷": ["楼上漏水与邻居发生争执"],
    "电动车违规充电": ["楼道内电动车飞线充电", "居民从窗户私拉电线给电动车充电"],
}
_codes = count(1)


def background(session: Session, street_id: int, ids: dict[str, int], start: datetime,
               step: timedelta = timedelta(hours=1)) -> None:
    """The ``HISTORY`` as closed events of the street, one every ``step`` from ``start``, each
    text as a title and inside a description opened and closed as reports are."""
    at = start
    for name, texts in HISTORY.items():
        for text in texts:
            event(session, street_id, title=text, description=f"市民来电反映：{text}，请尽快处理。",
                  category_id=ids[name], received_at=at, status=Status.CLOSED)
            at += step


def categories(session: Session) -> dict[str, int]:
    """Adds the extra items once; returns every category's name → id."""
    have = dict(session.execute(select(Category.name, Category.id)).all())
    for code, class_name, name in MORE_CATEGORIES:
        if name not in have:
            category = Category(code=code, class_name=class_name, name=name,
                                lead_unit_type=UnitType.RESIDENT_UNIT)
            session.add(category)
            session.flush()
            have[name] = category.id
    return have


def event(session: Session, street_id: int, *, title: str, received_at: datetime,
          description: str = "", category_id: int | None = None, status: Status = Status.REGISTERED,
          lat: float | None = None, lon: float | None = None, grid_id: int | None = None) -> int:
    row = Event(code=f"T{next(_codes):07d}", street_id=street_id, status=status,
                source=Source.HOTLINE_12345, priority=Priority.NORMAL, title=title,
                description=description, received_at=received_at, category_id=category_id,
                lat=lat, lon=lon, grid_id=grid_id, version=1)
    session.add(row)
    session.flush()
    return row.id
