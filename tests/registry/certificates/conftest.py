"""The certificate tests use the move tests' registry (its own city, changed by tests)."""

from tests.registry.moves.conftest import world

__all__ = ["world"]
