"""Supervision's HTTP routers, one per resource, on the shared write-path kit."""
