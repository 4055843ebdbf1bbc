"""Renderers: plain data in, PDF or XLSX bytes out. They never query."""
