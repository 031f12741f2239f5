"""Supervision's contracts: case events, community events (models, outreach), their choices."""
