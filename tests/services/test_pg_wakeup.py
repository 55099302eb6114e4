"""The PostgreSQL wake-up: a lone notification wakes the feed pump at once; a storm of them (one
per group commit of the intake) is gathered into one wake per gap, none lost."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from commandroom.models.db import Database
from commandroom.models.log import FEED_CHANNEL
from commandroom.services.pg_wakeup import PgWakeup, libpq_url

pytestmark = pytest.mark.postgres

GAP_MS = 1500  # long beside the time ten NOTIFYs take, even on a loaded machine


@pytest.fixture
def wakeup(pg_server):
    url = pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}")
    db = Database(url)
    listener = PgWakeup(db.engine.url, min_gap_ms=GAP_MS)
    assert listener.listen()
    sender = psycopg.connect(libpq_url(db.engine.url), autocommit=True)
    yield listener, sender
    sender.close()
    listener.close()
    db.dispose()


def test_a_lone_notification_wakes_at_once_a_storm_is_gathered(qtbot, wakeup):
    listener, sender = wakeup
    woken = []
    listener.sig_woken.connect(lambda: woken.append(1))
    with qtbot.waitSignal(listener.sig_woken, timeout=5000):
        sender.execute(f"NOTIFY {FEED_CHANNEL}")
    assert len(woken) == 1

    with qtbot.waitSignal(listener.sig_woken, timeout=GAP_MS + 5000):
        for _ in range(10):  # ten group commits within the gap
            sender.execute(f"NOTIFY {FEED_CHANNEL}")
    assert len(woken) == 2  # one wake for the ten, at the end of the gap


def test_closing_drops_a_gathered_wake(qtbot, wakeup):
    listener, sender = wakeup
    with qtbot.waitSignal(listener.sig_woken, timeout=5000):
        sender.execute(f"NOTIFY {FEED_CHANNEL}")
    sender.execute(f"NOTIFY {FEED_CHANNEL}")
    qtbot.waitUntil(lambda: listener._gathered.isActive(), timeout=5000)
    listener.close()
    assert not listener._gathered.isActive() and not listener.listening
