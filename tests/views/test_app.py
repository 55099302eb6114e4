"""The composition root's first-run path: a database without a street offers the demo street."""

from __future__ import annotations

import pytest

from commandroom import app
from commandroom.config import Settings
from commandroom.models.queries import street_name
from commandroom.views import dialogs
from tests.street_fixture import build


@pytest.fixture
def generated(monkeypatch):
    calls = []
    import commandroom.demo as demo

    def generate(db, *, progress, **options):
        progress(1, 1)
        calls.append(options)

    monkeypatch.setattr(demo, "generate", generate)
    return calls


@pytest.mark.parametrize("accept", [True, False])
def test_empty_database_offers_the_demo_street(qapp, sqlite_db, monkeypatch, generated, accept):
    asked = []
    monkeypatch.setattr(dialogs, "ask_create_demo", lambda parent=None: asked.append(1) or accept)
    app._ensure_street(sqlite_db, interactive=True)
    assert asked == [1]
    assert generated == ([{"days": 30, "seed": 1}] if accept else [])


def test_no_offer_in_a_screenshot(qapp, sqlite_db, monkeypatch, generated):
    monkeypatch.setattr(dialogs, "ask_create_demo", lambda parent=None: pytest.fail("asked"))
    app._ensure_street(sqlite_db, interactive=False)
    assert generated == []


def test_no_offer_when_there_is_a_street(qapp, street_db, monkeypatch, generated):
    monkeypatch.setattr(dialogs, "ask_create_demo", lambda parent=None: pytest.fail("asked"))
    app._ensure_street(street_db, interactive=True)
    with street_db.session() as s:
        assert street_name(s) == "姚家街道"
    assert generated == []


def test_a_failing_generator_is_reported_not_fatal(qapp, sqlite_db, monkeypatch):
    import commandroom.demo as demo

    reported = []
    monkeypatch.setattr(dialogs, "ask_create_demo", lambda parent=None: True)
    monkeypatch.setattr(dialogs, "demo_failed", lambda reason, parent=None: reported.append(reason))
    def generate(db, **options):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(demo, "generate", generate)
    app._ensure_street(sqlite_db, interactive=True)
    assert reported == ["磁盘已满"]


@pytest.fixture
def district(sqlite_db):
    build(sqlite_db)
    build(sqlite_db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.05, 36.60))
    return sqlite_db


@pytest.mark.parametrize("picked, street", [(1, "370102006"), (None, None)])
def test_several_streets_and_none_named_asks_which(qapp, district, monkeypatch, picked, street):
    asked = []
    monkeypatch.setattr(dialogs, "choose_street", lambda names, parent=None: asked.append(names) or picked)
    chosen = app._choose_street(district, Settings(db_url=district.url), interactive=True)
    assert asked == [["370102005 姚家街道", "370102006 千佛山街道"]]
    assert (chosen.street if chosen else None) == street


@pytest.fixture
def never_asked(monkeypatch):
    monkeypatch.setattr(dialogs, "choose_street", lambda names, parent=None: pytest.fail("asked"))


def test_no_question_when_a_street_is_named(qapp, district, never_asked):
    settings = Settings(db_url=district.url, street="370102005")
    assert app._choose_street(district, settings, interactive=True) == settings


def test_no_question_when_there_is_one_street(qapp, street_db, never_asked):
    settings = Settings(db_url=street_db.url)
    assert app._choose_street(street_db, settings, interactive=True) == settings


@pytest.mark.parametrize("lang, words", [("zh_CN", "处没有数据库"), ("en", "There is no database")])
def test_a_missing_database_is_one_dialog_in_the_language_asked(qapp, tmp_path, monkeypatch, lang,
                                                                words):
    from commandroom.models.opening import OpenMode

    shown = []
    monkeypatch.setattr(dialogs, "database_failed", shown.append)
    url = f"sqlite:///{tmp_path / 'typo' / 'room.sqlite3'}"
    assert app._open_database(url, OpenMode.WRITE, False, lang) is None
    assert len(shown) == 1 and words in shown[0] and "\n" not in shown[0]
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("uid", [0, 1000])
def test_as_root_the_web_engines_sandbox_is_off_for_an_officer_it_stays_on(monkeypatch, uid):
    """Chromium refuses its sandbox to root: the map's engine never started, the console hung."""
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    monkeypatch.setattr(app.os, "geteuid", lambda: uid)
    app._sandbox_off_for_root()
    assert app.os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == ("1" if uid == 0 else None)
