"""Pure rules of the resident register, shared by the terminal and the registry service.

Nothing here does I/O or imports Qt, SQLAlchemy or FastAPI, so both sides apply the very same
rules: the terminal for the clerk's comfort, the registry as the authority.
"""
