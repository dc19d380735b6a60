"""Deterministic generator of a synthetic city's resident register (no real person's data)."""
