"""How figures are asked for and shown, whatever their source: selection, own place, disclosure, suppression,
amounts, the province tables and the HTTP dependencies."""
