"""The 監査 workspace (Shift+F4): access records and security alerts for supervisors and
auditors. The flow is app.audit_reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.workspaces import WorkspaceContext


def build_workspace(context: WorkspaceContext) -> QWidget:
    """The 監査 page for the shell's WorkspaceContext: the parts the person's permissions open."""
    from app.audit_reports import AuditApi
    from app.session.permissions import ALERT_READ, ALERT_RESOLVE, AUDIT_READ
    from ui.audit.workspace import AuditWorkspace

    session = context.session
    api = AuditApi(context.registry) if context.registry is not None else None
    return AuditWorkspace(api, context.runner, context.personal_data,
                          may_list=session.can(AUDIT_READ), may_see_alerts=session.can(ALERT_READ),
                          may_resolve=session.can(ALERT_RESOLVE))
