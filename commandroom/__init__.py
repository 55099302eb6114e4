"""commandroom: the desktop software of a street integrated information command room."""

__version__ = "0.1.0"
