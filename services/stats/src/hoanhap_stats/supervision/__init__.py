"""Supervision as a source of stats: its events folded into cases, visits, support, sponsors, local models and
outreach, and their figures."""
