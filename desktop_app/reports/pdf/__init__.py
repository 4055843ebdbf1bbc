"""PDF renderers (letters, receipts, returns)."""
