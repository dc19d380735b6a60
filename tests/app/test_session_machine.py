"""The session state machine, driven by a fake clock: every transition and its order."""

from __future__ import annotations

import pytest

from app.session import (
    ClearPhase,
    FakeClock,
    InputKind,
    LockReason,
    LogoutReason,
    PersonalDataRegistry,
    ScreenPolicy,
    SessionListener,
    SessionState,
    SessionStateMachine,
    ShieldReason,
)

pytestmark = pytest.mark.terminal

POLICY = ScreenPolicy(shield_after_s=60, lock_after_s=300, logout_after_s=1800)


class Recorder(SessionListener):
    def __init__(self) -> None:
        self.events: list[tuple[str, ...]] = []

    def session_shielded(self, reason: ShieldReason) -> None:
        self.events.append(("shielded", reason.value))

    def session_resumed(self) -> None:
        self.events.append(("resumed",))

    def session_locked(self, reason: LockReason) -> None:
        self.events.append(("locked", reason.value))

    def session_unlocked(self) -> None:
        self.events.append(("unlocked",))

    def unlock_failed(self, attempts: int) -> None:
        self.events.append(("unlock_failed", str(attempts)))

    def session_logged_out(self, reason: LogoutReason) -> None:
        self.events.append(("logged_out", reason.value))


class Holder:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log, self.data = name, log, ["resident"]
        self.concealed = 0

    def clear_personal_data(self) -> None:
        self.log.append(self.name)
        self.data.clear()

    def conceal_personal_data(self) -> None:
        self.concealed += 1


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def machine(clock: FakeClock, recorder: Recorder) -> SessionStateMachine:
    return SessionStateMachine(POLICY, clock=clock, listeners=[recorder])


def test_starts_active_with_the_shield_deadline(machine: SessionStateMachine, clock: FakeClock) -> None:
    assert machine.state is SessionState.ACTIVE
    assert machine.next_deadline() == clock.now + 60
    assert machine.seconds_until_next_deadline() == 60


def test_idle_walks_through_shield_lock_and_logout(
    machine: SessionStateMachine, clock: FakeClock, recorder: Recorder
) -> None:
    clock.advance(59.9)
    assert machine.tick() is SessionState.ACTIVE
    clock.advance(0.1)
    assert machine.tick() is SessionState.SHIELDED
    assert machine.seconds_until_next_deadline() == pytest.approx(240)
    clock.advance(240)
    assert machine.tick() is SessionState.LOCKED
    assert machine.seconds_until_next_deadline() == pytest.approx(1500)
    clock.advance(1500)
    assert machine.tick() is SessionState.LOGGED_OUT
    assert machine.next_deadline() is None
    assert recorder.events == [
        ("shielded", "idle"), ("locked", "idle"), ("logged_out", "idle"),
    ]


def test_a_late_tick_catches_up_in_order(
    machine: SessionStateMachine, clock: FakeClock, recorder: Recorder
) -> None:
    clock.advance(10_000)  # a suspended machine wakes up
    machine.tick()
    assert recorder.events == [("shielded", "idle"), ("locked", "idle"), ("logged_out", "idle")]


def test_activity_postpones_the_shield(machine: SessionStateMachine, clock: FakeClock) -> None:
    clock.advance(50)
    machine.user_activity(InputKind.DELIBERATE)
    clock.advance(50)
    assert machine.tick() is SessionState.ACTIVE
    machine.user_activity(InputKind.INCIDENTAL)  # a moving mouse keeps an active session alive
    clock.advance(59)
    assert machine.tick() is SessionState.ACTIVE


def test_deliberate_input_lifts_the_shield_incidental_does_not(
    machine: SessionStateMachine, clock: FakeClock, recorder: Recorder
) -> None:
    clock.advance(60)
    machine.tick()
    clock.advance(100)
    machine.user_activity(InputKind.INCIDENTAL)
    assert machine.state is SessionState.SHIELDED
    # ... nor does it postpone the lock
    assert machine.seconds_until_next_deadline() == pytest.approx(140)
    machine.user_activity(InputKind.DELIBERATE)
    assert machine.state is SessionState.ACTIVE
    assert machine.seconds_until_next_deadline() == pytest.approx(60)
    assert recorder.events[-1] == ("resumed",)


