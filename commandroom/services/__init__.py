"""Background work for the console (QtCore only): the change-feed pump and its thread."""
