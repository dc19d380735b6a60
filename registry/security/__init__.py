"""Staff, sessions, terminals, permissions and approvals: the registry's own enforcement of the
seed's risk measures (domain.md, "Rules the system itself must enforce")."""