def test_a_key_after_the_lock_deadline_does_not_resume(
    machine: SessionStateMachine, clock: FakeClock, recorder: Recorder
) -> None:
    clock.advance(60)
    machine.tick()
    clock.advance(300)  # the timer was late: the lock is overdue when the key arrives
    machine.user_activity(InputKind.DELIBERATE)
    assert machine.state is SessionState.LOCKED
    assert ("resumed",) not in recorder.events


@pytest.mark.parametrize(
    ("trigger", "reason"),
    [("focus_lost", "focus_lost"), ("minimised", "minimised"), ("shield_hotkey", "hotkey")],
)
def test_shield_at_once(
    machine: SessionStateMachine, recorder: Recorder, trigger: str, reason: str
) -> None:
    getattr(machine, trigger)()
    assert machine.state is SessionState.SHIELDED
    assert machine.shield_reason is ShieldReason(reason)
    assert recorder.events == [("shielded", reason)]
    machine.shield_hotkey()  # already shielded: nothing more
    assert recorder.events == [("shielded", reason)]


def test_shield_does_not_reset_the_idle_clock(machine: SessionStateMachine, clock: FakeClock) -> None:
    clock.advance(200)
    machine.shield_hotkey()
    assert machine.seconds_until_next_deadline() == pytest.approx(100)


def test_lock_clears_holders_in_keepassxc_order_before_telling_listeners(
    clock: FakeClock,
) -> None:
    log: list[str] = []
    registry = PersonalDataRegistry()
    holders = {
        name: Holder(name, log)
        for name in ("model", "view", "clipboard", "dialog", "in_flight", "other")
    }
    # registered out of order on purpose
    registry.register(holders["model"], ClearPhase.MODELS)
    registry.register(holders["other"], ClearPhase.OTHER)
    registry.register(holders["view"], ClearPhase.VIEWS)
    registry.register(holders["clipboard"], ClearPhase.CLIPBOARD)
    registry.register(holders["dialog"], ClearPhase.DIALOGS)
    registry.register(holders["in_flight"], ClearPhase.IN_FLIGHT)

    class UnlockPage(SessionListener):
        def session_locked(self, reason: LockReason) -> None:
            log.append("unlock_page")

    machine = SessionStateMachine(POLICY, clock=clock, personal_data=registry, listeners=[UnlockPage()])
    machine.lock()
    assert log == ["in_flight", "dialog", "clipboard", "view", "model", "other", "unlock_page"]
    assert all(not h.data for h in holders.values())
    assert machine.lock_reason is LockReason.MANUAL
    assert machine.last_drop is not None and machine.last_drop.cleared == 6


def test_shield_conceals_revealed_data(clock: FakeClock) -> None:
    registry = PersonalDataRegistry()
    holder = Holder("number", [])
    registry.register(holder)
    machine = SessionStateMachine(POLICY, clock=clock, personal_data=registry)
    machine.shield_hotkey()
    assert holder.concealed == 1
    assert holder.data == ["resident"]  # a shield hides; only a lock drops


def test_a_failing_holder_does_not_stop_the_lock(clock: FakeClock, recorder: Recorder) -> None:
    registry = PersonalDataRegistry()

    class Broken:
        def clear_personal_data(self) -> None:
            raise ValueError("boom")

    broken, after = Broken(), Holder("after", [])
    registry.register(broken, ClearPhase.VIEWS)
    registry.register(after, ClearPhase.MODELS)
    machine = SessionStateMachine(POLICY, clock=clock, personal_data=registry, listeners=[recorder])
    machine.lock()
    assert machine.state is SessionState.LOCKED
    assert after.data == []
    assert machine.last_drop is not None and machine.last_drop.failed == ["Broken"]
    assert recorder.events == [("locked", "manual")]


