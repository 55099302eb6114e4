"""The dispatch board dock (lanes of event cards, the units panel, drag-and-drop and keyboard
dispatch). It reads ``BoardCard``/``UnitCard`` (``models/board.py``) and ``BoardData``/
``LastChange`` (``models/board_view.py``) snapshots by their fields only: those modules hold the
SQL that makes them, and views never import the database layer, so the names appear here in
annotations, unimported."""
