"""The live feeds (Server-Sent Events): one reader per process fanning changes out to its admitted clients."""
