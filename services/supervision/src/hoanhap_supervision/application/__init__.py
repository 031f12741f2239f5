"""Supervision's use cases: load a case, check access, decide, append; dependencies arrive as parameters."""
