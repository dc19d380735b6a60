"""Roles and the permissions each grants. Endpoints name the permission they need
(registry.api.auth.require); docs/permissions.md is generated from both."""

from __future__ import annotations

from typing import Final

ROLE_LABELS: Final[dict[str, str]] = {
    "clerk": "窓口担当",
    "card_desk": "カード交付担当",
    "supervisor": "管理責任者",
    "helpdesk": "ヘルプデスク",
    "admin": "システム管理者",
    "auditor": "監査担当",
}

RESIDENT_READ: Final = "resident.read"
RESIDENT_SEARCH: Final = "resident.search"
HOUSEHOLD_READ: Final = "household.read"
MOVE_DRAFT: Final = "move.draft"
MOVE_COMMIT: Final = "move.commit"
CERTIFICATE_ISSUE: Final = "certificate.issue"
TRANSFER_NOTICE_READ: Final = "transfer_notice.read"
EXPORT_RESIDENTS: Final = "export.residents"
CARD_RECORD: Final = "card.record"
IDENTITY_RECORD: Final = "identity.record"
# Compare a presented individual number with the register's without revealing it.
NUMBER_CHECK: Final = "number.check"
BULK_APPROVE: Final = "bulk.approve"
AUDIT_READ: Final = "audit.read"
AUDIT_VERIFY: Final = "audit.verify"
ALERT_READ: Final = "alert.read"
ALERT_RESOLVE: Final = "alert.resolve"
DIAGNOSTICS_READ: Final = "diagnostics.read"
NOTICE_EXPORT: Final = "notice.export"
NOTICE_RECEIVE: Final = "notice.receive"
NUMBER_VIEW: Final = "number.view"
NUMBER_SEARCH: Final = "number.search"

_RESIDENT_WORK: Final = frozenset({RESIDENT_READ, RESIDENT_SEARCH, HOUSEHOLD_READ})
# Both desks that face the resident check identity and may compare a card's number.
_IDENTITY_WORK: Final = frozenset({IDENTITY_RECORD, NUMBER_CHECK})

ROLES: Final[dict[str, frozenset[str]]] = {
    "clerk": _RESIDENT_WORK | _IDENTITY_WORK | {MOVE_DRAFT, MOVE_COMMIT, CERTIFICATE_ISSUE,
                                                TRANSFER_NOTICE_READ, EXPORT_RESIDENTS},
    "card_desk": _RESIDENT_WORK | _IDENTITY_WORK | {CARD_RECORD},
    "supervisor": _RESIDENT_WORK | {BULK_APPROVE, AUDIT_READ, ALERT_READ, ALERT_RESOLVE},
    # Helpdesk diagnoses terminals and sees no resident data at all.
    "helpdesk": frozenset({DIAGNOSTICS_READ}),
    # Administrators run the system; they do not read the register.
    "admin": frozenset({AUDIT_VERIFY, NOTICE_EXPORT, NOTICE_RECEIVE, DIAGNOSTICS_READ, ALERT_READ}),
    "auditor": frozenset({AUDIT_READ, AUDIT_VERIFY}),
}
# Granted per person (the staff record's number_view flag), and only to someone who may read
# resident records at all.
PER_PERSON: Final = frozenset({NUMBER_VIEW, NUMBER_SEARCH})
ALL: Final = frozenset().union(*ROLES.values()) | PER_PERSON


class UnknownRole(ValueError):
    pass


def parse_roles(text: str) -> tuple[str, ...]:
    roles = tuple(dict.fromkeys(r.strip() for r in text.split(",") if r.strip()))
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise UnknownRole(
            f"unknown role {', '.join(unknown) or '(none)'}; roles are {', '.join(ROLES)}"
        )
    return roles


def permissions_for(roles: tuple[str, ...], number_view: bool) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= ROLES[role]
    if number_view and RESIDENT_READ in granted:
        granted |= PER_PERSON
    return frozenset(granted)
