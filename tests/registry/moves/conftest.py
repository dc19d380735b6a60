"""The move tests use `world` from tests/registry/conftest.py."""
