"""The permission strings the terminal acts on, and which workspace each one opens.

The registry decides who holds which permission (registry/security/permissions.py: roles, and
number.view per person, seed l.924-926, 1007-1011); the terminal only shows what the login
response grants. The names here are the registry's; the terminal does not import the registry
(it is another program), so a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

RESIDENT_SEARCH: Final = "resident.search"
RESIDENT_READ: Final = "resident.read"
MOVE_DRAFT: Final = "move.draft"
MOVE_COMMIT: Final = "move.commit"
CERTIFICATE_ISSUE: Final = "certificate.issue"
CARD_RECORD: Final = "card.record"
IDENTITY_RECORD: Final = "identity.record"  # 本人確認 recorded with the registry
BULK_APPROVE: Final = "bulk.approve"
DIAGNOSTICS_READ: Final = "diagnostics.read"
NUMBER_VIEW: Final = "number.view"  # the full individual number, on an explicit action only
AUDIT_READ: Final = "audit.read"  # who accessed what (開示請求), and one staff member's actions
ALERT_READ: Final = "alert.read"
ALERT_RESOLVE: Final = "alert.resolve"  # a search block lifted by a supervisor


@dataclass(frozen=True, slots=True)
class WorkspaceRule:
    key: str
    any_of: frozenset[str]  # the workspace opens if the person holds one of these


# 窓口 for clerks, カード交付 for the card desk, 承認 for supervisors, 診断 for the helpdesk
# (and administrators), 監査 for supervisors and auditors (administrators: its alerts only);
# reading records alone (a supervisor's resident.search) opens nothing.
WORKSPACE_RULES: Final[tuple[WorkspaceRule, ...]] = (
    WorkspaceRule("counter", frozenset({MOVE_DRAFT, MOVE_COMMIT, CERTIFICATE_ISSUE})),
    WorkspaceRule("card_desk", frozenset({CARD_RECORD})),
    WorkspaceRule("approvals", frozenset({BULK_APPROVE})),
    WorkspaceRule("diagnostics", frozenset({DIAGNOSTICS_READ})),
    WorkspaceRule("audit", frozenset({AUDIT_READ, ALERT_READ})),
)


def workspaces_for(
    permissions: Iterable[str], rules: Iterable[WorkspaceRule] = WORKSPACE_RULES
) -> list[str]:
    """The workspace keys a person with `permissions` gets, in the order of `rules`."""
    held = frozenset(permissions)
    return [rule.key for rule in rules if rule.any_of & held]
