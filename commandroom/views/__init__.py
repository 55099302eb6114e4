"""The console's widgets (QtWidgets only; they never touch the database: they get snapshots)."""
