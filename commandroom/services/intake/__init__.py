"""The intake gateway (接入系统): an HTTP server that takes reports from the 12345 platform, grid
patrol and photo apps, in a native JSON dialect and as Open311 GeoReport v2, and receives them
through the domain's ``receive`` command. No Qt: it runs headless (``commandroom intake``) or
inside the console (``services/intake_service.py`` starts it in a thread)."""
