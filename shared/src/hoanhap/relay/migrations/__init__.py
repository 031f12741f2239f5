"""Numbered SQL migrations of the relay's table."""
