"""A frame made without cyclic collections (the meeting's seek) leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from commandroom.services.gil_pace import no_collection


@pytest.mark.parametrize("enabled", [True, False])
def test_no_collection_within_and_the_collector_as_it_was_after(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ZeroDivisionError):  # even when the step fails
            with no_collection():
                assert not gc.isenabled()
                1 / 0
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
