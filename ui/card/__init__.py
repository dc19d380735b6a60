"""The card reader in the Qt terminal: `bridge.CardBridge` (the card service's events and job
results as signals and callbacks on the UI thread) and `pin_entry.PinEntry` (the masked PIN
field the card holder types into). Shared by the identity check, the card desk and the move
form's card fill."""
