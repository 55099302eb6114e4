"""The console under a storm: the opening's heap frozen out of the collector's walks once the
docks are loaded (and released when it closes); a storm's batch in the queue in one go, placed
in the officer's order."""

from __future__ import annotations

import gc
import sys

import pytest

from commandroom.services import gil_pace


def test_the_opening_heap_is_frozen_once_loaded_and_released_on_close(qtbot, open_console):
    gc.unfreeze()
    before = gc.get_threshold()
    console = open_console()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    assert sys.getswitchinterval() == pytest.approx(gil_pace.GUI_SWITCH_INTERVAL)
    # No full collection by the collector's own count while the console runs: the sweep's.
    assert gc.get_threshold() == gil_pace.GC_THRESHOLDS
    console.window.close()  # stops the console's services, then lets go of the heap
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_a_storm_batch_lands_in_order_in_one_insert_per_run(qtbot, open_console):
    from tests.views.calls.test_queue_model import NOW, queue_row

    from commandroom.models.enums import Priority

    console = open_console()
    calls = console.window.calls
    before = calls.model.rowCount()
    inserted = []
    calls.model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    storm = [queue_row(90_000 + n, received_at=NOW, priority=(Priority.URGENT, Priority.NORMAL)[n % 2])
             for n in range(200)]
    calls.on_view_changed(calls.view_name, [row.id for row in storm], storm)
    assert calls.model.rowCount() == before + 200
    assert len(inserted) <= 2  # one run per priority
    keys = [calls.model.sort_key(calls.model.row_at(n)) for n in range(calls.model.rowCount())]
    assert keys == sorted(keys)


def test_what_survives_a_full_collection_is_frozen_until_the_console_closes(qtbot, open_console):
    """A storm's rows fill the heap again after the opening's freeze: each full collection's
    survivors are frozen as it ends, so the next one walks only what came since."""
    gc.unfreeze()
    console = open_console()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    opened = gc.get_freeze_count()
    kept = [[n] for n in range(10_000)]  # a storm's rows: tracked, long-lived
    gc.collect()
    assert gc.get_freeze_count() >= opened + len(kept)
    walked = {id(o) for o in gc.get_objects(2)}  # the permanent generation is not walked
    assert not any(id(row) in walked for row in kept)
    console.window.close()
    assert gc.get_freeze_count() == 0
    gc.collect(1)  # a young collection does not freeze
    assert gc.get_freeze_count() == 0


def test_the_hourly_sweep_frees_garbage_cycles_that_were_frozen(qtbot, open_console):
    """Something frozen while alive (a dialog, a session) and dropped later is a cycle the
    collector no longer walks: the sweep walks it again, frees it, and freezes what lives."""
    import weakref

    gc.unfreeze()
    console = open_console()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    assert console._sweep.waiting_ms() == gil_pace.SWEEP_MS

    class Node:
        pass

    node = Node()
    node.me = node  # a cycle: only the collector frees it
    dead = weakref.ref(node)
    gc.collect()  # survives: frozen
    del node
    gc.collect()
    assert dead() is not None  # frozen: not walked, not freed
    assert gil_pace.sweep_heap() > 0
    assert dead() is None
    assert gc.get_freeze_count() > 0  # what lives is frozen again
    console.window.close()
    assert gc.get_freeze_count() == 0


def test_the_sweep_waits_for_a_quiet_feed_but_not_forever(qtbot, monkeypatch):
    """A sweep due while feed batches keep coming is put off (its pause would fall in the
    storm); once the feed is quiet, or after the most put-offs, it runs."""
    swept = []
    monkeypatch.setattr(gil_pace, "sweep_heap", lambda: swept.append(1) or 0)
    sweeper = gil_pace.HeapSweeper()
    sweeper.busy([])  # a batch just now
    sweeper._due()
    assert (swept, sweeper.put_off) == ([], 1)
    assert sweeper.waiting_ms() == gil_pace.SWEEP_RETRY_MS
    monkeypatch.setattr(gil_pace, "SWEEP_PUT_OFF_MAX", 3)
    for _ in range(2):
        sweeper.busy([])
        sweeper._due()
    assert swept == [] and sweeper.put_off == 3
    sweeper.busy([])
    sweeper._due()  # storming still, but put off enough
    assert swept == [1] and sweeper.put_off == 0
    assert sweeper.waiting_ms() == gil_pace.SWEEP_MS  # the next one in an hour
    sweeper._last_busy -= gil_pace.SWEEP_QUIET_S  # the feed has been quiet
    sweeper._due()
    assert swept == [1, 1] and sweeper.put_off == 0
