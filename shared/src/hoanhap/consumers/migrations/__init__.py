"""Numbered SQL migrations of the tracked consumers' tables."""
