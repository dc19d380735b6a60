"""One module per application on the card: what can be asked of it and how its files parse."""
