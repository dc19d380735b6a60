"""Widgets for resident data: masked numbers, copy-proof fields, models that clear on lock."""
