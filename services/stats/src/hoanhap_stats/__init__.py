"""The stats service: read models, recidivism figures, live feed and dashboard."""
