"""The 承認 workspace (F4): supervisors see every pending bulk-job request from all terminals
and approve or decline it in their own session (issue 7). The flow is app.approval_queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.approval_queue import RequestSender
    from ui.workspaces import WorkspaceContext


def registry_of(context: WorkspaceContext) -> RequestSender | None:
    """The registry client for a workspace. The context does not carry it yet: take it from
    the context if a later version adds it, else from the shell owning the runner
    (TerminalShell.registry), as the 窓口 workspace does."""
    for holder in (context, context.runner.parent()):
        client = getattr(holder, "registry", None)
        if callable(getattr(client, "request", None)):
            return client  # type: ignore[no-any-return]
    return None


def build_workspace(context: WorkspaceContext) -> QWidget:
    """The 承認 page for the shell's WorkspaceContext."""
    from ui.approvals.workspace import build_approvals_workspace

    return build_approvals_workspace(registry_of(context), context.runner, context.personal_data)
