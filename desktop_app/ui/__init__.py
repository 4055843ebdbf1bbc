"""The PySide6 GUI: the only package that imports Qt (with app.py)."""
