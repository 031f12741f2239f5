"""The registry as a source of stats: its events folded into releases, residences and reoffences, and its
recidivism figures."""
