"""Background jobs of the registry service."""
