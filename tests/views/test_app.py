"""The composition root's first-run path: a database without a street offers the demo street."""

from __future__ import annotations

import pytest

from commandroom import app
from commandroom.models.queries import street_name
from commandroom.views import dialogs


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
