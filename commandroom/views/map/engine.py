"""QtWebEngine's Chromium flags for the map's web process, set before the engine starts.

The map is the console's only web page, and the whole application must stay small with ten
thousand markers on it (bench/bench_map.py measures every process). Chromium reads
``QTWEBENGINE_CHROMIUM_FLAGS`` once, when the first page is made, so ``configure`` runs just
before the map makes its page; flags the officer set in that variable are kept and win.

- one renderer process at most (the map's; no spare one kept warm);
- a small young generation for V8 (below);
- on a box with no screen (``offscreen``/``minimal``: screenshots, tests, a wall rendered
  headless) no GPU process or GL: Chromium composites in software anyway there, and
  ``--disable-gpu`` spares the software-GL stack (llvmpipe) it would otherwise load;
- ``--single-process`` is not used: it is unsafe (Chromium's own warning), and a crash of the
  page would take the console down with it.
"""

from __future__ import annotations

import os

FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def engine_flags(platform: str) -> list[str]:
    # A young generation of a few MB, not V8's default of up to 48: the opening batch of ten
    # thousand markers would otherwise leave the page's heap at twice what it holds.
    flags = ["--renderer-process-limit=1", "--js-flags=--max-semi-space-size=2"]
    if platform in HEADLESS_PLATFORMS:
        flags += ["--disable-gpu", "--disable-gpu-compositing"]
    return flags


def configure(platform: str) -> str:
    """Add our flags to ``QTWEBENGINE_CHROMIUM_FLAGS`` (those already there are kept and win);
    the value set."""
    given = os.environ.get(FLAGS_ENV, "").split()
    named = {flag.split("=", 1)[0] for flag in given}
    flags = given + [f for f in engine_flags(platform) if f.split("=", 1)[0] not in named]
    os.environ[FLAGS_ENV] = " ".join(flags)
    return os.environ[FLAGS_ENV]
