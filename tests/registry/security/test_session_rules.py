"""The session and lockout rules as pure decisions: the idle timeout, the absolute lifetime
(a session in constant use still ends), the terminal binding, and the 15-minute lockout.
The HTTP side of the same rules is in test_sessions.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from registry.config import ENV_SESSION_LIFETIME, Settings, SettingsError, load_settings
from registry.models import Staff
from registry.security import errors, passwords, sessions

pytestmark = pytest.mark.registry

LOGIN = datetime(2026, 11, 29, 8, 30, tzinfo=UTC)
SETTINGS = Settings(state_dir=Path("/nonexistent"), db_url="sqlite://",
                    session_idle_timeout=timedelta(minutes=15), session_lifetime=timedelta(hours=10))


def _row(last_seen: datetime, **changes: object) -> SimpleNamespace:
    row = dict(session_id="s1", staff_id="c1", session_terminal="T1", ended_at=None,
               last_seen_at=last_seen, expires_at=LOGIN + SETTINGS.session_lifetime,
               staff_found="c1", roles="clerk", number_view=False, disabled=False)
    row.update(changes)
    return SimpleNamespace(**row)


def test_a_session_in_use_lives_until_its_lifetime_and_not_a_second_longer() -> None:
    # Touched a minute ago, every time: never idle, yet the lifetime ends it.
    just_before = LOGIN + timedelta(hours=10) - timedelta(seconds=1)
    alive = sessions.check(_row(just_before - timedelta(minutes=1)), SETTINGS, "T1", just_before)
    assert alive.auth is not None and alive.end_reason is None
    at_end = LOGIN + timedelta(hours=10)
    ended = sessions.check(_row(at_end - timedelta(minutes=1)), SETTINGS, "T1", at_end)
    assert ended.auth is None and ended.end_reason == "lifetime"
    assert ended.error is not None and ended.error.code == errors.session_expired().code


def test_idle_timeout() -> None:
    now = LOGIN + timedelta(hours=1)
    kept = sessions.check(_row(now - timedelta(minutes=15)), SETTINGS, "T1", now)
    assert kept.auth is not None
    idle = sessions.check(_row(now - timedelta(minutes=15, seconds=1)), SETTINGS, "T1", now)
    assert idle.auth is None and idle.end_reason == "idle"


def test_another_terminal_or_an_ended_or_disabled_session_gets_nothing() -> None:
    now = LOGIN + timedelta(minutes=5)
    elsewhere = sessions.check(_row(now), SETTINGS, "T2", now)
    assert elsewhere.auth is None and elsewhere.end_reason is None  # the owner's session lives on
    ended = sessions.check(_row(now, ended_at=now), SETTINGS, "T1", now)
    assert ended.auth is None
    disabled = sessions.check(_row(now, disabled=True), SETTINGS, "T1", now)
    assert disabled.auth is None and disabled.end_reason == "disabled"
    assert sessions.check(None, SETTINGS, "T1", now).auth is None


def test_lockout_lasts_fifteen_minutes() -> None:
    staff = Staff(id="c9", name="試験", roles="clerk", password_hash=passwords.hash_password("right-password1"),
                  failed_logins=0, locked_until=None, disabled=False, number_view=False)
    for _ in range(5):
        sessions._check_password(None, SETTINGS, staff, "wrong-password1", LOGIN)  # type: ignore[arg-type]
    assert staff.locked_until == LOGIN + timedelta(minutes=15)
    with pytest.raises(errors.SecurityError) as refused:
        sessions._usable(staff, LOGIN + timedelta(minutes=14, seconds=59))
    assert refused.value.code == "account_locked"
    sessions._usable(staff, LOGIN + timedelta(minutes=15))  # over: the right password may try again
    assert sessions._check_password(None, SETTINGS, staff, "right-password1", LOGIN + timedelta(minutes=15))  # type: ignore[arg-type]
    assert staff.locked_until is None


def test_lifetime_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv(ENV_SESSION_LIFETIME, "28800")
    assert load_settings(str(tmp_path), "sqlite://").session_lifetime == timedelta(hours=8)
    monkeypatch.setenv(ENV_SESSION_LIFETIME, "0")
    with pytest.raises(SettingsError):
        load_settings(str(tmp_path), "sqlite://")
