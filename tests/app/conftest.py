"""Terminal-side tests without Qt widgets."""
