"""The 承認 workspace (F4): supervisors see every pending bulk-job request from all terminals
and approve or decline it in their own session (issue 7). The flow is app.approval_queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.workspaces import WorkspaceContext


def build_workspace(context: WorkspaceContext) -> QWidget:
    """The 承認 page for the shell's WorkspaceContext."""
    from ui.approvals.workspace import build_approvals_workspace

    return build_approvals_workspace(context.registry, context.runner, context.personal_data)