def test_a_failing_listener_does_not_stop_the_others(clock: FakeClock, recorder: Recorder) -> None:
    class Broken(SessionListener):
        def session_locked(self, reason: LockReason) -> None:
            raise RuntimeError("status bar gone")

    machine = SessionStateMachine(POLICY, clock=clock, listeners=[Broken(), recorder])
    machine.lock()
    assert recorder.events == [("locked", "manual")]


def test_unlock_failures_then_success(
    machine: SessionStateMachine, clock: FakeClock, recorder: Recorder
) -> None:
    machine.lock()
    machine.user_activity()  # typing at the lock screen does not unlock
    assert machine.state is SessionState.LOCKED
    machine.unlock_failed()
    machine.unlock_failed()
    assert machine.failed_unlocks == 2
    clock.advance(30)
    assert machine.unlock_succeeded() is True
    assert machine.state is SessionState.ACTIVE
    assert machine.failed_unlocks == 0
    assert machine.seconds_until_next_deadline() == pytest.approx(60)
    assert recorder.events == [
        ("locked", "manual"), ("unlock_failed", "1"), ("unlock_failed", "2"), ("unlocked",),
    ]


def test_input_at_the_lock_screen_does_not_postpone_the_logout(
    machine: SessionStateMachine, clock: FakeClock
) -> None:
    clock.advance(100)
    machine.lock()
    for _ in range(17):
        clock.advance(100)
        machine.user_activity()
    assert machine.tick() is SessionState.LOGGED_OUT


def test_unlock_after_the_logout_deadline_is_too_late(
    machine: SessionStateMachine, clock: FakeClock
) -> None:
    machine.lock()
    clock.advance(1800)
    assert machine.unlock_succeeded() is False
    assert machine.state is SessionState.LOGGED_OUT


def test_unlock_only_from_locked(machine: SessionStateMachine) -> None:
    assert machine.unlock_succeeded() is False
    assert machine.state is SessionState.ACTIVE


def test_logout_drops_data_and_is_final(clock: FakeClock, recorder: Recorder) -> None:
    registry = PersonalDataRegistry()
    holder = Holder("model", [])
    registry.register(holder)
    machine = SessionStateMachine(POLICY, clock=clock, personal_data=registry, listeners=[recorder])
    machine.logout()
    assert holder.data == []
    assert machine.state is SessionState.LOGGED_OUT
    machine.user_activity()
    machine.shield_hotkey()
    machine.lock()
    machine.logout()
    clock.advance(10_000)
    machine.tick()
    assert recorder.events == [("logged_out", "user")]


def test_someone_else_at_the_lock_screen_ends_the_session(
    machine: SessionStateMachine, recorder: Recorder
) -> None:
    machine.lock()
    machine.switch_user()
    assert machine.logout_reason is LogoutReason.OTHER_USER
    assert recorder.events == [("locked", "manual"), ("logged_out", "other_user")]


def test_equal_shield_and_lock_times_lock_without_a_pause(clock: FakeClock, recorder: Recorder) -> None:
    machine = SessionStateMachine(
        ScreenPolicy(shield_after_s=60, lock_after_s=60, logout_after_s=60),
        clock=clock, listeners=[recorder],
    )
    clock.advance(60)
    machine.tick()
    assert recorder.events == [("shielded", "idle"), ("locked", "idle"), ("logged_out", "idle")]


def test_listener_can_be_removed(machine: SessionStateMachine) -> None:
    other = Recorder()
    remove = machine.add_listener(other)
    machine.shield_hotkey()
    remove()
    machine.lock()
    assert other.events == [("shielded", "hotkey")]


def test_a_new_policy_applies_from_now(machine: SessionStateMachine, clock: FakeClock) -> None:
    clock.advance(30)
    machine.replace_policy(ScreenPolicy(shield_after_s=20, lock_after_s=40, logout_after_s=60))
    assert machine.state is SessionState.SHIELDED
