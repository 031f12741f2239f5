"""How events change: the catalogue of versions, upcasters, breaking-change checks, the committed JSON Schemas."""
