"""The registry's SQL: the people table as the state projection, the read queries, the case streams in
PostgreSQL, person keys, transfer requests, and the internal → integration event mapping (the privacy boundary)."""
