"""Credit's contracts: loan events, their choices, and the borrower (an individual or a business)."""
