"""Any argument list: the command line answers 0 or refuses with 2, in one line, never with a
traceback. ``main`` runs in process for speed; two child processes check the real entry point.

No example may build a demo street or start a window: every database the examples can name is
refused (missing, under a plain file, another program's, not SQLite, an unsupported URL), the
default database lies under a plain file, and the one real room is only given to ``kpi``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from commandroom.cli import main
from commandroom.models.db import Database

OK, REFUSED = 0, 2
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """The databases an example may name, and a working folder no example can write into."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "plain").write_text("a file, not a folder")
    foreign = root / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY)")
    (root / "notes.sqlite3").write_bytes(b"not a database\n" * 100)
    room = f"sqlite:///{root / 'room.sqlite3'}"
    Database(room).dispose()
    refused = [f"sqlite:///{root / 'plain' / 'x.sqlite3'}", f"sqlite:///{foreign}",
               f"sqlite:///{root / 'notes.sqlite3'}", f"sqlite:///{root}", "mysql://u@h/db",
               "postgresql+psycopg2://u@h/db", "oracle://", "nonsense://x", "::", "", "sqlite://"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(root / "plain" / "data"))  # the default is refused too
        patch.chdir(root)  # a relative sqlite:///name would land here, and be seen below
        yield {"refused": refused, "room": room}
    made = {p.name for p in root.iterdir()} - {"room.sqlite3-shm", "room.sqlite3-wal"}
    assert made == {"notes.sqlite3", "photos.db", "plain", "room.sqlite3"}, "an example made a file"


def run(argv: list[str]) -> tuple[int, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = main(argv)
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else REFUSED
    return status, err.getvalue()


def check(argv: list[str]) -> None:
    status, err = run(argv)
    assert status in (OK, REFUSED), (argv, status, err)
    assert "Traceback" not in err, (argv, err)
    if status == REFUSED:
        assert err.count("\n") == 1 and err.startswith("commandroom: "), (argv, err)


WORDS = ["demo", "kpi", "export", "--db", "--lang", "zh_CN", "en", "fr", "--from", "--to", "--by",
         "unit", "grid", "weather", "--days", "--seed", "--per-day", "--end", "--if-empty",
         "--user", "--screenshot", "x.png", "--size", "1920x1080", "10x10", "-", "--", "=",
         "--lang=en", "--db=", "0", "-1", "99999999999999999999", "nan"]
dates = st.dates().map(date.isoformat)
values = st.one_of(st.sampled_from(WORDS), dates, st.integers().map(str),
                   st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                           max_size=12))


@FUZZ
@given(data=st.data())
def test_any_argument_list(places, data):
    words = data.draw(st.lists(values, max_size=8))
    db = data.draw(st.sampled_from(places["refused"]))
    at = data.draw(st.integers(0, len(words)))
    check([*words[:at], "--db", db, *words[at:]] if data.draw(st.booleans()) else words)


@FUZZ
@example(start="0001-01-01", end="9999-12-31", by=[], lang="en")  # the calendar's ends
@given(start=dates, end=dates, by=st.sampled_from([[], ["--by", "unit"], ["--by", "source"]]),
       lang=st.sampled_from(["zh_CN", "en"]))
def test_kpi_over_any_period(places, start, end, by, lang):
    check(["kpi", "--db", places["room"], "--from", start, "--to", end, *by, "--lang", lang])


@FUZZ
@example(end="0001-01-05", days="30", per_day="40")
@example(end="9999-12-31", days="1", per_day="1")
@given(end=dates, days=st.integers(-5, 10**7).map(str), per_day=st.integers(-5, 10**7).map(str))
def test_demo_with_any_period_is_refused_or_would_run(places, end, days, per_day):
    db = places["refused"][0]  # under a plain file: any demo that passes its checks stops here
    check(["demo", "--db", db, "--end", end, "--days", days, "--per-day", per_day])


@pytest.mark.parametrize("args", [
    ["kpi", "--from", "0001-01-01", "--to", "9999-12-31"],
    ["demo", "--end", "0001-01-05"],
    ["--size", "1x1", "--screenshot", "x.png", "--lang", "en"],
])
def test_a_child_process_never_shows_a_traceback(places, args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "commandroom", "--db", places["room"], *args],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode in (OK, REFUSED), done.stderr
    assert "Traceback" not in done.stderr
