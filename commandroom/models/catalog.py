"""The event catalogue: classes and items, with their lead unit type and time limits."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from commandroom.models.base import Base, EnumText
from commandroom.models.enums import Priority, UnitType


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    class_name: Mapped[str] = mapped_column(String(32))  # 大类, e.g. 矛盾纠纷
    name: Mapped[str] = mapped_column(String(64))  # 小类 item, e.g. 邻里纠纷
    lead_unit_type: Mapped[UnitType] = mapped_column(EnumText(UnitType))
    # 属地管理: an item the street may "call" the district for (街呼区应).
    territorial: Mapped[bool] = mapped_column(Boolean, default=False)

    limits: Mapped[list[CategoryLimit]] = relationship(
        back_populates="category", cascade="all, delete-orphan", lazy="selectin"
    )

    def limit_for(self, priority: Priority) -> CategoryLimit:
        for limit in self.limits:
            if limit.priority == priority:
                return limit
        raise LookupError(f"category {self.code} has no limit for {priority}")


class CategoryLimit(Base):
    """Response (dispatch → acknowledge) and handling (dispatch → resolved) limits, per priority."""

    __tablename__ = "category_limit"

    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), primary_key=True)
    priority: Mapped[Priority] = mapped_column(EnumText(Priority), primary_key=True)
    response_minutes: Mapped[int] = mapped_column(Integer)
    handling_minutes: Mapped[int] = mapped_column(Integer)

    category: Mapped[Category] = relationship(back_populates="limits")
