"""The registry's domain: a released person's case, its events, and the rules that decide them. No I/O here."""
