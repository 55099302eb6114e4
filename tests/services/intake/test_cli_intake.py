"""The intake's command lines as an administrator and a demonstrator run them: keys added,
listed and revoked (stored hashed), the simulator against a real server, and refusals."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from commandroom.models import Event
from commandroom.models.intake_keys import IntakeClient, hash_key
from tests.street_fixture import build
from tests.unit.test_cli import cli


def test_keys_added_listed_and_revoked(sqlite_db):
    build(sqlite_db)
    url = sqlite_db.url
    added = cli("intake-key", "add", "hotline-12345", "--db", url)
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip()
    assert key.startswith("cr_") and len(key) > 40
    with sqlite_db.session() as s:
        stored = s.scalar(select(IntakeClient))
    assert stored.key_hash == hash_key(key) and key not in stored.key_hash  # only the hash is kept

    listed = cli("intake-key", "list", "--db", url, "--lang", "en")
    assert re.search(r"^hotline-12345\tcr_\S+…\t.*\tactive$", listed.stdout, re.M), listed.stdout
    assert key not in listed.stdout
    assert cli("intake-key", "revoke", "hotline-12345", "--db", url).returncode == 0
    assert "已吊销" in cli("intake-key", "list", "--db", url).stdout


def test_key_refusals_are_one_line(sqlite_db):
    build(sqlite_db)
    url = sqlite_db.url
    assert cli("intake-key", "add", "a", "--db", url).returncode == 0
    for args, words in [(("add", "a"), "already"), (("add", "bad name"), "letters"),
                        (("revoke", "nobody"), "No client"), (("add",), "needs a client name")]:
        refused = cli("intake-key", *args, "--db", url, "--lang", "en")
        assert refused.returncode == 2 and words in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1


def test_the_simulator_sends_and_counts(live_intake):
    intake = live_intake
    ran = cli("simulate", "--url", intake.url, "--key", intake.key, "--rate", "20", "--duration", "2",
              "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    sent, new, retries, failed = map(int, re.search(
        r"sent (\d+), accepted (\d+) new \+ (\d+) retries answered, refused 0, failed (\d+)", ran.stdout).groups())
    assert sent == 40 and failed == 0 and new + retries == 40
    assert re.search(r"p50 [\d.]+ ms, p90 [\d.]+ ms, p99 [\d.]+ ms", ran.stdout)
    with intake.db.session() as s:
        assert s.scalar(select(func.count(Event.id))) == new


def test_the_simulator_speaks_open311(live_intake):
    sqlite_intake = live_intake
    ran = cli("simulate", "--url", sqlite_intake.url, "--key", sqlite_intake.key, "--rate", "10",
              "--duration", "1", "--dialect", "open311", "--burst")
    assert ran.returncode == 0, ran.stderr
    assert "发送 10，" in ran.stdout and "失败 0" in ran.stdout


def test_each_run_sends_new_reports_and_a_seed_sends_the_same_again(live_intake):
    """A second demonstration brings new reports (a new seed each run, printed); the same seed
    sends the same reports, each answered as a retry, and that is not a failure."""
    def run(*seed):
        ran = cli("simulate", "--url", live_intake.url, "--key", live_intake.key, "--rate", "10",
                  "--duration", "1", "--lang", "en", *seed)
        assert ran.returncode == 0, ran.stderr
        new, retries = map(int, re.search(r"accepted (\d+) new \+ (\d+) retries", ran.stdout).groups())
        return new, retries, int(re.search(r"^seed (\d+) \(--seed \1 sends", ran.stdout, re.M).group(1))

    first, _, seed = run()
    again, _, other = run()
    assert first > 0 and again > 0 and other != seed
    replayed, retries, same = run("--seed", str(seed))
    assert (replayed, retries, same) == (0, 10, seed)


def _nice_of(pid: int) -> int:
    """The nice value of a running process, as the kernel has it (field 19 of its stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[16])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_server_runs_at_a_lower_cpu_priority(sqlite_db, tmp_path):
    """A console on the same machine is answered first: the server adds ``--nice`` to its own."""
    import socket

    import httpx

    build(sqlite_db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "commandroom", "intake", "--db", sqlite_db.url,
                               "--port", str(port), "--nice", "7"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.1)
        assert _nice_of(server.pid) == min(os.nice(0) + 7, 19)
    finally:
        server.terminate()
        server.wait(30)


@pytest.mark.parametrize("lang, words", [
    ("en", "1 × cannot connect to the intake server (a wrong address, or it is not running)"),
    ("zh_CN", "1 × 无法连接接入服务（地址有误，或服务未运行）")])
def test_a_wrong_address_is_said_in_words(lang, words):
    """Nothing listens there: the run fails, saying why in the officer's language (not aiohttp's
    class name) and giving no latency of answers that never came."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ran = cli("simulate", "--url", f"http://127.0.0.1:{port}", "--key", "k", "--rate", "1",
              "--duration", "1", "--lang", lang)
    assert ran.returncode == 1
    assert words in ran.stdout and "nan" not in ran.stdout and "Error" not in ran.stdout, ran.stdout


def test_a_niceness_out_of_range_is_refused(sqlite_db):
    for command in (("intake",), ("simulate", "--url", "http://127.0.0.1:1", "--key", "k")):
        refused = cli(*command, "--db", sqlite_db.url, "--nice", "25", "--lang", "en")
        assert refused.returncode == 2 and "a niceness is 0-19: '25'" in refused.stderr, refused.stderr
    assert "CPU 优先级降低值应为 0–19：'-1'" in cli("intake", "--db", sqlite_db.url, "--nice=-1").stderr


def test_a_port_already_taken_is_refused_in_words(sqlite_db):
    """A second server on the same port (or a console run with --intake) is refused before it
    opens anything, in the chosen language, not with uvicorn's English line and exit 3."""
    import socket

    build(sqlite_db)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        refused = cli("intake", "--db", sqlite_db.url, "--port", port, "--lang", "en")
        assert refused.returncode == 2, refused.stderr
        assert f"the intake cannot listen on 127.0.0.1:{port}: the port is taken" in refused.stderr
        assert "端口已被占用" in cli("intake", "--db", sqlite_db.url, "--port", port).stderr
