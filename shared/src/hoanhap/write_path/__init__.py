"""The write-path kit every write service mounts: refusals and their HTTP answers (`errors`, `error_answers`),
jurisdiction over a record's place (`jurisdiction`), Idempotency-Key (`idempotency`, with its table as the
migration component `idempotency`), If-Match / ETag (`versions`) and the case-history endpoint (`history`).

Only `errors` is free of FastAPI and asyncpg, so a service's application layer may raise its refusals; this
package's root imports nothing, so importing `hoanhap.write_path.errors` stays that light.
"""
