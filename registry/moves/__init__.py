"""住民異動: requests, plans, drafts and commits (the registry's move service)."""
