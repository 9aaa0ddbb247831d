"""Hearth: a native desktop companion for local AI."""

__version__ = "0.1.0"
