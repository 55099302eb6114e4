"""The map page's words, translated here (lupdate sees the literals) and handed to the page as
JSON; the page looks each up by its Chinese text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KEYS = (
    QT_TRANSLATE_NOOP("MapPage", "挂"),
    QT_TRANSLATE_NOOP("MapPage", "待"),
    QT_TRANSLATE_NOOP("MapPage", "等{n}类"),
    QT_TRANSLATE_NOOP("MapPage", "督"),
    QT_TRANSLATE_NOOP("MapPage", "未分类"),
    QT_TRANSLATE_NOOP("MapPage", "已超期"),
    QT_TRANSLATE_NOOP("MapPage", "挂牌督办"),
    QT_TRANSLATE_NOOP("MapPage", "督办"),
    QT_TRANSLATE_NOOP("MapPage", "在办 {n} 件，超期 {m} 件"),
    QT_TRANSLATE_NOOP("MapPage", "单"),
    QT_TRANSLATE_NOOP("MapPage", "在岗 {n} 人"),
    QT_TRANSLATE_NOOP("MapPage", "不在岗"),
    QT_TRANSLATE_NOOP("MapPage", "图例"),
    QT_TRANSLATE_NOOP("MapPage", "在办事件（颜色：类别）"),
    QT_TRANSLATE_NOOP("MapPage", "紧急（双圈）"),
    QT_TRANSLATE_NOOP("MapPage", "超期（菱形）"),
    QT_TRANSLATE_NOOP("MapPage", "督办 / 挂牌督办（挂）"),
    QT_TRANSLATE_NOOP("MapPage", "网格在办件数"),
    QT_TRANSLATE_NOOP("MapPage", "网格超期占比"),
    QT_TRANSLATE_NOOP("MapPage", "点击切换"),
    QT_TRANSLATE_NOOP("MapPage", "未诉先办：同类问题反复出现"),
    QT_TRANSLATE_NOOP("MapPage", "网格负荷"),
    QT_TRANSLATE_NOOP("MapPage", "网格边界"),
    QT_TRANSLATE_NOOP("MapPage", "网格名称"),
    QT_TRANSLATE_NOOP("MapPage", "事件"),
    QT_TRANSLATE_NOOP("MapPage", "单位"),
    QT_TRANSLATE_NOOP("MapPage", "未诉先办"),
    QT_TRANSLATE_NOOP("MapPage", "位置未登记：显示在所属网格中心（近似）"),
    QT_TRANSLATE_NOOP("MapPage", "单位（虚线：位置近似）"),
)


def page_texts() -> dict[str, str]:
    return {key: QCoreApplication.translate("MapPage", key) for key in KEYS}
