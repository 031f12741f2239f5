"""The credit service: loans under Decision 22/2023/QĐ-TTg."""
