"""Under a storm of reports the call desk does not queue one duplicate search per report: the
dock's newest wish (the reports in view) replaces the ones still waiting, and a report already
advised on is not searched again."""

from __future__ import annotations

from commandroom.models.enums import Source
from commandroom.services.call_desk import CallDesk
from tests.services.seed import OFFICER, seed_street


def test_the_newest_wish_replaces_the_waiting_ones(qtbot, sqlite_db):
    tiny = seed_street(sqlite_db)
    from commandroom.models.commands import Commands

    commands = Commands(sqlite_db, OFFICER)
    ids = [commands.receive(source=Source.HOTLINE_12345, title=f"路灯不亮{n}", reporter_name="王先生",
                            reporter_phone="13812341234", lat=tiny.inside[0], lon=tiny.inside[1]).id
           for n in range(4)]
    desk = CallDesk(sqlite_db, login=OFFICER.login, console=OFFICER.console, street_id=tiny.street_id)
    advised = []
    desk.sig_advice.connect(lambda advice: advised.append(advice.event_id))

    desk.want(ids[:3])  # the first view of the queue …
    desk.want([ids[3], ids[0]])  # … scrolled away before the desk began: only the new view counts
    qtbot.waitUntil(lambda: not desk._advising, timeout=10_000)
    assert advised == [ids[3], ids[0]]

    desk.want([ids[0], ids[1]])  # ids[0] is advised already: the dock holds its advice
    qtbot.waitUntil(lambda: not desk._advising, timeout=10_000)
    assert advised == [ids[3], ids[0], ids[1]]
