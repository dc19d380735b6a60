"""The registry's HTTP API (contract: shared/docs/architecture.md)."""
