"""How an address of the register is written out, the same on screen, on certificates and in
the API."""

from __future__ import annotations


def format_address(
    prefecture: str, city: str, town: str, detail: str, building: str | None = None
) -> str:
    # The 方書 (building and room) follows after a full-width space, as on a 住民票.
    base = f"{prefecture}{city}{town}{detail}"
    return f"{base}\u3000{building}" if building else base
