"""The board's read model for the feed pump: its rows kept in the pump's thread and folded with
each batch of log rows (``models/board_fold.py``); a dock asking for events reads them afresh."""

from __future__ import annotations

from commandroom.models.board_fold import BoardFold
from commandroom.models.board_view import load_board_changes
from commandroom.services.feed_pump import ReadModel

BOARD = "board"


def board_read_model() -> ReadModel:
    """A new fold per pump (its rows belong to that pump's thread)."""
    rows = BoardFold()
    return ReadModel(BOARD, load_all=rows.load, load_ids=load_board_changes, fold=rows.fold)
