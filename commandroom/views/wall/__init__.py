"""The wall screen (大屏): a read-only, full-screen window of panels that only draw a
``WallSnapshot`` (``models/wall_snapshot.py``) and the live map; no panel can give a command."""
