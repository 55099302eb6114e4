"""The composition root's first-run path: a database without a street offers the demo street."""

from __future__ import annotations

import pytest

from commandroom import app
from commandroom.models.queries import street_name
from commandroom.views import dialogs


@pytest.fixture
def generated(monkeypatch):
    calls = []
    import commandroom.models.demo as demo

    monkeypatch.setattr(demo, "generate", lambda db, **kw: calls.append(kw))
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
    import commandroom.models.demo as demo

    reported = []
    monkeypatch.setattr(dialogs, "ask_create_demo", lambda parent=None: True)
    monkeypatch.setattr(dialogs, "demo_failed", lambda reason, parent=None: reported.append(reason))
    def generate(db, **kw):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(demo, "generate", generate)
    app._ensure_street(sqlite_db, interactive=True)
    assert reported == ["磁盘已满"]


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
