"""Queries over the register. Routes call these; they never build SQL themselves."""
