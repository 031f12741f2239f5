"""Credit's domain: the lending rules of Decision 22/2023/QĐ-TTg as pure functions; no I/O."""
