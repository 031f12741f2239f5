"""Credit as a source of stats: its events folded into loans, and the loan figures."""
