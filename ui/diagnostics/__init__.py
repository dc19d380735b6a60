"""The helpdesk's diagnostic view over app.diagnostics: it shows no resident data."""
