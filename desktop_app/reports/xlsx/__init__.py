"""XLSX renderers (returns, exports)."""
