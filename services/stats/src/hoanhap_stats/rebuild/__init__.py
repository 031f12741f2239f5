"""Rebuilding the read models: a replay of every topic into a fresh schema, in several processes, then one
switch-over; and the operator's command that runs it."""
