"""The terminal's login session without Qt: idle policy, state machine, resident-data holders."""

from app.session.clock import Clock, FakeClock, monotonic
from app.session.listener import SessionListener
from app.session.machine import SessionStateMachine
from app.session.personal_data import (
    ClearPhase,
    Concealable,
    DropReport,
    PersonalDataHolder,
    PersonalDataRegistry,
)
from app.session.policy import DEFAULT_POLICY, PolicyError, ScreenPolicy
from app.session.staff import LoginResponseError, StaffIdentity, StaffSession
from app.session.states import InputKind, LockReason, LogoutReason, SessionState, ShieldReason

__all__ = [
    "DEFAULT_POLICY",
    "ClearPhase",
    "Clock",
    "Concealable",
    "DropReport",
    "FakeClock",
    "InputKind",
    "LockReason",
    "LoginResponseError",
    "LogoutReason",
    "PersonalDataHolder",
    "PersonalDataRegistry",
    "PolicyError",
    "ScreenPolicy",
    "SessionListener",
    "SessionState",
    "SessionStateMachine",
    "ShieldReason",
    "StaffIdentity",
    "StaffSession",
    "monotonic",
]
