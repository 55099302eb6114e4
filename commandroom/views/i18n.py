"""Installing the interface language.

Chinese is the product's own language: the source strings are Chinese and need no translator,
but Qt's own strings (dialog buttons, context menus) come from Qt's ``qtbase_zh_CN``. English is
a Qt translation of ours, ``resources/i18n/commandroom_en.qm``, plus Qt's ``qtbase_en``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from commandroom.views.common import labels
from commandroom.views.resources import resource

log = logging.getLogger(__name__)

APP_CATALOGUE = "commandroom"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's and (for non-Chinese) our catalogue; the translators are children of app."""
    locale = QLocale(lang)
    QLocale.setDefault(locale)
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [("qtbase", qt_dir)]
    if not lang.startswith("zh"):
        catalogues.append((APP_CATALOGUE, str(resource("i18n"))))
    for name, directory in catalogues:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == APP_CATALOGUE:
            log.warning("no %s translation for %s in %s", name, lang, directory)
    labels.clear_cache()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    labels.clear_cache()
