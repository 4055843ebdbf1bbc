"""Seuil: housing-first rental intermediation and boarding houses, for small associations."""

__version__ = "0.1.0"
APP_NAME = "Seuil"
