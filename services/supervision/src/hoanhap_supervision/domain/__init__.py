"""Supervision's domain: a supervision case's events, state, rules and refusals; no I/O."""
