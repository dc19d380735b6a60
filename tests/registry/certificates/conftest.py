"""The certificate tests use `world` from tests/registry/conftest.py."""
