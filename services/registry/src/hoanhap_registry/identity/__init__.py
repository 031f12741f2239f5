"""Direct identifiers: sealed per person, looked up by keyed digest, destroyed by deleting the key."""
