"""The login screen."""
