"""The カード交付 workspace (ui/carddesk/workspace.py)."""

from ui.carddesk.workspace import build_card_desk_workspace

__all__ = ["build_card_desk_workspace"]
