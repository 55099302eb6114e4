"""The dispatch board dock (lanes of event cards, the units panel, drag-and-drop and keyboard
dispatch). It reads ``BoardCard``/``UnitCard`` (``models/board.py``), ``BoardData`` (``models/board_view.py``)
and ``LastChange`` (``models/last_change.py``, on a stale refusal) snapshots by their fields only: those modules hold the
SQL that makes them, and views never import the database layer, so the names appear here in
annotations, unimported."""
