"""Supervision's adapters: the event store behind the application's protocols, the projections, the view of the
registry fed from its topic, read queries, and the internal → integration mapping (the privacy boundary)."""
