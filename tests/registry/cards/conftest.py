"""The card and identity tests use `world` from tests/registry/conftest.py (a registry of its own
per backend, shared with the move and certificate tests; each test claims its own households)."""
