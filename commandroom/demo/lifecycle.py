"""One event's life, step by step, given by the commands a real room would give.

Every step asks ``models/transitions.py`` what the command changes and ``lifecycle.RULES``
whether its actor's role may give it in the event's status, and which status follows
(``check_role`` and ``check_transition``, as ``commands/base.py::_apply`` does); then it applies
the change to the generator's rows (``record.Tables``) and writes ``change.payload()`` as the log
row. So the generated history is what the commands would have written, row for row.

Who gives what: reports from the hotline, patrols, photos, micro-wishes and district orders
arrive through the intake (``system``); a walk-in is received by the duty officer. The duty
officer registers, dispatches, records the unit's acknowledgement, start, return and result and
the grid worker's verification at the console, asks for extensions and records the citizen's
rating. At the call desk the officer takes a share of reports before deciding (now and then
releasing one), answers consultations on the spot (当场答复), moves a misrouted case to the
right unit at once (改派) or has it returned, now and then recalls one, adds an assisting unit
while the lead handles it, and records each assisting unit's signature (协办签收). The shift
leader escalates, decides extensions and closes.

Times are whole seconds since ``times.BASE`` (integer arithmetic is several times faster than
``timedelta``). Each step checks the horizon first: a step that would happen after "now" raises
``Cut`` before it changes anything, so the event stays in whatever open status it had reached,
as live work does.

The rates below are tuned so the measures land near DOMAIN.md's real figures (transfer ~13%:
returns, 改派 and 召回 together; rework ~2%, extension ~3%, on-time ~97–98%, satisfaction ~98%).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import accumulate

from commandroom.demo import texts
from commandroom.demo.catalog import CategoryInfo
from commandroom.demo.rand import FastRandom
from commandroom.demo.record import EventRecord, Tables
from commandroom.models import transitions
from commandroom.models.actor import SYSTEM as INTAKE
from commandroom.models.change import Change
from commandroom.models.jsontext import dumps
from commandroom.models.enums import Action, AssignmentRole, ExtensionDecision, Role, Satisfaction
from commandroom.models.transitions import RELEASED
from commandroom.models.lifecycle import RULES, check_role, check_transition

MIN, HOUR, DAY = 60, 3600, 86400
P_REJECT = 0.015
# The call desk: a share of reports is taken (locked to a console) before the decision, a few of
# those are released again; consultations are answered on the spot (texts.ANSWERS, per item).
P_TAKE, P_RELEASE = 0.3, 0.08
# First dispatch to the wrong unit (escalations add their own return): the unit returns it, or
# the dispatcher moves it at once (改派, P_REASSIGN of them); a few are recalled and dispatched
# again (召回). Each is one transfer (流转), so the three together give the transfer rate.
P_WRONG, P_REASSIGN, P_RECALL = 0.11, 0.45, 0.01
P_ESCALATE = 0.04  # of territorial items
P_LATE = 0.05  # handling planned past the limit; most get an extension request
P_EXTEND_LATE, P_EXTEND_SPARE, P_APPROVE = 0.6, 0.01, 0.85
P_ASSIST = 0.15
P_ADD_ASSIST = 0.04  # an assisting unit added while the lead handles it (增加协办)
P_ASSIST_SIGN = 0.92  # an assisting unit signs for its part (协办签收); the others never do
P_REWORK = 0.02
P_EVALUATE = 0.72
SATISFACTION_VALUES = tuple(s.value for s in (Satisfaction.SATISFIED, Satisfaction.BASICALLY,
                                              Satisfaction.DISSATISFIED))
# Cumulative weights, content and after a late or reworked case (rng.pick takes the same draw as
# rng.choices with the weights, without summing them on every call).
CONTENT, UPSET = list(accumulate((0.87, 0.115, 0.015))), list(accumulate((0.6, 0.3, 0.1)))
LEAD, ASSIST = AssignmentRole.LEAD.value, AssignmentRole.ASSIST.value
PENDING = ExtensionDecision.PENDING.value
# (login, console, role): who gives a command, and from where.
Actor = tuple[str, str, Role]
SYSTEM: Actor = (INTAKE.login, INTAKE.console, INTAKE.role)
ADMIN: Actor = ("admin", "console-admin", Role.ADMIN)




class Cut(Exception):
    """The next step would happen after the horizon."""


class Lifecycle:
    def __init__(self, rng: FastRandom, horizon: int, street_id: int, officers: list[str],
                 leaders: list[str], tables: Tables, db_time: Callable[[int], object],
                 iso: Callable[[int], str], lane: int = 0, lanes: int = 1):
        self.rng = rng
        self.horizon = horizon
        self.street_id = street_id
        # Who is at the console, per shift: the same (login, console) pairs come round again.
        self.officers = [(officers[i % len(officers)], f"console-{i % 2 + 1}", Role.DUTY_OFFICER)
                         for i in range(2 * len(officers))]
        self.leaders = [(login, "console-lead", Role.SHIFT_LEADER) for login in leaders]
        self.tables = tables
        self.db_time = db_time  # seconds → what the database driver wants for a DateTime
        self.iso = iso
        # Command ids dealt round-robin between lanes, as the other ids are (history.py).
        self.commands, self.lane, self.lanes = 0, lane, lanes
        # Log rows by the day they happen on, in event_log's column order but for the first
        # item, which holds the time until the day is sorted (stream.merge_lanes).
        self.buckets: dict[int, list[list]] = {}

    # -- who is at the console -------------------------------------------------------------
    def officer(self, t: int) -> Actor:
        # day shift 08–20, night shift 20–08; officers take turns, on alternate consoles
        return self.officers[(t - 8 * HOUR) // (12 * HOUR) % len(self.officers)]

    def leader(self, t: int) -> Actor:
        return self.leaders[((t - 8 * HOUR) // DAY) % len(self.leaders)]

    # -- the one path every step takes ---------------------------------------------------------
    def command_id(self) -> str:
        """Deterministic, and never a uuid4's hex (those have no 'm')."""
        self.commands += 1
        return "demo%028x" % (self.commands * self.lanes + self.lane)

    def step(self, e: EventRecord, t: int, actor: Actor, action: Action, change: Change,
             command_id: str | None = None, status=None) -> None:
        """Check, apply and log one command on ``e`` at ``t``. ``status`` is the event's status
        at ``t`` when the simulation has already run past it (a merge's target)."""
        if t > self.horizon:
            raise Cut
        # check_role and check_transition, asked only when they would refuse (in their words):
        # their calls are a tenth of a step.
        rule = RULES[action]
        if actor[2] not in rule.roles:
            check_role(action, actor[2])
        before = e.status if status is None else status
        if before not in rule.sources:
            check_transition(action, e.code, before)
        after = rule.target or before
        if after != before:
            change.event["status"] = after
            if e.taken_console:  # the lock means nothing outside the queue (as _apply does)
                change.event.update(RELEASED)
            e.timeline.append((t, after))
        self.tables.apply(e, change)
        e.version += 1
        self.log(t, actor, e.id, action, change, command_id)

    def log(self, t: int, actor: Actor, event_id: int | None, action: Action, change: Change,
            command_id: str | None = None) -> None:
        if command_id is None:
            self.commands += 1
            command_id = "demo%028x" % (self.commands * self.lanes + self.lane)  # as command_id()
        row = [t, self.db_time(t), actor[0], actor[1], self.street_id, command_id, event_id,
               action._value_, dumps(change.payload(self.iso))]
        try:
            self.buckets[t // DAY].append(row)
        except KeyError:
            self.buckets[t // DAY] = [row]

    def receive(self, t: int, actor: Actor, change: Change) -> EventRecord:
        """受理: the record starts as the command's new event does (``NEW_EVENT`` + the change)."""
        check_role(Action.RECEIVE, actor[2])
        change.event["status"] = RULES[Action.RECEIVE].target
        e = EventRecord(id=self.tables.next_id("event"), version=0)
        e.timeline.append((t, change.event["status"]))
        self.tables.apply(e, change)
        e.version = 1
        self.log(t, actor, e.id, Action.RECEIVE, change)
        return e

    def active(self, e: EventRecord, **where) -> list[int]:
        return self.tables.select(e, "assignment", active=True, **where)

    # -- the whole life ----------------------------------------------------------------------
    def run(self, e: EventRecord, lead: int, wrong: Callable[[], int], assists: list[int],
            helpers: list[int] = ()) -> None:
        """``assists``: the units dispatched to assist; ``helpers``: the units that may be
        added as assisting later (the item's other units, never the lead)."""
        rng, cat = self.rng, e.cat
        try:
            t = e.received_at
            if rng.random() < P_TAKE:
                t = self.take(e, t)
            answers = texts.ANSWERS.get(cat.item.name)
            if answers is not None and rng.random() < answers[0]:
                t += rng.randint(MIN, 10 * MIN)
                self.step(e, t, self.officer(t), Action.ANSWER,
                          transitions.answer(now=t, text=rng.choice(answers[1])))
                return
            if rng.random() < P_REJECT:
                t += rng.randint(2 * MIN, 20 * MIN)
                self.step(e, t, self.officer(t), Action.REJECT,
                          transitions.reject(reason=rng.choice(texts.REJECT)))
                return
            response, handling = cat.limits[e.priority]
            t = self.register(e, cat, t)
            t = self.dispatch_phase(e, cat, t, lead, wrong, assists, response, handling)
            t = self.acknowledge(e, t, response)
            t = self.handle(e, cat, t, helpers)
            self.close(e, t)
        except Cut:
            pass

    def take(self, e: EventRecord, t: int) -> int:
        """接手 (and now and then 放手, by the same console: it hands the report back to the
        queue, e.g. at the end of a shift)."""
        rng = self.rng
        t += rng.randint(20, 3 * MIN)
        officer = self.officer(t)
        self.step(e, t, officer, Action.TAKE, transitions.take(now=t, login=officer[0], console=officer[1]))
        if rng.random() < P_RELEASE:
            t += rng.randint(MIN, 10 * MIN)
            self.step(e, t, officer, Action.RELEASE, transitions.release())
        return t

    def merge(self, e: EventRecord, target: EventRecord, t: int) -> bool:
        """合并 the new report ``e`` into ``target`` at ``t``: the target's ATTACH_CONTACT row,
        then the duplicate's MERGE row, under one command id (as ``IntakeCommands.merge``).
        False if the target no longer takes reports then (it was closed meanwhile): the
        report is then a case of its own."""
        t = max(t, target.attached + 1)  # attach rows of one target stay in order
        if t > self.horizon:
            return True  # not merged yet: it waits in the queue, received
        status = target.status_at(t)
        if status not in RULES[Action.ATTACH_CONTACT].sources:
            return False
        actor, command_id = self.officer(t), self.command_id()
        attach = transitions.attach(target, contact_ids=self.tables.select(e, "contact"),
                                    contact_count=e.contact_count, merged_from_id=e.id)
        self.step(target, t, actor, Action.ATTACH_CONTACT, attach, command_id, status)
        self.step(e, t, actor, Action.MERGE, transitions.merge(into_id=target.id), command_id)
        target.attached = t
        return True

    def register(self, e: EventRecord, cat: CategoryInfo, t: int) -> int:
        rng = self.rng
        if e.priority == "urgent":
            t += rng.randint(MIN, 8 * MIN)
        elif rng.random() < 0.03:  # needs checking on site first (核实)
            t += rng.randint(HOUR, 6 * HOUR)
        else:
            t += rng.randint(3 * MIN, 25 * MIN)
        self.step(e, t, self.officer(t), Action.REGISTER, transitions.register(
            now=t, category_id=cat.id, priority=e.priority, grid_id=e.grid_id, lat=e.lat,
            lon=e.lon, address=e.address))
        return t

    def dispatch_phase(self, e, cat, t, lead, wrong, assists, response, handling) -> int:
        rng = self.rng
        escalate = cat.department_id is not None and rng.random() < P_ESCALATE
        r = rng.random()
        misrouted, recalled = not escalate and r < P_WRONG, not escalate and r >= 1 - P_RECALL
        # 立案+派遣 within 10 min (urgent) / 30 min: most go at once, some wait for a unit's answer.
        t += rng.randint(30, 3 * MIN) if e.priority == "urgent" or rng.random() < 0.7 else \
            rng.randint(5 * MIN, 20 * MIN)
        if misrouted and rng.random() < P_REASSIGN:  # 改派: the assisting units keep their parts
            first = wrong()
            self.dispatch(e, t, first, [u for u in assists if u != first], response, handling)
            t += rng.randint(5 * MIN, max(6 * MIN, response * 54))  # within ~90% of the response limit
            self.step(e, t, self.officer(t), Action.REASSIGN, transitions.reassign(
                e, now=t, lead=lead, reason=rng.choice(texts.REASSIGN),
                lead_assignments=self.active(e, role=LEAD), replaced_assist=None,
                response_due=t + response * MIN))
            return t
        if recalled:  # 召回, then dispatched again
            self.dispatch(e, t, lead, assists, response, handling)
            t += rng.randint(5 * MIN, max(6 * MIN, response * 30))
            self.step(e, t, self.officer(t), Action.RECALL, transitions.recall(
                e, now=t, reason=rng.choice(texts.RECALL), active=self.active(e)))
            t += rng.randint(2 * MIN, 15 * MIN)
            self.dispatch(e, t, lead, assists, response, handling)
            return t
        returned = escalate or misrouted
        first = wrong() if misrouted else lead
        self.dispatch(e, t, first, [] if returned else assists, response, handling)
        if not returned:
            return t
        t += rng.randint(5 * MIN, max(6 * MIN, response * 54))  # within ~90% of the response limit
        reason = texts.ESCALATE_RETURN if escalate else rng.choice(texts.RETURN)
        self.step(e, t, self.officer(t), Action.RETURN,
                  transitions.return_(e, now=t, reason=reason, active=self.active(e)))
        if escalate:
            return self.escalate(e, cat, t + rng.randint(10 * MIN, HOUR), handling)
        t += rng.randint(2 * MIN, 15 * MIN)
        self.dispatch(e, t, lead, assists, response, handling)
        return t

    def dispatch(self, e, t, unit, assists, response, handling) -> None:
        self.step(e, t, self.officer(t), Action.DISPATCH, transitions.dispatch(
            e, now=t, lead=unit, assists=assists, active=self.active(e),
            response_due=t + response * MIN, handle_due=t + handling * MIN))

    def escalate(self, e: EventRecord, cat: CategoryInfo, t: int, handling: int) -> int:
        """街呼区应: the district names the department, the time and place to meet."""
        rng = self.rng
        leader = self.leader(t)
        self.step(e, t, leader, Action.ESCALATE, transitions.escalate(
            e, now=t, by=leader[0], department_id=cat.department_id, place=e.address,
            meet_at=(t // HOUR + rng.randint(1, 4)) * HOUR,
            confirm_by=t + (2 * HOUR if e.priority == "urgent" else 12 * HOUR),
            handle_due=t + handling * MIN, active=self.active(e)))
        return t

    def acknowledge(self, e: EventRecord, t: int, response: int) -> int:
        rng = self.rng
        if e.escalated:  # the department confirms by confirm_by (its response due)
            t += rng.randint(10 * MIN, max(11 * MIN, int((e.response_due - t) * 0.8)))
        elif rng.random() < 0.95:
            t += max(30, int(response * MIN * min(0.95, rng.lognormvariate(math.log(0.3), 0.6))))
        else:  # late acknowledgement
            t += int(response * MIN * rng.uniform(1.05, 2.5))
        for part in self.active(e, role=ASSIST):  # each assisting unit signs for its part, first
            if rng.random() < P_ASSIST_SIGN:
                since = self.tables.rows["assignment"][part]["dispatched_at"]
                self.sign_assist(e, part, min(t, since + rng.randint(MIN, max(MIN, t - since))))
        self.step(e, t, self.officer(t), Action.ACKNOWLEDGE, transitions.acknowledge(
            e, now=t, lead_assignments=self.active(e, role=LEAD),
            open_escalations=self.tables.select(e, "escalation", confirmed_at=None)))
        t += rng.randint(MIN, max(2 * MIN, min(HOUR, response * MIN)))
        self.step(e, t, self.officer(t), Action.START, transitions.start())
        return t

    def sign_assist(self, e: EventRecord, part: int, t: int) -> None:
        unit = self.tables.rows["assignment"][part]["unit_id"]
        self.step(e, t, self.officer(t), Action.ACKNOWLEDGE_ASSIST,
                  transitions.acknowledge_assist(now=t, assignment_id=part, unit_id=unit))

    def add_assist(self, e: EventRecord, start: int, resolve_at: int, helpers: list[int]) -> None:
        """增加协办 while the lead handles it, and the new unit's signature, both before the
        result (the event stays with its units meanwhile)."""
        rng, rows = self.rng, self.tables.rows["assignment"]
        assisting = {rows[a]["unit_id"] for a in self.active(e, role=ASSIST)}
        free = [u for u in helpers if u not in assisting]
        if not free or resolve_at - start < HOUR:
            return
        t = start + rng.randint(5 * MIN, (resolve_at - start) // 2)
        change = transitions.add_assist(now=t, unit_id=rng.choice(free))
        self.step(e, t, self.officer(t), Action.ADD_ASSIST, change)
        if rng.random() < P_ASSIST_SIGN:
            self.sign_assist(e, change.rows[0].id, t + rng.randint(MIN, min(2 * HOUR, (resolve_at - t) // 2)))

    def handle(self, e: EventRecord, cat: CategoryInfo, t: int, helpers: list[int] = ()) -> int:
        """From in progress to verified: resolve, maybe extend first, maybe rework after."""
        rng = self.rng
        start, due = t, e.handle_due
        window = due - e.dispatched_at
        late = rng.random() < P_LATE
        share = rng.uniform(1.03, 1.8) if late else rng.lognormvariate(math.log(cat.typical_share), 0.9)
        if not late and share > 0.95:
            share = rng.uniform(0.4, 0.95)
        resolve_at = max(start + 10 * MIN, e.dispatched_at + int(window * share))
        if helpers and rng.random() < P_ADD_ASSIST:
            self.add_assist(e, start, resolve_at, helpers)
        if rng.random() < (P_EXTEND_LATE if late else P_EXTEND_SPARE):
            resolve_at = self.extend(e, start, due, window, resolve_at)
        t = self.resolve(e, resolve_at)
        if rng.random() < P_REWORK:
            t += rng.randint(20 * MIN, 2 * HOUR)
            self.step(e, t, self.officer(t), Action.REWORK,
                      transitions.rework(e, reason=rng.choice(texts.REWORK)))
            t = self.resolve(e, t + max(30 * MIN, int(window * rng.uniform(0.02, 0.15))))
        t += rng.randint(10 * MIN, HOUR) if rng.random() < 0.92 else rng.randint(HOUR, 6 * HOUR)
        self.step(e, t, self.officer(t), Action.VERIFY,
                  transitions.verify(now=t, note=rng.choice(texts.VERIFY)))
        return t

    def extend(self, e: EventRecord, start: int, due: int, window: int, resolve_at: int) -> int:
        rng = self.rng
        asked = max(start + MIN, e.dispatched_at + int(window * rng.uniform(0.5, 0.9)))
        if asked >= min(due, resolve_at) - 2 * MIN:
            return resolve_at  # too late to ask: it must be asked before the deadline
        new_due = (max(resolve_at, due) + rng.randint(12 * HOUR, 3 * DAY)) // HOUR * HOUR
        officer = self.officer(asked)
        self.step(e, asked, officer, Action.REQUEST_EXTENSION, transitions.request_extension(
            now=asked, by=officer[0], new_due=new_due, reason=rng.choice(texts.EXTENSION)))
        decided = asked + rng.randint(10 * MIN, min(3 * HOUR, max(11 * MIN, due - asked)))
        leader = self.leader(decided)
        approve = rng.random() < P_APPROVE
        self.step(e, decided, leader,
                  Action.APPROVE_EXTENSION if approve else Action.DENY_EXTENSION,
                  transitions.decide_extension(
                      e, now=decided, by=leader[0],
                      request_id=self.tables.select(e, "extension_request", decision=PENDING)[0],
                      approve=approve, new_due=new_due,
                      note="同意延期" if approve else rng.choice(texts.DENY)))
        return max(resolve_at, decided + MIN)

    def resolve(self, e: EventRecord, t: int) -> int:
        self.step(e, t, self.officer(t), Action.RESOLVE,
                  transitions.resolve(e, now=t, note=self.rng.choice(texts.RESOLVE)))
        return t

    def close(self, e: EventRecord, t: int) -> None:
        rng = self.rng
        t += rng.randint(5 * MIN, 4 * HOUR)
        self.step(e, t, self.leader(t), Action.CLOSE, transitions.close(e, now=t))
        if rng.random() < P_EVALUATE:
            t += rng.randint(HOUR, 2 * DAY)
            mix = CONTENT if e.on_time and not e.rework_count else UPSET
            satisfaction = rng.pick(SATISFACTION_VALUES, mix)
            # A 街呼区应 case: the street also rates the district department it called.
            rating = rng.pick(SATISFACTION_VALUES, mix) if e.escalated else None
            self.step(e, t, self.officer(t), Action.EVALUATE, transitions.evaluate(
                satisfaction=satisfaction, department_rating=rating,
                escalations=self.tables.select(e, "escalation")))
