"""The terminal's screen security: idle detection, privacy shield, lock screen, capture block."""
